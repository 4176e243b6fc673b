import { LINK_TYPE_NAMES, LINK_TYPES, type LinkType } from '../../domain/enums.js';
import type { ServiceDeps } from '../context.js';
import type { EntityRow } from '../entities/statements.js';
import { networkStatements as S, type ChainRolesRow, type NetworkEdgeRow } from './statements.js';

/** Types whose direction means nothing (cooperation, joint ventures, competition): crossed either way. */
export const SYMMETRIC_LINK_TYPES: LinkType[] = LINK_TYPE_NAMES.filter((t) => LINK_TYPES[t].symmetric);

/** Relationship types of the actor network: everything but place, event, upgrading and chain bookkeeping. */
export const ACTOR_LINK_TYPES: LinkType[] = LINK_TYPE_NAMES.filter((t) => !['LOCATED_IN', 'AFFECTS', 'UNDERWENT', 'HAS_CHAIN'].includes(t));

export type Direction = 'OUT' | 'IN' | 'BOTH';

type Filters = { types: readonly string[]; dir: Direction; year: number | null; exclude: readonly string[] };

/**
 * The stored direction to write into an expansion's or a path's pattern (variant arrow): `dir` itself when it
 * is OUT or IN and no type followed is symmetric (a symmetric type is crossed either way, which a directed
 * pattern would not do); otherwise none, and the statement tests the direction of each relationship.
 */
export function arrowOf(f: Pick<Filters, 'types' | 'dir'>): 'OUT' | 'IN' | undefined {
  return f.dir !== 'BOTH' && f.types.length > 0 && !f.types.some((t) => (SYMMETRIC_LINK_TYPES as readonly string[]).includes(t)) ? f.dir : undefined;
}

/**
 * The optional tests (`// optional: name`) of the expansion and path statements that hold for these filters,
 * to be left out (variant omit): the type test once the types are written into the pattern, the direction test
 * for BOTH or once the direction is (arrowOf), the year test without a year, the exclusion test with nothing
 * excluded.
 */
export function testsThatHold(f: Filters): string[] {
  return [
    ...(f.types.length > 0 ? ['types'] : []),
    ...(f.dir === 'BOTH' || arrowOf(f) ? ['dir'] : []),
    ...(f.year === null ? ['year'] : []),
    ...(f.exclude.length === 0 ? ['exclude'] : []),
  ];
}

export interface ExpandArgs {
  /** Entities to start from (hop 0). */
  ids: string[];
  /** A cluster whose members join the start (its joint action, a chain traced from it); none when it is no cluster. */
  membersOf?: string | null;
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
  /** Read the value chains of every entity at hand too (Expansion.chains), in the same round trips. */
  chains?: boolean;
}

export interface Expansion {
  /** The ids of the members of `membersOf`, by id (empty without it). */
  members: string[];
  /** Every entity reached, start first, nearest first. */
  nodeIds: string[];
  /** Every relationship crossed between two entities of `nodeIds`, once each. */
  edges: NetworkEdgeRow[];
  /** Which limit cut the expansion short, or null. */
  truncatedBy: string | null;
  /** With `chains`: the value chains of the start, the members and every entity reached, and their roles in them. */
  chains: ChainRolesRow;
  /** The stored properties of the entities read on the way (the start, the members, every entity reached), by id. */
  entities: Map<string, EntityRow>;
}

/**
 * Breadth-first expansion: the first round trip resolves the start too (its entities, and the members of
 * `membersOf`) and takes the first three hops, so a neighbourhood of up to three hops, a three-tier trace or a
 * cluster's joint action costs one round trip; each further hop costs one more.
 * Stops adding nodes at `maxNodes` and says so: the result is then the first nodes reached, nearest first,
 * and every edge among them. With `loaders`, the entities of the start and those reached (each hop's rows
 * carry them) are primed into the request's entity loader, and so are the ids of `ids` that do not exist
 * (as null): checking the start and turning the expansion into a subgraph cost no further round trip.
 */
