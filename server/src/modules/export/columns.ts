/**
 * The columns every export format shares: CSV headers, GEXF attributes and GraphML keys are these, in this
 * order, with these types, so a file opened in Gephi, igraph, networkx or a spreadsheet says the same thing.
 * Pure: no database.
 */
import { LINK_TYPES, type LinkType } from '../../domain/enums.js';
import { qualifierOf } from '../core/edges.js';

/** A column's value type, as GraphML (`attr.type`) and GEXF (`type`) declare it. */
export type ColumnType = 'string' | 'int' | 'double' | 'boolean';

export interface Column {
  name: string;
  type: ColumnType;
  /** What the column holds (README, "Exporting and the command line", repeats these). */
  doc: string;
}

/** One exported entity: its stored properties, where it lies and belongs, and every statement about it. */
export interface ExportNode {
  id: string;
  kind: string;
  name: string;
  /** Every stored property, as stored (the round trip restores the entity from these). */
  properties: Record<string, unknown>;
  country: string | null;
  cluster: string | null;
  /** Every statement about it (declarations first), each a STATED_IN relationship's properties and its document's title. */
  statements: Record<string, unknown>[];
}

/** One exported relationship: its id, type, ends and every stored property (its provenance among them, `source_*`). */
export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export type Value = string | number | boolean | null;

const PROVENANCE: Column[] = [
  { name: 'doc', type: 'string', doc: 'key of the source document (pietrobelli2004…): for an entity, of its first declaration' },
  { name: 'lines', type: 'string', doc: '1-based line numbers of the document that state it, separated by ;' },
  { name: 'quote', type: 'string', doc: 'verbatim words from those lines' },
  { name: 'finding', type: 'string', doc: 'own (the authors\' finding) or cited (another study they report)' },
  { name: 'cites', type: 'string', doc: 'the study cited, when finding is cited' },
];

export const NODE_COLUMNS: Column[] = [
  { name: 'id', type: 'string', doc: 'stable id, kind:slug' },
  { name: 'kind', type: 'string', doc: 'Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event or Upgrading' },
  { name: 'name', type: 'string', doc: 'name' },
  { name: 'aliases', type: 'string', doc: 'other names, separated by |' },
  { name: 'description', type: 'string', doc: 'description in the sources\' terms' },
  { name: 'country', type: 'string', doc: 'the Place id of its country (LOCATED_IN at any depth; the first by id)' },
  { name: 'cluster', type: 'string', doc: 'its cluster: itself for a cluster, else the first (by id) it is a member of or whose value chain it is' },
  { name: 'sector', type: 'string', doc: 'sector, as the sources name it' },
  { name: 'sectorGroup', type: 'string', doc: 'traditional, natural_resource, complex_product_systems, specialised_suppliers or other (clusters)' },
  { name: 'subtype', type: 'string', doc: 'buyerType, institutionType, programType, placeType, eventType or upgradingType; a firm\'s roles joined with +; a person\'s role' },
  { name: 'aggregate', type: 'boolean', doc: 'true when the sources name a group of actors, not one' },
  { name: 'count', type: 'double', doc: 'how many actors an aggregate stands for, where the sources say' },
  { name: 'validFrom', type: 'int', doc: 'first year it existed or was active, where the sources say' },
  { name: 'validUntil', type: 'int', doc: 'last year, where the sources say' },
  { name: 'sources', type: 'string', doc: 'keys of every document that declares it, separated by ; (after a round trip, the imports that carried it too)' },
  ...PROVENANCE,
  { name: 'statements', type: 'int', doc: 'how many statements (declarations, claims, score sources) are about it; the JSON export lists them all' },
  { name: 'properties', type: 'string', doc: 'every stored property as a JSON object (what an import restores the entity from)' },
];

