import { z } from 'zod';
import * as E from '../../domain/enums.js';
import { BadInputError } from '../../errors.js';
import { checkSource } from '../seeds/check.js';
import { documentLines } from '../seeds/documents.js';
import { entityId, linkPropsByType, propsByKind } from '../seeds/format.js';
import { flatten, type Props } from '../seeds/merge.js';

export interface ProvenanceInput {
  source: string;
  lines?: number[] | null;
  quote: string;
  finding?: string | null;
  cites?: string | null;
}

/** Throws a BadInputError naming the field for the first zod issue (zod lists them in order). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = [field, ...issue.path.map(String)].join('.');
  throw new BadInputError(`${at}: ${issue.message}`, at);
}

/**
 * Checks an edit's provenance: a quote is always required; for the seed documents, lines are required
 * and the quote must occur there (the same rule as `seed check`).
 */
export function checkProvenance(p: ProvenanceInput, field: string): Props {
  if (p.quote.trim().length < 3) throw new BadInputError(`${field}.quote: say where the knowledge comes from (a quote or a note).`, `${field}.quote`);
  const doc = documentLines(p.source);
  if (doc) {
    if (!p.lines?.length) throw new BadInputError(`${field}.lines: give the line numbers of ${p.source} that hold the quote.`, `${field}.lines`);
    const msg = checkSource({ doc: p.source, lines: p.lines, quote: p.quote, finding: (p.finding ?? 'own') as 'own' | 'cited' }, new Map([[p.source, doc]]));
    if (msg) throw new BadInputError(`${field}: ${msg}`, `${field}.quote`);
  }
  return flatten({ doc: p.source, lines: p.lines ?? undefined, quote: p.quote, finding: p.finding ?? 'own', cites: p.cites ?? undefined });
}

/** Validates kind-specific properties exactly as seed files are validated. */
export function checkEntityProps(kind: E.NodeKind, props: unknown, field: string): Props {
  const obj = parseOrThrow(z.record(z.string(), z.unknown()), props ?? {}, field);
  parseOrThrow(propsByKind[kind], obj, field);
  for (const reserved of ['id', 'kind', 'name', 'origin', 'sources']) {
    if (reserved in obj) throw new BadInputError(`${field}.${reserved}: set ${reserved} with its own argument, not in properties.`, `${field}.${reserved}`);
  }
  return flatten(obj);
}

export function checkLinkProps(type: E.LinkType, props: unknown, form: string | null | undefined, field: string): Props {
  const obj = { ...parseOrThrow(z.record(z.string(), z.unknown()), props ?? {}, field), ...(form ? { form } : {}) };
  const schema = linkPropsByType[type];
  if (form && type !== 'COOPERATES_WITH') throw new BadInputError(`${field}: form applies to COOPERATES_WITH links only.`, 'form');
  if (schema) parseOrThrow(schema, obj, field);
  return flatten(obj);
}

export function checkId(id: string, field: string): string {
  return parseOrThrow(entityId, id, field);
}

export function checkYears(from: number | null | undefined, until: number | null | undefined): void {
  for (const [name, y] of [['validFrom', from], ['validUntil', until]] as const) {
    if (y !== null && y !== undefined && (y < 1800 || y > 2100)) throw new BadInputError(`${name}: ${y} is not a plausible year (1800–2100).`, name);
  }
  if (from && until && from > until) throw new BadInputError(`validUntil ${until} is before validFrom ${from}.`, 'validUntil');
}

const KIND_PREFIX: Record<string, string> = { ValueChain: 'chain' };

/** `firm:muebles-chipilo` from kind Firm and name "Muebles Chipilo". */
export function idFromName(kind: string, name: string): string {
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${KIND_PREFIX[kind] ?? kind.toLowerCase()}:${slug || 'unnamed'}`;
}
