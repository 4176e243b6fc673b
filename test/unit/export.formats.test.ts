import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EDGE_COLUMNS, NODE_COLUMNS, type ExportEdge, type ExportNode } from '../../server/src/modules/export/columns.js';
import { FORMATS, type ExportHeader, type FormatName } from '../../server/src/modules/export/formats/index.js';
import { memoryOutput, zipOutput } from '../../server/src/modules/export/output.js';
import { readWithNetworkx } from '../helpers/networkx.js';

/**
 * A three-entity graph written by hand: a firm in a cluster, the cluster in a country, and a cooperation tie
 * with years. Names and quotes hold the characters that break careless writers (XML's & < " and CSV's
 * comma, quote and newline). Every expected value below is read off these literals.
 */
const statement = (doc: string, line: number, quote: string, extra: Record<string, unknown> = {}) => ({ key: `${doc}/x.yaml#nodes[${line}]`, kind: 'declaration', doc, lines: [line], quote, finding: 'own', ...extra });
const NODES: ExportNode[] = [
  {
    id: 'firm:test-a', kind: 'Firm', name: 'Calçados "A" & <Filhos>', country: 'place:test-brazil', cluster: 'cluster:test-c',
    properties: { id: 'firm:test-a', kind: 'Firm', name: 'Calçados "A" & <Filhos>', roles: ['sme', 'supplier'], sector: 'footwear', validFrom: 1987, validUntil: 2003, aliases: ['A, Ltda', 'Filhos'], sources: ['docone'] },
    statements: [statement('docone', 12, 'A makes shoes, "women\'s",\nmostly'), { key: 'k2', kind: 'claim', doc: 'doctwo', lines: [3, 4], quote: 'claimed', finding: 'cited', cites: 'Someone, 1999' }],
  },
  {
    id: 'cluster:test-c', kind: 'Cluster', name: 'Test valley', country: 'place:test-brazil', cluster: 'cluster:test-c',
    properties: { id: 'cluster:test-c', kind: 'Cluster', name: 'Test valley', sectorGroup: 'traditional', sector: 'footwear', aliases: [], sources: ['docone'] },
    statements: [statement('docone', 20, 'the valley')],
  },
  {
    id: 'place:test-brazil', kind: 'Place', name: 'Brazil', country: 'place:test-brazil', cluster: null,
    properties: { id: 'place:test-brazil', kind: 'Place', name: 'Brazil', placeType: 'country', aggregate: false, count: 2.5 },
    statements: [],
  },
];
const edge = (id: string, type: string, source: string, target: string, props: Record<string, unknown>): ExportEdge => ({
  id, type, source, target, properties: { id, source_doc: 'docone', source_lines: [12, 13], source_quote: `${type} quote`, source_finding: 'own', ...props },
});
const EDGES: ExportEdge[] = [
  edge('link:test-1', 'MEMBER_OF', 'firm:test-a', 'cluster:test-c', {}),
  edge('link:test-2', 'COOPERATES_WITH', 'firm:test-a', 'cluster:test-c', { form: 'horizontal_bilateral', validFrom: 1990, validUntil: 1995 }),
  edge('link:test-3', 'LOCATED_IN', 'cluster:test-c', 'place:test-brazil', { validFrom: 1960, source_cites: 'Other, 2001' }),
];
const HEADER: ExportHeader = {
  description: 'Cluster graph export: a test & its <graph>',
  exportedAt: '2025-01-02T03:04:05.000Z',
  selection: { cluster: 'cluster:test-c' },
  sources: [
    { key: 'docone', title: 'Document one', authors: ['A. Author'], year: 1997, publisher: 'IDB' },
    { key: 'doctwo', title: 'Document two', authors: null, year: null, publisher: null },
    { key: 'unused', title: 'Not cited', authors: null, year: null, publisher: null },
  ],
};

/** The items as pages of `size` (the formats must not care how rows are paged). */
async function* pagesOf<T>(items: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function write(format: FormatName, nodes = NODES, edges = EDGES) {
  const output = memoryOutput();
  const counts = await FORMATS[format].write(output, HEADER, { nodes: pagesOf(nodes, 2), edges: pagesOf(edges, 2) });
  return { counts, files: output.files };
}

function toFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'export-unit-')), name);
  writeFileSync(file, text);
  return file;
}

