import { asGhsType, asHsType, type GhsType, type HsType } from '../../domain/governance.js';
import type { ServiceDeps } from '../context.js';
import { toEdge } from '../core/edges.js';
import { requireEntity } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import { wholeNumberWithin } from '../network/arguments.js';
import { expand } from '../network/expand.js';
import { entitiesOf, type EdgeModel } from '../network/subgraph.js';
import { chainsByEntity, type ChainRoleModel } from './chainRoles.js';

/** The links along which goods flow, supplier → customer. */
const FLOW_TYPES = ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO'];

export type TraceDirection = 'UPSTREAM' | 'DOWNSTREAM';

export interface TraceArgs {
  /** The actor or cluster to start from. */
  id: string;
  direction: TraceDirection;
  /** Tiers to trace (≤ MAX_HOPS). */
  tiers: number;
  /** Only links valid in that year. */
  year?: number | null;
  /** Start a cluster's trace from its members too (tier 0). */
  includeMembers: boolean;
}

export interface TraceEdgeModel {
  edge: EdgeModel;
  tier: number;
  chains: EntityRow[];
  governanceHS: HsType[];
  governanceGHS: GhsType[];
}

/**
 * The tier of each entity: 0 for the start, then the hop at which the flow links, followed away from the
 * start (source → target downstream, target → source upstream), first reach it.
 */
export function tiersFrom(start: string[], edges: { source: string; target: string }[], a: { direction: TraceDirection; tiers: number }): Map<string, number> {
  const tierOf = new Map(start.map((id) => [id, 0]));
  let frontier = new Set(start);
  for (let t = 1; t <= a.tiers && frontier.size > 0; t += 1) {
    const next = new Set<string>();
    for (const e of edges) {
      const [from, to] = a.direction === 'DOWNSTREAM' ? [e.source, e.target] : [e.target, e.source];
      if (frontier.has(from) && !tierOf.has(to)) {
        tierOf.set(to, t);
        next.add(to);
      }
    }
    frontier = next;
  }
  return tierOf;
}

const distinct = <T>(xs: (T | null)[]): T[] => [...new Set(xs.filter((x): x is T => x !== null))];

/** A value chain traced from an actor (or a cluster and its members), tier by tier, with each link's governance. */
export async function traceValueChain({ executor, limits, loaders }: ServiceDeps, a: TraceArgs) {
  const tiers = wholeNumberWithin('tiers', a.tiers, limits.hops, 'MAX_HOPS');
  // The expansion's first round trip reads the start and, for a cluster, its members (an actor has none), so
  // checking the start afterwards costs no round trip of its own.
  // The expansion reads the chains of every entity it reaches too, in the same round trips.
  const x = await expand({ executor, loaders }, { ids: [a.id], membersOf: a.includeMembers ? a.id : null, hops: tiers, types: FLOW_TYPES, direction: a.direction === 'DOWNSTREAM' ? 'OUT' : 'IN', year: a.year, maxNodes: limits.subgraphNodes, chains: true });
  const start = await requireEntity(loaders, a.id, 'id');
  const tier0 = [start.id, ...x.members];
  const tierOf = tiersFrom(tier0, x.edges, { direction: a.direction, tiers });

  const chainsOf = chainsByEntity(x.chains);
  const chainEntities = new Map([...chainsOf.values()].flat().map((c) => [c.chain, c.node]));
  const sharedChains = (source: string, target: string) => {
    const ofSource = new Set((chainsOf.get(source) ?? []).map((c) => c.chain));
    return distinct((chainsOf.get(target) ?? []).map((c) => (ofSource.has(c.chain) ? c.chain : null))).flatMap((id) => chainEntities.get(id) ?? []);
  };
  const edges: TraceEdgeModel[] = x.edges
    .filter((e) => tierOf.has(e.source) && tierOf.has(e.target))
    .map((e) => {
      const near = a.direction === 'DOWNSTREAM' ? e.source : e.target;
      const chains = sharedChains(e.source, e.target);
      return {
        edge: toEdge(e),
        tier: (tierOf.get(near) ?? 0) + 1,
        chains,
        governanceHS: distinct(chains.map((c) => asHsType(c.governanceHS))),
        governanceGHS: distinct(chains.map((c) => asGhsType(c.governanceGHS))),
      };
    });

  const byTier = new Map<number, string[]>();
  for (const [id, t] of tierOf) {
    const ids = byTier.get(t);
    if (ids) ids.push(id);
    else byTier.set(t, [id]);
  }
  const tierNodes = await Promise.all([...byTier.entries()].sort((p, q) => p[0] - q[0]).map(async ([tier, ids]) => ({ tier, nodes: await entitiesOf({ loaders }, x, ids) })));
  const startChains: ChainRoleModel[] = (chainsOf.get(a.id) ?? []).map((c) => ({ chainId: c.chain, actorId: a.id, role: c.role }));
  return { start, direction: a.direction, tiers: tierNodes, edges, chains: startChains, truncated: x.truncatedBy !== null };
}
