import { LINK_TYPES, type LinkType, type NodeKind } from '../../domain/enums.js';
import { LimitError, NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { analyticsStatements as S, type ScopeArcRow } from './statements.js';

/** Default layer: flows, ownership, cooperation, support and brokering among actors. */
export const DEFAULT_TYPES: LinkType[] = ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO', 'OWNS', 'FRANCHISES', 'JOINT_VENTURE', 'COOPERATES_WITH', 'SUPPORTS', 'BROKERS_FOR', 'FUNDS'];
export const DEFAULT_KINDS = ['Firm', 'Buyer', 'Institution', 'Program', 'Person'];
export const SYMMETRIC_TYPES = (Object.keys(LINK_TYPES) as LinkType[]).filter((t) => LINK_TYPES[t].symmetric);

/** The part of the graph a measure runs on, as the API's NetworkScope gives it (kinds as stored, e.g. Firm). */
export interface NetworkScope {
  /** Relationship types (default DEFAULT_TYPES). */
  types?: readonly string[] | null;
  /** Actor kinds (default DEFAULT_KINDS). */
  kinds?: readonly string[] | null;
  /** Only these actors. */
  ids?: readonly string[] | null;
  /** Only the members of this cluster and the actors tied to them. */
  clusterId?: string | null;
  /** The network as it was in this year. */
  year?: number | null;
  /** Actors left out, as if they did not exist. */
  exclude?: readonly string[] | null;
}

/** The Cypher parameters that select a scope (shared by the projection and the brokerage count). */
export type ScopeParams = {
  kinds: string[];
  ids: string[] | null;
  exclude: string[];
  types: string[];
  sym: string[];
  year: number | null;
};

/** Resolves a scope to Cypher parameters: defaults filled in, a cluster replaced by its members and their partners. */
export async function scopeParams({ executor, loaders }: ServiceDeps, scope: NetworkScope | null | undefined): Promise<ScopeParams> {
  const s = scope ?? {};
  const types = s.types?.length ? [...s.types] : DEFAULT_TYPES;
  let ids = s.ids?.length ? [...s.ids] : null;
  if (s.clusterId) {
    const cluster = await loaders.entity.load(s.clusterId);
    if (!cluster || cluster.kind !== 'Cluster') throw new NotFoundError(`scope.clusterId: no cluster ${s.clusterId}.`, 'scope.clusterId');
    const [row] = await executor.read(S.clusterScope, { clusterId: s.clusterId, types });
    const members = row?.ids ?? [];
    ids = ids ? ids.filter((x) => members.includes(x)) : members;
  }
  return { kinds: s.kinds?.length ? [...s.kinds] : DEFAULT_KINDS, ids, exclude: [...(s.exclude ?? [])], types, sym: SYMMETRIC_TYPES, year: s.year ?? null };
}

/** A scope loaded into memory. */
export interface Projection {
  /** Actor ids, in id order. */
  nodes: string[];
  /** Each actor's kind (as stored, e.g. Firm). */
  kinds: Map<string, NodeKind>;
  /** Ordered pairs with a tie; symmetric ties appear both ways; no self-loops, no duplicates. */
  arcs: [string, string][];
}

/** Ordered pairs from scopeArcs rows: a symmetric tie counts both ways; each pair once. */
export function arcsFromRows(rows: readonly ScopeArcRow[]): [string, string][] {
  const seen = new Set<string>();
  const arcs: [string, string][] = [];
  const add = (a: string, b: string) => {
    const k = `${a}\u0000${b}`;
    if (!seen.has(k)) {
      seen.add(k);
      arcs.push([a, b]);
    }
  };
  for (const r of rows) {
    add(r.source, r.target);
    if (r.symmetric) add(r.target, r.source);
  }
  return arcs;
}

/**
 * Loads the scope into memory for measures computed in the server (structural holes, centrality,
 * communities, dependency, what-if): two round trips, refused above MAX_ANALYSIS_NODES actors.
 */
export async function project({ executor, limits }: ServiceDeps, p: ScopeParams): Promise<Projection> {
  const rows = await executor.read(S.scopeNodes, { kinds: p.kinds, ids: p.ids, exclude: p.exclude, prop: null });
  const max = limits.analysisNodes;
  if (rows.length > max) throw new LimitError('actors in the analysed network', max, rows.length, 'Narrow the scope (kinds, ids, clusterId) or raise MAX_ANALYSIS_NODES.');
  const arcs = arcsFromRows(await executor.read(S.scopeArcs, p));
  return { nodes: rows.map((r) => r.id), kinds: new Map(rows.map((r) => [r.id, r.kind])), arcs };
}
