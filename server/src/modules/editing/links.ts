import { randomUUID } from 'node:crypto';
import { LINK_TYPES, type LinkType } from '../../domain/enums.js';
import { BadInputError, NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { relationshipField } from '../core/edges.js';
import type { LinkView } from '../entities/service.js';
import type { Props } from '../seeds/merge.js';
import { forgetCached, lookup, requireSource, writtenRow } from './lookup.js';
import { editingStatements as S } from './statements.js';
import { checkLinkProps, checkProvenance, checkYears, linkProvenance, type ProvenanceInput, type Years } from './validate.js';

export interface LinkPatch extends Years {
  /** Joint-action form (COOPERATES_WITH only). */
  form?: string | null;
  /** Type-specific properties, checked like the seed files. */
  properties?: unknown;
  provenance: ProvenanceInput;
}

export interface NewLink extends LinkPatch {
  type: LinkType;
  from: string;
  to: string;
}

/** The properties an edit sets on a link: checked type-specific ones, years, provenance, and who edited it. */
function editedProps(a: { type: LinkType; given: LinkPatch; at: 'input' | 'patch'; editor: string }): Props {
  const { validFrom, validUntil } = a.given;
  return {
    ...checkLinkProps({ type: a.type, properties: a.given.properties, form: a.given.form, at: a.at }),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    ...linkProvenance(checkProvenance(a.given.provenance, `${a.at}.provenance`)),
    editedBy: a.editor,
  };
}

/** Draws a relationship between two existing entities, citing its source. */
export async function createLink({ executor, loaders }: ServiceDeps, { input, editor }: { input: NewLink; editor: string }): Promise<LinkView> {
  // The type becomes part of the Cypher statement, so it must come from the allow-list.
  if (!Object.hasOwn(LINK_TYPES, input.type)) throw new BadInputError(`input.type: unknown link type ${input.type}.`, 'input.type');
  if (input.from === input.to) throw new BadInputError('input.to: a link needs two different entities.', 'input.to');
  checkYears(input, 'input');
  const id = `link:edit-${randomUUID()}`;
  const props: Props = { ...editedProps({ type: input.type, given: input, at: 'input', editor }), id, origin: 'edit' };
  const link = await executor.writeTx(async (tx) => {
    const { entities, sourceExists } = await lookup(tx, { ids: [input.from, input.to], source: input.provenance.source });
    for (const end of ['from', 'to'] as const) {
      if (!entities.has(input[end])) throw new BadInputError(`input.${end}: no entity ${input[end]}; create it first.`, `input.${end}`);
    }
    requireSource(sourceExists, input.provenance.source);
    const summary = `${input.type} ${input.from} → ${input.to}`;
    return writtenRow(await tx.run(S.createLink, { id, type: input.type, from: input.from, to: input.to, props, who: editor, summary }), 'createLink');
  }, 'createLink');
  forgetCached(loaders);
  return link;
}

/** Changes a relationship's properties or years; its type and ends stay. */
export async function updateLink({ executor, loaders }: ServiceDeps, { id, patch, editor }: { id: string; patch: LinkPatch; editor: string }): Promise<LinkView> {
  checkYears(patch, 'patch');
  const link = await executor.writeTx(async (tx) => {
    const [current] = await tx.run(S.linkById, { id });
    if (!current) throw new NotFoundError(`id: no link ${id}.`, 'id');
    checkYears(patch, 'patch', { validFrom: relationshipField.validFrom(current.props), validUntil: relationshipField.validUntil(current.props) });
    const props = editedProps({ type: current.type, given: patch, at: 'patch', editor });
    const { sourceExists } = await lookup(tx, { ids: [], source: patch.provenance.source });
    requireSource(sourceExists, patch.provenance.source);
    // The new provenance replaces the old one whole: old lines or cites must not stay attached to the new source.
    const stale = Object.keys(current.props).filter((k) => k.startsWith('source_') && !(k in props));
    const params = { id, props: { ...props, ...Object.fromEntries(stale.map((k) => [k, null])) }, who: editor, summary: `updated ${Object.keys(props).join(', ')} of ${id}` };
    return writtenRow(await tx.run(S.updateLink, params), 'updateLink');
  }, 'updateLink');
  forgetCached(loaders);
  return link;
}

/** Deletes a relationship by id. */
export async function deleteLink({ executor, loaders }: ServiceDeps, { id, editor }: { id: string; editor: string }) {
  const [row] = await executor.write(S.deleteLink, { id, who: editor }, 'deleteLink');
  if (!row) throw new NotFoundError(`id: no link ${id}.`, 'id');
  forgetCached(loaders);
  return row;
}
