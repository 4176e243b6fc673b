// Turns the page filters into the predicate the controller applies to drawn elements.
import { ACTOR_KINDS, KINDS } from '../api/types.js';
import type { Filters } from '../state.js';
import type { NodeFilter } from './controller.js';
import type { EdgeData, ElementSet, NodeData } from './elements.js';

const isActor = (kind: string) => (ACTOR_KINDS as readonly string[]).includes(kind);

/** Kinds shown when the kind filter is untouched: everything but places (their LOCATED_IN ties clutter). */
export const DEFAULT_KINDS: readonly string[] = KINDS.filter((k) => k !== 'PLACE');

/**
 * - kinds and types: kept when listed (an empty list keeps all);
 * - cluster: the cluster and its members (the `members` list, or MEMBER_OF links drawn);
 * - country: actors located in it (non-actors such as chains and events have no country and stay);
 * - sector group: clusters of the group and the actors that are members of one;
 * - governance: value chains of that governance, and chain links that carry it.
 */
export function buildFilter(f: Filters, year: number | null, drawn: ElementSet, clusterMembers: ReadonlySet<string>): NodeFilter {
  const clusterOf = new Map<string, string[]>();
  const sectorOfCluster = new Map(drawn.nodes.filter((n) => n.kind === 'CLUSTER').map((n) => [n.id, n.sectorGroup]));
  for (const e of drawn.edges) if (e.type === 'MEMBER_OF') clusterOf.set(e.source, [...(clusterOf.get(e.source) ?? []), e.target]);
  const keepNode = (d: NodeData): boolean => {
    if (!(f.kinds.length ? f.kinds : DEFAULT_KINDS).includes(d.kind)) return false;
    if (f.cluster && d.id !== f.cluster && !clusterMembers.has(d.id) && !(clusterOf.get(d.id) ?? []).includes(f.cluster)) return false;
    if (f.country && isActor(d.kind) && d.country !== f.country) return false;
    if (f.sectorGroup && isActor(d.kind)) {
      const groups = d.kind === 'CLUSTER' ? [d.sectorGroup] : (clusterOf.get(d.id) ?? []).map((c) => sectorOfCluster.get(c) ?? null);
      if (!groups.includes(f.sectorGroup)) return false;
    }
    if (f.governance && d.kind === 'VALUE_CHAIN' && d.governance !== f.governance) return false;
    return true;
  };
  const keepEdge = (d: EdgeData): boolean => {
    if (f.types.length && !f.types.includes(d.type)) return false;
    if (f.governance && d.governance && d.governance !== f.governance) return false;
    return true;
  };
  return { year, keepNode, keepEdge };
}
