import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { serviceForFile } from '../helpers/db.js';
import { cleanImports, fingerprint, fixture, IMPORTER, tempFiles } from '../helpers/importing.js';

const service = serviceForFile();
const MARK = ':test-';
const executor = () => service().executor;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `kg` as a separate process against the run's test database (NODE_OPTIONS may bound its heap). */
function kg(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/src/cli/kg.ts', ...args], { env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeEach(async () => cleanImports(executor(), MARK));
afterAll(async () => cleanImports(executor(), MARK));

describe('kg import', () => {
  it('prints every error by file, row and column, exits 1 and writes nothing', async () => {
    const before = await fingerprint(executor(), MARK);
    const r = await kg(['import', fixture('broken', 'nodes.csv'), fixture('broken', 'edges.csv'), '--who', IMPORTER]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('nodes.csv row 2, column kind: "Company" is not a kind: use one of Cluster, Firm, Buyer, Institution, Program, Person, ValueChain, Place, Event, Upgrading');
    expect(lines).toContain('edges.csv row 3, column to: refers to firm:test-bad-ghost, which is neither in this import nor in the database');
    expect(lines.filter((l) => /^(nodes|edges)\.csv row \d+/.test(l))).toHaveLength(21);
    expect(r.stdout).toMatch(/rejected — Nothing was written: 21 error\(s\) in 21 row\(s\)/);
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });

  it('shows a dry run, imports, says it was imported already, lists and undoes the import', async () => {
    const files = [fixture('network', 'nodes.csv'), fixture('network', 'edges.csv')];
    const before = await fingerprint(executor(), MARK);
    const dry = await kg(['import', ...files, '--dry-run', '--who', IMPORTER]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/new entities\s+6\s+place:test-imp-valle, cluster:test-imp-valle-furniture, firm:test-imp-maderas/);
    expect(dry.stdout).toMatch(/new relationships\s+13/);
    expect(await fingerprint(executor(), MARK)).toBe(before);
    const done = await kg(['import', ...files, '--json', '--who', IMPORTER]);
    expect(done.code, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout) as { importId: string; status: string };
    expect(report.status).toBe('WRITTEN');
    expect(done.stderr).toContain(`Writing 12 rows as ${report.importId} in one transaction: if it is interrupted, nothing is written.`);
    const again = await kg(['import', ...files, '--who', IMPORTER]);
    expect(again.stdout).toContain(`These files were imported already as ${report.importId}`);
    const list = await kg(['import', '--list', '--json']);
    expect((JSON.parse(list.stdout) as { id: string; status: string; rowsValid: number }[]).find((i) => i.id === report.importId)).toMatchObject({ status: 'complete', rowsValid: 12 });
    const undo = await kg(['import', '--undo', report.importId, '--who', IMPORTER]);
    expect(undo.stdout).toBe(`undid ${report.importId}: 6 entities and 13 relationships removed, 0 entities restored, 0 kept (other sources state them)\n`);
    expect(await fingerprint(executor(), MARK)).toBe(before);
  });

  it('writes the valid rows with --valid-rows and the rejected ones to a file beside', async () => {
    const out = tempFiles({});
    const r = await kg(['import', fixture('broken', 'nodes.csv'), fixture('broken', 'edges.csv'), '--valid-rows', '--rejected-dir', out, '--who', IMPORTER]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`rejected rows: ${path.join(out, 'nodes.rejected.csv')} (14; the _errors column says why)`);
    expect(readFileSync(path.join(out, 'edges.rejected.csv'), 'utf8').split('\n')[0]).toBe('_row,_errors,type,from,to,form');
  });

  it('refuses a wrong command line with exit 2', async () => {
    expect((await kg(['import'])).code).toBe(2);
    expect((await kg(['import', 'x.csv', '--format', 'doc'])).code).toBe(2);
  });
});

describe('a 50 MB CSV through kg import', () => {
  /**
   * 50 MB of nodes (long descriptions) and edges, generated here, imported by a process whose V8 heap is
   * capped at 160 MB: holding the file, its rows or one transaction's worth of them in memory would fail.
   */
  it('imports in batches within a bounded heap, with a progress line, and leaves every row in the database', async () => {
    const dir = tempFiles({});
    const nodes = createWriteStream(path.join(dir, 'nodes.csv'));
    const firms = 60_000;
    const filler = 'Family firm making furniture parts for the lead firms of the valley; '.repeat(11);
    nodes.write('id,kind,name,description,validFrom,roles\n');
    for (let i = 0; i < firms; i += 1) nodes.write(`firm:test-big-${i},Firm,Big Test Firm ${i},"${filler}${i}",${1950 + (i % 70)},sme|supplier\n`);
    await new Promise((r) => nodes.end(r));
    const edges = createWriteStream(path.join(dir, 'edges.csv'));
    edges.write('type,from,to,what\n');
    for (let i = 0; i < firms; i += 1) edges.write(`SUPPLIES,firm:test-big-${i},firm:test-big-${(i * 7 + 1) % firms},"parts, frames and finished chairs for export markets ${i}"\n`);
    await new Promise((r) => edges.end(r));
    const bytes = statSync(path.join(dir, 'nodes.csv')).size + statSync(path.join(dir, 'edges.csv')).size;
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    const r = await kg(['import', path.join(dir, 'nodes.csv'), path.join(dir, 'edges.csv'), '--json', '--who', IMPORTER, '--one-transaction-rows', '50000', '--batch-rows', '5000'], { NODE_OPTIONS: '--max-old-space-size=160' });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(r.stdout) as { status: string; transactions: string; rows: { valid: number }; changes: { nodesCreated: number; linksCreated: number } };
    expect(report).toMatchObject({ status: 'WRITTEN', transactions: 'BATCHES', rows: { valid: 2 * firms }, changes: { nodesCreated: firms, linksCreated: firms } });
    expect(r.stderr).toMatch(/writing: [\d,]+ of 120,000 rows \(\d+%\), [\d,]+ rows\/s/);
    const [counts] = await executor().runText("MATCH (n:Firm) WHERE n.id STARTS WITH 'firm:test-big-' WITH count(n) AS nodes MATCH (:Firm)-[l:SUPPLIES]->(:Firm) WHERE l.source_doc STARTS WITH 'import:' AND l.id STARTS WITH 'link:import-' RETURN nodes, count(l) AS links", {}, 'READ');
    expect(counts).toEqual({ nodes: firms, links: firms });
    const [sample] = await executor().runText("MATCH (n:Firm {id: 'firm:test-big-12345'}) RETURN n.description AS d, n.roles AS roles", {}, 'READ');
    expect(sample).toEqual({ d: `${filler}12345`, roles: ['sme', 'supplier'] });
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
