import { actorExpectations, networkExpectations, ROLES, toRoles, zScores, type Role } from '../../domain/brokerage.js';
import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { density } from './graphs.js';
import { partitionActors, type Partition } from './partition.js';
import { scopeParams, type NetworkScope, type ScopeParams } from './projection.js';
import { analyticsStatements as S } from './statements.js';
import type { BrokerageReport, TwoModeBrokerModel } from './types.js';

/** What sna::brokerage needs: the raw role counts of every actor, its group, N, m and the group sizes. */
export interface BrokerageCounts {
  /** Actors (sna's N). */
  actors: number;
  /** Arcs, ordered pairs with a tie (sna's m). */
  arcs: number;
  /** m / (N(N−1)), 0 below two actors. */
  density: number;
  /** Group → number of actors in it. */
  sizes: Map<string, number>;
  /** Actor → [coordinator, itinerant, representative, gatekeeper, liaison, total]. */
  raw: Map<string, number[]>;
  /** Actor → group. */
  group: Map<string, string>;
}

/** The role an API BrokerageRole value names (TOTAL → total). */
export function roleNamed(name: string): Role {
  const role = ROLES.find((r) => r.toUpperCase() === name);
  if (!role) throw new BadInputError(`sortBy: ${name} is not a brokerage role.`, 'sortBy');
  return role;
}

/**
 * Raw Gould–Fernandez counts, counted in Neo4j by one two-path query, plus what sna's closed forms need
 * (N, m, group sizes). Three or four round trips.
 */
export async function countBrokerage(deps: ServiceDeps, { scope: p, partition }: { scope: ScopeParams; partition: Partition }): Promise<BrokerageCounts> {
  const { nodes, group, prop } = await partitionActors(deps, { scope: p, partition });
  // A property partition is read inside the count query; other partitions travel as an id → group map.
  const groups = prop ? {} : Object.fromEntries(group);
  const [[arcRow], counts] = await Promise.all([deps.executor.read(S.scopeArcCount, p), deps.executor.read(S.brokerage, { ...p, prop, groups })]);
  const arcs = arcRow?.arcs ?? 0;
  const sizes = new Map<string, number>();
  for (const n of nodes) sizes.set(group.get(n)!, (sizes.get(group.get(n)!) ?? 0) + 1);
  const raw = new Map<string, number[]>(nodes.map((n) => [n, [0, 0, 0, 0, 0, 0]]));
  for (const r of counts) {
    const c = [r.coordinator, r.itinerant, r.representative, r.gatekeeper, r.liaison];
    raw.set(r.id, [...c, c.reduce((a, b) => a + b, 0)]);
  }
  return { actors: nodes.length, arcs, density: density(nodes.length, arcs), sizes, raw, group };
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
 * sna::brokerage's output from the raw counts: per actor raw.nli, exp.nli and z.nli; for the network
 * raw.gli, exp.gli and z.gli; with the group sizes, largest first.
 */
export function brokerageReport(b: BrokerageCounts, { sortBy, first, only }: ReportOptions): BrokerageReport {
  const groupNames = [...b.sizes.keys()];
  const n = groupNames.map((g) => b.sizes.get(g)!);
  const perGroup = new Map(groupNames.map((g, i) => [g, actorExpectations(n, i, b.actors, b.density)]));
  const listed = only?.length ? new Set(only) : null;
  const scores = [...b.raw.keys()]
    .filter((id) => !listed || listed.has(id))
    .map((id) => {
      const raw = b.raw.get(id)!;
      const e = perGroup.get(b.group.get(id)!)!;
      return { actorId: id, group: b.group.get(id)!, raw: toRoles(raw), expected: toRoles(e.exp), z: toRoles(zScores(raw, e.exp, e.sd)) };
    })
    .sort((x, y) => (y.raw[sortBy] ?? 0) - (x.raw[sortBy] ?? 0) || x.actorId.localeCompare(y.actorId));
  const whole = [0, 1, 2, 3, 4, 5].map((i) => [...b.raw.values()].reduce((s, r) => s + r[i]!, 0));
  const net = networkExpectations(n, b.actors, b.density);
  return {
    actors: b.actors,
    arcs: b.arcs,
    density: b.density,
    groups: groupNames.map((g) => ({ group: g, size: b.sizes.get(g)! })).sort((x, y) => y.size - x.size || x.group.localeCompare(y.group)),
    network: { raw: toRoles(whole), expected: toRoles(net.exp), z: toRoles(zScores(whole, net.exp, net.sd)) },
    scores: scores.slice(0, first),
  };
}

/** Gould–Fernandez brokerage of the actors of a scope under a partition, exactly as sna::brokerage(g, cl). */
export async function brokerage(deps: ServiceDeps, args: { scope?: NetworkScope | null; partition: Partition } & ReportOptions): Promise<BrokerageReport> {
  const p = await scopeParams(deps, args.scope);
  return brokerageReport(await countBrokerage(deps, { scope: p, partition: args.partition }), args);
}

/** Institutions tied to member firms of different clusters, most cross-cluster firm pairs first. */
export async function twoModeBrokers(deps: ServiceDeps, args: { scope?: NetworkScope | null; first: number }): Promise<TwoModeBrokerModel[]> {
  const p = await scopeParams(deps, args.scope);
  const rows = await deps.executor.read(S.twoModeBrokerage, { types: p.types, year: p.year });
  return rows.slice(0, args.first).map((r) => ({ institutionId: r.id, clusterIds: r.clusters, crossClusterPairs: r.pairs, firms: r.firms }));
}
