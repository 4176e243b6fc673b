import type { ServiceDeps } from '../context.js';
import { pageSize } from '../core/paging.js';
import { editingStatements as S } from './statements.js';

/** The audit trail, newest first: at most `first` edits (MAX_PAGE_SIZE at most). */
export function listChanges({ executor, limits }: ServiceDeps, { first }: { first?: number | null }) {
  return executor.read(S.listChanges, { limit: pageSize(first, limits.pageSize) });
}
