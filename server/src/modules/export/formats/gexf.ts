import { EDGE_COLUMNS, edgeValues, NODE_COLUMNS, nodeValues, type Column, type Value } from '../columns.js';
import type { ExportFormat } from './types.js';
import { xmlText, xmlWriter } from './xml.js';

const GEXF_NS = 'http://gexf.net/1.3';
/** Elements that start a line of the file. */
const LINES = { open: ['gexf', 'meta', 'graph', 'attributes', 'attribute', 'nodes', 'node', 'edges', 'edge'], close: ['attributes', 'nodes', 'edges', 'graph', 'gexf'] };
const GEXF_TYPES = { string: 'string', int: 'integer', double: 'double', boolean: 'boolean' } as const;

/** Columns that are attributes: all but those the element itself carries (id; an edge's source and target). */
const nodeAttributes = NODE_COLUMNS.filter((c) => c.name !== 'id');
const edgeAttributes = EDGE_COLUMNS.filter((c) => !['id', 'source', 'target'].includes(c.name));

/** The element's `start` / `end`: the years it held, GEXF's one-spell form (open-ended when a bound is unknown). */
function spell(v: Record<string, Value>): Record<string, string> {
  return Object.fromEntries([['start', v.validFrom], ['end', v.validUntil]].filter(([, y]) => typeof y === 'number').map(([k, y]) => [k, String(y)]));
}

/**
 * GEXF 1.3 (Gephi): declared node and edge attributes (the columns of columns.ts), a dynamic graph whose
 * entities and relationships carry their validFrom / validUntil years as `start` / `end`, every edge
 * directed (networkx cannot read graphs mixing directions; `symmetric` marks the ties without one).
 */
export const gexfFormat: ExportFormat = {
  name: 'gexf',
  extension: 'gexf',
  mediaType: 'application/gexf+xml',
  fileMediaType: 'application/gexf+xml',
  files: ['graph.gexf'],
  async write(output, header, pages) {
    const sink = await output.file('graph.gexf');
    const { xml, flush } = xmlWriter(sink, LINES);
    const attributes = (cls: 'node' | 'edge', columns: Column[]) => {
      xml.ele('attributes', { class: cls, mode: 'static' });
      for (const c of columns) xml.ele('attribute', { id: c.name, title: c.name, type: GEXF_TYPES[c.type] }).up();
      xml.up();
    };
    const attvalues = (v: Record<string, Value>, columns: Column[]) => {
      const present = columns.filter((c) => v[c.name] !== null && v[c.name] !== undefined);
      if (!present.length) return;
      xml.ele('attvalues');
      for (const c of present) xml.ele('attvalue', { for: c.name, value: xmlText(v[c.name]!) }).up();
      xml.up();
    };
    xml.dec({ encoding: 'UTF-8' }).ele(GEXF_NS, 'gexf', { version: '1.3' });
    xml.att('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').att('xsi:schemaLocation', `${GEXF_NS} ${GEXF_NS}/gexf.xsd`);
    xml.ele('meta', { lastmodifieddate: header.exportedAt.slice(0, 10) }).ele('creator').txt('clustergraph').up().ele('description').txt(xmlText(header.description)).up().up();
    xml.ele('graph', { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'integer' });
    attributes('node', nodeAttributes);
    attributes('edge', edgeAttributes);
    xml.ele('nodes');
    let nodes = 0;
    for await (const page of pages.nodes) {
      for (const n of page) {
        const v = nodeValues(n);
        xml.ele('node', { id: xmlText(n.id), label: xmlText(n.name), ...spell(v) });
        attvalues(v, nodeAttributes);
        xml.up();
      }
      nodes += page.length;
      await flush();
    }
    xml.up().ele('edges');
    let edges = 0;
    for await (const page of pages.edges) {
      for (const e of page) {
        const v = edgeValues(e);
        xml.ele('edge', { id: xmlText(e.id), source: xmlText(e.source), target: xmlText(e.target), label: e.type, ...spell(v) });
        attvalues(v, edgeAttributes);
        xml.up();
      }
      edges += page.length;
      await flush();
    }
    xml.up().up().up().end();
    await flush();
    await sink.close();
    await output.finish();
    return { nodes, edges };
  },
};
