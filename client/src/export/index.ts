// One entry for every export of the current view: the picture (PNG, SVG) or the shown subgraph (JSON, CSV, GEXF).
import type cytoscape from 'cytoscape';
import type { ElementSet } from '../graph/elements.js';
import { KIND_STYLE } from '../graph/style.js';
import { download } from './download.js';
import { toGexf } from './gexf.js';
import { pngBlob, svgText } from './images.js';
import { edgesCsv, nodesCsv, subgraphJson } from './tabular.js';

export type ExportKind = 'png' | 'svg' | 'json' | 'csv-nodes' | 'csv-edges' | 'gexf';

export interface ExportRequest {
  kind: ExportKind;
  cy: cytoscape.Core;
  shown: ElementSet & { positions: Map<string, { x: number; y: number }> };
  /** The view, year and address the file records, so that it can be traced back to the page. */
  meta: { view: string; year: number | null; url: string };
}

export function exportView({ kind, cy, shown, meta }: ExportRequest): void {
  const base = `clustergraph-${meta.view}-${new Date().toISOString().slice(0, 10)}`;
  if (kind === 'png') download(`${base}.png`, pngBlob(cy));
  else if (kind === 'svg') download(`${base}.svg`, svgText(cy), 'image/svg+xml');
  else if (kind === 'json') download(`${base}.json`, subgraphJson(shown, meta), 'application/json');
  else if (kind === 'csv-nodes') download(`${base}-actors.csv`, nodesCsv(shown.nodes), 'text/csv');
  else if (kind === 'csv-edges') download(`${base}-relationships.csv`, edgesCsv(shown.edges), 'text/csv');
  else {
    const colors = new Map(shown.nodes.map((n) => [n.id, KIND_STYLE[n.kind]?.fill ?? '#cccccc']));
    download(`${base}.gexf`, toGexf({ ...shown, colors, description: `Cluster graph, ${meta.view} view: ${meta.url}` }), 'application/xml');
  }
}
