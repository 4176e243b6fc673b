import { LINK_TYPE_NAMES, LINK_TYPES, type LinkType } from '../../domain/enums.js';
import type { ServiceDeps } from '../context.js';
import { networkStatements as S, type NetworkEdgeRow } from './statements.js';

/** Types whose direction means nothing (cooperation, joint ventures, competition): crossed either way. */
export const SYMMETRIC_LINK_TYPES: LinkType[] = LINK_TYPE_NAMES.filter((t) => LINK_TYPES[t].symmetric);

/** Relationship types of the actor network: everything but place, event, upgrading and chain bookkeeping. */
export const ACTOR_LINK_TYPES: LinkType[] = LINK_TYPE_NAMES.filter((t) => !['LOCATED_IN', 'AFFECTS', 'UNDERWENT', 'HAS_CHAIN'].includes(t));

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface ExpandArgs {
  /** Entities to start from (hop 0). */
  ids: string[];
  /** Hops to take (the caller checks it against MAX_HOPS). */
  hops: number;
  /** Relationship types followed. */
  types: string[];
  /** Stored direction followed; symmetric types are crossed either way. */
  direction: Direction;
  /** Only relationships valid in that year (unknown bounds count as valid). */
  year?: number | null;
  /** Entities never entered. */
  exclude?: string[];
  /** Most entities in the result (start included). */
  maxNodes: number;
}

export interface Expansion {
  /** Every entity reached, start first, nearest first. */
  nodeIds: string[];
  /** Every relationship crossed between two entities of `nodeIds`, once each. */
  edges: NetworkEdgeRow[];
  /** Which limit cut the expansion short, or null. */
  truncatedBy: string | null;
}

/**
 * Breadth-first expansion, one round trip per hop. Stops adding nodes at `maxNodes` and says so: the
 * result is then the first nodes reached, nearest first, and every edge among them. With `loaders`, the
 * entities reached (each hop's rows carry them) are primed into the request's entity loader, so that
 * turning the expansion into a subgraph costs no further round trip.
 */
export async function expand({ executor, loaders }: Pick<ServiceDeps, 'executor'> & Partial<Pick<ServiceDeps, 'loaders'>>, a: ExpandArgs): Promise<Expansion> {
  const seen = new Set(a.ids);
  const edges = new Map<string, NetworkEdgeRow>();
  let frontier = [...a.ids];
  let truncatedBy: string | null = null;
  const edgeLimit = a.maxNodes * 4;
  for (let hop = 0; hop < a.hops && frontier.length > 0 && !truncatedBy; hop += 1) {
    const rows = await executor.read(S.expandFrontier, {
      ids: frontier,
      types: a.types,
      dir: a.direction,
      sym: SYMMETRIC_LINK_TYPES,
      year: a.year ?? null,
      exclude: a.exclude ?? [],
      limit: edgeLimit + 1,
    });
    if (rows.length > edgeLimit) truncatedBy = `per-hop edge limit (${edgeLimit})`;
    const next: string[] = [];
    for (const { node, ...r } of rows.slice(0, edgeLimit)) {
      loaders?.entity.prime(node.id, node);
      for (const end of [r.source, r.target]) {
        if (seen.has(end)) continue;
        if (seen.size >= a.maxNodes) {
          truncatedBy = `MAX_SUBGRAPH_NODES (${a.maxNodes})`;
          continue;
        }
        seen.add(end);
        next.push(end);
      }
      if (seen.has(r.source) && seen.has(r.target)) edges.set(r.id, r);
    }
    frontier = next;
  }
  return { nodeIds: [...seen], edges: [...edges.values()], truncatedBy };
}
