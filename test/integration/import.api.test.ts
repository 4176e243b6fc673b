import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { editorHeaders, gql, keyHeaders, serviceForFile, startTestService } from '../helpers/db.js';
import { cleanImports, fingerprint, fixture, IMPORTER } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-';
const executor = () => service().executor;
const headers = { ...editorHeaders, 'x-editor-name': IMPORTER };
const text = (dir: string, name: string) => ({ name, text: readFileSync(fixture(dir, name), 'utf8') });

const IMPORT = `mutation ($files: [ImportFile!]!, $dryRun: Boolean, $mode: ImportMode) {
  importNetwork(files: $files, dryRun: $dryRun, mode: $mode) {
    id status mode dryRun transactions message
    rows { total nodes edges references valid rejected committed }
    changes { nodesCreated nodesUpdated statementsAdded linksCreated conflictCount newNodes newLinks { type from to } conflicts { entity property stored imported file row } }
    errors { code file sheet section row line column reason } errorCount errorsByCode { code count }
    files { name format bytes checksum rows nodes edges }
    rejectedFiles { name rows content }
  } }`;

interface Report {
  id: string;
  status: string;
  rows: Record<string, number>;
  changes: Record<string, unknown>;
  errors: Record<string, unknown>[];
  errorsByCode: { code: string; count: number }[];
  files: Record<string, unknown>[];
  rejectedFiles: { name: string; rows: number; content: string }[];
}
const importNetwork = async (variables: Record<string, unknown>, h: Record<string, string> = headers) => gql<{ importNetwork: Report }>(service(), IMPORT, variables, h);

beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

