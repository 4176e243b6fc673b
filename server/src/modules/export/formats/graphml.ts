import { EDGE_COLUMNS, edgeValues, NODE_COLUMNS, nodeValues, type Column, type Value } from '../columns.js';
import type { ExportFormat } from './types.js';
import { xmlText, xmlWriter } from './xml.js';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/** Columns that are data keys: all but those the element itself carries (id; an edge's source and target). */
const nodeKeys = NODE_COLUMNS.filter((c) => c.name !== 'id');
const edgeKeys = EDGE_COLUMNS.filter((c) => !['id', 'source', 'target'].includes(c.name));
/** Elements that start a line of the file. */
const LINES = { open: ['graphml', 'key', 'graph', 'data', 'node', 'edge'], close: ['node', 'edge', 'graph', 'graphml'] };
const keyId = (prefix: 'n' | 'e', c: Column) => `${prefix}_${c.name}`;

/**
 * GraphML (igraph, networkx, yEd, Cytoscape): a typed `<key>` for every column of columns.ts (its
 * description inside), one directed graph, entities then relationships, each with the ids as GraphML ids.
 */
export const graphmlFormat: ExportFormat = {
  name: 'graphml',
  extension: 'graphml',
  mediaType: 'application/graphml+xml',
  fileMediaType: 'application/graphml+xml',
  files: ['graph.graphml'],
  async write(output, header, pages) {
    const sink = await output.file('graph.graphml');
    const { xml, flush } = xmlWriter(sink, LINES);
    const data = (prefix: 'n' | 'e', v: Record<string, Value>, columns: Column[]) => {
      for (const c of columns) {
        const x = v[c.name];
        if (x !== null && x !== undefined) xml.ele('data', { key: keyId(prefix, c) }).txt(xmlText(x)).up();
      }
    };
    xml.dec({ encoding: 'UTF-8' }).ele(GRAPHML_NS, 'graphml');
    xml.att('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').att('xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`);
    xml.ele('key', { id: 'g_description', for: 'graph', 'attr.name': 'description', 'attr.type': 'string' }).up();
    xml.ele('key', { id: 'g_exportedAt', for: 'graph', 'attr.name': 'exportedAt', 'attr.type': 'string' }).up();
    for (const [prefix, forWhat, columns] of [['n', 'node', nodeKeys], ['e', 'edge', edgeKeys]] as const) {
      for (const c of columns) xml.ele('key', { id: keyId(prefix, c), for: forWhat, 'attr.name': c.name, 'attr.type': c.type }).ele('desc').txt(c.doc).up().up();
    }
    xml.ele('graph', { id: 'clustergraph', edgedefault: 'directed' });
    xml.ele('data', { key: 'g_description' }).txt(xmlText(header.description)).up();
    xml.ele('data', { key: 'g_exportedAt' }).txt(header.exportedAt).up();
    let nodes = 0;
    for await (const page of pages.nodes) {
      for (const n of page) {
        xml.ele('node', { id: xmlText(n.id) });
        data('n', nodeValues(n), nodeKeys);
        xml.up();
      }
      nodes += page.length;
      await flush();
    }
    let edges = 0;
    for await (const page of pages.edges) {
      for (const e of page) {
        xml.ele('edge', { id: xmlText(e.id), source: xmlText(e.source), target: xmlText(e.target) });
        data('e', edgeValues(e), edgeKeys);
        xml.up();
      }
      edges += page.length;
      await flush();
    }
    xml.up().up().end();
    await flush();
    await sink.close();
    await output.finish();
    return { nodes, edges };
  },
};
