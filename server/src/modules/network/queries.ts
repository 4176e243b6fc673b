import { LINK_TYPE_NAMES, LINK_TYPES, type LinkType } from '../../domain/enums.js';
import type { Executor, Row } from '../../neo4j/executor.js';

/** Types whose direction means nothing (cooperation, joint ventures, competition): crossed either way. */
const SYMMETRIC = LINK_TYPE_NAMES.filter((t) => LINK_TYPES[t].symmetric);

/** Relationship types of the actor network: everything but place, event, upgrading and chain bookkeeping. */
export const ACTOR_LINK_TYPES: LinkType[] = LINK_TYPE_NAMES.filter((t) => !['LOCATED_IN', 'AFFECTS', 'UNDERWENT', 'HAS_CHAIN'].includes(t));

export interface EdgeRow extends Row {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface ExpandArgs {
  ids: string[];
  hops: number;
  types: string[];
  direction: 'OUT' | 'IN' | 'BOTH';
  year?: number | null;
  exclude?: string[];
  maxNodes: number;
}

/**
 * Breadth-first expansion, one round trip per hop. Stops adding nodes at `maxNodes` and says so: the
 * result is then the first nodes reached, nearest first, and every edge among them.
 */
export async function expand(executor: Executor, a: ExpandArgs): Promise<{ nodeIds: string[]; edges: EdgeRow[]; truncatedBy: string | null }> {
  const seen = new Set(a.ids);
  const edges = new Map<string, EdgeRow>();
  let frontier = [...a.ids];
  let truncatedBy: string | null = null;
  const edgeLimit = a.maxNodes * 4;
  for (let hop = 0; hop < a.hops && frontier.length > 0 && !truncatedBy; hop += 1) {
    const rows = (await executor.read('network/expandFrontier', {
      ids: frontier,
      types: a.types,
      dir: a.direction,
      sym: SYMMETRIC,
      year: a.year ?? null,
      exclude: a.exclude ?? [],
      limit: edgeLimit + 1,
    })) as EdgeRow[];
    if (rows.length > edgeLimit) truncatedBy = `per-hop edge limit (${edgeLimit})`;
    const next: string[] = [];
    for (const r of rows.slice(0, edgeLimit)) {
      for (const end of [r.source, r.target]) {
        if (seen.has(end)) continue;
        if (seen.size >= a.maxNodes) {
          truncatedBy = `MAX_SUBGRAPH_NODES (${a.maxNodes})`;
          continue;
        }
        seen.add(end);
        next.push(end);
      }
      if (seen.has(r.source) && seen.has(r.target)) edges.set(r.id, r);
    }
    frontier = next;
  }
  return { nodeIds: [...seen], edges: [...edges.values()], truncatedBy };
}

export interface PathArgs {
  from: string;
  toIds: string[];
  toKinds: string[];
  toTypes: string[];
  types: string[];
  via: string[] | null;
  exclude: string[];
  year: number | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  maxLength: number;
  mode: 'SHORTEST' | 'ALL_SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE' | 'WEIGHTED';
  k: number;
  limit: number;
  weights: Map<string, number>;
}

export interface PathRow {
  nodeIds: string[];
  rels: EdgeRow[];
  weight: number;
}

/** Upper bound on simple paths enumerated for WEIGHTED ranking before the best k are chosen. */
export const WEIGHTED_CANDIDATES = 5000;

/**
 * Several sources often state the same tie, so the graph holds parallel relationships; paths that differ
 * only in which parallel relationship they use are one route for a reader. Keeps the first of each
 * sequence of entities and relationship types.
 */
function distinctRoutes(paths: PathRow[]): PathRow[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = `${p.nodeIds.join('>')}|${p.rels.map((r) => r.type).join('>')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rows fetched for a page of `limit` routes: extra, because parallel relationships repeat routes. */
const fetchLimit = (limit: number) => limit * 4 + 1;

export async function findPaths(executor: Executor, a: PathArgs): Promise<{ paths: PathRow[]; truncated: boolean }> {
  const params = { from: a.from, toIds: a.toIds, toKinds: a.toKinds, toTypes: a.toTypes, types: a.types, via: a.via, exclude: a.exclude, year: a.year, dir: a.direction, sym: SYMMETRIC };
  const variant = { maxLength: a.maxLength };
  const weigh = (rels: EdgeRow[]) => rels.reduce((s, r) => s + (a.weights.get(r.type) ?? 1), 0);
  let rows: Row[];
  if (a.mode === 'ALL_SHORTEST') rows = await executor.read('network/allShortestPaths', { ...params, limit: fetchLimit(a.limit) }, variant);
  else if (a.mode === 'ALL_SIMPLE') rows = await executor.read('network/simplePaths', { ...params, limit: fetchLimit(a.limit) }, variant);
  else if (a.mode === 'WEIGHTED') {
    // Cypher has no weighted shortest-path selector without GDS, so the server ranks the bounded set of
    // simple paths up to maxLength by total weight. Exact when fewer than WEIGHTED_CANDIDATES exist.
    const all = await executor.read('network/simplePaths', { ...params, limit: WEIGHTED_CANDIDATES + 1 }, variant);
    const ranked = distinctRoutes(all
      .map((r) => ({ nodeIds: r.nodeIds as string[], rels: r.rels as EdgeRow[], weight: weigh(r.rels as EdgeRow[]) }))
      .sort((x, y) => x.weight - y.weight || x.rels.length - y.rels.length || x.nodeIds.join().localeCompare(y.nodeIds.join())));
    // Best k per target, as for K_SHORTEST.
    const perTarget = new Map<string, number>();
    const best = ranked.filter((p) => {
      const t = p.nodeIds.at(-1)!;
      const n = perTarget.get(t) ?? 0;
      perTarget.set(t, n + 1);
      return n < a.k;
    });
    return { paths: best.slice(0, a.limit), truncated: all.length > WEIGHTED_CANDIDATES || best.length > a.limit };
  } else rows = await executor.read('network/paths', { ...params, limit: fetchLimit(a.limit) }, { ...variant, k: a.mode === 'SHORTEST' ? 1 : a.k });
  const paths = distinctRoutes(rows.map((r) => ({ nodeIds: r.nodeIds as string[], rels: r.rels as EdgeRow[], weight: weigh(r.rels as EdgeRow[]) })));
  return { paths: paths.slice(0, a.limit), truncated: paths.length > a.limit || rows.length >= fetchLimit(a.limit) };
}
