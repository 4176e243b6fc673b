import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fileOnDisk } from '../../server/src/modules/import/files.js';
import { runImport } from '../../server/src/modules/import/service.js';
import { serviceForFile } from '../helpers/db.js';
import { cleanImports, fingerprint, fixture, fixtureFiles, IMPORTER, tempFiles } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-';
const executor = () => service().executor;
const countTestEntities = async () => Number((await executor().runText("MATCH (n:Entity) WHERE n.id CONTAINS ':test-bad' OR n.id CONTAINS ':test-enc' OR n.id CONTAINS ':test-cut' RETURN count(n) AS n", {}, 'READ'))[0]!.n);

beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

/** `file row column CODE` of each error, in the order of the files and rows. */
const where = (errors: { file: string; row?: number; column?: string; code: string }[]) => errors.map((e) => `${e.file} ${e.row ?? '-'} ${e.column ?? '-'} ${e.code}`);

describe('importing broken files', () => {
  it('reports every error of the broken fixture with file, row, column and reason, and writes nothing', async () => {
    const before = await fingerprint(executor(), MARK);
    const report = await runImport(executor(), { files: fixtureFiles('broken'), who: IMPORTER });
    expect(report.status).toBe('REJECTED');
    // Each expected line is a deliberate fault of test/fixtures/import/broken/*.csv, one per row.
    expect(where(report.errors)).toEqual([
      'nodes.csv 2 kind KIND', // Company is not a kind
      'nodes.csv 3 sectorGroup VALUE', // artisanal
      'nodes.csv 4 buyerType VALUE', // a Buyer property on a Firm
      'nodes.csv 5 validFrom NUMBER', // 19x7
      'nodes.csv 6 validFrom YEAR', // 2300
      'nodes.csv 7 validUntil YEAR', // 1999 before 2001
      'nodes.csv 8 count NUMBER', // many
      'nodes.csv 9 count NUMBER', // -3
      'nodes.csv 10 country REFERENCE', // a place neither imported nor in the database
      'nodes.csv 11 roles VALUE', // weaver
      'nodes.csv 13 id DUPLICATE', // firm:test-bad-ok twice
      'nodes.csv 14 id ID', // Firm:Test Bad
      'nodes.csv 15 id REQUIRED', // no id
      'nodes.csv 16 country REFERENCE', // a firm as a country
      'edges.csv 2 type KIND', // SUPPLIEZ
      'edges.csv 3 to REFERENCE', // dangling firm:test-bad-ghost
      'edges.csv 4 from REFERENCE', // firm:test-bad-one, whose row was rejected
      'edges.csv 5 form VALUE', // sideways
      'edges.csv 6 to REFERENCE', // a firm supplying itself
      'edges.csv 7 to REFERENCE', // LOCATED_IN a cluster
      'edges.csv 8 - COLUMNS', // one cell too many
    ]);
    const reasons = Object.fromEntries(report.errors.map((e) => [`${e.file} ${e.row}`, e.reason]));
    expect(reasons['nodes.csv 2']).toBe('"Company" is not a kind: use one of Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event, Upgrading');
    expect(reasons['nodes.csv 3']).toBe('"artisanal" is not one of: traditional, natural_resource, complex_product_systems, specialised_suppliers, other');
    expect(reasons['nodes.csv 4']).toBe('buyerType applies to Buyer rows, not Firm');
    expect(reasons['nodes.csv 5']).toBe('"19x7" is not a year');
    expect(reasons['nodes.csv 6']).toBe('2300 is not a plausible year (1800–2100)');
    expect(reasons['nodes.csv 7']).toBe('validUntil 1999 is before validFrom 2001');
    expect(reasons['nodes.csv 8']).toBe('"many" is not a number');
    expect(reasons['nodes.csv 9']).toBe('-3 is below the minimum, 0');
    expect(reasons['nodes.csv 10']).toBe('refers to place:test-bad-nowhere, which is neither in this import nor in the database');
    expect(reasons['nodes.csv 13']).toBe('firm:test-bad-ok is already declared at nodes.csv row 12: one id, one row');
    expect(reasons['nodes.csv 16']).toBe('firm:test-bad-ok is a Firm; expected Place');
    expect(reasons['edges.csv 3']).toBe('refers to firm:test-bad-ghost, which is neither in this import nor in the database');
    expect(reasons['edges.csv 4']).toBe('refers to firm:test-bad-one, whose row (nodes.csv row 2) was rejected');
    expect(reasons['edges.csv 7']).toBe('cluster:chipilo-furniture is a Cluster; expected Place');
    expect(reasons['edges.csv 8']).toBe('the row has 5 cells but the header has 4: there are cells beyond the header (an unquoted delimiter?)');
    expect(report.errorCount).toBe(21);
    expect(report.errorsByCode).toEqual({ KIND: 2, VALUE: 4, NUMBER: 3, YEAR: 2, REFERENCE: 6, DUPLICATE: 1, ID: 1, REQUIRED: 1, COLUMNS: 1 });
    expect(report.rows).toMatchObject({ total: 22, valid: 1, rejected: 21, committed: 0 });
    expect(await countTestEntities()).toBe(0);
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });

  it('writes the valid rows when asked, and returns the rejected ones as files that say why', async () => {
    const report = await runImport(executor(), { files: fixtureFiles('broken'), who: IMPORTER, mode: 'VALID_ROWS' });
    expect(report.status).toBe('WRITTEN');
    expect(report.changes.nodesCreated).toBe(1);
    const [row] = await executor().runText("MATCH (n:Entity) WHERE n.id STARTS WITH 'firm:test-bad' RETURN collect(n.id) AS ids", {}, 'READ');
    expect(row!.ids).toEqual(['firm:test-bad-ok']);
    expect(report.rejectedFiles.map((f) => [f.name, f.rows])).toEqual([['nodes.rejected.csv', 14], ['edges.rejected.csv', 7]]);
    const nodes = report.rejectedFiles[0]!.content.split('\n');
    expect(nodes[0]).toBe('_row,_errors,id,kind,name,country,validFrom,validUntil,count,sectorGroup,buyerType,roles');
    expect(nodes[1]).toBe('2,"kind: ""Company"" is not a kind: use one of Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event, Upgrading",firm:test-bad-one,Company,Bad Kind Firm,,,,,,,');
  });

  it('reports bytes that are not UTF-8 at their row and column, and reads the file when told its encoding', async () => {
    const csv = 'id,kind,name,description\nplace:test-enc-cordoba,Place,Córdoba,Ciudad de Córdoba\nplace:test-enc-leon,Place,Leon,plain\n';
    const dir = tempFiles({ 'nodes.csv': Buffer.from(csv, 'latin1'), 'utf16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replace(/test-enc/g, 'test-enc16'), 'utf16le')]) });
    const bad = await runImport(executor(), { files: [fileOnDisk(path.join(dir, 'nodes.csv'))], who: IMPORTER });
    expect(where(bad.errors)).toEqual(['nodes.csv 2 name ENCODING', 'nodes.csv 2 description ENCODING']);
    expect(bad.errors[0]!.reason).toBe('holds bytes that are not valid UTF-8: save the file as UTF-8 (or give its encoding, e.g. latin1)');
    expect(await countTestEntities()).toBe(0);
    const good = await runImport(executor(), { files: [fileOnDisk(path.join(dir, 'nodes.csv'), { encoding: 'latin1' })], who: IMPORTER });
    expect(good.status).toBe('WRITTEN');
    const utf16 = await runImport(executor(), { files: [fileOnDisk(path.join(dir, 'utf16.csv'))], who: IMPORTER });
    expect(utf16.status).toBe('WRITTEN');
    const names = await executor().runText("MATCH (n:Entity) WHERE n.id IN ['place:test-enc-cordoba', 'place:test-enc16-cordoba'] RETURN n.name AS name", {}, 'READ');
    expect(names.map((r) => r.name)).toEqual(['Córdoba', 'Córdoba']);
    const binary = tempFiles({ 'nodes.csv': Buffer.from('id,kind\u0000,name\n', 'utf8') });
    const nul = await runImport(executor(), { files: [fileOnDisk(path.join(binary, 'nodes.csv'))], who: IMPORTER });
    expect(nul.errors.map((e) => [e.file, e.code])).toEqual([['nodes.csv', 'ENCODING']]);
  });

  it('stops at a truncated file, names where it ends, and writes nothing', async () => {
    const nodes = readFileSync(fixture('network', 'nodes.csv'), 'utf8').replace(/test-imp/g, 'test-cut');
    const cutInQuote = nodes.slice(0, nodes.indexOf('mostly family') + 5);
    const cutInRow = nodes.slice(0, nodes.indexOf('Subcontracted'));
    const dir = tempFiles({ 'quote.csv': cutInQuote, 'row.csv': cutInRow });
    const inQuote = await runImport(executor(), { files: [fileOnDisk(path.join(dir, 'quote.csv'))], who: IMPORTER, mode: 'VALID_ROWS' });
    expect(inQuote.status).toBe('REJECTED');
    expect(inQuote.errors).toEqual([{ code: 'FILE', file: 'quote.csv', row: 3, reason: 'the file ends inside a quoted cell: it is truncated, or a quote is not closed' }]);
    const inRow = await runImport(executor(), { files: [fileOnDisk(path.join(dir, 'row.csv'))], who: IMPORTER });
    expect(where(inRow.errors)).toEqual(['row.csv 5 - COLUMNS']);
    expect(inRow.errors[0]!.reason).toBe('the row has 5 cells but the header has 16: cells are missing (a truncated row?)');
    expect(await countTestEntities()).toBe(0);
  });
});
