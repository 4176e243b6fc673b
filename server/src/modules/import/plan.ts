import { flatten, type Props } from '../seeds/merge.js';
import { describePlace, type EdgeRow, type NodeRow } from './model.js';

/** One import's identity, as its writes carry it. */
export interface ImportKey {
  /** The source key, `import:<12 hex digits>`. */
  key: string;
  /** The hex part, used in generated link ids. */
  short: string;
}

/** A property an import states with another value than the one stored: both are kept. */
export interface Conflict {
  entity: string;
  property: string;
  stored: string;
  imported: string;
  file: string;
  sheet?: string;
  row: number;
}

/** An entity an existing node gained: the properties filled and the list values added. */
export interface Update {
  id: string;
  properties: string[];
}

export interface NodeWrite {
  id: string;
  kind: string;
  /** A new entity's properties without `origin` and `sources`; what an existing one gains. */
  set: Props;
  /** A new entity's statement without what createNodes.cypher adds (kind, doc, created); an existing one's whole statement. */
  statement: Props;
  /** A new entity (created with its statement), or one that exists (given what the row adds). */
  create: boolean;
}

export interface LinkWrite {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Props;
}

/** What the database holds for an entity a row states again. */
export interface Existing {
  props: Record<string, unknown>;
  /** This import's statement is already there (a repeated or resumed import): the row changes nothing. */
  stated: boolean;
  /** `TYPE|from|to` of its structural links. */
  structural: Set<string>;
}

export interface NodePlan {
  writes: NodeWrite[];
  structural: LinkWrite[];
  created: string[];
  updated: Update[];
  conflicts: Conflict[];
}

/** The key of the statement one row makes. */
export const statementKey = (k: ImportKey, r: { file: string; sheet?: string; row: number }) => `${k.key}#${r.file}${r.sheet ? `[${r.sheet}]` : ''}:${r.row}`;

/** Fields stored beside the kind-specific properties; `description` is a claim, never a conflict (as in the seed loader). */
const FIELDS = ['description', 'count', 'aggregate', 'validFrom', 'validUntil'] as const;
const isLabelList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const show = (v: unknown) => JSON.stringify(v);

/** The structural links a node row implies, as the seed loader derives them from the same fields. */
export function structuralLinks(row: NodeRow): { type: string; from: string; to: string; field: string }[] {
  // An exported row's links are rows of the export's edges file, with their own ids and provenance.
  if (row.exported) return [];
  const out: { type: string; from: string; to: string; field: string }[] = [];
  const p = row.props;
  if (row.country) out.push({ type: 'LOCATED_IN', from: row.id, to: row.country, field: 'country' });
  if (row.locatedIn && row.locatedIn !== row.country) out.push({ type: 'LOCATED_IN', from: row.id, to: row.locatedIn, field: 'locatedIn' });
  if (typeof p.parent === 'string') out.push({ type: 'LOCATED_IN', from: row.id, to: p.parent, field: 'parent' });
  if (typeof p.cluster === 'string' && row.kind === 'ValueChain') out.push({ type: 'HAS_CHAIN', from: p.cluster, to: row.id, field: 'cluster' });
  if (typeof p.subject === 'string' && row.kind === 'Upgrading') out.push({ type: 'UNDERWENT', from: p.subject, to: row.id, field: 'subject' });
  if (Array.isArray(p.affects)) for (const a of p.affects) if (typeof a === 'string') out.push({ type: 'AFFECTS', from: row.id, to: a, field: 'affects' });
  // One link of a type between two entities, however many fields name it (a place's country and parent).
  return out.filter((s, i) => out.findIndex((t) => t.type === s.type && t.from === s.from && t.to === s.to) === i);
}

function provenance(k: ImportKey, row: NodeRow | EdgeRow, prefix = ''): Props {
  // No `finding`: a row is the importer's own statement, which is what a missing finding means (OWN).
  return { [`${prefix}doc`]: k.key, [`${prefix}lines`]: [row.row], [`${prefix}quote`]: row.quote };
}

/**
 * What writing a batch of node rows changes: new entities with all their properties; for entities that
 * exist, blanks filled, aliases and label lists added to, and each differing value recorded as a conflict
 * (never overwritten); a statement per row either way; and the structural links the rows imply. `later`
 * says whether an id is declared by a row not yet written, whose structural links must wait.
 */
