import { LimitError, NotFoundError } from '../../errors.js';
import type { Context } from '../context.js';
import { LINK_TYPES, type LinkType } from '../../domain/enums.js';

/** Default layer: flows, ownership, cooperation, support and brokering among actors. */
export const DEFAULT_TYPES: LinkType[] = ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO', 'OWNS', 'FRANCHISES', 'JOINT_VENTURE', 'COOPERATES_WITH', 'SUPPORTS', 'BROKERS_FOR', 'FUNDS'];
export const DEFAULT_KINDS = ['Firm', 'Buyer', 'Institution', 'Program', 'Person'];
export const SYMMETRIC_TYPES = (Object.keys(LINK_TYPES) as LinkType[]).filter((t) => LINK_TYPES[t].symmetric);

export interface NetworkScope {
  types?: string[] | null;
  kinds?: string[] | null;
  ids?: string[] | null;
  clusterId?: string | null;
  year?: number | null;
  exclude?: string[] | null;
}

/** The Cypher parameters that select a scope (shared by the projection and the brokerage count). */
export interface ScopeParams {
  kinds: string[];
  ids: string[] | null;
  exclude: string[];
  types: string[];
  sym: string[];
  year: number | null;
}

export async function scopeParams(ctx: Context, scope: NetworkScope | null | undefined): Promise<ScopeParams> {
  const s = scope ?? {};
  const types = s.types?.length ? s.types : DEFAULT_TYPES;
  let ids = s.ids?.length ? s.ids : null;
  if (s.clusterId) {
    const cluster = await ctx.loaders.entity.load(s.clusterId);
    if (!cluster || cluster.kind !== 'Cluster') throw new NotFoundError(`scope.clusterId: no cluster ${s.clusterId}.`, 'scope.clusterId');
    const [row] = await ctx.executor.read('analytics/clusterScope', { clusterId: s.clusterId, types });
    const members = (row?.ids as string[] | undefined) ?? [];
    ids = ids ? ids.filter((x) => members.includes(x)) : members;
  }
  return { kinds: s.kinds?.length ? s.kinds : DEFAULT_KINDS, ids, exclude: s.exclude ?? [], types, sym: SYMMETRIC_TYPES, year: s.year ?? null };
}

export interface Projection {
  nodes: string[];
  kinds: Map<string, string>;
  values: Map<string, unknown>;
  /** Ordered pairs with a tie; symmetric ties appear both ways; no self-loops, no duplicates. */
  arcs: [string, string][];
}

/** Ordered pairs from scopeArcs rows: a symmetric tie counts both ways; each pair once. */
export function arcsFromRows(rows: Record<string, unknown>[]): [string, string][] {
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
    add(String(r.source), String(r.target));
    if (r.symmetric) add(String(r.target), String(r.source));
  }
  return arcs;
}

/**
 * Loads the scope into memory for measures computed in the server (structural holes, centrality,
 * communities, dependency): two round trips, refused above MAX_ANALYSIS_NODES actors.
 */
export async function project(ctx: Context, p: ScopeParams, prop: string | null = null): Promise<Projection> {
  const rows = await ctx.executor.read('analytics/scopeNodes', { kinds: p.kinds, ids: p.ids, exclude: p.exclude, prop });
  const max = ctx.config.limits.analysisNodes;
  if (rows.length > max) throw new LimitError('actors in the analysed network', max, rows.length, 'Narrow the scope (kinds, ids, clusterId) or raise MAX_ANALYSIS_NODES.');
  const arcs = arcsFromRows(await ctx.executor.read('analytics/scopeArcs', p as unknown as Record<string, unknown>));
  return {
    nodes: rows.map((r) => String(r.id)),
    kinds: new Map(rows.map((r) => [String(r.id), String(r.kind)])),
    values: new Map(rows.map((r) => [String(r.id), r.value])),
    arcs,
  };
}
