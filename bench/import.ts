/**
 * Import throughput (outside `npm test`). Usage:
 *
 *   npm run bench:import -- [--sizes 100000,1000000] [--uri bolt://…] [--no-record]
 *
 * For each size N it writes a network of N rows as CSV (N/4 firms in nodes.csv, 3N/4 SUPPLIES edges in
 * edges.csv, seeded), then imports it twice into the same database, each time into an emptied slice of it:
 *   1. the baseline: a plain script that streams the same files with csv-parse and writes batches of 5,000
 *      rows with `UNWIND $rows … MERGE` through neo4j-driver, one transaction per batch (what a developer
 *      would write by hand: no checks, no provenance);
 *   2. `kg import` (checks every row, writes entities with their statements and relationships with their
 *      provenance, in batches of 5,000 rows, one transaction each).
 * Each runs as its own process under /usr/bin/time, which gives its peak resident memory. Rows per second
 * count every row of both files over the process's wall time. Appends a table to bench/RESULTS.md.
 * Without --uri it starts a dedicated local Neo4j (Bolt 7696, .data/neo4j-import-bench, heap 2g).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const log = (s: string) => process.stderr.write(`[import-bench] ${s}\n`);
const BATCH = 5000;

/** The baseline, run as its own process: `tsx bench/import.ts --baseline DIR URI PASSWORD`. */
async function baseline(dir: string, uri: string, password: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  const write = async (cypher: string, rows: unknown[]) => {
    const session = driver.session();
    try {
      await session.executeWrite((tx) => tx.run(cypher, { rows }));
    } finally {
      await session.close();
    }
  };
  const each = async (file: string, cypher: string, shape: (r: Record<string, string>) => unknown) => {
    let rows: unknown[] = [];
    for await (const r of createReadStreamCsv(path.join(dir, file))) {
      rows.push(shape(r));
      if (rows.length === BATCH) {
        await write(cypher, rows);
        rows = [];
      }
    }
    if (rows.length) await write(cypher, rows);
  };
  await each('nodes.csv', 'UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n += r.props, n:Firm', (r) => ({
    id: r.id,
    props: { kind: r.kind, name: r.name, sector: r.sector, validFrom: Number(r.validFrom), roles: r.roles!.split('|') },
  }));
  await each('edges.csv', 'UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) MERGE (a)-[l:SUPPLIES {id: r.id}]->(b) SET l += r.props', (r) => ({
    id: `link:bench-${r.from}-${r.to}`,
    from: r.from,
    to: r.to,
    props: { what: r.what, validFrom: Number(r.validFrom) },
  }));
  await driver.close();
}

function createReadStreamCsv(file: string): AsyncIterable<Record<string, string>> {
  return (async function* () {
    const { createReadStream } = await import('node:fs');
    yield* createReadStream(file).pipe(parse({ columns: true })) as AsyncIterable<Record<string, string>>;
  })();
}

