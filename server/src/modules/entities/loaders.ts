import DataLoader from 'dataloader';
import { BadInputError, NotFoundError } from '../../errors.js';
import type { Executor, Variant } from '../../neo4j/executor.js';
import { entitiesStatements as S, type EntityRow, type StatementRow } from './statements.js';

/** A relationship as seen from one of its ends: its type, which way it points, the other end, its properties. */
export interface LinkRow {
  /** The entity whose relationship this is (the end it was read from). */
  selfId: string;
  type: string;
  outgoing: boolean;
  otherId: string;
  props: Record<string, unknown>;
  /** The other end's stored properties, as the statement read them with it (the request's read keys). */
  other?: EntityRow;
}

/**
 * Which of an entity's relationships to read, filtered in the database before any cap: of these types (null:
 * all), in this stored direction, valid in `year` (unknown bounds count as valid; null: any year), the first
 * `first` by type and the other end's name, ties by its id and the relationship's (null: all of them), so a
 * page is the same on every call. A hub of a national network has thousands of relationships: filtering after
 * a fixed cap would silently drop the ones asked for.
 */
export interface LinkQuery {
  types: string[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  year: number | null;
  first: number | null;
}

/** The relationships of one entity that one query asks for: the links loader's key. */
export interface LinkKey {
  id: string;
  q: LinkQuery;
}

/** A cluster's members: every MEMBER_OF link reaching it. */
export const MEMBER_LINKS: LinkQuery = { types: ['MEMBER_OF'], direction: 'IN', year: null, first: null };
/** Where an entity is located: every LOCATED_IN link leaving it. */
export const PLACE_LINKS: LinkQuery = { types: ['LOCATED_IN'], direction: 'OUT', year: null, first: null };

/** The same query written the same way (types sorted, none given = all), so that equal queries share a cache entry. */
export function linkQuery(a: { types?: readonly string[] | null; direction: 'OUT' | 'IN' | 'BOTH'; year?: number | null; first?: number | null }): LinkQuery {
  return { types: a.types?.length ? [...new Set(a.types)].sort() : null, direction: a.direction, year: a.year ?? null, first: a.first ?? null };
}
const queryKey = (q: LinkQuery) => JSON.stringify([q.types, q.direction, q.year, q.first]);

/** The parameters of linksByIds / entityWithLinks for one query; `cap` null reads them all. */
export const linkParams = (q: LinkQuery) => ({ types: q.types, dir: q.direction, year: q.year, cap: q.first === null ? null : Math.max(0, q.first) });

/**
 * The relationship types to write into the pattern of a statement reading `queries` (variant __TYPES__): all
 * they name, when each names some, so that Neo4j reads only those relationships of an entity (a cluster's
 * members with 0.8× Neo4j's CPU, 0.96× the time, on the 1,000,000-actor store); undefined when one reads every type.
 */
export const linkTypes = (queries: readonly LinkQuery[]): string[] | undefined =>
  queries.every((q) => q.types !== null) ? [...new Set(queries.flatMap((q) => q.types!))] : undefined;

/**
 * linksByIds's (and entityWithLinksOf's) variant for one query: its types and its direction in the pattern
 * (a cluster's members are then read from its incoming relationships only), and the tests that then hold left out.
 */
export const linksByIdsVariant = (q: LinkQuery): Variant => ({
  relTypes: linkTypes([q]),
  arrow: q.direction === 'BOTH' ? undefined : q.direction,
  omit: ['types', 'dir', ...(q.year === null ? ['year'] : [])],
});

/**
 * The entity loader's cache. Rows that statements bring with them (an expansion's entities, a path's, the
 * other ends of links, search hits) are kept as given (`know`) and made into the promise DataLoader hands
 * out only when one is looked up: a 2-hop neighbourhood brings a few hundred entities and looks up one, and
 * DataLoader.prime made a promise for each. As with prime, the first row given for an id is kept, and an id
 * already loaded keeps what was loaded.
 */
export class EntityCache implements DataLoader.CacheMap<string, Promise<EntityRow | null>> {
  private readonly promises = new Map<string, Promise<EntityRow | null>>();
  private readonly rows = new Map<string, EntityRow | null>();

  get(id: string): Promise<EntityRow | null> | undefined {
    const p = this.promises.get(id);
    if (p !== undefined) return p;
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const made = Promise.resolve(row);
    this.promises.set(id, made);
    return made;
  }

  set(id: string, p: Promise<EntityRow | null>): void {
    this.promises.set(id, p);
  }

  delete(id: string): void {
    this.promises.delete(id);
    this.rows.delete(id);
  }

  clear(): void {
    this.promises.clear();
    this.rows.clear();
  }

