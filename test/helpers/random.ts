import { mulberry32 as rng } from '../../server/src/domain/betweennessSample.js';

/** Seeded pseudo-random numbers (mulberry32, the engine's own) so that random test graphs are the same on every run. */
export { rng };

/** A random digraph: n nodes, about m distinct arcs (no self-loops), and a group label per node. */
export function randomDigraph(opts: { n: number; m: number; groups: string[]; seed: number; prefix: string }) {
  const r = rng(opts.seed);
  const nodes = Array.from({ length: opts.n }, (_, i) => `${opts.prefix}${String(i).padStart(4, '0')}`);
  // The first group has one member and the second two, so that sna's undefined z-scores occur.
  const group = nodes.map((_, i) => (i === 0 ? opts.groups[0]! : i <= 2 ? opts.groups[1]! : opts.groups[2 + Math.floor(r() * (opts.groups.length - 2))]!));
  const seen = new Set<string>();
  const arcs: [string, string][] = [];
  while (arcs.length < opts.m) {
    const a = Math.floor(r() * opts.n);
    const b = Math.floor(r() * opts.n);
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    arcs.push([nodes[a]!, nodes[b]!]);
  }
  return { nodes, group, arcs };
}