export function planNodes(a: { rows: NodeRow[]; existing: Map<string, Existing>; k: ImportKey; later: (id: string) => boolean }): NodePlan & { deferred: LinkWrite[] } {
  const plan: NodePlan & { deferred: LinkWrite[] } = { writes: [], structural: [], deferred: [], created: [], updated: [], conflicts: [] };
  for (const row of a.rows) {
    const found = a.existing.get(row.id);
    if (found?.stated) continue;
    const own: Props = flatten({ ...Object.fromEntries(FIELDS.map((f) => [f, row[f]])), ...row.props });
    // Kept small (a million of them are written): the key names the file and row; the row's own values are
    // on a new entity itself, and kept in the statement (propsJson) only beside an entity that existed.
    const claim: Props = row.description ? { claim: row.description } : {};
    if (!found) {
      const aliases = [...new Set(row.aliases ?? [])].filter((x) => x !== row.name);
      // What is the same for every new entity of the import (origin, sources; the statement's kind, doc and
      // created) is added by createNodes.cypher, not sent a million times.
      const set: Props = { ...own, id: row.id, kind: row.kind, name: row.name, ...(aliases.length ? { aliases, aliasText: aliases.join(' | ') } : {}) };
      plan.writes.push({ id: row.id, kind: row.kind, set, statement: { key: statementKey(a.k, row), ...claim, lines: [row.row], quote: row.quote }, create: true });
      plan.created.push(row.id);
    } else {
      const statement: Props = { key: statementKey(a.k, row), kind: 'declaration', ...claim, ...provenance(a.k, row), created: false, name: row.name, propsJson: JSON.stringify(row.props) };
      const { set, filled, added, conflicts } = diffExisting({ stored: found.props, own, row, k: a.k });
      plan.writes.push({ id: row.id, kind: row.kind, set, statement: { ...statement, filled, addedJson: JSON.stringify(added) }, create: false });
      plan.conflicts.push(...conflicts);
      const changed = [...filled, ...Object.keys(added)].filter((x) => x !== 'sources' && x !== 'conflicts' && x !== 'aliasText');
      if (changed.length) plan.updated.push({ id: row.id, properties: changed });
    }
    structuralLinks(row).forEach((s, i) => {
      if (found?.structural.has(`${s.type}|${s.from}|${s.to}`)) return;
      const id = `link:import-${a.k.short}-${row.fileIndex}-${row.row}-${i}`;
      const props: Props = { id, ...provenance(a.k, row, 'source_'), origin: 'import', derivedFrom: `${row.id}.${s.field}` };
      const write = { id, type: s.type, from: s.from, to: s.to, props };
      (a.later(s.from === row.id ? s.to : s.from) ? plan.deferred : plan.structural).push(write);
    });
  }
  return plan;
}

/** Blanks filled, list values added and conflicts of a row about an existing entity; nothing stored changes. */
function diffExisting(a: { stored: Record<string, unknown>; own: Props; row: NodeRow; k: ImportKey }) {
  const set: Props = {};
  const filled: string[] = [];
  const added: Record<string, string[]> = {};
  const conflicts: Conflict[] = [];
  const addTo = (prop: string, values: string[]) => {
    const current = isLabelList(a.stored[prop]) ? (a.stored[prop] as string[]) : [];
    const fresh = [...new Set(values)].filter((v) => !current.includes(v));
    if (!fresh.length) return;
    // A list the entity did not have is filled (the undo removes it); one it had is added to.
    if (a.stored[prop] === undefined || a.stored[prop] === null) filled.push(prop);
    else added[prop] = fresh;
    set[prop] = [...current, ...fresh];
  };
  for (const [prop, value] of Object.entries(a.own)) {
    const stored = a.stored[prop];
    if (stored === undefined || stored === null) {
      set[prop] = value;
      filled.push(prop);
    } else if (isLabelList(stored) && isLabelList(value)) addTo(prop, value);
    else if (prop !== 'description' && show(stored) !== show(value)) {
      conflicts.push({ entity: a.row.id, property: prop, stored: show(stored), imported: show(value), file: a.row.file, ...(a.row.sheet ? { sheet: a.row.sheet } : {}), row: a.row.row });
    }
  }
  const storedName = String(a.stored.name ?? '');
  addTo('aliases', [...(a.row.name !== storedName ? [a.row.name] : []), ...(a.row.aliases ?? [])].filter((x) => x !== storedName));
  if (set.aliases) set.aliasText = (set.aliases as string[]).join(' | ');
  addTo('sources', [a.k.key]);
  addTo('conflicts', conflicts.map((c) => `${c.property}: ${c.stored} (stored) vs ${c.imported} (${a.k.key} ${describePlace(c)})`));
  return { set, filled, added, conflicts };
}

