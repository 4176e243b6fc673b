import type { PathRow } from './statements.js';

/** A path with its total weight. */
export interface Route extends PathRow {
  weight: number;
}

/**
 * Several sources often state the same tie, so the graph holds parallel relationships; paths that differ
 * only in which parallel relationship they use are one route for a reader. Keeps the first of each
 * sequence of entities and relationship types.
 */
export function distinctRoutes<P extends PathRow>(paths: P[]): P[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = `${p.nodeIds.join('>')}|${p.rels.map((r) => r.type).join('>')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Total weight of a path: each relationship weighs its type's weight, 1 when none is given. */
export function weightOf(p: PathRow, weights: ReadonlyMap<string, number>): number {
  return p.rels.reduce((s, r) => s + (weights.get(r.type) ?? 1), 0);
}

/**
 * The `k` lightest distinct routes to each target, lightest first (ties: fewer relationships, then the
 * entity ids in order), as WEIGHTED mode ranks its candidate simple paths.
 */
export function lightestRoutes(paths: PathRow[], weights: ReadonlyMap<string, number>, k: number): Route[] {
  const ranked = distinctRoutes(
    paths
      .map((p) => ({ ...p, weight: weightOf(p, weights) }))
      .sort((x, y) => x.weight - y.weight || x.rels.length - y.rels.length || x.nodeIds.join().localeCompare(y.nodeIds.join())),
  );
  const perTarget = new Map<string, number>();
  return ranked.filter((p) => {
    const target = p.nodeIds.at(-1) ?? '';
    const n = perTarget.get(target) ?? 0;
    perTarget.set(target, n + 1);
    return n < k;
  });
}
