import { betweennessCentrality, betweennessInThread } from '../../domain/betweenness.js';
import { csrOf, type Csr } from '../../domain/csr.js';
import { closeness, pagerank } from '../../domain/graphology.js';
import type { ServiceDeps } from '../context.js';
import { checkpoint, subControl, type AnalysisControl } from './control.js';
import { directedGraph, undirectedGraph } from './graphs.js';
import { project, scopeParams, type NetworkScope, type Projection } from './projection.js';
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

const isLazy = (k: string): k is LazyMeasure => k === 'betweenness' || k === 'betweennessUndirected' || k === 'closeness' || k === 'pagerank';

/** Worker threads for betweenness: ANALYSIS_WORKERS, 0 meaning one per core. */
export const workersOf = (limits: ServiceDeps['limits']): number | undefined => limits.analysisWorkers || undefined;

/**
 * The dearer measures, each computed for the whole network on first use and then shared: only what a
 * request selects or sorts by is computed (exact betweenness is O(N·m), far dearer than the others).
 * Values in `ready` (computed beforehand, e.g. betweenness in worker threads) are used as they are.
 */
export function lazyMeasures(p: Pick<Projection, 'nodes' | 'arcs'>, csr: Csr, ready: Map<LazyMeasure, Float64Array> = new Map()): (m: LazyMeasure) => Float64Array {
  const byIndex = (values: Record<string, number>) => Float64Array.from(p.nodes, (id) => values[id] ?? 0);
  const compute: Record<LazyMeasure, () => Float64Array> = {
    // Brandes on the CSR (domain/betweenness.ts), normalised as networkx.betweenness_centrality(normalized=True).
    betweenness: () => betweennessInThread(csr, true),
    betweennessUndirected: () => betweennessInThread(csr, false),
    // Wasserman–Faust closeness on the undirected graph, as networkx.closeness_centrality(wf_improved=True).
    closeness: () => byIndex(closeness(undirectedGraph(p), { wassermanFaust: true })),
    // As networkx.pagerank(alpha=0.85) on the unweighted digraph; graphology's throws "failed to converge" on an empty graph.
    pagerank: () => (p.nodes.length ? byIndex(pagerank(directedGraph(p), { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000, getEdgeWeight: null })) : new Float64Array(0)),
  };
  return (m) => ready.get(m) ?? ready.set(m, compute[m]()).get(m)!;
}

/** Directed and undirected betweenness for the measures asked for, in worker threads, with progress and cancellation. */
async function precompute(deps: ServiceDeps, csr: Csr, wanted: LazyMeasure[], control?: AnalysisControl): Promise<Map<LazyMeasure, Float64Array>> {
  const ready = new Map<LazyMeasure, Float64Array>();
  const runs = wanted.filter((m) => m === 'betweenness' || m === 'betweennessUndirected');
  for (const [i, m] of runs.entries()) {
    const part = subControl(control, i / runs.length, (i + 1) / runs.length);
    const stage = `${m === 'betweenness' ? 'directed' : 'undirected'} betweenness from ${csr.n.toLocaleString('en')} sources`;
    checkpoint(part, 0, stage);
    const values = await betweennessCentrality(csr, {
      directed: m === 'betweenness',
      workers: workersOf(deps.limits),
      signal: control?.signal,
      progress: (f) => checkpoint(part, f, stage),
    });
    checkpoint(part, 1, stage);
    ready.set(m, values);
  }
  return ready;
}

/**
 * Centrality of the actors of a scope (or of `ids` among them), highest value of `sortBy` first, then by id.
 * `measures` names the dearer measures to compute before answering (betweenness in worker threads, watched
 * by `control`); any other is computed in this thread when first read.
 */
export async function rankCentrality(
  deps: ServiceDeps,
  args: { scope?: NetworkScope | null; ids?: readonly string[] | null; sortBy: CentralitySortKey; first: number; measures?: readonly LazyMeasure[] | null },
  control?: AnalysisControl,
): Promise<CentralityModel[]> {
  const proj = await project(deps, await scopeParams(deps, args.scope));
  const csr = csrOf(proj, { shared: true });
  const wanted = new Set<LazyMeasure>(args.measures ?? []);
  if (isLazy(args.sortBy)) wanted.add(args.sortBy);
  const measures = lazyMeasures(proj, csr, await precompute(deps, csr, [...wanted], control));
  const listed = args.ids?.length ? new Set(args.ids) : null;
  const rows: (CentralityModel & { index: number })[] = [];
  proj.nodes.forEach((id, v) => {
    if (listed && !listed.has(id)) return;
    const inDegree = csr.inOffsets[v + 1]! - csr.inOffsets[v]!;
    const outDegree = csr.outOffsets[v + 1]! - csr.outOffsets[v]!;
    const degree = csr.undOffsets[v + 1]! - csr.undOffsets[v]!;
    rows.push({ index: v, actorId: id, inDegree, outDegree, degree, measure: (m) => measures(m)[v] ?? 0 });
  });
  const value = (r: CentralityModel, key: CentralitySortKey) => (isLazy(key) ? r.measure(key) : r[key]);
  return rows
    .sort((x, y) => value(y, args.sortBy) - value(x, args.sortBy) || x.actorId.localeCompare(y.actorId))
    .slice(0, args.first)
    .map(({ index: _, ...r }) => r);
}