  /** Keeps `row` (null: no such entity) for `id`, unless a row or a load of it is already kept. */
  know(id: string, row: EntityRow | null): void {
    if (!this.rows.has(id) && !this.promises.has(id)) this.rows.set(id, row);
  }
}

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  /** Keeps an entity's row (null: none) that a statement brought, for the entity loader (EntityCache.know). */
  know: (id: string, row: EntityRow | null) => void;
  provenance: DataLoader<string, StatementRow[]>;
  links: DataLoader<LinkKey, LinkRow[], string>;
  /** The request reads the other ends of links apart from its other entities, so they are not kept for the entity loader (linkRowOf). */
  linkEndsApart: boolean;
}

function groupBy<R extends { id: string }, T>(rows: R[], ids: readonly string[], pick: (r: R) => T): T[][] {
  const by = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) by.get(r.id)?.push(pick(r));
  return ids.map((id) => by.get(id) ?? []);
}

/**
 * A link as the links loader holds it, from a row of linksByIds or entityWithLinks. The other end comes with
 * its properties, kept with the link (Link.other answers from it at once) and primed into the entity loader:
 * later loads of it (members, a link's `from` or `to`) need no round trip. Not when the request reads link
 * ends apart (Executor.linkEndsApart): their rows then hold what Link.other shows, maybe not what another field
 * would look for in the loader.
 */
export function linkRowOf(loaders: Pick<Loaders, 'know' | 'linkEndsApart'>, selfId: string, r: Omit<LinkRow, 'selfId'> & { other: EntityRow }): LinkRow {
  if (!loaders.linkEndsApart) loaders.know(r.otherId, r.other);
  return { selfId, type: r.type, outgoing: r.outgoing, otherId: r.otherId, props: r.props, other: r.other };
}

/**
 * Per-request loaders: every batch of ids costs one database round trip (the links loader: one per distinct
 * query in the batch, side by side; a request's batch nearly always holds one).
 */
export function createLoaders(executor: Executor): Loaders {
  const cache = new EntityCache();
  const entity = new DataLoader<string, EntityRow | null>(
    async (ids) => {
      const rows = await executor.read(S.entitiesByIds, { ids: [...ids] });
      const by = new Map(rows.map((r) => [r.n.id, r.n]));
      return ids.map((id) => by.get(id) ?? null);
    },
    { cacheMap: cache },
  );
  const loaders: Loaders = {
    entity,
    know: (id, row) => cache.know(id, row),
    linkEndsApart: executor.linkEndsApart,
    provenance: new DataLoader(async (ids) => groupBy(await executor.read(S.provenanceByIds, { ids: [...ids] }), ids, (r) => r.p)),
    links: new DataLoader<LinkKey, LinkRow[], string>(
      async (keys) => {
        const groups = new Map<string, { q: LinkQuery; ids: string[] }>();
        for (const k of keys) {
          const g = groups.get(queryKey(k.q)) ?? { q: k.q, ids: [] };
          g.ids.push(k.id);
          groups.set(queryKey(k.q), g);
        }
        const answers = new Map<string, LinkRow[]>();
        await Promise.all(
          [...groups.values()].map(async ({ q, ids }) => {
            const unique = [...new Set(ids)];
            const rows = await executor.read(S.linksByIds, { ids: unique, ...linkParams(q) }, linksByIdsVariant(q));
            groupBy(rows, unique, (r) => linkRowOf(loaders, r.id, r)).forEach((links, i) => answers.set(linkKeyOf({ id: unique[i]!, q }), links));
          }),
        );
        return keys.map((k) => answers.get(linkKeyOf(k)) ?? []);
      },
      { cacheKeyFn: linkKeyOf },
    ),
  };
  return loaders;
}

/** The cache key of a links query of one entity. */
export function linkKeyOf(k: LinkKey): string {
  return `${k.id}\u0000${queryKey(k.q)}`;
}

/** The entities that exist among `ids`, in order; unknown ids are skipped. */
export async function existingEntities(loaders: Loaders, ids: readonly string[]): Promise<EntityRow[]> {
  return (await loaders.entity.loadMany(ids)).filter((n): n is EntityRow => Boolean(n) && !(n instanceof Error));
}

/** The entity `id`, or a NOT_FOUND error naming the argument; with `kind`, a BAD_USER_INPUT error when it is another kind. */
export async function requireEntity(loaders: Loaders, id: string, field: string, kind?: string): Promise<EntityRow> {
  const e = await loaders.entity.load(id);
  if (!e) throw new NotFoundError(`${field}: no entity ${id}.`, field);
  if (kind && e.kind !== kind) throw new BadInputError(`${field}: ${id} is a ${e.kind}, not a ${kind}.`, field);
  return e;
}

/** Fails with NOT_FOUND naming every unknown id of `ids`. */
export async function requireEntities(loaders: Loaders, ids: readonly string[], field: string): Promise<EntityRow[]> {
  const found = await loaders.entity.loadMany(ids);
  const missing = ids.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (missing.length) throw new NotFoundError(`${field}: no entit${missing.length > 1 ? 'ies' : 'y'} ${missing.join(', ')}.`, field);
  return found as EntityRow[];
}
