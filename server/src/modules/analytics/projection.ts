import { LINK_TYPES, NODE_KINDS, type LinkType, type NodeKind } from '../../domain/enums.js';
import { LimitError, NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { checkpoint, type AnalysisControl } from './control.js';
import { groupName } from './partition.js';
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

/**
 * A scope loaded as typed arrays, for measures on hundreds of thousands to millions of actors (brokerage;
 * CSR engines build on it): no per-arc objects or strings, so memory stays near 100 bytes per actor and
 * 16 per arc.
 */
export interface CompactProjection {
  /** Actor ids, in id order; an actor's index in this list is its number in `src`, `dst` and `kinds`. */
  nodes: string[];
  /** Each actor's kind, as an index into NODE_KINDS (`NODE_KINDS[kinds[i]]`). */
  kinds: Uint8Array;
  /**
   * The arcs as actor indices, sorted by source, then target: symmetric ties both ways, no self-loops, no
   * duplicates — the same ordered pairs `project()` gives, for the same scope.
   */
  src: Int32Array;
  dst: Int32Array;
}

/** Actors read per round trip by projectCompact (one row of parallel lists per page). */
export const COMPACT_PAGE_SIZE = 25_000;

/** A growable list of numbers in a typed array (doubling), so a million neighbour references stay compact. */
class NumberList {
  data = new Float64Array(1 << 16);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/** node reference → actor index (−1 outside the scope): a flat table when references are dense, else a Map. */
function refIndex(refs: Float64Array, n: number): (ref: number) => number {
  let maxRef = 0;
  for (let i = 0; i < n; i += 1) maxRef = Math.max(maxRef, refs[i]!);
  if (maxRef < 8 * n + 1_000_000) {
    const table = new Int32Array(maxRef + 1).fill(-1);
    for (let i = 0; i < n; i += 1) table[refs[i]!] = i;
    return (ref) => (ref <= maxRef ? table[ref]! : -1);
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i += 1) map.set(refs[i]!, i);
  return (ref) => map.get(ref) ?? -1;
}

/** A compact projection with each actor's group under a PROPERTY partition, read in the same pass. */
export interface CompactProjectionWithGroups extends CompactProjection {
  /** Group label of each actor (0, 1, … in order of first appearance), when a property was asked for. */
  propertyGroups: { label: Int32Array; names: string[] } | null;
}

/**
 * Loads a scope as typed arrays: the same actors and ordered pairs as `project()` (kinds, ids, clusterId,
 * year, exclude), read in pages of COMPACT_PAGE_SIZE actors inside one read transaction (the first query
 * counts the actors and says where each page starts; two pages are then in flight at a time). Each page
 * is one row of parallel lists — ids, kinds, node references and each actor's out-neighbour references — so
 * arcs travel as small integers, not as pairs of id strings; the server maps references to indices and
 * drops neighbours outside the scope. Refused above MAX_BROKERAGE_NODES actors (counted before anything is
 * read). Reports progress and stops when cancelled between pages.
 */
export async function projectCompact(deps: ServiceDeps, p: ScopeParams, control?: AnalysisControl): Promise<CompactProjection> {
  const { propertyGroups: _, ...projection } = await readCompact(deps, { scope: p, prop: null }, control);
  return projection;
}

/**
 * projectCompact, plus (when `prop` is given) each actor's group under a PROPERTY partition: the value of
 * that stored property as `groupName` writes it, read in the same pass and kept as small integer labels.
 */
export async function readCompact(
  { executor, limits }: ServiceDeps,
  { scope: p, prop }: { scope: ScopeParams; prop: string | null },
  control?: AnalysisControl,
): Promise<CompactProjectionWithGroups> {
  const max = limits.brokerageNodes;
  const read = await executor.readTx(async (tx) => {
    const [bounds] = await tx.run(S.scopePages, { kinds: p.kinds, ids: p.ids, exclude: p.exclude, limit: COMPACT_PAGE_SIZE });
    const total = bounds?.actors ?? 0;
    if (total > max) throw new LimitError('actors in the analysed network', max, total, 'Narrow the scope (kinds, ids, clusterId) or raise MAX_BROKERAGE_NODES.');
    const starts = bounds?.starts ?? [];
    const ends = bounds?.ends ?? [];
    const nodes: string[] = [];
    const kindList: number[] = [];
    const labelList: number[] = [];
    const labelOf = new Map<string, number>();
    const refs = new NumberList();
    const rowEnds = new NumberList(); // rowEnds.data[i]: where actor i's neighbours end in `out`
    const out = new NumberList();
    const kindCode = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
    const ask = (k: number) => {
      const page = tx.run(S.scopeAdjacency, { ...p, prop, from: starts[k], to: ends[k] });
      page.catch(() => undefined); // awaited below; this only keeps a page left in flight by a cancel from going unhandled
      return page;
    };
    // Two pages in flight: Neo4j reads the next page while this one is decoded and copied into typed arrays.
    let next = starts.length ? ask(0) : null;
    for (let k = 0; next; k += 1) {
      checkpoint(control, total ? nodes.length / total : 1, `reading the network: ${nodes.length.toLocaleString('en')} of ${total.toLocaleString('en')} actors`);
      const [page] = await next;
      next = k + 1 < starts.length ? ask(k + 1) : null;
      const got = page?.ids.length ?? 0;
      if (nodes.length + got > max) throw new LimitError('actors in the analysed network', max, nodes.length + got, 'Narrow the scope (kinds, ids, clusterId) or raise MAX_BROKERAGE_NODES.');
      for (let i = 0; i < got; i += 1) {
        nodes.push(page!.ids[i]!);
        kindList.push(kindCode.get(page!.kinds[i]!)!);
        refs.push(page!.refs[i]!);
        for (const b of page!.out[i]!) out.push(b);
        rowEnds.push(out.length);
        if (prop !== null) {
          const name = groupName(page!.values[i]![0]);
          let label = labelOf.get(name);
          if (label === undefined) labelOf.set(name, (label = labelOf.size));
          labelList.push(label);
        }
      }
    }
    return { nodes, kindList, refs, ends: rowEnds, out, propertyGroups: prop === null ? null : { label: Int32Array.from(labelList), names: [...labelOf.keys()] } };
  }, 'analytics/projectCompact');
  const { nodes, refs, ends, out } = read;
  const n = nodes.length;
  const indexOf = refIndex(refs.data, n);
  // Each actor's neighbours as indices, in scope, without itself, sorted and without repeats.
  const dst = new Int32Array(out.length);
  const src = new Int32Array(out.length);
  let m = 0;
  for (let i = 0, start = 0; i < n; i += 1) {
    const end = ends.data[i]!;
    const from = m;
    for (let k = start; k < end; k += 1) {
      const j = indexOf(out.data[k]!);
      if (j >= 0 && j !== i) dst[m++] = j;
    }
    dst.subarray(from, m).sort();
    let w = from;
    for (let k = from; k < m; k += 1) if (k === from || dst[k] !== dst[k - 1]) dst[w++] = dst[k]!;
    src.fill(i, from, w);
    m = w;
    start = end;
  }
  return { nodes, kinds: Uint8Array.from(read.kindList), src: src.slice(0, m), dst: dst.slice(0, m), propertyGroups: read.propertyGroups };
}