/** An entity's properties without what an import added (`filled` properties, `added` list values): the undo of `diffExisting`. */
export function restoreProps(props: Record<string, unknown>, filled: string[], added: Record<string, string[]>): Record<string, unknown> {
  const out = { ...props };
  for (const f of filled) delete out[f];
  for (const [prop, values] of Object.entries(added)) {
    if (isLabelList(out[prop])) out[prop] = (out[prop] as string[]).filter((v) => !values.includes(v));
  }
  if (added.aliases && isLabelList(out.aliases)) out.aliasText = out.aliases.join(' | ');
  return out;
}

/**
 * A relationship an edge row creates: its own properties, and the row and quote of its provenance.
 * writeLinks.cypher adds `id`, `source_doc` (the import: what undo looks for), `source_lines`, `source_quote`
 * and `origin` from these and the import's key, so what is the same for every row is sent once per batch.
 */
export interface EdgeWrite {
  id: string;
  type: string;
  from: string;
  to: string;
  row: number;
  quote: string;
  /** The row's own properties (no id, no provenance). */
  props: Props;
}

/** The id of the relationship an edge row creates: its own, else one from the import and the row. */
export const linkIdOf = (row: EdgeRow, k: ImportKey): string => row.id ?? `link:import-${k.short}-${row.fileIndex}-${row.row}`;

/** What an edge row gives its relationship. */
export function linkWrite(row: EdgeRow, k: ImportKey): EdgeWrite {
  const id = linkIdOf(row, k);
  return { id, type: row.type, from: row.from, to: row.to, row: row.row, quote: row.quote, props: flatten({ ...row.props, validFrom: row.validFrom, validUntil: row.validUntil }) };
}

const LINK_OWN = (key: string) => !['id', 'origin', 'conflicts', 'editedBy', 'derivedFrom'].includes(key) && !key.startsWith('source_');

/**
 * What writing a batch of edge rows changes: new relationships, and for those that exist (the same id), the
 * properties that differ, recorded as conflicts beside the stored values.
 */
export function planEdges(a: { rows: EdgeRow[]; existing: Map<string, { props: Record<string, unknown> }>; k: ImportKey }) {
  const writes: EdgeWrite[] = [];
  const annotations: { id: string; from: string; conflicts: string[] }[] = [];
  const conflicts: Conflict[] = [];
  for (const row of a.rows) {
    const w = linkWrite(row, a.k);
    const found = a.existing.get(w.id);
    if (!found) {
      writes.push(w);
      continue;
    }
    if (found.props.source_doc === a.k.key) continue;
    const mine = conflicts.length;
    for (const [prop, value] of Object.entries(w.props).filter(([p]) => LINK_OWN(p))) {
      const stored = found.props[prop];
      if (stored !== undefined && stored !== null && show(stored) !== show(value)) conflicts.push({ entity: w.id, property: prop, stored: show(stored), imported: show(value), file: row.file, ...(row.sheet ? { sheet: row.sheet } : {}), row: row.row });
    }
    const notes = conflicts.slice(mine).map((c) => `${c.property}: ${c.stored} (stored) vs ${c.imported} (${a.k.key} ${describePlace(c)})`);
    const current = isLabelList(found.props.conflicts) ? found.props.conflicts : [];
    const fresh = notes.filter((n) => !current.includes(n));
    if (fresh.length) annotations.push({ id: w.id, from: w.from, conflicts: [...current, ...fresh] });
  }
  return { writes, annotations, conflicts };
}
