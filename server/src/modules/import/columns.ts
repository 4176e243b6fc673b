import type { z } from 'zod';
import { LINK_TYPE_NAMES, NODE_KINDS, type LinkType, type NodeKind } from '../../domain/enums.js';
import { linkPropsByType, propsByKind } from '../seeds/format.js';
import { REPLACEMENT } from './decode.js';
import type { Cell, EdgeRow, ImportIssue, IssueCode, NodeRow, RawRow } from './model.js';

/** Header spellings of the row model's fields (compared lower-case, without spaces, dashes and underscores). */
const NODE_FIELDS: Record<string, string> = {
  id: 'id', kind: 'kind', name: 'name', label: 'label', aliases: 'aliases', description: 'description', count: 'count', aggregate: 'aggregate',
  country: 'country', locatedin: 'locatedIn', validfrom: 'validFrom', validuntil: 'validUntil',
};
const EDGE_FIELDS: Record<string, string> = {
  id: 'id', type: 'type', relationship: 'relationship', label: 'label', from: 'from', source: 'from', to: 'to', target: 'to', validfrom: 'validFrom', validuntil: 'validUntil',
};
const folded = new Map<string, string>();
/** `Valid From` → `validfrom`; column names repeat on every row, so each is folded once. */
const fold = (s: string): string => {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.toLowerCase().replace(/[\s_-]+/g, '');
    if (folded.size < 10_000) folded.set(s, f);
  }
  return f;
};

/** Properties the service keeps for itself: a file cannot set them. */
const RESERVED = new Set(['origin', 'sources', 'conflicts', 'aliasText', 'importKey', 'imports', 'editedBy', 'computed', 'ceFlags', 'ceDisagrees']);
/** Properties that hold lists (cells separated by `|`). */
const LIST_PROPS = new Set(['roles', 'affects', 'between']);
/** Nested cluster figures (scores 0–3 and printed indices): numbers, `n.a.` for not available. */
const SCORE_PREFIXES = ['externalEconomies', 'jointAction', 'governanceCodes', 'upgradingScores', 'printed'];

const shapeKeys = (schema: z.ZodType) => Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
/** Which kinds declare each kind-specific property (seeds/FORMAT.md), to refuse one filled in on another kind's row. */
const PROP_KINDS = new Map<string, NodeKind[]>();
for (const kind of NODE_KINDS) for (const key of shapeKeys(propsByKind[kind])) PROP_KINDS.set(key, [...(PROP_KINDS.get(key) ?? []), kind]);
const LINK_PROP_TYPES = new Map<string, LinkType[]>();
for (const type of LINK_TYPE_NAMES) for (const key of shapeKeys(linkPropsByType[type] ?? ({} as z.ZodType))) LINK_PROP_TYPES.set(key, [...(LINK_PROP_TYPES.get(key) ?? []), type]);

const KIND_BY_FOLD = new Map(NODE_KINDS.map((k) => [fold(k), k]));
const TYPE_BY_FOLD = new Map(LINK_TYPE_NAMES.map((t) => [fold(t), t]));
/** `firm`, `FIRM`, `value chain` → the kind as stored; undefined when it is none. */
export const canonicalKind = (v: string): NodeKind | undefined => KIND_BY_FOLD.get(fold(v));
/** `supplies`, `subcontractor of` → the link type; undefined when it is none. */
export const canonicalType = (v: string): LinkType | undefined => TYPE_BY_FOLD.get(fold(v));

class RowIssues {
  readonly list: ImportIssue[] = [];
  constructor(private readonly raw: RawRow) {}
  add(code: IssueCode, column: string | undefined, reason: string) {
    const r = this.raw;
    this.list.push({ code, file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), section: r.section, row: r.row, ...(r.line ? { line: r.line } : {}), ...(column ? { column } : {}), reason });
  }
}

