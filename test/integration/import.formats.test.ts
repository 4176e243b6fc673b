import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileOnDisk } from '../../server/src/modules/import/files.js';
import { runImport } from '../../server/src/modules/import/service.js';
import { undoImport } from '../../server/src/modules/import/undo.js';
import { serviceForFile } from '../helpers/db.js';
import { cleanImports, fixture, fixtureFiles, IMPORTER, tempFiles } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-imp-';
const executor = () => service().executor;

/**
 * networkx (Debian's python3-networkx) writes the CSV fixture's network as GraphML, GEXF and node-link JSON,
 * as a user's script would: attributes as networkx keeps them (years as integers, lists as `a|b` text).
 */
const NETWORKX = `
import csv, json, sys
import networkx as nx
src, out = sys.argv[1], sys.argv[2]
G = nx.MultiDiGraph()
ints = {'validFrom', 'validUntil', 'employees'}
def typed(row):
    return {k: (int(v) if k in ints else v) for k, v in row.items() if v != ''}
for row in csv.DictReader(open(src + '/nodes.csv', encoding='utf-8')):
    d = typed(row); G.add_node(d.pop('id'), **d)
for row in csv.DictReader(open(src + '/edges.csv', encoding='utf-8')):
    d = typed(row); G.add_edge(d.pop('from'), d.pop('to'), **d)
nx.write_graphml(G, out + '/network.graphml')
nx.write_gexf(G, out + '/network.gexf')
json.dump(nx.node_link_data(G), open(out + '/network.json', 'w'))
`;

let dir: string;
beforeAll(() => {
  dir = tempFiles({});
  execFileSync('/usr/bin/python3', ['-c', NETWORKX, fixture('network'), dir]);
});
beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

/** The imported network without its provenance: entities with their properties, relationships with theirs. */
async function network(): Promise<string[]> {
  const nodes = await executor().runText(
    "MATCH (n:Entity) WHERE n.id CONTAINS $m RETURN n.id AS id, labels(n) AS labels, n {.name, .kind, .aliases, .description, .roles, .sector, .sectorGroup, .validFrom, .validUntil, .employees, .buyerType, .institutionType, .placeType} AS p",
    { m: MARK },
    'READ',
  );
  const rels = await executor().runText(
    "MATCH (a:Entity)-[l]->(b:Entity) WHERE (a.id CONTAINS $m OR b.id CONTAINS $m) RETURN a.id AS a, type(l) AS t, b.id AS b, l {.what, .form, .supportType, .validFrom, .validUntil} AS p",
    { m: MARK },
    'READ',
  );
  return [...nodes, ...rels].map((r) => JSON.stringify(r)).sort();
}

/** The CSV fixture as an XLSX workbook (a sheet each), numbers as numbers, written by exceljs. */
async function workbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['nodes', 'edges']) {
    const sheet = wb.addWorksheet(name);
    const lines = readFileSync(fixture('network', `${name}.csv`), 'utf8').trim().split('\n');
    const split = (l: string) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    for (const line of lines) sheet.addRow(split(line).map((c) => (/^\d+$/.test(c) ? Number(c) : c === '' ? null : c)));
  }
  await wb.xlsx.writeFile(file);
}

describe('importing the same network from every format', () => {
  it('gives the same entities and relationships from CSV, XLSX, GraphML, GEXF and JSON (networkx)', async () => {
    const csv = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    const expected = await network();
    expect(expected.length).toBe(6 + 13);
    await undoImport(executor(), { id: csv.importId, who: IMPORTER });
    await workbook(path.join(dir, 'network.xlsx'));
    for (const name of ['network.xlsx', 'network.graphml', 'network.gexf', 'network.json']) {
      const report = await runImport(executor(), { files: [fileOnDisk(path.join(dir, name))], who: IMPORTER });
      expect({ name, status: report.status, errors: report.errors }).toEqual({ name, status: 'WRITTEN', errors: [] });
      // networkx writes cluster:chipilo-furniture, an edge's end, as a node with only its id: a reference, not a row to write.
      const references = name === 'network.xlsx' ? 0 : 1;
      expect({ name, rows: report.rows, links: report.changes.linksCreated }).toEqual({ name, rows: { total: 12 + references, nodes: 6, edges: 6, references, valid: 12, rejected: 0, committed: 12 }, links: 13 });
      expect(await network()).toEqual(expected);
      await undoImport(executor(), { id: report.importId, who: IMPORTER });
    }
  });

  it('reports a wrong value in a GraphML file by node, line and attribute, and a truncated one by its last line', async () => {
    const graphml = readFileSync(path.join(dir, 'network.graphml'), 'utf8');
    const wrong = graphml.replace('>Buyer<', '>Shop<');
    const lineOfShop = wrong.split('\n').findIndex((l) => l.includes('>Shop<'));
    const lines = wrong.slice(0, wrong.indexOf('>Shop<')).split('\n');
    const nodeLine = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.includes('<node ')).at(-1)![1];
    const files = tempFiles({ 'wrong.graphml': wrong, 'cut.graphml': graphml.slice(0, graphml.length / 2), 'cut.json': readFileSync(path.join(dir, 'network.json'), 'utf8').slice(0, 300) });
    const report = await runImport(executor(), { files: [fileOnDisk(path.join(files, 'wrong.graphml'))], who: IMPORTER });
    expect(lineOfShop).toBeGreaterThan(0);
    expect(report.errors).toEqual([
      { code: 'KIND', file: 'wrong.graphml', section: 'nodes', row: 5, line: nodeLine, column: 'kind', reason: expect.stringMatching(/^"Shop" is not a kind/) },
      { code: 'REFERENCE', file: 'wrong.graphml', section: 'edges', row: expect.any(Number), line: expect.any(Number), column: 'to', reason: 'refers to buyer:test-imp-retail, whose row (wrong.graphml nodes row 5) was rejected' },
    ]);
    const cut = await runImport(executor(), { files: [fileOnDisk(path.join(files, 'cut.graphml'))], who: IMPORTER });
    expect(cut.errors).toEqual([{ code: 'FILE', file: 'cut.graphml', line: expect.any(Number), reason: expect.stringMatching(/^the XML ends too early \(a truncated file\?\)/) }]);
    const json = await runImport(executor(), { files: [fileOnDisk(path.join(files, 'cut.json'))], who: IMPORTER });
    // networkx writes JSON on one line: where a position is known, the line is 1.
    expect(json.errors).toEqual([expect.objectContaining({ code: 'FILE', file: 'cut.json', reason: expect.stringMatching(/^the JSON ends too early \(a truncated file\?\)/) })]);
    expect(await network()).toEqual([]);
  });

  it('reports a truncated XLSX workbook as unreadable and writes nothing', async () => {
    await workbook(path.join(dir, 'whole.xlsx'));
    const bytes = readFileSync(path.join(dir, 'whole.xlsx'));
    const files = tempFiles({ 'cut.xlsx': bytes.subarray(0, Math.floor(bytes.length * 0.6)) });
    const report = await runImport(executor(), { files: [fileOnDisk(path.join(files, 'cut.xlsx'))], who: IMPORTER });
    expect(report.status).toBe('REJECTED');
    expect(report.errors.map((e) => [e.file, e.code])).toEqual([['cut.xlsx', 'FILE']]);
    expect(await network()).toEqual([]);
  });
});
