import { randomUUID } from 'node:crypto';
import type { NodeKind } from '../../domain/enums.js';
import { BadInputError, ConflictError, NotFoundError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { requireEntity } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import type { Props } from '../seeds/merge.js';
import { forgetCached, lookup, requireSource, writtenRow } from './lookup.js';
import { editingStatements as S } from './statements.js';
import { checkEntityFields, checkEntityProps, checkId, checkProvenance, checkYears, idFromName, linkProvenance, type ProvenanceInput, type Years } from './validate.js';

/** The plain fields an entity input and an entity patch share; null or absent leaves a field as it is. */
interface EntityFields extends Years {
  aliases?: string[] | null;
  description?: string | null;
  aggregate?: boolean | null;
  count?: number | null;
}

export interface NewEntity extends EntityFields {
  /** Stable id; made from the kind and the name when absent. */
  id?: string | null;
  kind: NodeKind;
  name: string;
  /** Kind-specific properties, checked like the seed files. */
  properties?: unknown;
  /** A place the entity is located in (a LOCATED_IN link is drawn to it). */
  locatedIn?: string | null;
  provenance: ProvenanceInput;
}

export interface EntityPatch extends EntityFields {
  name?: string | null;
  properties?: unknown;
  provenance: ProvenanceInput;
}

/** The given plain fields as stored; aliases also feed the full-text index through `aliasText`. */
function storedFields(f: EntityFields): Props {
  const out: Props = {};
  if (f.aliases) Object.assign(out, { aliases: f.aliases, aliasText: f.aliases.join(' | ') });
  for (const key of ['description', 'aggregate', 'count', 'validFrom', 'validUntil'] as const) {
    const v = f[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  return out;
}

/** Adds an entity with the statement that declares it, and its LOCATED_IN link when a place is given. */
export async function createEntity({ executor, loaders }: ServiceDeps, { input, editor }: { input: NewEntity; editor: string }): Promise<EntityRow> {
  const name = input.name.trim();
  if (!name) throw new BadInputError('input.name: give the entity a name.', 'input.name');
  const id = checkId(input.id ?? idFromName(input.kind, name), 'input.id');
  checkEntityFields(input, 'input');
  const props: Props = {
    aliases: [],
    aliasText: '',
    ...checkEntityProps(input.kind, input.properties, 'input.properties'),
    ...storedFields(input),
    id,
    kind: input.kind,
    name,
    origin: 'edit',
    sources: [input.provenance.source],
  };
  const checked = checkProvenance(input.provenance, 'input.provenance');
  const provenance = { ...checked, key: `edit:${randomUUID()}`, kind: 'declaration', claim: input.description ?? name };
  const { locatedIn } = input;
  await executor.writeTx(async (tx) => {
    const { entities, sourceExists } = await lookup(tx, { ids: locatedIn ? [id, locatedIn] : [id], source: input.provenance.source });
    if (entities.has(id)) throw new ConflictError(`input.id: ${id} already exists; choose another id or update it with updateEntity.`, 'input.id');
    requireSource(sourceExists, input.provenance.source);
    if (locatedIn && entities.get(locatedIn)?.kind !== 'Place') throw new BadInputError(`input.locatedIn: ${locatedIn} is not a place in the graph.`, 'input.locatedIn');
    writtenRow(await tx.run(S.createEntity, { id, kind: input.kind, props, source: input.provenance.source, provenance, who: editor, summary: `added ${input.kind} ${name}` }), 'createEntity');
    if (locatedIn) {
      const linkId = `link:edit-${randomUUID()}`;
      const linkProps = { id: linkId, origin: 'edit', ...linkProvenance(checked), editedBy: editor };
      await tx.run(S.createLink, { id: linkId, type: 'LOCATED_IN', from: id, to: locatedIn, props: linkProps, who: editor, summary: `${id} located in ${locatedIn}` });
    }
  }, 'createEntity');
  forgetCached(loaders, [id]);
  return requireEntity(loaders, id, 'input.id');
}

/** Sets the given fields of an entity; the statement that justifies the change is added beside the old ones. */
export async function updateEntity({ executor, loaders }: ServiceDeps, { id, patch, editor }: { id: string; patch: EntityPatch; editor: string }): Promise<EntityRow> {
  const name = patch.name?.trim();
  if (name === '') throw new BadInputError('patch.name: a name cannot be empty.', 'patch.name');
  checkEntityFields(patch, 'patch');
  const changed = Object.keys(patch).filter((k) => k !== 'provenance');
  const provenance = { ...checkProvenance(patch.provenance, 'patch.provenance'), key: `edit:${randomUUID()}`, kind: 'claim', claim: patch.description ?? `updated ${changed.join(', ')}` };
  await executor.writeTx(async (tx) => {
    const { entities, sourceExists } = await lookup(tx, { ids: [id], source: patch.provenance.source });
    const current = entities.get(id);
    if (!current) throw new NotFoundError(`id: no entity ${id}.`, 'id');
    requireSource(sourceExists, patch.provenance.source);
    checkYears(patch, 'patch', current);
    const props: Props = { ...checkEntityProps(current.kind, patch.properties, 'patch.properties'), ...storedFields(patch), ...(name ? { name } : {}) };
    const summary = `updated ${Object.keys(props).join(', ') || 'provenance'} of ${id}`;
    writtenRow(await tx.run(S.updateEntity, { id, props, source: patch.provenance.source, provenance, who: editor, summary }), 'updateEntity');
  }, 'updateEntity');
  forgetCached(loaders, [id]);
  return requireEntity(loaders, id, 'id');
}

/** Deletes an entity with its links and statements. */
export async function deleteEntity({ executor, loaders }: ServiceDeps, { id, editor }: { id: string; editor: string }) {
  const [row] = await executor.write(S.deleteEntity, { id, who: editor }, 'deleteEntity');
  if (!row) throw new NotFoundError(`id: no entity ${id}.`, 'id');
  forgetCached(loaders, [id]);
  return row;
}
