import { keptProvenance, type ExportEdge, type ExportNode } from '../columns.js';
import type { ExportFormat } from './types.js';

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** The provenance of a relationship: what a round trip kept (`statedIn_*`), else its `source_*` properties. */
function edgeProvenance(p: Record<string, unknown>): Record<string, unknown> {
  const kept = keptProvenance(p);
  if (kept) return defined(kept);
  return Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('source_')).map(([k, v]) => [k.slice('source_'.length), v]));
}

/** Every statement about an entity; the declaration a round trip kept (`statedIn_*`) first, marked `kept`. */
function nodeProvenance(n: ExportNode): Record<string, unknown>[] {
  const kept = keptProvenance(n.properties);
  return kept ? [{ kind: 'declaration', kept: true, ...defined(kept) }, ...n.statements] : n.statements;
}

const nodeJson = (n: ExportNode) => ({ id: n.id, kind: n.kind, name: n.name, country: n.country, cluster: n.cluster, properties: n.properties, provenance: nodeProvenance(n) });
const edgeJson = (e: ExportEdge) => ({ id: e.id, type: e.type, source: e.source, target: e.target, properties: e.properties, provenance: edgeProvenance(e.properties) });

/**
 * One JSON document: `meta`, `nodes` (every stored property, and every statement about the entity as its
 * provenance), `edges` (every stored property, and the provenance from them) and `sources` (the documents
 * cited). Written an item at a time, so the whole document is never one string in memory.
 */
export const jsonFormat: ExportFormat = {
  name: 'json',
  extension: 'json',
  mediaType: 'application/json',
  fileMediaType: 'application/json',
  files: ['graph.json'],
  async write(output, header, pages) {
    const sink = await output.file('graph.json');
    const cited = new Set<string>();
    const meta = { generator: 'clustergraph', exportedAt: header.exportedAt, description: header.description, selection: header.selection };
    await sink.write(`{"meta":${JSON.stringify(meta)},\n"nodes":[`);
    let nodes = 0;
    for await (const page of pages.nodes) {
      if (!page.length) continue;
      for (const n of page) for (const s of n.statements) if (typeof s.doc === 'string') cited.add(s.doc);
      await sink.write(`${nodes ? ',' : ''}\n${page.map((n) => JSON.stringify(nodeJson(n))).join(',\n')}`);
      nodes += page.length;
    }
    await sink.write('],\n"edges":[');
    let edges = 0;
    for await (const page of pages.edges) {
      if (!page.length) continue;
      for (const e of page) if (typeof e.properties.source_doc === 'string') cited.add(e.properties.source_doc);
      await sink.write(`${edges ? ',' : ''}\n${page.map((e) => JSON.stringify(edgeJson(e))).join(',\n')}`);
      edges += page.length;
    }
    const sources = header.sources.filter((s) => cited.has(s.key));
    await sink.write(`],\n"sources":${JSON.stringify(sources)}}\n`);
    await sink.close();
    await output.finish();
    return { nodes, edges };
  },
};
