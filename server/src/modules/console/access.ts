import { ForbiddenError } from '../../errors.js';
import { hasRole } from '../../identity.js';
import type { Context } from '../context.js';

/**
 * Who may use the Cypher console: the one place that decides it. The console only reads, so whoever may
 * read may use it: anyone when reads are public (READ_ACCESS=public), readers and up otherwise. The
 * request gate already refuses anonymous calls under READ_ACCESS=key; this keeps the rule next to the
 * console should the gate change.
 */
export function requireConsoleAccess(ctx: Context): void {
  if (!ctx.config.access.readsPublic && !hasRole(ctx.identity, 'reader')) {
    throw new ForbiddenError('The Cypher console needs a reader, editor or admin API key on this service (READ_ACCESS=key).');
  }
}