const text = (v: Cell): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const isEmpty = (v: Cell | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const hasBadBytes = (v: Cell): boolean => (typeof v === 'string' ? v.includes(REPLACEMENT) : Array.isArray(v) ? v.some(hasBadBytes) : v !== null && typeof v === 'object' ? Object.values(v).some(hasBadBytes) : false);

function number(v: Cell, column: string, issues: RowIssues, what: 'number' | 'year'): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v.trim()) ? Number(v.trim()) : Number.NaN;
  if (!Number.isFinite(n)) {
    issues.add('NUMBER', column, `"${text(v)}" is not ${what === 'year' ? 'a year' : 'a number'}`);
    return undefined;
  }
  if (what === 'year' && !Number.isInteger(n)) {
    issues.add('YEAR', column, `${n} is not a whole year`);
    return undefined;
  }
  return n;
}

function boolean(v: Cell, column: string, issues: RowIssues): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = text(v).toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(t)) return true;
  if (['false', 'no', '0', 'n'].includes(t)) return false;
  issues.add('VALUE', column, `"${text(v)}" is not true or false`);
  return undefined;
}

const paths = new Map<string, string[]>();
/** `props.printed.ce` → ['printed', 'ce'], once per column name. */
function propPath(column: string): string[] {
  let p = paths.get(column);
  if (!p) {
    p = column.replace(/^props\./i, '').split('.');
    if (paths.size < 10_000) paths.set(column, p);
  }
  return p;
}

const list = (v: Cell): string[] => (Array.isArray(v) ? v.map(text) : text(v).split('|')).map((s) => s.trim()).filter(Boolean);

/** A free cell from a text file: a number when it reads as one exactly ("250", not "0012"), else the text. */
function freeValue(v: Cell): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t !== '' && String(Number(t)) === t ? Number(t) : t;
}

/** Sets `props.a.b` from the dotted column path `a.b`. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let obj = target;
  for (const key of path.slice(0, -1)) obj = (obj[key] ??= {}) as Record<string, unknown>;
  obj[path.at(-1)!] = value;
}

/** A kind-specific or free property cell, converted as its property needs. */
function propValue(path: string[], v: Cell, column: string, issues: RowIssues): unknown {
  const [top] = path as [string];
  if (SCORE_PREFIXES.includes(top) && path.length > 1) {
    if (typeof v === 'string' && /^n\.?\s?a\.?$/i.test(v.trim())) return null;
    if (path[1] === 'degree') return text(v);
    return number(v, column, issues, 'number');
  }
  if (top === 'year' && path.length === 1) return number(v, column, issues, 'year');
  if (LIST_PROPS.has(top) || (top === 'supportType' && list(v).length > 1)) return list(v);
  if (PROP_KINDS.has(top) || LINK_PROP_TYPES.has(top)) return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v.trim() : v;
  return freeValue(v);
}

/**
 * A short rendering of a row, the quote of its statement: what the row says beyond what the entity or
 * relationship shows by itself (its id, kind and ends), after `head`. Kept short: a million are written.
 */
function quoteOf(head: string, cells: Map<string, Cell>, skip: Set<string>): string {
  let q = '';
  for (const [k, v] of cells) {
    if (skip.has(k) || isEmpty(v) || k.startsWith('_')) continue;
    q += `${q ? '; ' : ''}${k}=${text(v)}`;
    if (q.length > 200) break;
  }
  q = head && q ? `${head} (${q})` : head || q;
  return q.length > 200 ? `${q.slice(0, 199)}…` : q;
}

/** A mapped row and its problems: no row when the cells could not be read at all; a row with issues is rejected. */
interface Mapped<T> {
  row?: T;
  issues: ImportIssue[];
}

/** The fields shared by both mappers: row width, bad bytes, ignored columns. */
function commonChecks(raw: RawRow, issues: RowIssues): boolean {
  if (raw.cells.has('')) {
    issues.add('VALUE', undefined, 'each item of the list must be an object with named fields');
    return false;
  }
  if (raw.width) {
    const { cells, header } = raw.width;
    issues.add('COLUMNS', undefined, `the row has ${cells} cells but the header has ${header}: ${cells < header ? 'cells are missing (a truncated row?)' : 'there are cells beyond the header (an unquoted delimiter?)'}`);
    return false;
  }
  let clean = true;
  if (raw.exported && raw.cells.has('properties')) {
    // exported.ts leaves `properties` under its name only when it is not a JSON object.
    issues.add('VALUE', 'properties', 'is not a JSON object of stored properties, as an export writes it: export the file again, or clear the cell');
    clean = false;
  }
  for (const [column, v] of raw.cells) {
    if (!column.startsWith('_') && hasBadBytes(v)) {
      issues.add('ENCODING', column, 'holds bytes that are not valid UTF-8: save the file as UTF-8 (or give its encoding, e.g. latin1)');
      clean = false;
    }
  }
  return clean;
}

