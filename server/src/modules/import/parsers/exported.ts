/**
 * Reading a clustergraph export back in (issue 10: "export, import into an empty database, gives the same
 * graph"). An export row (server/src/modules/export/columns.ts) carries the entity's or relationship's own
 * data, columns derived from the rest of the graph, and the provenance of the statement behind it. This file
 * turns such a row into the import's row model, column by column:
 *
 * - own data: `id`, `kind`, `name` (an edge's `id`, `type`, `source`, `target`) and every stored property,
 *   from the `properties` column (JSON of the stored properties, flattened `a_b` keys nested again so the
 *   domain model checks them), taken as typed;
 * - derived, ignored: `country`, `cluster`, `subtype`, `statements`, `symmetric`, `qualifier`, a GEXF
 *   `label` and `start`/`end`, and the named columns that repeat a stored property (`sector`, `aliases`,
 *   `validFrom`…: `properties` holds them as stored); the properties the service keeps or computes itself
 *   (`origin`, `aliasText`, `computed_*`, `ceFlags`, `ceDisagrees`, an edge's `source_*`, which the
 *   provenance columns repeat);
 * - the fields that draw a structural link (a place's `parent`, a chain's `cluster`, an episode's `subject`,
 *   an event's `affects`): kept as properties; the row is marked `exported`, so the import draws no link from
 *   them (plan.ts `structuralLinks`): the export's edges carry those links with their own ids and provenance;
 * - provenance: `doc`, `lines`, `quote`, `finding`, `cites` (the JSON `provenance`), the documents of
 *   `sources` and the stored `conflicts`, kept as the `statedIn.*` properties of the entity or relationship
 *   (stored `statedIn_doc`…): the import stays the source that carried the row (what undo and idempotence
 *   rely on), and the export shows the kept provenance in its provenance columns again.
 */
import type { Cell, RawRow, Section } from '../model.js';

/** The creator a GEXF export names (`<meta><creator>`), the id of a GraphML export's graph, a JSON export's `meta.generator`. */
export const EXPORT_CREATOR = 'clustergraph';

const HEADERS: Record<Section, string[]> = {
  nodes: ['id', 'kind', 'name', 'sources', 'statements'],
  edges: ['id', 'type', 'source', 'target', 'symmetric', 'qualifier'],
};

/** Whether a table's header (a CSV file, an XLSX sheet) is an export's nodes or edges header. */
export function isExportHeader(header: string[], section: Section): boolean {
  const h = new Set(header);
  return HEADERS[section].every((c) => h.has(c));
}

