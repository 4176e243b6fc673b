import { actorExpectations, networkExpectations, ROLES, toRoles, zScores, type Role } from '../../domain/brokerage.js';
import { adjacency, ROLE_COUNT, roleCounter } from '../../domain/brokerageCount.js';
import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { checkpoint, subControl, type AnalysisControl } from './control.js';
import { density } from './graphs.js';
import { groupLabels, partitionProperty, type GroupLabels, type Partition } from './partition.js';
import { readCompact, scopeParams, type CompactProjection, type CompactProjectionWithGroups, type NetworkScope, type ScopeParams } from './projection.js';
import { analyticsStatements as S } from './statements.js';
import type { BrokerageReport, BrokerageScoreModel, TwoModeBrokerModel } from './types.js';

/** What sna::brokerage needs: the raw role counts of every actor, its group, N, m and the group sizes. */
export interface BrokerageCounts {
  /** Actor ids (sna's N = nodes.length), in id order. */
  nodes: string[];
  /** Arcs, ordered pairs with a tie (sna's m). */
  arcs: number;
  /** m / (N(N−1)), 0 below two actors. */
  density: number;
  /** Each actor's group label and the groups' names (labels in order of first appearance, as sna's unique(cl)). */
  groups: GroupLabels;
  /** raw[6i + r]: actor i's raw count in role r (coordinator, itinerant, representative, gatekeeper, liaison, total). */
  raw: Float64Array;
}

/** The role an API BrokerageRole value names (TOTAL → total). */
export function roleNamed(name: string): Role {
  const role = ROLES.find((r) => r.toUpperCase() === name);
  if (!role) throw new BadInputError(`sortBy: ${name} is not a brokerage role.`, 'sortBy');
  return role;
}

/** Brokers counted between two progress reports (and between yields to the event loop, so a cancel is seen). */
const BROKERS_PER_STEP = 20_000;

/**
 * Raw Gould–Fernandez counts on a projection (domain/brokerageCount.ts), in steps of BROKERS_PER_STEP
 * brokers with a checkpoint and a turn of the event loop between steps, so that progress is reported and a
 * cancellation (an aborted signal) stops the count within a step.
 */
export async function countOnProjection({ projection: p, groups }: { projection: CompactProjection; groups: GroupLabels }, control?: AnalysisControl): Promise<BrokerageCounts> {
  const n = p.nodes.length;
  const { out, inn } = adjacency(n, p.src, p.dst);
  const counter = roleCounter({ group: groups.label, groups: groups.names.length, out, inn });
  for (let from = 0; from < n; from += BROKERS_PER_STEP) {
    checkpoint(control, from / n, `counting brokerage roles: ${from.toLocaleString('en')} of ${n.toLocaleString('en')} brokers`);
    counter.countRange(from, Math.min(n, from + BROKERS_PER_STEP));
    if (control && from + BROKERS_PER_STEP < n) await new Promise((resolve) => setImmediate(resolve));
  }
  checkpoint(control, 1, 'counting brokerage roles: done');
  return { nodes: p.nodes, arcs: p.src.length, density: density(n, p.src.length), groups, raw: counter.raw };
}

/**
 * Raw counts of a scope under a partition: the scope read as typed arrays (with the partition's property
 * when it has one), groups as labels, roles counted in the server. Progress: reading 0–70 %, counting 70–100 %.
 */
export async function countRoles(deps: ServiceDeps, { scope, partition }: { scope: ScopeParams; partition: Partition }, control?: AnalysisControl): Promise<BrokerageCounts> {
  const projection: CompactProjectionWithGroups = await readCompact(deps, { scope, prop: partitionProperty(partition) }, subControl(control, 0, 0.7));
  const groups = await groupLabels(deps, { partition, projection });
  return countOnProjection({ projection, groups }, subControl(control, 0.7, 1));
}

/**
 * Raw counts keyed by actor id (what-if compares two of them): [coordinator, itinerant, representative,
 * gatekeeper, liaison, total] per actor, with the density. For networks the what-if already holds in memory.
 */
export async function countBrokerage(deps: ServiceDeps, args: { scope: ScopeParams; partition: Partition }, control?: AnalysisControl): Promise<{ density: number; raw: Map<string, number[]> }> {
  const b = await countRoles(deps, args, control);
  return { density: b.density, raw: new Map(b.nodes.map((id, i) => [id, Array.from(b.raw.subarray(ROLE_COUNT * i, ROLE_COUNT * i + ROLE_COUNT))])) };
}

