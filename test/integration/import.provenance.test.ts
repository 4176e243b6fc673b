import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Executor, Tx } from '../../server/src/neo4j/executor.js';
import { fileOnDisk } from '../../server/src/modules/import/files.js';
import { runImport } from '../../server/src/modules/import/service.js';
import { undoImport } from '../../server/src/modules/import/undo.js';
import { serviceForFile } from '../helpers/db.js';
import { cleanImports, fingerprint, fixtureFiles, IMPORTER, tempFiles } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-imp-';
const executor = () => service().executor;
const props = async (id: string) => (await executor().runText('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id }, 'READ'))[0]!.p as Record<string, unknown>;

beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

/** The fixture's lead firm as a second file describes it: another name, a differing sector and size, a new property, one more role. */
const SECOND = 'id,kind,name,sector,employees,productLine,roles,description\nfirm:test-imp-maderas,Firm,Maderas Prueba,wood,300,chairs,supplier,A second description\n';

/** An executor whose write transactions fail from the `failAt`-th on, as a lost database would. */
function failing(real: Executor, failAt: number): Executor {
  let calls = 0;
  const broken = Object.create(real) as Executor;
  broken.writeTx = async <T>(work: (tx: Tx) => Promise<T>, op?: string): Promise<T> => {
    calls += 1;
    if (calls >= failAt) throw new Error('the database went away');
    return real.writeTx(work, op);
  };
  return broken;
}

describe('what an import does to entities the database already has', () => {
  it('adds its statement beside the stored one, fills blanks, keeps differing values as conflicts, and is undone exactly', async () => {
    const base = await runImport(executor(), { files: fixtureFiles('network'), who: IMPORTER });
    const before = await fingerprint(executor(), MARK);
    const file = fileOnDisk(path.join(tempFiles({ 'second.csv': SECOND }), 'second.csv'));
    const dry = await runImport(executor(), { files: [file], who: IMPORTER, dryRun: true });
    expect(await fingerprint(executor(), MARK)).toBe(before);
    expect(dry.changes).toMatchObject({ nodesCreated: 0, nodesUpdated: 1, statementsAdded: 1, linksCreated: 0, conflictCount: 2 });
    expect(dry.changes.updatedNodes).toEqual([{ id: 'firm:test-imp-maderas', properties: ['productLine', 'roles', 'aliases'] }]);
    expect(dry.changes.conflicts).toEqual([
      { entity: 'firm:test-imp-maderas', property: 'sector', stored: '"furniture"', imported: '"wood"', file: 'second.csv', row: 2 },
      { entity: 'firm:test-imp-maderas', property: 'employees', stored: '250', imported: '300', file: 'second.csv', row: 2 },
    ]);
    const second = await runImport(executor(), { files: [file], who: IMPORTER });
    expect(second.changes).toEqual(dry.changes);
    const p = await props('firm:test-imp-maderas');
    expect(p).toMatchObject({ sector: 'furniture', employees: 250, productLine: 'chairs', roles: ['lead_firm', 'large_firm', 'supplier'], aliases: ['Maderas', 'MPSA', 'Maderas Prueba'], description: 'The lead firm of the Valle network' });
    expect(p.sources).toEqual([base.importId, second.importId]);
    expect(p.conflicts).toEqual([
      `sector: "furniture" (stored) vs "wood" (${second.importId} second.csv row 2)`,
      `employees: 250 (stored) vs 300 (${second.importId} second.csv row 2)`,
    ]);
    const statements = await executor().runText("MATCH (:Entity {id: 'firm:test-imp-maderas'})-[p:STATED_IN]->(s:Source) RETURN s.key AS doc, p.claim AS claim ORDER BY p.key", {}, 'READ');
    expect(statements.map((s) => s.claim).sort()).toEqual(['A second description', 'The lead firm of the Valle network']);
    await undoImport(executor(), { id: second.importId, who: IMPORTER });
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });
});

describe('an import written in batches', () => {
  const batched = { who: IMPORTER, oneTransactionRows: 4, batchRows: 3 };

  it('is resumed from its last committed batch after an interruption, ending as an uninterrupted import', async () => {
    const clean = await runImport(executor(), { files: fixtureFiles('network'), ...batched });
    expect(clean.transactions).toBe('BATCHES');
    const whole = await fingerprint(executor(), MARK);
    await undoImport(executor(), { id: clean.importId, who: IMPORTER });
    // Transactions: 1 registers the import, 2 and 3 write the first two batches of three rows; the 4th fails.
    const stopped = await runImport(failing(executor(), 4), { files: fixtureFiles('network'), ...batched });
    expect(stopped.status).toBe('INTERRUPTED');
    expect(stopped.rows.committed).toBe(6);
    expect(stopped.message).toMatch(new RegExp(`stopped after 6 of 12 rows were committed \\(the database went away\\)\\. Run the same import again to resume from row 7 of 12, or undo it with its id ${stopped.importId}`));
    const [source] = await executor().runText('MATCH (s:Source {key: $key}) RETURN s.status AS status, s.committedRows AS rows', { key: stopped.importId }, 'READ');
    expect(source).toEqual({ status: 'running', rows: 6 });
    const resumed = await runImport(executor(), { files: fixtureFiles('network'), ...batched });
    expect(resumed.status).toBe('WRITTEN');
    expect(await fingerprint(executor(), MARK)).toBe(whole);
  });

  it('can be undone after an interruption, and a dry run then shows only what is left to write', async () => {
    const before = await fingerprint(executor(), MARK);
    const stopped = await runImport(failing(executor(), 4), { files: fixtureFiles('network'), ...batched });
    expect(stopped.status).toBe('INTERRUPTED');
    // The six committed rows are the six entities (with their LOCATED_IN links); the six edges are left.
    const dry = await runImport(executor(), { files: fixtureFiles('network'), ...batched, dryRun: true });
    expect(dry.changes).toMatchObject({ nodesCreated: 0, linksCreated: 6 });
    await undoImport(executor(), { id: stopped.importId, who: IMPORTER });
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });

  it('leaves the database as it was when an import in one transaction is interrupted', async () => {
    const before = await fingerprint(executor(), MARK);
    const real = executor();
    const broken = Object.create(real) as Executor;
    let runs = 0;
    broken.writeTx = <T>(work: (tx: Tx) => Promise<T>, op?: string) =>
      real.writeTx((tx) => work({ run: async (s, p, v) => {
        runs += 1;
        if (runs === 5) throw new Error('the database went away');
        return tx.run(s, p, v);
      } }), op);
    await expect(runImport(broken, { files: fixtureFiles('network'), who: IMPORTER })).rejects.toThrow('the database went away');
    expect(runs).toBe(5);
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });
});
