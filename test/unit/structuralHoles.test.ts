import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../server/src/domain/csr.js';
import { holesAt, mutualWeights, structuralHoles, structuralHolesOf } from '../../server/src/domain/structuralHoles.js';
import { structuralHolesOracle } from '../helpers/structuralHolesOracle.js';
import { rng } from '../helpers/random.js';

/**
 * A seeded digraph on n nodes: m random arcs (repeats and self-loops kept: both engines drop them), a share
 * `reciprocal` of them also added the other way, and, when `hub` is set, node 0 tied to that many others
 * (alternately out, in and both ways) so that one actor has hundreds of alters.
 */
function digraph(opts: { n: number; m: number; seed: number; reciprocal: number; hub?: number }): [number, number][] {
  const r = rng(opts.seed);
  const arcs: [number, number][] = [];
  for (let k = 0; k < opts.m; k += 1) {
    const a = Math.floor(r() * opts.n);
    const b = Math.floor(r() * opts.n);
    arcs.push([a, b]);
    if (r() < opts.reciprocal) arcs.push([b, a]);
  }
  for (let j = 1; j <= (opts.hub ?? 0); j += 1) {
    if (j % 3 !== 1) arcs.push([0, j]);
    if (j % 3 !== 0) arcs.push([j, 0]);
  }
  return arcs;
}

const CASES = [
  { name: 'sparse, with isolates and actors tied in only', n: 300, m: 400, seed: 21, reciprocal: 0.1 },
  { name: 'dense and mostly reciprocal', n: 60, m: 900, seed: 22, reciprocal: 0.6 },
  { name: 'with a hub of 600 alters, a third of its ties reciprocal', n: 900, m: 2500, seed: 23, reciprocal: 0.3, hub: 600 },
];

describe('Burt measures on the CSR equal the term-by-term string implementation (test/helpers oracle)', () => {
  for (const c of CASES) {
    it(`agrees on degree, effective size, efficiency, constraint and hierarchy to 1e-9 (${c.name})`, () => {
      const arcs = digraph(c);
      const nodes = Array.from({ length: c.n }, (_, i) => `a${i}`);
      const named = arcs.map(([a, b]): [string, string] => [nodes[a]!, nodes[b]!]);
      const want = structuralHolesOracle(nodes, named);
      const got = holesAt.bind(null, structuralHolesOf(buildCsr(c.n, Int32Array.from(arcs, (a) => a[0]), Int32Array.from(arcs, (a) => a[1]))));
      let hierarchies = 0;
      for (const [v, id] of nodes.entries()) {
        const w = want.get(id)!;
        const g = got(v);
        expect(g.degree, `degree ${id}`).toBe(w.degree);
        for (const k of ['effectiveSize', 'efficiency', 'constraint', 'hierarchy'] as const) {
          if (w[k] === null) expect(g[k], `${k} ${id}`).toBeNull();
          else expect(Math.abs(g[k]! - w[k]!), `${k} ${id}`).toBeLessThan(1e-9);
        }
        if (w.hierarchy !== null && w.hierarchy > 0) hierarchies += 1;
      }
      expect(hierarchies).toBeGreaterThan(c.n / 10); // hierarchy is really compared, not null everywhere
      if (c.hub) expect(got(0).degree).toBeGreaterThanOrEqual(c.hub);
    });
  }

  it('gives the string adapter the same answers, ignoring arcs that name an actor not listed', () => {
    const arcs = digraph({ n: 40, m: 120, seed: 24, reciprocal: 0.4 }).map(([a, b]): [string, string] => [`a${a}`, `a${b}`]);
    const nodes = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const stray: [string, string][] = [['a1', 'ghost'], ['ghost', 'a2']];
    expect(structuralHoles(nodes, [...arcs, ...stray])).toEqual(structuralHoles(nodes, arcs));
    const want = structuralHolesOracle(nodes, arcs);
    for (const [id, r] of structuralHoles(nodes, arcs)) expect(Math.abs((r.constraint ?? 0) - (want.get(id)!.constraint ?? 0))).toBeLessThan(1e-12);
  });
});

describe('structuralHolesOf', () => {
  it('weighs each tie 1 one way and 2 both ways, aligned with the either-way rows', () => {
    // 0→1, 1→0 (mutual), 0→2, 3→0: und(0) = [1, 2, 3] with m = [2, 1, 1]; und(1) = [0] with m = [2].
    const g = buildCsr(4, Int32Array.of(0, 1, 0, 3), Int32Array.of(1, 0, 2, 0));
    const w = mutualWeights(g);
    expect([...w.subarray(g.undOffsets[0], g.undOffsets[1])]).toEqual([2, 1, 1]);
    expect([...w.subarray(g.undOffsets[1], g.undOffsets[2])]).toEqual([2]);
  });

  it('reports progress up to 1 and stops with the error the progress callback throws', () => {
    const arcs = digraph({ n: 10_000, m: 20_000, seed: 25, reciprocal: 0.2 });
    const g = buildCsr(10_000, Int32Array.from(arcs, (a) => a[0]), Int32Array.from(arcs, (a) => a[1]));
    const seen: number[] = [];
    structuralHolesOf(g, { progress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    let calls = 0;
    expect(() =>
      structuralHolesOf(g, {
        progress: () => {
          calls += 1;
          if (calls === 2) throw new Error('cancelled');
        },
      }),
    ).toThrow('cancelled');
    expect(calls).toBe(2);
  });
});
