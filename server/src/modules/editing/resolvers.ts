import { randomUUID } from 'node:crypto';
import * as E from '../../domain/enums.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { Context } from '../context.js';
import type { Row, Tx } from '../../neo4j/executor.js';
import type { Props } from '../seeds/merge.js';
import { checkEntityProps, checkId, checkLinkProps, checkProvenance, checkYears, idFromName, parseOrThrow, type ProvenanceInput } from './validate.js';
import { z } from 'zod';

function requireEditor(ctx: Context): void {
  if (!ctx.editor) throw new ForbiddenError('Editing needs the editor token: send `Authorization: Bearer <EDITOR_TOKEN>` (set EDITOR_TOKEN on the server).');
}

/** Looks up ids and the source inside the write transaction, so a check and its write see the same data. */
async function lookup(tx: Tx, a: { ids: string[]; source?: string | null; linkId?: string | null }) {
  const [row] = await tx.run('editing/lookup', { ids: a.ids, source: a.source ?? null, linkId: a.linkId ?? null });
  const found = new Map(((row?.found as Row[]) ?? []).filter((f) => f.id).map((f) => [String(f.id), String(f.kind)]));
  return { found, sourceExists: row?.sourceExists === true, linkExists: row?.linkExists === true };
}

function requireSource(exists: boolean, key: string): void {
  if (!exists) throw new BadInputError(`provenance.source: no source "${key}". Use a seed document key (pietrobelli2004, berry1997, …) or create it first with createSource.`, 'provenance.source');
}

const base = (p: { aliases?: string[] | null; description?: string | null; aggregate?: boolean | null; count?: number | null; validFrom?: number | null; validUntil?: number | null }): Props => {
  const out: Props = {};
  if (p.aliases) {
    out.aliases = p.aliases;
    out.aliasText = p.aliases.join(' | ');
  }
  if (p.description !== undefined && p.description !== null) out.description = p.description;
  if (p.aggregate !== undefined && p.aggregate !== null) out.aggregate = p.aggregate;
  if (p.count !== undefined && p.count !== null) out.count = p.count;
  if (p.validFrom !== undefined && p.validFrom !== null) out.validFrom = p.validFrom;
  if (p.validUntil !== undefined && p.validUntil !== null) out.validUntil = p.validUntil;
  return out;
};

interface EntityInput {
  id?: string | null;
  kind: E.NodeKind;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  aggregate?: boolean | null;
  count?: number | null;
  validFrom?: number | null;
  validUntil?: number | null;
  properties?: unknown;
  locatedIn?: string | null;
  provenance: ProvenanceInput;
}

interface LinkInput {
  type: E.LinkType;
  from: string;
  to: string;
  form?: string | null;
  properties?: unknown;
  validFrom?: number | null;
  validUntil?: number | null;
  provenance: ProvenanceInput;
}

const sourceInput = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'use lower-case letters, digits and dashes (2–61 characters)'),
  title: z.string().trim().min(3, 'give the source a title'),
  type: z.enum(['DOCUMENT', 'INTERVIEW', 'FIELD_NOTE', 'DATASET', 'WEBSITE']),
  authors: z.array(z.string()).nullish(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD').nullish(),
});