describe('CSV export', () => {
  it('writes nodes.csv and edges.csv with the documented columns, whatever the paging', async () => {
    const { counts, files } = await write('csv');
    expect(counts).toEqual({ nodes: 3, edges: 3 });
    expect(files.map((f) => f.name)).toEqual(['nodes.csv', 'edges.csv']);
    const nodes = parse(files[0]!.text, { columns: true }) as Record<string, string>[];
    const edges = parse(files[1]!.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(nodes[0]!)).toEqual(NODE_COLUMNS.map((c) => c.name));
    expect(Object.keys(edges[0]!)).toEqual(EDGE_COLUMNS.map((c) => c.name));
    expect(nodes.map((n) => n.id)).toEqual(['firm:test-a', 'cluster:test-c', 'place:test-brazil']);
    expect(edges.map((e) => e.id)).toEqual(['link:test-1', 'link:test-2', 'link:test-3']);
  });

  it("keeps quotes, commas and newlines intact, and gives each entity its first declaration's provenance", async () => {
    const { files } = await write('csv');
    const [firm, , place] = parse(files[0]!.text, { columns: true }) as Record<string, string>[];
    expect(firm).toMatchObject({
      name: 'Calçados "A" & <Filhos>', kind: 'Firm', subtype: 'sme+supplier', aliases: 'A, Ltda | Filhos', country: 'place:test-brazil', cluster: 'cluster:test-c',
      validFrom: '1987', validUntil: '2003', sources: 'docone', doc: 'docone', lines: '12', quote: 'A makes shoes, "women\'s",\nmostly', finding: 'own', cites: '', statements: '2',
    });
    expect(JSON.parse(firm!.properties!)).toEqual(NODES[0]!.properties);
    expect(place).toMatchObject({ subtype: 'country', aggregate: 'false', count: '2.5', doc: '', statements: '0', cluster: '' });
  });

  it('gives each relationship its provenance, years, qualifier and whether it is symmetric', async () => {
    const { files } = await write('csv');
    const [member, coop, located] = parse(files[1]!.text, { columns: true }) as Record<string, string>[];
    expect(member).toMatchObject({ type: 'MEMBER_OF', source: 'firm:test-a', target: 'cluster:test-c', symmetric: 'false', doc: 'docone', lines: '12;13', quote: 'MEMBER_OF quote', finding: 'own', validFrom: '' });
    expect(coop).toMatchObject({ symmetric: 'true', form: 'horizontal_bilateral', validFrom: '1990', validUntil: '1995' });
    expect(located).toMatchObject({ cites: 'Other, 2001', validFrom: '1960' });
    expect(JSON.parse(located!.properties!)).toEqual(EDGES[2]!.properties);
  });

  it('writes the header line of an empty selection', async () => {
    const { counts, files } = await write('csv', [], []);
    expect(counts).toEqual({ nodes: 0, edges: 0 });
    expect(files[0]!.text.trim()).toBe(NODE_COLUMNS.map((c) => c.name).join(','));
    expect(files[1]!.text.trim()).toBe(EDGE_COLUMNS.map((c) => c.name).join(','));
  });

  it('zips both files into one archive for a download', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await FORMATS.csv.write(zipOutput(stream), HEADER, { nodes: pagesOf(NODES, 1), edges: pagesOf(EDGES, 1) });
    const entries = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(entries)).toEqual(['nodes.csv', 'edges.csv']);
    expect((parse(strFromU8(entries['edges.csv']!), { columns: true }) as unknown[]).length).toBe(3);
  });
});

