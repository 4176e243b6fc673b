/**
 * Brokerage at scale: the service's GraphQL `brokerage` (typed-array projection read from Neo4j, roles
 * counted in the server, sna's closed forms) against R's `sna::brokerage(el, cl)` on the same edge list, in
 * the same run (outside `npm test`). Usage:
 *
 *   npm run bench:brokerage -- [--sizes 10000,100000,1000000] [--arcs 5] [--repeat 3] [--sna-repeat 3] [--timeout 900] [--no-write]
 *
 * For each size N it writes a seeded random digraph (N actors, arcs·N distinct arcs, reciprocal arcs as
 * they fall, 10 groups in the property `grp`) to the benchmark Neo4j (Bolt 7693, .data/neo4j-bench; reused
 * when it already runs, and the graph is kept between runs when it is the same one), then:
 *   - starts the service in a child process (its result cache off, ANALYSIS_CACHE_ENTRIES=0, so every repeat
 *     computes) and times `brokerage(partition: {by: PROPERTY, property: "grp"})` through GraphQL `repeat`
 *     times (median), with the child's peak resident memory (VmHWM);
 *   - times the two stages in this process on the same database (median of `repeat`): reading the
 *     projection (projectCompact) and counting roles plus sna's closed forms;
 *   - runs sna::brokerage in R on the same edge list (`sna-repeat` times, each stopped after `timeout` s)
 *     and checks that its whole-network raw counts (raw.gli) equal the service's;
 * and appends a dated table to bench/RESULTS.md. A reference that exceeds the timeout is reported as such.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { isPortFree, startLocalNeo4j, type LocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import type { ServiceDeps } from '../server/src/modules/context.js';
import { brokerageReport, countOnProjection } from '../server/src/modules/analytics/brokerage.js';
import { groupLabels } from '../server/src/modules/analytics/partition.js';
import { readCompact, scopeParams } from '../server/src/modules/analytics/projection.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';
import { startService } from '../server/src/service.js';
import { rng } from '../test/helpers/random.js';
import { post } from './http.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const BOLT = 7693;
const DATA_DIR = '.data/neo4j-bench';
const SCOPE = { kinds: ['Firm'], types: ['SUPPLIES'] };
const QUERY = `{ brokerage(scope: { kinds: [FIRM], types: [SUPPLIES] }, partition: { by: PROPERTY, property: "grp" }, first: 10) {
  actors arcs network { raw { coordinator itinerant representative gatekeeper liaison total } } scores { actor { id } raw { total } } } }`;
const log = (s: string) => process.stderr.write(`[bench:brokerage] ${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toLocaleString('en');

/** N actors, m distinct arcs without self-loops (seeded); actor i is in group g(i mod 10). */
function graph(n: number, m: number, seed: number) {
  const r = rng(seed);
  const seen = new Set<number>();
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  for (let k = 0; k < m; ) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    src[k] = a;
    dst[k] = b;
    k += 1;
  }
  return { n, m, src, dst };
}