describe('importNetwork, imports and undoImport', () => {
  it('serve the templates to anyone', async () => {
    const r = await gql<{ importTemplates: { name: string; content: string }[] }>(service(), '{ importTemplates { name content } }');
    expect(r.data?.importTemplates.map((t) => t.name)).toEqual(['nodes.csv', 'edges.csv', 'README.md']);
    expect(r.data?.importTemplates[0]!.content).toBe(readFileSync('templates/import/nodes.csv', 'utf8'));
  });

  it('are for editors only', async () => {
    const files = [text('network', 'nodes.csv')];
    for (const h of [{}, keyHeaders('reader')]) {
      const r = await importNetwork({ files }, h);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(service(), '{ imports { id } }', {}, keyHeaders('reader'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('import uploaded CSV files; the entities show the import among their sources; imports lists it; undoImport takes it out', async () => {
    const before = await fingerprint(executor(), MARK);
    const files = [text('network', 'nodes.csv'), text('network', 'edges.csv')];
    const dry = await importNetwork({ files, dryRun: true });
    expect(dry.data?.importNetwork).toMatchObject({ status: 'DRY_RUN', dryRun: true, transactions: 'ONE', changes: { nodesCreated: 6, linksCreated: 13 } });
    expect(await fingerprint(executor(), MARK)).toBe(before);
    const r = await importNetwork({ files });
    const report = r.data!.importNetwork;
    expect(report).toMatchObject({ status: 'WRITTEN', mode: 'ALL_OR_NOTHING', rows: { total: 12, valid: 12, committed: 12 }, errors: [], errorsByCode: [] });
    expect(report.files[0]).toMatchObject({ name: 'nodes.csv', format: 'CSV', rows: 6, nodes: 6, edges: 0, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const entity = await gql<{ entity: { documents: string[]; sources: { doc: string; title: string; lines: number[]; quote: string; kind: string }[] } }>(service(), '{ entity(id: "firm:test-imp-maderas") { documents sources { doc title lines quote kind } } }');
    expect(entity.data?.entity.documents).toEqual([report.id]);
    expect(entity.data?.entity.sources).toEqual([{ doc: report.id, title: 'nodes.csv, edges.csv', lines: [4], quote: expect.stringMatching(/^Maderas Prueba S\.A\. \(aliases=/), kind: 'declaration' }]);
    const list = await gql<{ imports: { id: string; importedBy: string; rowsValid: number; status: string; files: string[] }[] }>(service(), '{ imports(first: 10) { id importedBy rowsValid status files } }', {}, headers);
    expect(list.data?.imports.find((i) => i.id === report.id)).toEqual({ id: report.id, importedBy: IMPORTER, rowsValid: 12, status: 'complete', files: ['nodes.csv', 'edges.csv'] });
    const undo = await gql<{ undoImport: Record<string, number | string> }>(service(), 'mutation ($id: ID!) { undoImport(id: $id) { id linksDeleted entitiesDeleted entitiesKept entitiesRestored } }', { id: report.id }, headers);
    expect(undo.data?.undoImport).toEqual({ id: report.id, linksDeleted: 13, entitiesDeleted: 6, entitiesKept: 0, entitiesRestored: 0 });
    expect(await fingerprint(executor(), MARK)).toBe(before);
    const again = await gql(service(), 'mutation ($id: ID!) { undoImport(id: $id) { id } }', { id: report.id }, headers);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('answers the validation report of broken files, and with VALID_ROWS writes the valid rows and returns the rejected ones', async () => {
    const files = [text('broken', 'nodes.csv'), text('broken', 'edges.csv')];
    const r = (await importNetwork({ files })).data!.importNetwork;
    expect(r.status).toBe('REJECTED');
    expect(r.errors[0]).toEqual({ code: 'KIND', file: 'nodes.csv', sheet: null, section: 'NODES', row: 2, line: null, column: 'kind', reason: expect.stringMatching(/^"Company" is not a kind/) });
    expect(r.errors).toHaveLength(21);
    expect(r.errorsByCode).toContainEqual({ code: 'REFERENCE', count: 6 });
    const partial = (await importNetwork({ files, mode: 'VALID_ROWS' })).data!.importNetwork;
    expect(partial).toMatchObject({ status: 'WRITTEN', mode: 'VALID_ROWS', rows: { valid: 1, rejected: 21, committed: 1 } });
    expect(partial.rejectedFiles.map((f) => [f.name, f.rows])).toEqual([['nodes.rejected.csv', 14], ['edges.rejected.csv', 7]]);
  });

  it('imports an XLSX workbook sent in base64, and refuses contents given twice', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('nodes').addRows([['id', 'kind', 'name', 'validFrom'], ['firm:test-xlsx-a', 'Firm', 'XLSX A', 1999], ['firm:test-xlsx-b', 'Firm', 'XLSX B', 'soon']]);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = (await importNetwork({ files: [{ name: 'upload.xlsx', base64 }] })).data!.importNetwork;
    expect(r.errors).toEqual([{ code: 'NUMBER', file: 'upload.xlsx', sheet: 'nodes', section: 'NODES', row: 3, line: null, column: 'validFrom', reason: '"soon" is not a year' }]);
    const ok = (await importNetwork({ files: [{ name: 'upload.xlsx', base64 }], mode: 'VALID_ROWS' })).data!.importNetwork;
    expect(ok.changes).toMatchObject({ nodesCreated: 1, newNodes: ['firm:test-xlsx-a'] });
    const both = await importNetwork({ files: [{ name: 'a.csv', text: 'id', base64: 'aWQ=' }] });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files.0.text' });
  });

  it('is bounded by MAX_REQUEST_BYTES: a larger upload is refused with 413 before anything is read', async () => {
    const small = await startTestService({ MAX_REQUEST_BYTES: '16k' });
    try {
      const big = `id,kind,name\n${Array.from({ length: 1000 }, (_, i) => `firm:test-huge-${i},Firm,Huge ${i}`).join('\n')}\n`;
      const res = await fetch(`${small.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: IMPORT, variables: { files: [{ name: 'nodes.csv', text: big }] } }) });
      expect(res.status).toBe(413);
    } finally {
      await small.stop();
    }
  });
});