export async function expand({ executor, loaders }: Pick<ServiceDeps, 'executor'> & Partial<Pick<ServiceDeps, 'loaders'>>, a: ExpandArgs): Promise<Expansion> {
  const filters = { types: a.types, dir: a.direction, sym: SYMMETRIC_LINK_TYPES, year: a.year ?? null, exclude: a.exclude ?? [] };
  const edgeLimit = a.maxNodes * 4;
  // The types in the pattern (variant __TYPES__): Neo4j then reads only those relationships of a node.
  // The direction too (variant __LARROW__ / __RARROW__), when no symmetric type is followed.
  const variant = { relTypes: a.types, arrow: arrowOf(filters), omit: [...testsThatHold(filters), ...(a.chains ? [] : ['chains'])] };
  // The first round trip's parts with nothing to do left out as well: no members to look up, no second or third hop.
  const startVariant = { ...variant, omit: [...variant.omit, ...(a.membersOf ? [] : ['members']), ...(a.hops < 2 ? ['deeper'] : []), ...(a.hops < 3 ? ['third'] : [])] };
  const chains: ChainRolesRow = { roles: [], chains: [] };
  const keep = (c: Partial<ChainRolesRow> | undefined) => {
    chains.roles.push(...(c?.roles ?? []));
    chains.chains.push(...(c?.chains ?? []));
  };
  const [start] = await executor.read(S.expandStart, { ...filters, ids: a.ids, idCount: new Set(a.ids).size, membersOf: a.membersOf ?? null, limit: edgeLimit + 1, hops: a.hops, maxNodes: a.maxNodes }, startVariant);
  keep(start);
  const starts = start?.starts ?? [];
  const memberRows = start?.members ?? [];
  const entities = new Map<string, EntityRow>();
  const read = (rows: EntityRow[]) => {
    for (const n of rows) {
      entities.set(n.id, n);
      loaders?.know(n.id, n);
    }
  };
  read(starts);
  read(memberRows);
  if (loaders) {
    const found = new Set(starts.map((n) => n.id));
    for (const id of a.ids) if (!found.has(id)) loaders.know(id, null);
  }
  // By id, sorted here rather than by the statement (the same order, for less work in Neo4j: ORDER BY m.id took
  // a joint action's statement 0.08 ms longer), as strings by code unit: the default order, with no comparator
  // to call (a 130-member cluster: 19 against 27 µs).
  const members = memberRows.map((n) => n.id).sort();
  const seen = new Set([...a.ids, ...members]);
  const edges = new Map<string, NetworkEdgeRow>();
  let frontier = [...seen];
  let truncatedBy: string | null = null;
  for (let hop = 0; hop < a.hops && frontier.length > 0 && !truncatedBy; hop += 1) {
    // The first round trip took the second and third hops too, from the same frontiers as these, unless a hop
    // before had already cut the expansion short (and then none is taken here either).
    const further = async () => {
      const [row] = await executor.read(S.expandFrontier, { ...filters, ids: frontier, limit: edgeLimit + 1 }, variant);
      keep(row);
      return row ?? { rows: [], nodes: [] };
    };
    const { rows, nodes } = hop === 0 ? { rows: start?.rows ?? [], nodes: start?.nodes ?? [] }
      : hop === 1 && start?.second ? { rows: start.rows2, nodes: start.nodes2 }
        : hop === 2 && start?.third ? { rows: start.rows3, nodes: start.nodes3 }
          : await further();
    read(nodes);
    if (rows.length > edgeLimit) truncatedBy = `per-hop edge limit (${edgeLimit})`;
    const next: string[] = [];
    const reach = (end: string) => {
      if (seen.has(end)) return true;
      if (seen.size >= a.maxNodes) {
        truncatedBy = `MAX_SUBGRAPH_NODES (${a.maxNodes})`;
        return false;
      }
      seen.add(end);
      next.push(end);
      return true;
    };
    for (let i = 0; i < rows.length && i < edgeLimit; i += 1) {
      const r = rows[i]!;
      // Both ends tried, in this order, before the edge is kept (the source may fit and the target not).
      const source = reach(r.source);
      if (reach(r.target) && source) edges.set(r.id, r);
    }
    frontier = next;
  }
  return { members, nodeIds: [...seen], edges: [...edges.values()], truncatedBy, chains, entities };
}
