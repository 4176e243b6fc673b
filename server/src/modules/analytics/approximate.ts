import { approximateBetweenness, samplesFor } from '../../domain/betweennessSample.js';
import { csrOf } from '../../domain/csr.js';
import { BadInputError, LimitError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { workersOf } from './centrality.js';
import { checkpoint, subControl, type AnalysisControl } from './control.js';
import { project, scopeParams, type NetworkScope } from './projection.js';
import type { ApproximateBetweennessModel } from './types.js';

export interface ApproximateArgs {
  scope?: NetworkScope | null;
  directed: boolean;
  /** Wanted accuracy: enough sources that every actor is within ε·n/(n−1) with probability 1 − δ. */
  epsilon?: number | null;
  /** Or the number of sources itself. */
  samples?: number | null;
  /** Probability the bound may fail. */
  delta: number;
  seed: number;
  ids?: readonly string[] | null;
  first: number;
}

/** Checks the arguments before anything is read: exactly one of epsilon and samples, each in range. */
export function checkApproximateArgs(a: ApproximateArgs): void {
  const hasEps = a.epsilon !== null && a.epsilon !== undefined;
  const hasK = a.samples !== null && a.samples !== undefined;
  if (hasEps === hasK) throw new BadInputError('approximateBetweenness: give either epsilon (the accuracy wanted) or samples (the number of sources), not both and not neither.', hasEps ? 'samples' : 'epsilon');
  if (hasEps && !(a.epsilon! > 0 && a.epsilon! < 1)) throw new BadInputError(`epsilon must be between 0 and 1 (exclusive), e.g. 0.01; got ${a.epsilon}.`, 'epsilon');
  if (hasK && !(Number.isInteger(a.samples) && a.samples! >= 1)) throw new BadInputError(`samples must be a whole number ≥ 1; got ${a.samples}.`, 'samples');
  if (!(a.delta > 0 && a.delta < 1)) throw new BadInputError(`delta must be between 0 and 1 (exclusive), e.g. 0.05; got ${a.delta}.`, 'delta');
  if (!Number.isInteger(a.seed)) throw new BadInputError(`seed must be a whole number; got ${a.seed}.`, 'seed');
}

/**
 * Betweenness estimated from sampled sources (domain/betweennessSample.ts: the estimator, the seeded sample
 * and the Hoeffding + union bound it reports). Never used silently in place of the exact measure: this is
 * its own query, with its own node limit, MAX_APPROXIMATE_NODES. Highest estimate first, then by id.
 */
export async function rankApproximateBetweenness(deps: ServiceDeps, a: ApproximateArgs, control?: AnalysisControl): Promise<ApproximateBetweennessModel> {
  checkApproximateArgs(a);
  const max = deps.limits.approximateNodes;
  checkpoint(control, 0, 'reading the network');
  let proj;
  try {
    // The same projection as the exact measures, under this query's own bound.
    proj = await project({ ...deps, limits: { ...deps.limits, analysisNodes: max } }, await scopeParams(deps, a.scope));
  } catch (e) {
    if (e instanceof LimitError) throw new LimitError('actors in the analysed network', max, Number(e.details?.actual), 'Narrow the scope (kinds, ids, clusterId) or raise MAX_APPROXIMATE_NODES.');
    throw e;
  }
  const csr = csrOf(proj, { shared: true });
  const n = csr.n;
  const samples = a.samples ?? samplesFor(n, a.epsilon!, a.delta);
  const part = subControl(control, 0.1, 1);
  const stage = `approximate ${a.directed ? 'directed' : 'undirected'} betweenness from ${Math.min(samples, n).toLocaleString('en')} of ${n.toLocaleString('en')} sources`;
  const est = await approximateBetweenness(csr, {
    directed: a.directed,
    samples,
    seed: a.seed,
    delta: a.delta,
    workers: workersOf(deps.limits),
    signal: control?.signal,
    progress: (f) => checkpoint(part, f, stage),
  });
  checkpoint(control, 1, stage);
  const listed = a.ids?.length ? new Set(a.ids) : null;
  const scores = proj.nodes
    .map((actorId, v) => ({ actorId, betweenness: est.scores[v]! }))
    .filter((s) => !listed || listed.has(s.actorId))
    .sort((x, y) => y.betweenness - x.betweenness || x.actorId.localeCompare(y.actorId))
    .slice(0, a.first);
  return { actors: n, arcs: csr.arcs, directed: a.directed, samples: est.samples, seed: a.seed, delta: a.delta, errorBound: est.bound, exact: est.samples >= n, scores };
}