export const EDGE_COLUMNS: Column[] = [
  { name: 'id', type: 'string', doc: 'stable id of the relationship' },
  { name: 'type', type: 'string', doc: 'relationship type (SUPPLIES, MEMBER_OF…)' },
  { name: 'source', type: 'string', doc: 'id of the entity it leaves (supplier → customer, member → cluster…)' },
  { name: 'target', type: 'string', doc: 'id of the entity it reaches' },
  { name: 'symmetric', type: 'boolean', doc: 'true for ties whose direction means nothing (COOPERATES_WITH, JOINT_VENTURE, COMPETES_WITH)' },
  { name: 'form', type: 'string', doc: 'joint-action form of a COOPERATES_WITH tie' },
  { name: 'qualifier', type: 'string', doc: 'support type, chain position, market, or what flows along it' },
  { name: 'validFrom', type: 'int', doc: 'first year it is known to hold' },
  { name: 'validUntil', type: 'int', doc: 'last year it is known to hold' },
  ...PROVENANCE,
  { name: 'properties', type: 'string', doc: 'every stored property as a JSON object (what an import restores the relationship from)' },
];

const SUBTYPE_KEYS = ['buyerType', 'institutionType', 'programType', 'placeType', 'eventType', 'upgradingType', 'roles', 'role'];

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? v.map(String).join('+') : String(v));
const joined = (v: unknown, sep: string): string | null => (Array.isArray(v) ? (v.length ? v.map(String).join(sep) : null) : text(v));
const year = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** The provenance columns of a statement or of a relationship's `source_*` properties. */
function provenance(p: Record<string, unknown> | undefined, prefix = ''): Record<string, Value> {
  const g = (k: string) => p?.[`${prefix}${k}`];
  return { doc: text(g('doc')), lines: joined(g('lines'), ';'), quote: text(g('quote')), finding: text(g('finding')), cites: text(g('cites')) };
}

/**
 * The provenance an import kept from the export it read (`statedIn_*`, see import/parsers/exported.ts): an
 * entity or relationship that came back through a round trip shows where it was stated, not only the import
 * that carried it (which stays its source, in `properties` and the JSON statements).
 */
export const keptProvenance = (p: Record<string, unknown>): Record<string, unknown> | undefined =>
  (p.statedIn_doc !== undefined ? Object.fromEntries(['doc', 'lines', 'quote', 'finding', 'cites'].map((k) => [k, p[`statedIn_${k}`]])) : undefined);

/** The documents that declare an entity: those kept through a round trip first, then its own sources. */
const sourcesOf = (p: Record<string, unknown>): unknown => {
  const kept = Array.isArray(p.statedIn_sources) ? p.statedIn_sources : [];
  const own = Array.isArray(p.sources) ? p.sources : p.sources !== undefined && p.sources !== null ? [p.sources] : [];
  return [...new Set([...kept, ...own])];
};

/** An entity's row under NODE_COLUMNS; the provenance columns are those of its first declaration (or those kept through a round trip). */
export function nodeValues(n: ExportNode): Record<string, Value> {
  const p = n.properties;
  const declaration = keptProvenance(p) ?? n.statements.find((s) => s.kind === 'declaration') ?? n.statements[0];
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    aliases: joined(p.aliases, ' | '),
    description: text(p.description),
    country: n.country,
    cluster: n.cluster,
    sector: text(p.sector),
    sectorGroup: text(p.sectorGroup),
    subtype: text(SUBTYPE_KEYS.map((k) => p[k]).find((v) => v !== undefined && v !== null)),
    aggregate: bool(p.aggregate),
    count: num(p.count),
    validFrom: year(p.validFrom),
    validUntil: year(p.validUntil),
    sources: joined(sourcesOf(p), ';'),
    ...provenance(declaration),
    statements: n.statements.length,
    properties: JSON.stringify(p),
  };
}

/** A relationship's row under EDGE_COLUMNS. */
export function edgeValues(e: ExportEdge): Record<string, Value> {
  const p = e.properties;
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    symmetric: LINK_TYPES[e.type as LinkType]?.symmetric ?? false,
    form: text(p.form),
    qualifier: qualifierOf(p),
    validFrom: year(p.validFrom),
    validUntil: year(p.validUntil),
    ...(keptProvenance(p) ? provenance(keptProvenance(p)) : provenance(p, 'source_')),
    properties: JSON.stringify(p),
  };
}
