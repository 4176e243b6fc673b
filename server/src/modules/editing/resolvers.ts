import { z } from 'zod';
import { NODE_KINDS } from '../../domain/enums.js';
import { ForbiddenError } from '../../errors.js';
import { hasRole } from '../../identity.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../resolvers.generated.js';
import { listChanges } from './changes.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import { createLink, deleteLink, updateLink } from './links.js';
import { createSource } from './sources.js';
import { parseOrThrow } from './validate.js';

/** Edits need an editor or admin; returns the editor's name for the audit trail. */
function requireEditor(ctx: Context): string {
  if (!hasRole(ctx.identity, 'editor')) {
    throw new ForbiddenError(`Editing needs an editor or admin: send \`Authorization: Bearer <key>\` with an editor's API key or the EDITOR_TOKEN (you are ${ctx.identity.role === 'anonymous' ? 'anonymous' : `${ctx.identity.name}, a ${ctx.identity.role}`}).`);
  }
  return ctx.editorName;
}

/** The audit trail names editors: admins only. */
function requireAdmin(ctx: Context): void {
  if (!hasRole(ctx.identity, 'admin')) throw new ForbiddenError('The audit trail (changes) is for admins: send `Authorization: Bearer <key>` with an admin API key.');
}

/** The stored kind: the Kind enum resolver has already turned FIRM into Firm, which this checks and types. */
const storedKind = (kind: unknown) => parseOrThrow(z.enum(NODE_KINDS), kind, 'input.kind');

export const editingResolvers: Resolvers = {
  Query: {
    changes: (_, { first }, ctx) => {
      requireAdmin(ctx);
      return listChanges(ctx, { first });
    },
  },
  Mutation: {
    createEntity: (_, { input }, ctx) => {
      const editor = requireEditor(ctx);
      return createEntity(ctx, { input: { ...input, kind: storedKind(input.kind) }, editor });
    },
    updateEntity: (_, { id, patch }, ctx) => {
      const editor = requireEditor(ctx);
      return updateEntity(ctx, { id, patch, editor });
    },
    deleteEntity: (_, { id }, ctx) => {
      const editor = requireEditor(ctx);
      return deleteEntity(ctx, { id, editor });
    },
    createLink: (_, { input }, ctx) => {
      const editor = requireEditor(ctx);
      return createLink(ctx, { input, editor });
    },
    updateLink: (_, { id, patch }, ctx) => {
      const editor = requireEditor(ctx);
      return updateLink(ctx, { id, patch, editor });
    },
    deleteLink: (_, { id }, ctx) => {
      const editor = requireEditor(ctx);
      return deleteLink(ctx, { id, editor });
    },
    createSource: (_, { input }, ctx) => {
      const editor = requireEditor(ctx);
      return createSource(ctx, { input, editor });
    },
  },
};