/** Loads the graph unless the database already holds exactly it (a BenchGraph node names what is loaded). */
async function load(executor: Executor, g: ReturnType<typeof graph>, name: string): Promise<void> {
  const [row] = await executor.runText('OPTIONAL MATCH (b:BenchGraph) RETURN b.name AS name');
  if (row?.name === name) {
    log(`${name} is already loaded`);
    return;
  }
  const t0 = performance.now();
  await executor.runText('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await executor.runText(
    "UNWIND range(0, $n - 1) AS i CALL (i) { CREATE (:Entity:Firm {id: 'firm:b' + i, kind: 'Firm', name: 'b' + i, grp: 'g' + (i % 10)}) } IN TRANSACTIONS OF 20000 ROWS",
    { n: g.n },
  );
  // Arcs by node reference (id(), looked up once), not by id through the index: about twice as fast to load.
  const ref = new Float64Array(g.n);
  for (const r of await executor.runText("MATCH (n:Firm) RETURN toInteger(substring(n.id, 6)) AS i, id(n) AS ref")) ref[r.i as number] = r.ref as number;
  for (let i = 0; i < g.m; i += 100_000) {
    const batch: number[][] = [];
    for (let k = i; k < Math.min(g.m, i + 100_000); k += 1) batch.push([ref[g.src[k]!]!, ref[g.dst[k]!]!]);
    await executor.runText('UNWIND $arcs AS a MATCH (s) WHERE id(s) = toInteger(a[0]) MATCH (t) WHERE id(t) = toInteger(a[1]) CREATE (s)-[:SUPPLIES]->(t)', { arcs: batch });
    if ((i / 100_000) % 10 === 9) log(`  ${fmt(i + 100_000)} arcs loaded`);
  }
  const [{ arcs } = {}] = await executor.runText("MATCH (:Firm)-[r:SUPPLIES]->(:Firm) RETURN count(r) AS arcs");
  if (arcs !== g.m) throw new Error(`loading ${name}: ${String(arcs)} arcs in the database, expected ${g.m}`);
  await executor.runText("CREATE (:BenchGraph {name: $name})", { name });
  log(`loaded ${name} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** The child process: the service alone (so its peak memory is its own), printing its URL once it listens. */
async function serve(uri: string): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', QUERY_TIMEOUT_MS: '3600000', MAX_QUERY_COST: '1000000', ANALYSIS_CACHE_ENTRIES: '0' });
  const service = await startService(config, createLogger(config.log));
  process.stdout.write(`URL ${service.url}\n`);
}

/** Starts the service child; resolves with its URL, pid and a stop function. */
async function startChild(uri: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/brokerage.ts'), '--serve', uri], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (l) => l.startsWith('URL ') && resolve(l.slice(4)));
    child.on('exit', (c) => reject(new Error(`the service exited with code ${c}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Peak resident memory of a process so far (Linux VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** sna::brokerage on the edge list file: seconds (R's own system.time of the call) and raw.gli; null on timeout. */
function sna(file: string, timeoutS: number): { seconds: number; rawG: number[] } | null {
  const script = `suppressMessages(library(sna)); f <- "${file}"; n <- as.integer(readLines(f, n = 1)); cl <- scan(f, what = "", skip = 1, nlines = n, quiet = TRUE);
    e <- matrix(scan(f, what = double(), skip = n + 1, quiet = TRUE), ncol = 2, byrow = TRUE); e <- cbind(e, 1); attr(e, "n") <- n;
    t <- system.time(b <- brokerage(e, cl))[["elapsed"]]; cat(paste(b$raw.gli, collapse = " "), "\\n"); cat(t, "\\n")`;
  const res = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 26 });
  if (res.error || res.status !== 0) {
    log(`sna: ${res.error ? `timed out after ${timeoutS} s` : `failed: ${res.stderr.slice(-300)}`}`);
    return null;
  }
  const lines = res.stdout.trim().split('\n');
  return { seconds: Number(lines.at(-1)), rawG: lines.at(-2)!.trim().split(/\s+/).map(Number) };
}

async function main(): Promise<void> {
  // Sizes run in the order given (the table is sorted by size): a graph already in the database is not reloaded.
  const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
  const perActor = Number(arg('arcs', '5'));
  const repeat = Number(arg('repeat', '3'));
  const snaRepeat = Number(arg('sna-repeat', '3'));
  const timeoutS = Number(arg('timeout', '900'));
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: String(BOLT), NEO4J_DATA_DIR: DATA_DIR, NEO4J_HEAP: '4g', NEO4J_PAGECACHE: '2g', NEO4J_START_TIMEOUT_MS: '300000' });
  // Reuse a benchmark Neo4j that already runs on the port (e.g. left running between runs); else start one.
  let local: LocalNeo4j | null = null;
  if (await isPortFree(BOLT)) local = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const uri = local?.uri ?? `bolt://127.0.0.1:${BOLT}`;
  const driver = await connect({ uri, user: 'neo4j', password: config.neo4j.password, database: 'neo4j' });
  const executor = new Executor(driver, loadCypherRegistry(), { database: 'neo4j', timeoutMs: 3_600_000 });
  const deps = { executor, limits: { ...config.limits, brokerageNodes: 10_000_000 }, loaders: null } as unknown as ServiceDeps;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-brokerage-'));
  const rows: [number, string][] = [];
  try {
    await applySchema(executor);
    for (const n of sizes) {
      const m = perActor * n;
      const g = graph(n, m, 11 + n);
      await load(executor, g, `brokerage-${n}-${m}-${11 + n}`);
      const file = path.join(dir, `g${n}.txt`);
      const lines = [String(n)];
      for (let i = 0; i < n; i += 1) lines.push(`g${i % 10}`);
      for (let k = 0; k < m; k += 1) lines.push(`${g.src[k]! + 1} ${g.dst[k]! + 1}`);
      writeFileSync(file, `${lines.join('\n')}\n`);

      // Stages, in this process: read (projectCompact) and count (roles + closed forms).
      const p = await scopeParams(deps, SCOPE);
      const readS: number[] = [];
      const countS: number[] = [];
      for (let i = 0; i < repeat; i += 1) {
        const t0 = performance.now();
        const projection = await readCompact(deps, { scope: p, prop: 'grp' });
        const t1 = performance.now();
        const groups = await groupLabels(deps, { partition: { by: 'PROPERTY', property: 'grp' }, projection });
        brokerageReport(await countOnProjection({ projection, groups }), { sortBy: 'total', first: 10 });
        readS.push((t1 - t0) / 1000);
        countS.push((performance.now() - t1) / 1000);
      }

      // End to end through GraphQL, in a child process whose peak memory is the service's own.
      const child = await startChild(uri);
      const idle = peakRssMb(child.pid);
      const ours: number[] = [];
      let network: number[] = [];
      let actors = 0;
      let arcs = 0;
      let peak = NaN;
      try {
        for (let i = 0; i < repeat; i += 1) {
          const t0 = performance.now();
          const body = JSON.parse(await post(`${child.url}/graphql`, JSON.stringify({ query: QUERY }))) as {
            errors?: { message: string }[];
            data: { brokerage: { actors: number; arcs: number; network: { raw: Record<string, number> } } };
          };
          if (body.errors) throw new Error(body.errors[0]!.message);
          ours.push((performance.now() - t0) / 1000);
          ({ actors, arcs } = body.data.brokerage);
          network = Object.values(body.data.brokerage.network.raw);
        }
      } finally {
        peak = peakRssMb(child.pid);
        child.stop();
      }
      log(`N = ${fmt(n)}: service ${ours.map((s) => s.toFixed(2)).join(', ')} s (read ${readS.map((s) => s.toFixed(2)).join(', ')} s, count ${countS.map((s) => s.toFixed(2)).join(', ')} s), peak RSS ${peak.toFixed(0)} MB (${idle.toFixed(0)} MB after start)`);

      const ref: number[] = [];
      let same = '—';
      for (let i = 0; i < snaRepeat; i += 1) {
        const r = sna(file, timeoutS);
        if (!r) break;
        ref.push(r.seconds);
        same = r.rawG.every((x, k) => x === network[k]) ? 'yes' : `NO (sna ${r.rawG.join(' ')}, service ${network.join(' ')})`;
        log(`  sna::brokerage ${r.seconds.toFixed(2)} s`);
      }
      const ratio = ref.length ? `${(median(ref) / median(ours)).toFixed(1)}×` : `> ${(timeoutS / median(ours)).toFixed(1)}×`;
      rows.push([
        n,
        `| ${fmt(actors)} | ${fmt(arcs)} | ${median(ours).toFixed(2)} s (${ours.length}) | ${median(readS).toFixed(2)} s | ${median(countS).toFixed(2)} s | ${peak.toFixed(0)} MB (${idle.toFixed(0)} MB at start) | ${ref.length ? `${median(ref).toFixed(2)} s (${ref.length})` : `> ${timeoutS} s (timed out)`} | ${ratio} | ${same} |`,
      ]);
      log(rows.at(-1)![1]);
    }
  } finally {
    await driver.close();
    await local?.stop();
  }
  if (process.argv.includes('--no-write')) return;
  const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  appendFileSync(
    'bench/RESULTS.md',
    [
      '',
      `## Brokerage at scale — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npm run bench:brokerage\`)`,
      '',
      `Random digraphs (${perActor} arcs per actor, 10 groups), service end to end through GraphQL (median of ${repeat}) against sna::brokerage on the same edge list; read and count are the two stages timed in the benchmark process; peak RSS is the service process's VmHWM. Load: \`${uptime}\`.`,
      '',
      '| actors | arcs | service (GraphQL) | read from Neo4j | count + closed forms | service peak RSS | sna::brokerage | sna / service | raw.gli identical |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows.sort((a, b) => a[0] - b[0]).map((r) => r[1]),
      '',
    ].join('\n'),
  );
  log('appended to bench/RESULTS.md');
}

if (process.argv.includes('--serve')) await serve(arg('serve', ''));
else await main();
