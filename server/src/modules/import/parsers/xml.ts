import { SaxesParser, type SaxesTag } from 'saxes';
import { decodeText, FileProblem } from '../decode.js';
import type { Cell, ImportFile, RawRow, Section } from '../model.js';
import { EXPORT_CREATOR, exportedRow } from './exported.js';

/** A declared attribute: GraphML `<key>` or GEXF `<attribute>`. */
interface Attribute {
  name: string;
  type: string;
  default?: string;
}

const NUMERIC = new Set(['int', 'integer', 'long', 'float', 'double', 'short', 'byte', 'bigdecimal', 'biginteger']);
const LINK_ID = /^[a-z][a-z0-9_]*:[a-z0-9][a-z0-9._-]*$/;
/** GEXF's own edge `type` says whether an edge is directed; any other value is taken as the relationship type. */
const DIRECTEDNESS = new Set(['directed', 'undirected', 'mutual']);

function typed(value: string, attr: Attribute | undefined): Cell {
  const t = attr?.type.toLowerCase() ?? 'string';
  if (NUMERIC.has(t) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (t === 'boolean' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return value;
}

/** What the parser is inside: the row being built and the attribute whose value is being read. */
interface State {
  section?: Section;
  cells?: Map<string, Cell>;
  line?: number;
  data?: { attr: Attribute | undefined; key: string; text: string };
  declaring?: { cls: string; id: string; attr: Attribute; readingDefault: boolean };
  attrClass?: string;
  /** The text of a GEXF `<meta><creator>` being read. */
  creator?: string;
}

/**
 * The rows of a GraphML or GEXF file (Gephi, igraph, networkx), read as a stream with saxes: `<node>`s are
 * node rows with their id and declared attributes by name (`<key attr.name>`, `<attribute title>`, typed as
 * declared, defaults applied); `<edge>`s are edge rows with `from` and `to`. A GEXF node's `label` and an
 * edge's `label`, `weight`, `start` and `end` become cells too. A clustergraph export (GEXF `<creator>`,
 * GraphML `<graph id>`) is read back as exported.ts describes. Rows are numbered by position among the
 * file's nodes (or edges), and carry the line they start on.
 */
export async function* readGraphXml(file: ImportFile, fileIndex: number): AsyncGenerator<RawRow> {
  const gexf = file.format === 'gexf';
  const attrs = new Map<string, Attribute>(); // `${class}|${id}`
  const counts = { nodes: 0, edges: 0 };
  const ready: RawRow[] = [];
  const s: State = {};
  let root: string | undefined;
  /** A clustergraph export (GEXF creator, GraphML graph id), read back as exported.ts describes. */
  let exported = false;
  const parser = new SaxesParser({ position: true, xmlns: false });

  const finishRow = () => {
    if (!s.section || !s.cells) return;
    const cls = s.section === 'nodes' ? 'node' : 'edge';
    // Declared defaults fill attributes a row leaves out.
    for (const [key, a] of attrs) {
      if (!key.startsWith(`${cls}|`) && !key.startsWith('all|')) continue;
      if (a.default !== undefined && !s.cells.has(a.name)) s.cells.set(a.name, typed(a.default, a));
    }
    counts[s.section] += 1;
    const row: RawRow = { file: file.name, fileIndex, section: s.section, row: counts[s.section], line: s.line, cells: s.cells };
    ready.push(exported ? exportedRow(row) : row);
    s.section = undefined;
    s.cells = undefined;
  };

  parser.on('opentag', (tag: SaxesTag) => {
    const a = tag.attributes as Record<string, string>;
    const name = tag.name.replace(/^.*:/, '');
    root ??= name;
    if (name === 'key' && !gexf) {
      s.declaring = { cls: a.for ?? 'all', id: a.id ?? '', attr: { name: a['attr.name'] ?? a.id ?? '', type: a['attr.type'] ?? 'string' }, readingDefault: false };
    } else if (name === 'creator' && gexf) s.creator = '';
    else if (name === 'graph' && !gexf && a.id === EXPORT_CREATOR) exported = true;
    else if (name === 'attributes' && gexf) s.attrClass = a.class ?? 'node';
    else if (name === 'attribute' && gexf) {
      s.declaring = { cls: s.attrClass ?? 'node', id: a.id ?? '', attr: { name: a.title ?? a.id ?? '', type: a.type ?? 'string' }, readingDefault: false };
    } else if (name === 'default' && s.declaring) {
      s.declaring.readingDefault = true;
      s.declaring.attr.default = '';
    } else if (name === 'node' || name === 'edge') {
      s.section = name === 'node' ? 'nodes' : 'edges';
      s.line = parser.line;
      s.cells = new Map();
      if (name === 'node') {
        if (a.id !== undefined) s.cells.set('id', a.id);
      } else {
        if (a.source !== undefined) s.cells.set('from', a.source);
        if (a.target !== undefined) s.cells.set('to', a.target);
        if (a.id !== undefined && LINK_ID.test(a.id)) s.cells.set('id', a.id);
        if (gexf && a.type && !DIRECTEDNESS.has(a.type.toLowerCase())) s.cells.set('type', a.type);
        if (a.weight !== undefined) s.cells.set('weight', Number.isFinite(Number(a.weight)) ? Number(a.weight) : a.weight);
      }
      if (gexf && a.label !== undefined) s.cells.set('label', a.label);
      if (gexf && a.start !== undefined) s.cells.set('validFrom', a.start);
      if (gexf && a.end !== undefined) s.cells.set('validUntil', a.end);
    } else if (name === 'data' && s.cells) {
      const attr = attrs.get(`${s.section === 'nodes' ? 'node' : 'edge'}|${a.key}`) ?? attrs.get(`all|${a.key}`);
      s.data = { attr, key: attr?.name ?? a.key ?? '', text: '' };
    } else if (name === 'attvalue' && s.cells) {
      const id = a.for ?? a.id ?? '';
      const attr = attrs.get(`${s.section === 'nodes' ? 'node' : 'edge'}|${id}`);
      s.cells.set(attr?.name ?? id, typed(a.value ?? '', attr));
    }
  });
  parser.on('text', (t: string) => {
    if (s.creator !== undefined) s.creator += t;
    else if (s.data) s.data.text += t;
    else if (s.declaring?.readingDefault) s.declaring.attr.default += t;
  });
  parser.on('closetag', (tag: SaxesTag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'creator' && s.creator !== undefined) {
      exported = s.creator.trim() === EXPORT_CREATOR;
      s.creator = undefined;
    } else if ((name === 'key' || name === 'attribute') && s.declaring) {
      attrs.set(`${s.declaring.cls}|${s.declaring.id}`, s.declaring.attr);
      s.declaring = undefined;
    } else if (name === 'default' && s.declaring) s.declaring.readingDefault = false;
    else if (name === 'data' && s.data && s.cells) {
      s.cells.set(s.data.key, typed(s.data.text, s.data.attr));
      s.data = undefined;
    } else if (name === 'node' || name === 'edge') finishRow();
  });

  try {
    for await (const text of decodeText(file.open(), file.encoding)) {
      parser.write(text);
      if (ready.length) yield* ready.splice(0, ready.length);
    }
    parser.close();
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const msg = (err as Error).message.replace(/^.*?:\d+:\d+: /, '');
    const truncated = /unclosed|end of|premature|document must contain/i.test(msg);
    throw new FileProblem(`${truncated ? 'the XML ends too early (a truncated file?)' : 'not well-formed XML'}: ${msg}`, { line: parser.line });
  }
  yield* ready;
  const expected = gexf ? 'gexf' : 'graphml';
  if (root !== expected) throw new FileProblem(`not a ${gexf ? 'GEXF' : 'GraphML'} file: its root element is <${root ?? 'none'}>, not <${expected}>`);
}
