import DataLoader from 'dataloader';
import { BadInputError, NotFoundError } from '../../errors.js';
import type { Executor } from '../../neo4j/executor.js';
import { entitiesStatements as S, type EntityRow, type StatementRow } from './statements.js';

/** Most links returned per entity by the batched links loader (the neighbourhood query has its own limits). */
export const LINKS_PER_ENTITY = 500;

/** A relationship as seen from one of its ends: its type, which way it points, the other end, its properties. */
export interface LinkRow {
  type: string;
  outgoing: boolean;
  otherId: string;
  props: Record<string, unknown>;
}

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  provenance: DataLoader<string, StatementRow[]>;
  links: DataLoader<string, LinkRow[]>;
}

function groupBy<R extends { id: string }, T>(rows: R[], ids: readonly string[], pick: (r: R) => T): T[][] {
  const by = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) by.get(r.id)?.push(pick(r));
  return ids.map((id) => by.get(id) ?? []);
}

/**
 * A link as the links loader holds it, from a row of linksByIds or entityWithLinks. The other end comes with
 * its properties and is primed into the entity loader: later loads of it (Link.other, members) need no round trip.
 */
export function linkRowOf(entity: Loaders['entity'], r: LinkRow & { other: EntityRow }): LinkRow {
  entity.prime(r.otherId, r.other);
  return { type: r.type, outgoing: r.outgoing, otherId: r.otherId, props: r.props };
}

/** Per-request loaders: every batch of ids costs one database round trip. */
export function createLoaders(executor: Executor): Loaders {
  const entity = new DataLoader<string, EntityRow | null>(async (ids) => {
    const rows = await executor.read(S.entitiesByIds, { ids: [...ids] });
    const by = new Map(rows.map((r) => [r.n.id, r.n]));
    return ids.map((id) => by.get(id) ?? null);
  });
  return {
    entity,
    provenance: new DataLoader(async (ids) => groupBy(await executor.read(S.provenanceByIds, { ids: [...ids] }), ids, (r) => r.p)),
    links: new DataLoader(async (ids) => {
      const rows = await executor.read(S.linksByIds, { ids: [...ids], cap: LINKS_PER_ENTITY });
      return groupBy(rows, ids, (r) => linkRowOf(entity, r));
    }),
  };
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