/**
 * A node that gives nothing but its id (networkx and igraph write every end of an edge as a node, and a
 * GEXF label defaults to the id): it refers to an entity, declaring nothing.
 */
export function isBareReference(raw: RawRow): boolean {
  if (raw.section !== 'nodes' || !raw.cells.has('id')) return false;
  const id = raw.cells.get('id');
  return [...raw.cells].every(([k, v]) => k === 'id' || k.startsWith('_') || isEmpty(v) || (fold(k) === 'label' && text(v) === text(id ?? '')));
}

/** Maps a node row's cells to the row model; conversion problems (numbers, booleans, encodings, required fields) are issues. */
export function mapNodeRow(raw: RawRow): Mapped<NodeRow> {
  const issues = new RowIssues(raw);
  if (!commonChecks(raw, issues)) return { issues: issues.list };
  const fields: Record<string, Cell> = {};
  const columns = new Map<string, string>();
  const props: Record<string, unknown> = {};
  const propCells: [string[], Cell, string][] = [];
  for (const [column, v] of raw.cells) {
    if (column.startsWith('_') || isEmpty(v)) continue;
    const field = NODE_FIELDS[fold(column)];
    if (field) {
      fields[field] = v;
      columns.set(field, column);
      continue;
    }
    const path = propPath(column);
    if (RESERVED.has(path[0]!)) {
      issues.add('VALUE', column, `${path[0]} is kept by the service and cannot be imported`);
      continue;
    }
    propCells.push([path, v, column]);
  }
  const kindText = fields.kind !== undefined ? text(fields.kind) : '';
  const kind = canonicalKind(kindText);
  if (fields.kind === undefined) issues.add('REQUIRED', columns.get('kind') ?? 'kind', 'kind is required (Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event or Upgrading)');
  else if (!kind) issues.add('KIND', columns.get('kind'), `"${kindText}" is not a kind: use one of ${NODE_KINDS.join(', ')}`);
  for (const [path, v, column] of propCells) {
    const owners = PROP_KINDS.get(path[0]!);
    if (kind && owners && !owners.includes(kind)) {
      issues.add('VALUE', column, `${path[0]} applies to ${owners.join(' and ')} rows, not ${kind}`);
      continue;
    }
    // An export's stored properties are typed already (exported.ts): kept as stored, checked by the domain model.
    const value = raw.exported ? v : propValue(path, v, column, issues);
    if (value === undefined) continue;
    setPath(props, path, value);
    columns.set(`props.${path.join('.')}`, column);
  }
  const name = fields.name ?? fields.label;
  if (name !== undefined) columns.set('name', columns.get('name') ?? columns.get('label')!);
  if (fields.id === undefined) issues.add('REQUIRED', 'id', 'id is required (a stable kind:slug id, e.g. firm:segusino)');
  if (name === undefined) issues.add('REQUIRED', 'name', 'name is required');
  const row: NodeRow = {
    file: raw.file, ...(raw.sheet ? { sheet: raw.sheet, sheetIndex: raw.sheetIndex } : {}), section: 'nodes', row: raw.row, ...(raw.line ? { line: raw.line } : {}), fileIndex: raw.fileIndex,
    id: fields.id !== undefined ? text(fields.id) : '', kind: kind ?? kindText, name: name !== undefined ? text(name) : '', props, columns, quote: '',
  };
  if (raw.exported) row.exported = true;
  if (fields.aliases !== undefined) row.aliases = list(fields.aliases);
  if (fields.description !== undefined) row.description = text(fields.description);
  if (fields.country !== undefined) row.country = text(fields.country);
  if (fields.locatedIn !== undefined) row.locatedIn = text(fields.locatedIn);
  if (fields.count !== undefined) row.count = number(fields.count, columns.get('count')!, issues, 'number');
  if (fields.aggregate !== undefined) row.aggregate = boolean(fields.aggregate, columns.get('aggregate')!, issues);
  if (fields.validFrom !== undefined) row.validFrom = number(fields.validFrom, columns.get('validFrom')!, issues, 'year');
  if (fields.validUntil !== undefined) row.validUntil = number(fields.validUntil, columns.get('validUntil')!, issues, 'year');
  row.quote = quoteOf(row.name, raw.cells, new Set([columns.get('id'), columns.get('kind'), columns.get('name'), columns.get('label'), columns.get('description')].filter(Boolean) as string[]));
  // A row with problems is still returned, so that its id is known (rows referring to it are told it was rejected).
  return { row, issues: issues.list };
}