export const editingResolvers = {
  Query: {
    changes: (_: unknown, { first }: { first: number }, ctx: Context) => ctx.executor.read('editing/listChanges', { limit: Math.min(Math.max(first, 0), ctx.config.limits.pageSize) }),
  },
  Mutation: {
    createEntity: async (_: unknown, { input }: { input: EntityInput }, ctx: Context) => {
      requireEditor(ctx);
      const name = input.name.trim();
      if (!name) throw new BadInputError('input.name: give the entity a name.', 'input.name');
      const id = checkId(input.id ?? idFromName(input.kind, name), 'input.id');
      checkYears(input.validFrom, input.validUntil);
      const props: Props = { ...checkEntityProps(input.kind, input.properties, 'input.properties'), ...base(input), id, kind: input.kind, name, origin: 'edit', sources: [input.provenance.source] };
      if (!props.aliases) Object.assign(props, { aliases: [], aliasText: '' });
      const provenance = { ...checkProvenance(input.provenance, 'input.provenance'), key: `edit:${randomUUID()}`, kind: 'declaration', claim: input.description ?? name };
      await ctx.executor.writeTx(async (tx) => {
        const ids = input.locatedIn ? [id, input.locatedIn] : [id];
        const { found, sourceExists } = await lookup(tx, { ids, source: input.provenance.source });
        if (found.has(id)) throw new ConflictError(`input.id: ${id} already exists; choose another id or update it with updateEntity.`, 'input.id');
        requireSource(sourceExists, input.provenance.source);
        if (input.locatedIn && found.get(input.locatedIn) !== 'Place') throw new BadInputError(`input.locatedIn: ${input.locatedIn} is not a place in the graph.`, 'input.locatedIn');
        await tx.run('editing/createEntity', { id, kind: input.kind, props, source: input.provenance.source, provenance, who: ctx.editorName, summary: `added ${input.kind} ${name}` });
        if (input.locatedIn) {
          const linkProps = { id: `link:edit-${randomUUID()}`, origin: 'edit', ...prefixed(provenance) };
          await tx.run('editing/createLink', { id: linkProps.id, type: 'LOCATED_IN', from: id, to: input.locatedIn, props: linkProps, who: ctx.editorName, summary: `${id} located in ${input.locatedIn}` });
        }
      }, 'createEntity');
      ctx.loaders.entity.clear(id);
      return ctx.loaders.entity.load(id);
    },
    updateEntity: async (_: unknown, { id, patch }: { id: string; patch: Omit<EntityInput, 'id' | 'kind' | 'locatedIn'> & { name?: string | null } }, ctx: Context) => {
      requireEditor(ctx);
      checkYears(patch.validFrom, patch.validUntil);
      const provenance = { ...checkProvenance(patch.provenance, 'patch.provenance'), key: `edit:${randomUUID()}`, kind: 'claim', claim: patch.description ?? `updated ${Object.keys(patch).filter((k) => k !== 'provenance').join(', ')}` };
      await ctx.executor.writeTx(async (tx) => {
        const { found, sourceExists } = await lookup(tx, { ids: [id], source: patch.provenance.source });
        const kind = found.get(id);
        if (!kind) throw new NotFoundError(`No entity ${id}.`, 'id');
        requireSource(sourceExists, patch.provenance.source);
        const props: Props = { ...checkEntityProps(kind as E.NodeKind, patch.properties, 'patch.properties'), ...base(patch) };
        if (patch.name !== undefined && patch.name !== null) {
          if (!patch.name.trim()) throw new BadInputError('patch.name: a name cannot be empty.', 'patch.name');
          props.name = patch.name.trim();
        }
        await tx.run('editing/updateEntity', { id, props, source: patch.provenance.source, provenance, who: ctx.editorName, summary: `updated ${Object.keys(props).join(', ') || 'provenance'} of ${id}` });
      }, 'updateEntity');
      ctx.loaders.entity.clear(id);
      return ctx.loaders.entity.load(id);
    },
    deleteEntity: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      requireEditor(ctx);
      const rows = await ctx.executor.write('editing/deleteEntity', { id, who: ctx.editorName });
      if (!rows.length) throw new NotFoundError(`No entity ${id}.`, 'id');
      return { id, deleted: true };
    },
    createLink: async (_: unknown, { input }: { input: LinkInput }, ctx: Context) => {
      requireEditor(ctx);
      if (!(input.type in E.LINK_TYPES)) throw new BadInputError(`input.type: unknown link type ${input.type}.`, 'input.type');
      if (input.from === input.to) throw new BadInputError('input.to: a link needs two different entities.', 'input.to');
      checkYears(input.validFrom, input.validUntil);
      const id = `link:edit-${randomUUID()}`;
      const props: Props = {
        ...checkLinkProps(input.type, input.properties, input.form, 'input.properties'),
        id,
        origin: 'edit',
        ...(input.validFrom ? { validFrom: input.validFrom } : {}),
        ...(input.validUntil ? { validUntil: input.validUntil } : {}),
        ...prefixed(checkProvenance(input.provenance, 'input.provenance')),
        editedBy: ctx.editorName,
      };
      await ctx.executor.writeTx(async (tx) => {
        const { found, sourceExists } = await lookup(tx, { ids: [input.from, input.to], source: input.provenance.source });
        for (const end of ['from', 'to'] as const) if (!found.has(input[end])) throw new BadInputError(`input.${end}: no entity ${input[end]}; create it first.`, `input.${end}`);
        requireSource(sourceExists, input.provenance.source);
        await tx.run('editing/createLink', { id, type: input.type, from: input.from, to: input.to, props, who: ctx.editorName, summary: `${input.type} ${input.from} → ${input.to}` });
      }, 'createLink');
      return linkView(ctx, id);
    },
    updateLink: async (_: unknown, { id, patch }: { id: string; patch: Omit<LinkInput, 'type' | 'from' | 'to'> }, ctx: Context) => {
      requireEditor(ctx);
      checkYears(patch.validFrom, patch.validUntil);
      const current = await linkView(ctx, id);
      const props: Props = {
        ...checkLinkProps(current.type as E.LinkType, patch.properties, patch.form, 'patch.properties'),
        ...(patch.validFrom ? { validFrom: patch.validFrom } : {}),
        ...(patch.validUntil ? { validUntil: patch.validUntil } : {}),
        ...prefixed(checkProvenance(patch.provenance, 'patch.provenance')),
        editedBy: ctx.editorName,
      };
      await ctx.executor.writeTx(async (tx) => {
        const { sourceExists } = await lookup(tx, { ids: [], source: patch.provenance.source });
        requireSource(sourceExists, patch.provenance.source);
        await tx.run('editing/updateLink', { id, props, who: ctx.editorName, summary: `updated ${Object.keys(props).join(', ')} of ${id}` });
      }, 'updateLink');
      return linkView(ctx, id);
    },
    deleteLink: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      requireEditor(ctx);
      const rows = await ctx.executor.write('editing/deleteLink', { id, who: ctx.editorName });
      if (!rows.length) throw new NotFoundError(`No link ${id}.`, 'id');
      return { id, deleted: true };
    },
    createSource: async (_: unknown, { input }: { input: unknown }, ctx: Context) => {
      requireEditor(ctx);
      const s = parseOrThrow(sourceInput, input, 'input');
      return ctx.executor.writeTx(async (tx) => {
        const [row] = await tx.run('editing/documentLines', { source: s.key });
        if (row) throw new ConflictError(`input.key: a source "${s.key}" already exists.`, 'input.key');
        const year = s.date ? Number(s.date.slice(0, 4)) : new Date().getFullYear();
        const [created] = await tx.run('editing/createSource', { props: { key: s.key, title: s.title, type: s.type.toLowerCase(), authors: s.authors ?? [], date: s.date ?? null, year }, who: ctx.editorName });
        return created;
      }, 'createSource');
    },
  },
};

/** Provenance stored on a link: the same keys as seed links (`source_doc`, `source_quote`, …). */
function prefixed(p: Props): Props {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !['key', 'kind', 'claim'].includes(k)).map(([k, v]) => [`source_${k}`, v]));
}

async function linkView(ctx: Context, id: string) {
  const [row] = await ctx.executor.read('editing/linkById', { id });
  if (!row) throw new NotFoundError(`No link ${id}.`, 'id');
  return { ...(row.props as Row), selfId: row.selfId, otherId: row.otherId, outgoing: true, type: row.type };
}
