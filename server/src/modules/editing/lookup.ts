import { AppError, BadInputError } from '../../errors.js';
import type { Tx } from '../../neo4j/executor.js';
import type { Loaders } from '../context.js';
import { editingStatements as S, type FoundEntity } from './statements.js';

/**
 * Looks up entity ids and the cited source inside the write transaction, so a check and the write it
 * guards see the same data.
 */
export async function lookup(tx: Tx, a: { ids: string[]; source: string }): Promise<{ entities: Map<string, FoundEntity>; sourceExists: boolean }> {
  const [row] = await tx.run(S.lookup, { ids: a.ids, source: a.source });
  return { entities: new Map((row?.found ?? []).map((e) => [e.id, e])), sourceExists: row?.sourceExists ?? false };
}

/** An edit must cite a source that exists: a seed document or one registered with createSource. */
export function requireSource(exists: boolean, key: string): void {
  if (!exists) throw new BadInputError(`provenance.source: no source "${key}". Use a seed document key (pietrobelli2004, berry1997, …) or create it first with createSource.`, 'provenance.source');
}

/** The one row a write returns once its checks passed in the same transaction; none is our bug, not bad input. */
export function writtenRow<R>(rows: R[], operation: string): R {
  const [row] = rows;
  if (!row) throw new AppError('INTERNAL', `${operation} wrote nothing although its checks passed.`);
  return row;
}

/** Forgets what this request's loaders hold about edited entities, so later fields of the request see the edit. */
export function forgetCached(loaders: Loaders, entityIds: string[] = []): void {
  for (const id of entityIds) {
    loaders.entity.clear(id);
    loaders.provenance.clear(id);
  }
  // A link changes the link lists of both its ends, and deleting an entity those of all its neighbours.
  loaders.links.clearAll();
}