/** N rows: N/4 firms and 3N/4 SUPPLIES edges between them (a linear congruential sequence, so every run writes the same). */
async function writeNetwork(dir: string, rows: number): Promise<void> {
  const firms = Math.floor(rows / 4);
  const edges = rows - firms;
  const nodes = createWriteStream(path.join(dir, 'nodes.csv'));
  nodes.write('id,kind,name,sector,validFrom,roles\n');
  for (let i = 0; i < firms; i += 1) {
    if (!nodes.write(`firm:bench-${i},Firm,Bench Firm ${i},furniture,${1950 + (i % 70)},sme|supplier\n`)) await new Promise<void>((r) => nodes.once("drain", () => r()));
  }
  await new Promise((r) => nodes.end(r));
  const out = createWriteStream(path.join(dir, 'edges.csv'));
  out.write('type,from,to,what,validFrom\n');
  let x = 12345;
  for (let i = 0; i < edges; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const from = i % firms;
    const to = (from + 1 + (x % (firms - 1))) % firms;
    if (!out.write(`SUPPLIES,firm:bench-${from},firm:bench-${to},parts,${1960 + (i % 60)}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise((r) => out.end(r));
}

/** Runs a process under /usr/bin/time: wall seconds and peak resident memory (MiB). */
function timed(args: string[], env: Record<string, string>): { seconds: number; peakMiB: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-3000)}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { seconds, peakMiB: kb / 1024, stdout: r.stdout };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--baseline') return baseline(process.argv[3]!, process.argv[4]!, process.argv[5]!);
  const sizes = (arg('sizes', '100000,1000000') ?? '').split(',').map(Number);
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7696', NEO4J_DATA_DIR: '.data/neo4j-import-bench', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT_MS: '300000' });
  const given = arg('uri');
  const local = given ? undefined : await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const uri = given ?? local!.uri;
  const driver = await connect({ uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
  const executor = new Executor(driver, loadCypherRegistry(), { database: config.neo4j.database, timeoutMs: 3_600_000 });
  const clean = async () => {
    await executor.runText("MATCH (n:Entity) WHERE n.id STARTS WITH 'firm:bench-' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
    await executor.runText("MATCH (s:Source {type: 'import', importedBy: 'bench'}) DETACH DELETE s");
  };
  const results: string[] = [];
  const env = { NEO4J_URI: uri, NEO4J_PASSWORD: config.neo4j.password };
  try {
    await applySchema(executor);
    // A fresh JVM compiles its queries and code paths on first use: warm both up on a small network first, so
    // that neither run pays for it.
    const warm = mkdtempSync(path.join(tmpdir(), 'import-bench-warm-'));
    await writeNetwork(warm, 20_000);
    for (let i = 0; i < 2; i += 1) {
      await clean();
      timed(['bench/import.ts', '--baseline', warm, uri, config.neo4j.password], env);
      await clean();
      timed(['server/src/cli/kg.ts', 'import', path.join(warm, 'nodes.csv'), path.join(warm, 'edges.csv'), '--json', '--who', 'bench'], env);
    }
    for (const n of sizes) {
      const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'));
      await writeNetwork(dir, n);
      const mb = (statSync(path.join(dir, 'nodes.csv')).size + statSync(path.join(dir, 'edges.csv')).size) / 1024 / 1024;
      log(`${n} rows (${mb.toFixed(1)} MB): baseline…`);
      await clean();
      const base = timed(['bench/import.ts', '--baseline', dir, uri, config.neo4j.password], env);
      await clean();
      log(`${n} rows: kg import…`);
      const ours = timed(['server/src/cli/kg.ts', 'import', path.join(dir, 'nodes.csv'), path.join(dir, 'edges.csv'), '--json', '--who', 'bench', '--batch-rows', String(BATCH)], env);
      const report = JSON.parse(ours.stdout) as { status: string; rows: { valid: number }; transactions: string };
      if (report.status !== 'WRITTEN' || report.rows.valid !== n) throw new Error(`kg import did not write every row: ${ours.stdout.slice(0, 500)}`);
      await clean();
      const rate = (s: number) => Math.round(n / s).toLocaleString('en-US');
      results.push(`| ${n.toLocaleString('en-US')} | ${mb.toFixed(1)} | ${rate(base.seconds)} (${base.seconds.toFixed(1)} s) | ${Math.round(base.peakMiB)} | ${rate(ours.seconds)} (${ours.seconds.toFixed(1)} s) | ${Math.round(ours.peakMiB)} | ${(ours.seconds / base.seconds).toFixed(2)}× |`);
      log(results.at(-1)!);
    }
  } finally {
    await driver.close();
    await local?.stop();
  }
  const cpu = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const text = `\n## Import throughput — ${new Date().toISOString().slice(0, 10)}\n\n` +
    `Machine: ${cpu} cores (shared); Neo4j 5.26 embedded (heap 2g, page cache 1g) on the same machine. Data: N rows = N/4 firms (nodes.csv) + 3N/4 SUPPLIES edges (edges.csv), generated. ` +
    'Baseline: csv-parse streaming + `UNWIND $rows … MERGE` through neo4j-driver, batches of 5,000 rows, one transaction each, no checks and no provenance. ' +
    '`kg import`: checks every row (a first pass over the files and the database), then writes batches of 5,000 rows, one transaction each, with a statement per entity and provenance on every relationship. ' +
    'Both are warmed up first on a 20,000-row network (a fresh JVM compiles on first use). Times are each process\'s wall time (start-up included); peak memory is its maximum resident set (/usr/bin/time). Ratio = kg import time / baseline time (target ≤ 1.5×).\n' +
    `Reproduce: \`npm run bench:import -- --sizes ${sizes.join(',')}\`\n\n` +
    '| rows | MB | baseline rows/s | baseline peak MiB | kg import rows/s | kg import peak MiB | ratio |\n|---|---|---|---|---|---|---|\n' +
    `${results.join('\n')}\n`;
  if (process.argv.includes('--no-record')) process.stdout.write(text);
  else {
    appendFileSync(path.resolve('bench/RESULTS.md'), text);
    log('results appended to bench/RESULTS.md');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