/** Maps an edge row's cells to the row model. */
export function mapEdgeRow(raw: RawRow): Mapped<EdgeRow> {
  const issues = new RowIssues(raw);
  if (!commonChecks(raw, issues)) return { issues: issues.list };
  const fields: Record<string, Cell> = {};
  const columns = new Map<string, string>();
  const propCells: [string[], Cell, string][] = [];
  for (const [column, v] of raw.cells) {
    if (column.startsWith('_') || isEmpty(v)) continue;
    const field = EDGE_FIELDS[fold(column)];
    if (field) {
      fields[field] = v;
      columns.set(field, column);
    } else propCells.push([propPath(column), v, column]);
  }
  // The type column, else `relationship`, else a label that names a link type (Gephi and networkx files).
  const typeField = ['type', 'relationship', 'label'].find((f) => fields[f] !== undefined && (f !== 'label' || canonicalType(text(fields[f]!))));
  const typeText = typeField ? text(fields[typeField]!) : '';
  const type = canonicalType(typeText);
  if (!typeField) issues.add('REQUIRED', 'type', `type is required (${LINK_TYPE_NAMES.join(', ')})`);
  else if (!type) issues.add('KIND', columns.get(typeField), `"${typeText}" is not a relationship type: use one of ${LINK_TYPE_NAMES.join(', ')}`);
  if (typeField) columns.set('type', columns.get(typeField)!);
  if (fields.label !== undefined && typeField !== 'label') propCells.push([['label'], fields.label, columns.get('label')!]);
  const props: Record<string, unknown> = {};
  for (const [path, v, column] of propCells) {
    if (RESERVED.has(path[0]!) || path[0]!.startsWith('source_')) {
      issues.add('VALUE', column, `${path[0]} is kept by the service and cannot be imported`);
      continue;
    }
    const owners = LINK_PROP_TYPES.get(path[0]!);
    if (type && owners && !owners.includes(type)) {
      issues.add('VALUE', column, `${path[0]} applies to ${owners.join(' and ')} relationships, not ${type}`);
      continue;
    }
    const value = raw.exported ? v : propValue(path, v, column, issues);
    if (value === undefined) continue;
    setPath(props, path, value);
    columns.set(`props.${path.join('.')}`, column);
  }
  if (fields.from === undefined) issues.add('REQUIRED', 'from', 'from is required (the id of the entity the relationship starts from)');
  if (fields.to === undefined) issues.add('REQUIRED', 'to', 'to is required (the id of the entity the relationship points to)');
  const row: EdgeRow = {
    file: raw.file, ...(raw.sheet ? { sheet: raw.sheet, sheetIndex: raw.sheetIndex } : {}), section: 'edges', row: raw.row, ...(raw.line ? { line: raw.line } : {}), fileIndex: raw.fileIndex,
    type: type ?? typeText, from: fields.from !== undefined ? text(fields.from) : '', to: fields.to !== undefined ? text(fields.to) : '', props, columns, quote: '',
  };
  if (fields.id !== undefined) row.id = text(fields.id);
  if (fields.validFrom !== undefined) row.validFrom = number(fields.validFrom, columns.get('validFrom')!, issues, 'year');
  if (fields.validUntil !== undefined) row.validUntil = number(fields.validUntil, columns.get('validUntil')!, issues, 'year');
  const skip = new Set([columns.get('from'), columns.get('to'), columns.get('type')].filter(Boolean) as string[]);
  // The relationship shows its type and ends: the quote is the rest of the row, or those when there is no rest.
  row.quote = quoteOf('', raw.cells, skip) || `${row.from} ${row.type} ${row.to}`;
  return { row, issues: issues.list };
}
