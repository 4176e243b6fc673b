// CSV (RFC 4180) and JSON of the shown subgraph.
import type { EdgeData, ElementSet, NodeData } from '../graph/elements.js';

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csv<T>(rows: T[], columns: (keyof T & string)[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export const nodesCsv = (nodes: NodeData[]) => csv(nodes, ['id', 'name', 'kind', 'aggregate', 'types', 'country', 'sectorGroup', 'governance', 'validFrom', 'validUntil']);
export const edgesCsv = (edges: EdgeData[]) => csv(edges, ['id', 'source', 'target', 'type', 'form', 'qualifier', 'governance', 'validFrom', 'validUntil']);

export function subgraphJson(set: ElementSet, meta: Record<string, unknown>): string {
  // Drawing-only fields (label, size, colours, shape) stay out of the data export.
  const node = ({ label: _l, size: _s, ...n }: NodeData & { fill?: string; shape?: string }) => {
    const { fill: _f, shape: _h, ...rest } = n;
    return rest;
  };
  const edge = ({ color: _c, ...e }: EdgeData & { color?: string }) => e;
  return JSON.stringify({ ...meta, nodes: set.nodes.map(node), edges: set.edges.map(edge) }, null, 2);
}
