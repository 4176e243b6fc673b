import { stringify } from 'csv-stringify/sync';
import { EDGE_COLUMNS, edgeValues, NODE_COLUMNS, nodeValues, type Column, type Value } from '../columns.js';
import type { ExportOutput } from '../output.js';
import type { ExportFormat, GraphPages } from './types.js';

/** One page of rows as CSV text (RFC 4180 quoting by csv-stringify), the header before the first page. */
function csvPage(rows: Record<string, Value>[], columns: Column[], header: boolean): string {
  return stringify(rows, {
    header,
    columns: columns.map((c) => ({ key: c.name, header: c.name })),
    // csv-stringify writes booleans as 1 and '' by default; the columns say true and false.
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
}

/** Writes one CSV file from pages of rows; an empty selection still gets its header line. */
async function writeCsv<T>(output: ExportOutput, name: string, pages: AsyncIterable<T[]>, columns: Column[], values: (row: T) => Record<string, Value>): Promise<number> {
  const sink = await output.file(name);
  let count = 0;
  for await (const page of pages) {
    if (page.length === 0) continue;
    await sink.write(csvPage(page.map(values), columns, count === 0));
    count += page.length;
  }
  if (count === 0) await sink.write(csvPage([], columns, true));
  await sink.close();
  return count;
}

/** nodes.csv and edges.csv, with the columns of columns.ts (zipped for a download). */
export const csvFormat: ExportFormat = {
  name: 'csv',
  extension: 'zip',
  mediaType: 'application/zip',
  fileMediaType: 'text/csv',
  files: ['nodes.csv', 'edges.csv'],
  async write(output, _header, pages: GraphPages) {
    const nodes = await writeCsv(output, 'nodes.csv', pages.nodes, NODE_COLUMNS, nodeValues);
    const edges = await writeCsv(output, 'edges.csv', pages.edges, EDGE_COLUMNS, edgeValues);
    await output.finish();
    return { nodes, edges };
  },
};
