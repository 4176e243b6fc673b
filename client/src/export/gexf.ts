// GEXF 1.3 writer for the shown subgraph (Gephi, Gephi Lite, NetworkX read it).
// Written by hand rather than with graphology-gexf: that library needs a graphology graph plus two XML
// packages in the browser bundle, for a format that is a few fixed elements; this module is all we need.
import type { EdgeData, NodeData } from '../graph/elements.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const NODE_ATTRS = [['kind', 'string'], ['aggregate', 'boolean'], ['types', 'string'], ['country', 'string'], ['sectorGroup', 'string'], ['governance', 'string'], ['validFrom', 'integer'], ['validUntil', 'integer']] as const;
const EDGE_ATTRS = [['type', 'string'], ['form', 'string'], ['qualifier', 'string'], ['governance', 'string'], ['validFrom', 'integer'], ['validUntil', 'integer']] as const;

function attvalues(d: Record<string, unknown>, attrs: readonly (readonly [string, string])[]): string {
  const vals = attrs.map(([name], i) => [i, d[name]] as const).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!vals.length) return '';
  return `<attvalues>${vals.map(([i, v]) => `<attvalue for="${i}" value="${esc(String(v))}"/>`).join('')}</attvalues>`;
}

export interface GexfInput {
  nodes: NodeData[];
  edges: EdgeData[];
  positions?: Map<string, { x: number; y: number }>;
  colors?: Map<string, string>;
  description?: string;
}

/** A GEXF 1.3 document: directed graph (symmetric ties are marked type="undirected" per edge). */
export function toGexf({ nodes, edges, positions, colors, description = 'Cluster graph export' }: GexfInput): string {
  const date = new Date().toISOString().slice(0, 10);
  const rgb = (hex: string | undefined) => {
    const m = hex && /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    return m ? `<viz:color r="${parseInt(m[1]!, 16)}" g="${parseInt(m[2]!, 16)}" b="${parseInt(m[3]!, 16)}"/>` : '';
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `<meta lastmodifieddate="${date}"><creator>Cluster graph viewer</creator><description>${esc(description)}</description></meta>`,
    '<graph defaultedgetype="directed" mode="static">',
    `<attributes class="node">${NODE_ATTRS.map(([n, ty], i) => `<attribute id="${i}" title="${n}" type="${ty}"/>`).join('')}</attributes>`,
    `<attributes class="edge">${EDGE_ATTRS.map(([n, ty], i) => `<attribute id="${i}" title="${n}" type="${ty}"/>`).join('')}</attributes>`,
    '<nodes>',
  ];
  for (const n of nodes) {
    const p = positions?.get(n.id);
    out.push(`<node id="${esc(n.id)}" label="${esc(n.name)}">${attvalues(n as unknown as Record<string, unknown>, NODE_ATTRS)}${rgb(colors?.get(n.id))}${p ? `<viz:position x="${p.x.toFixed(1)}" y="${(-p.y).toFixed(1)}" z="0"/>` : ''}<viz:size value="${n.size.toFixed(1)}"/></node>`);
  }
  out.push('</nodes>', '<edges>');
  for (const e of edges) {
    out.push(`<edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}" label="${esc(e.type)}"${e.symmetric ? ' type="undirected"' : ''}>${attvalues(e as unknown as Record<string, unknown>, EDGE_ATTRS)}</edge>`);
  }
  out.push('</edges>', '</graph>', '</gexf>');
  return out.join('\n');
}
