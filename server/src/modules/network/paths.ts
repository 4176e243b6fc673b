import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { toEdge } from '../core/edges.js';
import { existingEntities, requireEntities } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import { wholeNumberWithin } from './arguments.js';
import { ACTOR_LINK_TYPES, arrowOf, SYMMETRIC_LINK_TYPES, testsThatHold, type Direction } from './expand.js';
import { distinctRoutes, lightestRoutes, type Route } from './routes.js';
import { networkStatements as S, type PathRow } from './statements.js';
import type { EdgeModel } from './subgraph.js';

export type PathMode = 'SHORTEST' | 'ALL_SHORTEST' | 'K_SHORTEST' | 'ALL_SIMPLE' | 'WEIGHTED';

export interface PathsArgs {
  from: string;
  /** Target ids, or kinds (and buyer / institution / firm-role types) of targets. */
  to: { ids?: string[] | null; kinds?: string[] | null; types?: string[] | null };
  mode: PathMode;
  /** Paths per target for K_SHORTEST and WEIGHTED (≤ MAX_PATHS). */
  k: number;
  /** Longest path (≤ MAX_PATH_LENGTH). */
  maxLength: number;
  /** Relationship types crossed (default: the actor network). */
  types?: string[] | null;
  /** Kinds allowed between the ends (default: any). */
  via?: string[] | null;
  /** Entities no path passes through. */
  exclude?: string[] | null;
  direction: Direction;
  year?: number | null;
  /** Weights per relationship type for WEIGHTED mode (default 1 each). */
  weights?: { type: string; weight: number }[] | null;
  /** Most paths returned (≤ MAX_PATHS). */
  first: number;
}

export interface PathModel {
  length: number;
  weight: number;
  nodes: EntityRow[];
  edges: EdgeModel[];
}

/** Upper bound on simple paths enumerated for WEIGHTED ranking before the best k are chosen. */
export const WEIGHTED_CANDIDATES = 5000;

/** Rows fetched for a page of `first` routes: extra, because parallel relationships repeat routes. */
const fetchLimit = (first: number) => first * 4 + 1;

/** Paths from one entity to a target or a set of targets, `first` at most, with their entities and edges. */
export async function findPaths({ executor, limits, loaders }: ServiceDeps, a: PathsArgs): Promise<{ paths: PathModel[]; count: number; truncated: boolean }> {
  const maxLength = wholeNumberWithin('maxLength', a.maxLength, limits.pathLength, 'MAX_PATH_LENGTH');
  const k = wholeNumberWithin('k', a.k, limits.paths, 'MAX_PATHS');
  const first = wholeNumberWithin('first', a.first, limits.paths, 'MAX_PATHS');
  if (!a.to.ids?.length && !a.to.kinds?.length) throw new BadInputError('to: give target ids, or kinds (and optionally types) of targets.', 'to');
  if (a.weights?.some((w) => !(w.weight > 0))) throw new BadInputError('weights: every weight must be a positive number.', 'weights');
  const params = {
    from: a.from, toIds: a.to.ids ?? [], toKinds: a.to.kinds ?? [], toTypes: a.to.types ?? [],
    types: a.types?.length ? a.types : ACTOR_LINK_TYPES, via: a.via?.length ? a.via : null, exclude: a.exclude ?? [],
    year: a.year ?? null, dir: a.direction, sym: SYMMETRIC_LINK_TYPES,
  };
  let routes: Route[];
  let truncated: boolean;
  let rows: PathRow[];
  // Targets given only by kind: their labels in the pattern, so the search keeps to them. Without types to
  // test as well, the labels say all the target test would (an entity's kind property and its label are
  // written together, from the same allow-listed kind), so that test is left out, as is the via test when
  // no via is given: Neo4j would evaluate both on every candidate end.
  const targets = params.toIds.length === 0 && params.toKinds.length > 0 ? params.toKinds : undefined;
  // The relationship types are written into the pattern, and the tests that hold left out (as an expansion's).
  // Only with targets by kind is there a target test to leave out (pathsToIds.cypher has none).
  const omit = [...testsThatHold(params), ...(params.via === null ? ['via'] : []), ...(targets && params.toTypes.length === 0 ? ['target'] : [])];
  const variant = { maxLength, targets, relTypes: params.types, arrow: arrowOf(params), omit };
  if (a.mode === 'WEIGHTED') {
    // Cypher has no weighted shortest-path selector without GDS, so the server ranks the bounded set of
    // simple paths up to maxLength by total weight. Exact when fewer than WEIGHTED_CANDIDATES exist.
    rows = await executor.read(S.simplePaths, { ...params, limit: WEIGHTED_CANDIDATES + 1 }, variant);
    const best = lightestRoutes(rows, new Map((a.weights ?? []).map((w) => [w.type, w.weight])), k);
    routes = best.slice(0, first);
    truncated = rows.length > WEIGHTED_CANDIDATES || best.length > first;
  } else {
    const limit = fetchLimit(first);
    if (a.mode === 'ALL_SHORTEST') rows = await executor.read(S.allShortestPaths, { ...params, limit }, variant);
    else if (a.mode === 'ALL_SIMPLE') rows = await executor.read(S.simplePaths, { ...params, limit }, variant);
    else {
      // Targets given only by id are bound first, so the search runs from both ends (pathsToIds.cypher).
      const byIdOnly = params.toIds.length > 0 && params.toKinds.length === 0;
      rows = await executor.read(byIdOnly ? S.pathsToIds : S.paths, { ...params, limit }, { ...variant, k: a.mode === 'SHORTEST' ? 1 : k });
    }
    // Outside WEIGHTED mode a path weighs its length, whatever weights were passed.
    const distinct = distinctRoutes(rows).map((p) => ({ ...p, weight: p.rels.length }));
    routes = distinct.slice(0, first);
    truncated = distinct.length > first || rows.length >= limit;
  }

  // The rows carry their entities: primed into the request's loader, they cost no second round trip, and
  // neither does the check that the ends exist when a path was found (it passes through them). Only ends that
  // no path reached are looked up, both arguments in one batch: an unknown id finds no path, so checking
  // after the search, not beside it, answers the same and saves the round trip in the common case.
  for (const p of rows) for (const n of p.nodes ?? []) loaders.know(n.id, n);
  await Promise.all([requireEntities(loaders, [a.from], 'from'), requireEntities(loaders, a.to.ids ?? [], 'to.ids')]);
  const byId = new Map((await existingEntities(loaders, [...new Set(routes.flatMap((p) => p.nodeIds))])).map((n) => [n.id, n]));
  const paths = routes.map((p) => ({
    length: p.rels.length,
    weight: p.weight,
    nodes: p.nodeIds.flatMap((id) => byId.get(id) ?? []),
    edges: p.rels.map(toEdge),
  }));
  return { paths, count: paths.length, truncated };
}
