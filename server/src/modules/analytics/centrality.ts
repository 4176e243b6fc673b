import type { DirectedGraph, UndirectedGraph } from 'graphology';
import { betweenness, closeness, pagerank } from '../../domain/graphology.js';
import type { ServiceDeps } from '../context.js';
import { directedGraph, undirectedGraph } from './graphs.js';
import { project, scopeParams, type NetworkScope } from './projection.js';
import type { CentralityModel, LazyMeasure } from './types.js';

/** What actors can be ranked by: the API's CentralityMeasure values and the measure each names. */
export const CENTRALITY_SORT_KEYS = {
  DEGREE: 'degree',
  IN_DEGREE: 'inDegree',
  OUT_DEGREE: 'outDegree',
  BETWEENNESS: 'betweenness',
  BETWEENNESS_UNDIRECTED: 'betweennessUndirected',
  CLOSENESS: 'closeness',
  PAGERANK: 'pagerank',
} as const;
export type CentralitySortKey = (typeof CENTRALITY_SORT_KEYS)[keyof typeof CENTRALITY_SORT_KEYS];

/**
 * The dearer measures, each computed for the whole network on first use and then shared: only what a
 * request selects or sorts by is computed (exact betweenness is O(N·m), far dearer than the others).
 */
export function lazyMeasures(g: DirectedGraph, u: UndirectedGraph): (m: LazyMeasure) => Record<string, number> {
  const compute: Record<LazyMeasure, () => Record<string, number>> = {
    // Normalised by (n−1)(n−2) directed, (n−1)(n−2)/2 undirected, as networkx.betweenness_centrality.
    betweenness: () => betweenness(g, { normalized: true }),
    betweennessUndirected: () => betweenness(u, { normalized: true }),
    // Wasserman–Faust closeness on the undirected graph, as networkx.closeness_centrality(wf_improved=True).
    closeness: () => closeness(u, { wassermanFaust: true }),
    // As networkx.pagerank(alpha=0.85) on the unweighted digraph; graphology's throws "failed to converge" on an empty graph.
    pagerank: () => (g.order ? pagerank(g, { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000, getEdgeWeight: null }) : {}),
  };
  const done = new Map<LazyMeasure, Record<string, number>>();
  return (m) => done.get(m) ?? done.set(m, compute[m]()).get(m)!;
}

/** Centrality of the actors of a scope (or of `ids` among them), highest value of `sortBy` first, then by id. */
export async function rankCentrality(
  deps: ServiceDeps,
  args: { scope?: NetworkScope | null; ids?: readonly string[] | null; sortBy: CentralitySortKey; first: number },
): Promise<CentralityModel[]> {
  const proj = await project(deps, await scopeParams(deps, args.scope));
  const g = directedGraph(proj);
  const u = undirectedGraph(proj);
  const measures = lazyMeasures(g, u);
  const listed = args.ids?.length ? new Set(args.ids) : null;
  const rows: CentralityModel[] = proj.nodes
    .filter((id) => !listed || listed.has(id))
    .map((id) => ({ actorId: id, inDegree: g.inDegree(id), outDegree: g.outDegree(id), degree: u.degree(id), measure: (m) => measures(m)[id] ?? 0 }));
  const value = (r: CentralityModel, key: CentralitySortKey) => (key === 'degree' || key === 'inDegree' || key === 'outDegree' ? r[key] : r.measure(key));
  return rows.sort((x, y) => value(y, args.sortBy) - value(x, args.sortBy) || x.actorId.localeCompare(y.actorId)).slice(0, args.first);
}
