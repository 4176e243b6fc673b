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

/** Years an entity or a link is valid, as given in an edit or as stored. */
export interface Years {
  validFrom?: number | null;
  validUntil?: number | null;
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

/** A checked provenance as a link stores it: the same keys as seed links (`source_doc`, `source_quote`, …). */
export function linkProvenance(checked: Props): Props {
  return Object.fromEntries(Object.entries(checked).map(([k, v]) => [`source_${k}`, v]));
}

/** Properties an entity's `properties` may not set: the service sets them, or they have their own checked argument. */
const ENTITY_RESERVED = ['id', 'kind', 'name', 'origin', 'sources', 'aliases', 'aliasText', 'validFrom', 'validUntil', 'count'];

/** Validates kind-specific properties exactly as seed files are validated. */
export function checkEntityProps(kind: E.NodeKind, props: unknown, field: string): Props {
  const obj = parseOrThrow(z.record(z.string(), z.unknown()), props ?? {}, field);
  parseOrThrow(propsByKind[kind], obj, field);
  for (const reserved of ENTITY_RESERVED) {
    if (reserved in obj) throw new BadInputError(`${field}.${reserved}: set ${reserved} with its own argument, not in properties.`, `${field}.${reserved}`);
  }
  return flatten(obj);
}

/** Properties a link's `properties` may not set: its id, origin and editor, its years, its provenance (`source_*`). */
const isLinkReserved = (key: string) => ['id', 'origin', 'editedBy', 'validFrom', 'validUntil', 'source'].includes(key) || key.startsWith('source_');

/**
 * Validates a link's type-specific properties exactly as seed files are validated; `form` (COOPERATES_WITH
 * only) joins them. `at` is the argument holding them (`input` or `patch`).
 */
export function checkLinkProps(a: { type: E.LinkType; properties: unknown; form: string | null | undefined; at: string }): Props {
  if (a.form && a.type !== 'COOPERATES_WITH') throw new BadInputError(`${a.at}.form: form applies to COOPERATES_WITH links only, not ${a.type}.`, `${a.at}.form`);
  const field = `${a.at}.properties`;
  const given = parseOrThrow(z.record(z.string(), z.unknown()), a.properties ?? {}, field);
  const reserved = Object.keys(given).find(isLinkReserved);
  if (reserved) throw new BadInputError(`${field}.${reserved}: set ${reserved} with its own argument, not in properties.`, `${field}.${reserved}`);
  const schema = linkPropsByType[a.type];
  // The form argument is checked on its own first, so a bad form is reported as `<at>.form`.
  if (schema && a.form) parseOrThrow(schema, { form: a.form }, a.at);
  const obj = { ...given, ...(a.form ? { form: a.form } : {}) };
  if (schema) parseOrThrow(schema, obj, field);
  return flatten(obj);
}

export function checkId(id: string, field: string): string {
  return parseOrThrow(entityId, id, field);
}

/**
 * Checks the years of an edit (the argument `at`): each given year is plausible, and the range is not
 * reversed once merged with the years already stored (an update that sets only one end).
 */
export function checkYears(given: Years, at: string, stored: Years = {}): void {
  for (const name of ['validFrom', 'validUntil'] as const) {
    const y = given[name];
    if (y !== null && y !== undefined && (y < 1800 || y > 2100)) throw new BadInputError(`${at}.${name}: ${y} is not a plausible year (1800–2100).`, `${at}.${name}`);
  }
  const from = given.validFrom ?? stored.validFrom;
  const until = given.validUntil ?? stored.validUntil;
  if (from === null || from === undefined || until === null || until === undefined || from <= until) return;
  const field = given.validUntil !== null && given.validUntil !== undefined ? 'validUntil' : 'validFrom';
  const storedMark = (name: keyof Years) => (given[name] === null || given[name] === undefined ? ' (stored)' : '');
  throw new BadInputError(`${at}.${field}: validUntil ${until}${storedMark('validUntil')} is before validFrom ${from}${storedMark('validFrom')}.`, `${at}.${field}`);
}

/** Checks the plain fields an entity input or patch may carry (aliases, count) beside its years. */
export function checkEntityFields(f: Years & { aliases?: string[] | null; count?: number | null }, at: string): void {
  checkYears(f, at);
  if (f.count !== null && f.count !== undefined && !(f.count >= 0)) throw new BadInputError(`${at}.count: a count cannot be negative (got ${f.count}).`, `${at}.count`);
  if (f.aliases?.some((a) => !a.trim())) throw new BadInputError(`${at}.aliases: an alias cannot be empty.`, `${at}.aliases`);
}

const KIND_PREFIX: Record<string, string> = { ValueChain: 'chain' };

/** `firm:muebles-chipilo` from kind Firm and name "Muebles Chipilo". */
export function idFromName(kind: string, name: string): string {
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${KIND_PREFIX[kind] ?? kind.toLowerCase()}:${slug || 'unnamed'}`;
}