/** The row model's fields that stored properties of the same name fill. */
const NODE_FIELDS = new Set(['aliases', 'description', 'count', 'aggregate', 'validFrom', 'validUntil']);
const EDGE_FIELDS = new Set(['validFrom', 'validUntil']);
/** Stored properties (by the segment before the first `_`) the import does not read from `properties`. */
const NODE_SKIPPED = new Set(['id', 'kind', 'name', 'origin', 'sources', 'conflicts', 'aliasText', 'importKey', 'imports', 'editedBy', 'computed', 'ceFlags', 'ceDisagrees', 'statedIn']);
const EDGE_SKIPPED = new Set(['id', 'origin', 'source', 'conflicts', 'editedBy', 'statedIn', 'importKey', 'imports']);
const PROVENANCE = ['doc', 'lines', 'quote', 'finding', 'cites'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const blank = (v: unknown) => v === undefined || v === null || v === '';

/** The `properties` cell as an object; a string is parsed as JSON. `invalid` when it is neither. */
function storedProperties(v: Cell | undefined): Record<string, unknown> | undefined | 'invalid' {
  if (blank(v)) return undefined;
  if (isObject(v)) return v;
  if (typeof v !== 'string') return 'invalid';
  try {
    const parsed: unknown = JSON.parse(v);
    return isObject(parsed) ? parsed : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * A stored key as a property path: flatten (seeds/merge.ts) wrote nested objects as `a_b` (two levels), so
 * `externalEconomies_labourMarket` is `externalEconomies.labourMarket` again — unless a shorter key
 * (`exports` beside `exports_value`) is stored too, in which case the key is kept whole. Writing flattens the
 * path back to the same key.
 */
function pathOf(key: string, props: Record<string, unknown>): string {
  const parts = key.split('_');
  if (parts.length === 1 || parts.some((p) => p === '')) return key;
  for (let i = 1; i < parts.length; i += 1) if (parts.slice(0, i).join('_') in props) return key;
  return parts.join('.');
}

const numbers = (v: unknown): number[] | undefined => {
  const items = Array.isArray(v) ? v : typeof v === 'number' ? [v] : typeof v === 'string' ? v.split(/[;,|]/) : [];
  const out = items.map((x) => Number(String(x).trim())).filter((x) => Number.isFinite(x));
  return out.length ? out : undefined;
};
const strings = (v: unknown, sep: RegExp): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(sep) : []).map((s) => s.trim()).filter(Boolean);

/** The provenance a row carries: the JSON `provenance` (a relationship's object, an entity's statements, declarations first), else the columns. */
function provenanceOf(c: Map<string, Cell>): Record<string, unknown> {
  let p: Record<string, unknown> | undefined;
  const given = c.get('provenance');
  if (Array.isArray(given)) p = (given.find((s) => isObject(s) && s.kind === 'declaration') ?? given.find(isObject)) as Record<string, unknown> | undefined;
  else if (isObject(given)) p = given;
  const out: Record<string, unknown> = {};
  for (const k of PROVENANCE) {
    const v = p ? p[k] : c.get(k);
    if (blank(v)) continue;
    if (k === 'lines') {
      const lines = numbers(v);
      if (lines) out.lines = lines;
    } else out[k] = typeof v === 'string' ? v : String(v);
  }
  return out;
}

/** Adds the stored properties (but those skipped) to `out` as field cells or `props.` cells. */
function restore(out: Map<string, Cell>, props: Record<string, unknown>, a: { fields: Set<string>; skipped: Set<string> }) {
  for (const [key, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (a.fields.has(key)) {
      out.set(key, v as Cell);
      continue;
    }
    if (a.skipped.has(key.split('_')[0]!)) continue;
    out.set(`props.${pathOf(key, props)}`, v as Cell);
  }
}

/** Sets the kept provenance as `props.statedIn.*` cells. */
function keep(out: Map<string, Cell>, p: Record<string, unknown>) {
  for (const [k, v] of Object.entries(p)) if (!blank(v) && !(Array.isArray(v) && v.length === 0)) out.set(`props.statedIn.${k}`, v as Cell);
}

/**
 * An export row read into the import's row model (see the top of this file). A `properties` cell that is
 * not a JSON object is passed on under its name, for the mapper to report.
 */
export function exportedRow(raw: RawRow): RawRow {
  const c = raw.cells;
  const out = new Map<string, Cell>();
  const props = storedProperties(c.get('properties'));
  if (props === 'invalid') out.set('properties', c.get('properties')!);
  const stored = props === 'invalid' ? undefined : props;
  const kept = { ...provenanceOf(c), ...provenanceLists(c, stored) };
  if (raw.section === 'nodes') {
    for (const k of ['id', 'kind', 'name'] as const) if (!blank(c.get(k))) out.set(k, c.get(k)!);
    if (!out.has('name') && !blank(c.get('label'))) out.set('name', c.get('label')!);
    if (stored) restore(out, stored, { fields: NODE_FIELDS, skipped: NODE_SKIPPED });
  } else {
    for (const [from, to] of [['id', 'id'], ['type', 'type'], ['source', 'from'], ['target', 'to'], ['from', 'from'], ['to', 'to']] as const) if (!blank(c.get(from))) out.set(to, c.get(from)!);
    if (stored) restore(out, stored, { fields: EDGE_FIELDS, skipped: EDGE_SKIPPED });
  }
  keep(out, kept);
  return { ...raw, cells: out, exported: true };
}

/**
 * The documents of `sources` and the stored `conflicts`, as lists. A row exported from a database that a
 * round trip filled shows its kept lists (`statedIn_sources`, `statedIn_conflicts`) first, then the imports
 * that carried it there (`import:…`): each hop of a round trip adds the import that carried it.
 */
function provenanceLists(c: Map<string, Cell>, stored: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.has('sources') || stored?.sources !== undefined || stored?.statedIn_sources !== undefined) {
    const all = [...strings(stored?.statedIn_sources, /;/), ...strings(c.get('sources') ?? stored?.sources, /;/)];
    const sources = [...new Set(all)];
    if (sources.length) out.sources = sources;
  }
  const conflicts = strings(stored?.statedIn_conflicts ?? stored?.conflicts, /\n/);
  if (conflicts.length) out.conflicts = conflicts;
  return out;
}