describe('JSON export', () => {
  it('holds meta, every stored property, every statement as provenance, and only the documents cited', async () => {
    const { counts, files } = await write('json');
    expect(counts).toEqual({ nodes: 3, edges: 3 });
    const doc = JSON.parse(files[0]!.text) as { meta: Record<string, unknown>; nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; sources: { key: string }[] };
    expect(doc.meta).toMatchObject({ generator: 'clustergraph', exportedAt: HEADER.exportedAt, selection: { cluster: 'cluster:test-c' } });
    expect(doc.nodes.map((n) => n.id)).toEqual(NODES.map((n) => n.id));
    expect(doc.nodes[0]).toMatchObject({ kind: 'Firm', country: 'place:test-brazil', properties: NODES[0]!.properties, provenance: NODES[0]!.statements });
    expect(doc.edges[2]).toEqual({
      id: 'link:test-3', type: 'LOCATED_IN', source: 'cluster:test-c', target: 'place:test-brazil', properties: EDGES[2]!.properties,
      provenance: { doc: 'docone', lines: [12, 13], quote: 'LOCATED_IN quote', finding: 'own', cites: 'Other, 2001' },
    });
    expect(doc.sources.map((s) => s.key)).toEqual(['docone', 'doctwo']);
  });

  it('is valid JSON for an empty selection', async () => {
    const { files } = await write('json', [], []);
    expect(JSON.parse(files[0]!.text)).toMatchObject({ nodes: [], edges: [], sources: [] });
  });
});

describe('GEXF export, read back by networkx', () => {
  it('declares typed attributes networkx reads back, with the years as start and end, and values unchanged', async () => {
    const { counts, files } = await write('gexf');
    expect(counts).toEqual({ nodes: 3, edges: 3 });
    const g = readWithNetworkx(toFile('g.gexf', files[0]!.text), 'gexf');
    expect(g.directed).toBe(true);
    expect(g.graph.mode).toBe('dynamic');
    expect(Object.keys(g.nodes).sort()).toEqual(NODES.map((n) => n.id).sort());
    expect(g.nodes['firm:test-a']).toMatchObject({ label: 'Calçados "A" & <Filhos>', kind: 'Firm', start: 1987, end: 2003, validFrom: 1987, statements: 2, doc: 'docone', lines: '12' });
    expect(g.nodes['place:test-brazil']).toMatchObject({ aggregate: false, count: 2.5, subtype: 'country' });
    // A line break inside an attribute value would come back as a space unless written as a character reference.
    expect(g.nodes['firm:test-a']!.quote).toBe('A makes shoes, "women\'s",\nmostly');
    expect(g.nodes['place:test-brazil']).not.toHaveProperty('start');
    expect(JSON.parse(g.nodes['firm:test-a']!.properties as string)).toEqual(NODES[0]!.properties);
    expect(g.edges).toHaveLength(3);
    const coop = g.edges.find((e) => e._id === 'link:test-2')!;
    expect(coop).toMatchObject({ _source: 'firm:test-a', _target: 'cluster:test-c', label: 'COOPERATES_WITH', type: 'COOPERATES_WITH', symmetric: true, start: 1990, end: 1995, quote: 'COOPERATES_WITH quote' });
    const located = g.edges.find((e) => e._id === 'link:test-3')!;
    expect(located).toMatchObject({ start: 1960, cites: 'Other, 2001' });
    expect(located).not.toHaveProperty('end');
  });
});

describe('GraphML export, read back by networkx', () => {
  it('has a typed key for every column and networkx reads the values with their types', async () => {
    const { counts, files } = await write('graphml');
    expect(counts).toEqual({ nodes: 3, edges: 3 });
    const text = files[0]!.text;
    for (const c of NODE_COLUMNS.filter((x) => x.name !== 'id')) expect(text).toContain(`<key id="n_${c.name}" for="node" attr.name="${c.name}" attr.type="${c.type}">`);
    const g = readWithNetworkx(toFile('g.graphml', text), 'graphml');
    expect(g.directed).toBe(true);
    expect(g.graph.description).toBe(HEADER.description);
    expect(g.nodes['firm:test-a']).toMatchObject({ name: 'Calçados "A" & <Filhos>', validFrom: 1987, validUntil: 2003, quote: 'A makes shoes, "women\'s",\nmostly', statements: 2 });
    expect(g.nodes['place:test-brazil']).toMatchObject({ aggregate: false, count: 2.5 });
    expect(g.edges.map((e) => e._id).sort()).toEqual(['link:test-1', 'link:test-2', 'link:test-3']);
    expect(g.edges.find((e) => e._id === 'link:test-2')).toMatchObject({ type: 'COOPERATES_WITH', symmetric: true, validFrom: 1990, lines: '12;13' });
  });
});
