import { collectiveEfficiency } from '../../domain/collectiveEfficiency.js';
import type { LinkRecord, NodeRecord, SourceRef } from './format.js';
import type { Located, SeedSet } from './read.js';

type Prim = string | number | boolean;
export type Props = Record<string, Prim | Prim[]>;

/** One node of the graph, merged from every declaration of its id. */
export interface GraphNode {
  id: string;
  kind: string;
  props: Props;
}
/** One (entity)-[:STATED_IN]->(source) statement: a declaration or a claim, with its provenance. */
export interface Statement {
  id: string;
  key: string;
  doc: string;
  props: Props;
}
export interface GraphLink {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Props;
}
export interface GraphTable {
  id: string;
  doc: string;
  props: Props;
}
export interface Graph {
  nodes: GraphNode[];
  statements: Statement[];
  links: GraphLink[];
  tables: GraphTable[];
}

/**
 * Flattens nested props into Neo4j-storable values: nested objects become `parent_child` keys (two levels),
 * anything deeper or lists of objects become JSON text, null (printed "n.a.") is left out.
 */
export function flatten(obj: Record<string, unknown>, prefix = '', depth = 0, out: Props = {}): Props {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}_${k}` : k;
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else if (Array.isArray(v)) {
      const prims = v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number') || v.every((x) => typeof x === 'boolean');
      out[key] = prims ? (v as Prim[]) : JSON.stringify(v);
    } else if (typeof v === 'object' && depth < 2) flatten(v as Record<string, unknown>, key, depth + 1, out);
    else out[key] = JSON.stringify(v);
  }
  return out;
}

function provenance(src: SourceRef): Props {
  return flatten({ doc: src.doc, lines: src.lines, quote: src.quote, finding: src.finding, cites: src.cites, table: src.table });
}

/** Link properties: its own props, its validity years and its provenance (`source_*`). */
function linkProps(id: string, l: Pick<LinkRecord, 'props' | 'validFrom' | 'validUntil' | 'source'>, derived?: string): Props {
  return flatten({
    id,
    ...(l.props ?? {}),
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    source: { doc: l.source.doc, lines: l.source.lines, quote: l.source.quote, finding: l.source.finding, cites: l.source.cites },
    derivedFrom: derived,
    origin: 'seed',
  });
}

const isLabelList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const SCALAR_FIELDS = ['description', 'count', 'aggregate', 'validFrom', 'validUntil'] as const;

/** Merges declarations by id, derives the structural links the node records imply, recomputes indices. */
export function buildGraph(set: SeedSet): Graph {
  const byId = new Map<string, Located<NodeRecord>[]>();
  for (const n of set.nodes) byId.set(n.value.id, [...(byId.get(n.value.id) ?? []), n]);

  const graph: Graph = { nodes: [], statements: [], links: [], tables: [] };
  const usedLinkIds = new Set<string>();
  const linkId = (type: string, from: string, to: string, src: SourceRef) => {
    const base = `link:${type.toLowerCase().replace(/_/g, '-')}.${from.replace(':', '.')}.${to.replace(':', '.')}.${src.doc}-${src.lines[0]}`;
    let id = base;
    for (let i = 2; usedLinkIds.has(id); i += 1) id = `${base}.${i}`;
    usedLinkIds.add(id);
    return id;
  };
  for (const l of set.links) if (l.value.id) usedLinkIds.add(l.value.id);
  // A structural link stated explicitly in a links list is not derived a second time from node fields.
  const explicit = new Set(set.links.map((l) => `${l.value.type}|${l.value.from}|${l.value.to}`));
  const derive = (type: string, from: string, to: string, decl: Located<NodeRecord>, field: string) => {
    if (explicit.has(`${type}|${from}|${to}`)) return;
    const src = decl.value.source;
    const id = linkId(type, from, to, src);
    graph.links.push({ id, type, from, to, props: linkProps(id, { source: src }, `${decl.value.id}.${field}`) });
  };

  for (const [id, decls] of byId) {
    const first = decls[0]!.value;
    const names = new Set<string>();
    const props: Props = { id, kind: first.kind, name: first.name, origin: 'seed' };
    const conflicts: string[] = [];
    const nested: Record<string, unknown> = {};
    for (const d of decls) {
      const v = d.value;
      if (v.name !== first.name) names.add(v.name);
      for (const a of v.aliases ?? []) names.add(a);
      for (const f of SCALAR_FIELDS) {
        const val = v[f];
        if (val === undefined) continue;
        if (props[f] === undefined) props[f] = val;
        else if (props[f] !== val && f !== 'description') conflicts.push(`${f}: ${JSON.stringify(props[f])} (${decls[0]!.file}) vs ${JSON.stringify(val)} (${d.file})`);
      }
      for (const [k, val] of Object.entries(flatten(v.props ?? {}))) {
        if (nested[k] === undefined) nested[k] = val;
        // Lists of labels (roles) add up: one document calls a firm a cooperative, another its chain's leader.
        else if (isLabelList(nested[k]) && isLabelList(val)) nested[k] = [...new Set([...nested[k], ...val])];
        else if (JSON.stringify(nested[k]) !== JSON.stringify(val)) conflicts.push(`${k}: ${JSON.stringify(nested[k])} vs ${JSON.stringify(val)} (${d.file})`);
      }
      graph.statements.push({
        id,
        key: d.key,
        doc: v.source.doc,
        props: { key: d.key, kind: 'declaration', name: v.name, ...(v.description ? { claim: v.description } : {}), propsJson: JSON.stringify(v.props ?? {}), ...provenance(v.source) },
      });
      for (const [i, s] of (v.scoreSources ?? []).entries()) {
        graph.statements.push({ id, key: `${d.key}.scoreSources[${i}]`, doc: s.doc, props: { key: `${d.key}.scoreSources[${i}]`, kind: 'scores', ...provenance(s) } });
      }
      if (v.country) derive('LOCATED_IN', id, v.country, d, 'country');
      if (v.locatedIn && v.locatedIn !== v.country) derive('LOCATED_IN', id, v.locatedIn, d, 'locatedIn');
      const p = (v.props ?? {}) as Record<string, unknown>;
      if (typeof p.parent === 'string') derive('LOCATED_IN', id, p.parent, d, 'parent');
      if (typeof p.cluster === 'string' && v.kind === 'ValueChain') derive('HAS_CHAIN', p.cluster, id, d, 'cluster');
      if (typeof p.subject === 'string' && v.kind === 'Upgrading') derive('UNDERWENT', p.subject, id, d, 'subject');
      if (Array.isArray(p.affects)) for (const a of p.affects) if (typeof a === 'string') derive('AFFECTS', id, a, d, 'affects');
    }
    names.delete(first.name);
    Object.assign(props, nested);
    props.aliases = [...names];
    props.aliasText = [...names].join(' | ');
    props.sources = [...new Set(decls.map((d) => d.value.source.doc))];
    if (conflicts.length) props.conflicts = conflicts;
    if (first.kind === 'Cluster') Object.assign(props, clusterIndices(nested));
    graph.nodes.push({ id, kind: first.kind, props });
  }

  for (const l of set.links) {
    const v = l.value;
    const id = v.id ?? linkId(v.type, v.from, v.to, v.source);
    graph.links.push({ id, type: v.type, from: v.from, to: v.to, props: linkProps(id, v) });
  }
  for (const s of set.statements) {
    const { about, also, claim, source } = s.value;
    // A claim about a linkage is stated on every entity it names, under one key: the same statement seen from each end.
    const props: Props = { key: s.key, kind: 'claim', claim, ...(also ? { about, also } : {}), ...provenance(source) };
    for (const id of [about, ...(also ?? [])]) graph.statements.push({ id, key: s.key, doc: source.doc, props });
  }
  for (const t of set.tables) {
    const v = t.value;
    graph.tables.push({ id: v.id, doc: v.source.doc, props: { id: v.id, title: v.title, rowsJson: JSON.stringify(v.rows), ...(v.columns ? { columnsJson: JSON.stringify(v.columns) } : {}), ...provenance(v.source) } });
  }
  return graph;
}

/** The printed and recomputed collective-efficiency figures of a cluster, as flat properties. */
function clusterIndices(p: Record<string, unknown>): Props {
  const n = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : p[k] === undefined ? undefined : null);
  const hasItems = (prefix: string) => Object.keys(p).some((k) => k.startsWith(prefix));
  const items = (prefix: string, keys: string[]) => (hasItems(prefix) ? Object.fromEntries(keys.map((k) => [k, n(`${prefix}_${k}`) ?? null])) : undefined);
  const ee = items('externalEconomies', ['labourMarket', 'inputs', 'information', 'marketAccess']);
  const ja = items('jointAction', ['backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral']);
  const printed = { eei: n('printed_eei'), jai: n('printed_jai'), ce: n('printed_ce'), degree: typeof p.printed_degree === 'string' ? p.printed_degree : undefined };
  if (!ee && !ja && printed.ce === undefined) return {};
  const r = collectiveEfficiency(ee, ja, printed);
  return flatten({ computed: { eei: r.eei, jai: r.jai, ce: r.ce, degree: r.degree }, ceFlags: r.flags, ceDisagrees: r.flags.some((f) => f.includes('≠')) });
}
