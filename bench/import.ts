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
 * Each runs as its own process under /usr/bin/time, which gives its peak resident memory and its CPU time.
 * Rows per second count every row of both files over the process's wall time. Each size is run `--runs`
 * times (a list matching --sizes, the last value repeated; default 5 then 1), baseline and `kg import`
 * alternating, and the table gives medians. Beside wall time it gives CPU seconds, of the process and of the
 * database's JVM during it, which a machine shared with other work disturbs less than wall time.
 * Appends a table to bench/RESULTS.md (or prints it with --no-record).
 * Without --uri it starts a dedicated local Neo4j (Bolt 7696, .data/neo4j-import-bench, heap 2g); with --uri,
 * --db-pid PID names the database's JVM so its CPU time can be read (Linux /proc), else that column is blank.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg as osLoad, tmpdir } from 'node:os';
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
const loadavg = () => osLoad().map((x) => x.toFixed(1)).join(', ');

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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuOf(pid: number | undefined): number | undefined {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

interface Run { seconds: number; peakMiB: number; cpu: number; dbCpu?: number; stdout: string }

/** Runs a process under /usr/bin/time: wall seconds, peak resident memory (MiB), its CPU seconds and the database's during it. */
function timed(args: string[], env: Record<string, string>, dbPid?: number): Run {
  const db0 = cpuOf(dbPid);
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const db1 = cpuOf(dbPid);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-3000)}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0);
  return { seconds, peakMiB: kb / 1024, cpu, ...(db0 !== undefined && db1 !== undefined ? { dbCpu: db1 - db0 } : {}), stdout: r.stdout };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  if (process.argv[2] === '--baseline') return baseline(process.argv[3]!, process.argv[4]!, process.argv[5]!);
  const sizes = (arg('sizes', '100000,1000000') ?? '').split(',').map(Number);
  const runList = (arg('runs', '5,1') ?? '').split(',').map(Number);
  const runsOf = (i: number) => Math.max(1, runList[Math.min(i, runList.length - 1)] ?? 1);
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7696', NEO4J_DATA_DIR: '.data/neo4j-import-bench', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT_MS: '300000' });
  const given = arg('uri');
  const local = given ? undefined : await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const uri = given ?? local!.uri;
  const dbPid = local?.pid ?? (arg('db-pid') ? Number(arg('db-pid')) : undefined);
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
    for (const [i, n] of sizes.entries()) {
      const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'));
      await writeNetwork(dir, n);
      const mb = (statSync(path.join(dir, 'nodes.csv')).size + statSync(path.join(dir, 'edges.csv')).size) / 1024 / 1024;
      const bases: Run[] = [];
      const ours: Run[] = [];
      for (let run = 1; run <= runsOf(i); run += 1) {
        log(`${n} rows (${mb.toFixed(1)} MB), run ${run} of ${runsOf(i)}: baseline…`);
        await clean();
        bases.push(timed(['bench/import.ts', '--baseline', dir, uri, config.neo4j.password], env, dbPid));
        await clean();
        log(`${n} rows, run ${run}: kg import…`);
        const r = timed(['server/src/cli/kg.ts', 'import', path.join(dir, 'nodes.csv'), path.join(dir, 'edges.csv'), '--json', '--who', 'bench', '--batch-rows', String(BATCH)], env, dbPid);
        const report = JSON.parse(r.stdout) as { status: string; rows: { valid: number }; transactions: string };
        if (report.status !== 'WRITTEN' || report.rows.valid !== n) throw new Error(`kg import did not write every row: ${r.stdout.slice(0, 500)}`);
        ours.push(r);
        await clean();
        log(`  baseline ${bases.at(-1)!.seconds.toFixed(1)} s, kg import ${r.seconds.toFixed(1)} s: ${(r.seconds / bases.at(-1)!.seconds).toFixed(2)}× (load ${loadavg()})`);
      }
      const m = (rs: Run[], f: (r: Run) => number | undefined) => (rs.every((r) => f(r) !== undefined) ? median(rs.map((r) => f(r)!)) : undefined);
      const [bs, os] = [m(bases, (r) => r.seconds)!, m(ours, (r) => r.seconds)!];
      const rate = (s: number) => Math.round(n / s).toLocaleString('en-US');
      const cpu = (rs: Run[]) => `${m(rs, (r) => r.cpu)!.toFixed(1)} + ${m(rs, (r) => r.dbCpu)?.toFixed(1) ?? '–'}`;
      const ratios = bases.map((b, j) => (ours[j]!.seconds / b.seconds).toFixed(2)).join(', ');
      results.push(`| ${n.toLocaleString('en-US')} | ${mb.toFixed(1)} | ${bases.length} | ${rate(bs)} (${bs.toFixed(1)} s) | ${cpu(bases)} | ${Math.round(m(bases, (r) => r.peakMiB)!)} | ${rate(os)} (${os.toFixed(1)} s) | ${cpu(ours)} | ${Math.round(m(ours, (r) => r.peakMiB)!)} | **${(os / bs).toFixed(2)}×** (${ratios}) |`);
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
    'Both are warmed up first on a 20,000-row network (a fresh JVM compiles on first use), then run alternately. Times are each process\'s wall time (start-up included), medians of the runs; CPU is the process\'s CPU seconds + the database JVM\'s during it (medians); peak memory is the process\'s maximum resident set (/usr/bin/time). Ratio = median kg import time / median baseline time (target ≤ 1.5×), then each run\'s ratio. ' +
    `Load average (1, 5, 15 min) at the end: ${loadavg()}.\n` +
    `Reproduce: \`npm run bench:import -- --sizes ${sizes.join(',')} --runs ${runList.join(',')}\`\n\n` +
    '| rows | MB | runs | baseline rows/s | baseline CPU s (node + db) | baseline peak MiB | kg import rows/s | kg import CPU s (node + db) | kg import peak MiB | ratio (each run) |\n|---|---|---|---|---|---|---|---|---|---|\n' +
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