/** Options of `brokerageReport`. */
export interface ReportOptions {
  /** The role actors are ranked by (highest raw count first, then by id). */
  sortBy: Role;
  /** Most actors listed. */
  first: number;
  /** Only these actors are listed (the whole-network figures still cover every actor); empty or absent: all. */
  only?: readonly string[] | null;
}

/**
 * The indices of the `first` best actors among `candidates` — highest raw count in the role first, then
 * by id (localeCompare) — kept in a sorted buffer of at most `first`, so a million actors are never sorted.
 */
function topActors(b: BrokerageCounts, role: number, first: number, candidates: Iterable<number>): number[] {
  const value = (i: number) => b.raw[ROLE_COUNT * i + role]!;
  const before = (i: number, j: number) => value(i) > value(j) || (value(i) === value(j) && b.nodes[i]!.localeCompare(b.nodes[j]!) < 0);
  const top: number[] = [];
  if (first <= 0) return top;
  for (const i of candidates) {
    if (top.length === first && !before(i, top[first - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(top[mid]!, i)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, i);
    if (top.length > first) top.pop();
  }
  return top;
}

/**
 * sna::brokerage's output from the raw counts: per actor raw.nli, exp.nli and z.nli; for the network
 * raw.gli, exp.gli and z.gli; with the group sizes, largest first.
 */
export function brokerageReport(b: BrokerageCounts, { sortBy, first, only }: ReportOptions): BrokerageReport {
  const N = b.nodes.length;
  const sizes = new Array<number>(b.groups.names.length).fill(0);
  for (let i = 0; i < N; i += 1) sizes[b.groups.label[i]!]! += 1;
  const perGroup = sizes.map((_, g) => actorExpectations(sizes, g, N, b.density));
  let candidates: Iterable<number>;
  if (only?.length) {
    const listed = new Set(only);
    candidates = b.nodes.flatMap((id, i) => (listed.has(id) ? [i] : []));
  } else candidates = { [Symbol.iterator]: () => Array.from({ length: N }, (_, i) => i)[Symbol.iterator]() };
  const scores = topActors(b, ROLES.indexOf(sortBy), first, candidates).map((i): BrokerageScoreModel => {
    const raw = Array.from(b.raw.subarray(ROLE_COUNT * i, ROLE_COUNT * i + ROLE_COUNT));
    const e = perGroup[b.groups.label[i]!]!;
    return { actorId: b.nodes[i]!, group: b.groups.names[b.groups.label[i]!]!, raw: toRoles(raw), expected: toRoles(e.exp), z: toRoles(zScores(raw, e.exp, e.sd)) };
  });
  const whole = new Array<number>(ROLE_COUNT).fill(0);
  for (let i = 0; i < N * ROLE_COUNT; i += 1) whole[i % ROLE_COUNT]! += b.raw[i]!;
  const net = networkExpectations(sizes, N, b.density);
  return {
    actors: N,
    arcs: b.arcs,
    density: b.density,
    groups: b.groups.names.map((g, l) => ({ group: g, size: sizes[l]! })).sort((x, y) => y.size - x.size || x.group.localeCompare(y.group)),
    network: { raw: toRoles(whole), expected: toRoles(net.exp), z: toRoles(zScores(whole, net.exp, net.sd)) },
    scores,
  };
}

/**
 * Gould–Fernandez brokerage of the actors of a scope under a partition, exactly as sna::brokerage(g, cl):
 * the scope read from Neo4j as typed arrays (bounded by MAX_BROKERAGE_NODES), roles counted in the server,
 * sna's closed forms for expectations and z-scores. An optional control reports progress and cancels.
 */
export async function brokerage(deps: ServiceDeps, args: { scope?: NetworkScope | null; partition: Partition } & ReportOptions, control?: AnalysisControl): Promise<BrokerageReport> {
  const p = await scopeParams(deps, args.scope);
  return brokerageReport(await countRoles(deps, { scope: p, partition: args.partition }, control), args);
}

/** Institutions tied to member firms of different clusters, most cross-cluster firm pairs first. */
export async function twoModeBrokers(deps: ServiceDeps, args: { scope?: NetworkScope | null; first: number }): Promise<TwoModeBrokerModel[]> {
  const p = await scopeParams(deps, args.scope);
  const rows = await deps.executor.read(S.twoModeBrokerage, { types: p.types, year: p.year });
  return rows.slice(0, args.first).map((r) => ({ institutionId: r.id, clusterIds: r.clusters, crossClusterPairs: r.pairs, firms: r.firms }));
}
