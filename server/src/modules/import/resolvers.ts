import { ForbiddenError } from '../../errors.js';
import { hasRole } from '../../identity.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../resolvers.generated.js';
import { importList, importTemplates, importUploaded, undoUploaded } from './api.js';

/** Imports write and name who imported: editors and admins only. Returns the editor's name for the record. */
function requireEditor(ctx: Context): string {
  if (!hasRole(ctx.identity, 'editor')) {
    throw new ForbiddenError(`Importing needs an editor or admin: send \`Authorization: Bearer <key>\` with an editor's API key or the EDITOR_TOKEN (you are ${ctx.identity.role === 'anonymous' ? 'anonymous' : `${ctx.identity.name}, a ${ctx.identity.role}`}).`);
  }
  return ctx.editorName;
}

export const importResolvers: Resolvers = {
  Query: {
    importTemplates: () => importTemplates(),
    imports: (_, { first }, ctx) => {
      requireEditor(ctx);
      return importList(ctx, first);
    },
  },
  Mutation: {
    importNetwork: (_, { files, dryRun, mode }, ctx) => {
      const who = requireEditor(ctx);
      return importUploaded(ctx, { files, dryRun: dryRun ?? false, mode: mode ?? 'ALL_OR_NOTHING', who });
    },
    undoImport: (_, { id }, ctx) => {
      const who = requireEditor(ctx);
      return undoUploaded(ctx, { id, who });
    },
  },
};
