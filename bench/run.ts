/**
 * Benchmarks of the network measures on synthetic networks, against R's sna and networkx on the same graphs
 * in the same run (outside `npm test`). Usage:
 *
 *   npm run bench -- [--sizes 10000,100000,1000000] [--repeat 3] [--timeout 900]
 *
 * For each size N it writes a random digraph (m = 3N arcs, 10 groups, seeded) to a dedicated local Neo4j
 * (Bolt 7693, .data/neo4j-bench), then times, each `repeat` times and reports the median:
 *   - brokerage: the service's GraphQL `brokerage` (two-path count in Neo4j + sna's closed forms) versus
 *     `sna::brokerage(el, cl)` in R on the same edge list;
 *   - betweenness: the service's GraphQL `centrality` (graphology, in the server) versus
 *     `networkx.betweenness_centrality` and `sna::betweenness` — only where exact O(N·m) betweenness can
 *     finish within the timeout;
 * and appends a table with medians and ratios (reference / service; > 1 means the service is faster) to
 * bench/RESULTS.md. A reference that exceeds the timeout is reported as such, not hidden.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';
import { startService } from '../server/src/service.js';
import { rng } from '../test/helpers/random.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const repeat = Number(arg('repeat', '3'));
const timeoutS = Number(arg('timeout', '900'));
const BOLT = 7693;
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function graph(n: number, seed: number) {
  const r = rng(seed);
  const m = 3 * n;
  const seen = new Set<number>();
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  let k = 0;
  while (k < m) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    const key = a * n + b;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    src[k] = a;
    dst[k] = b;
    k += 1;
  }
  return { n, m, src, dst, group: (i: number) => `g${i % 10}` };
}

/** POST without a client-side time limit (fetch gives up after 300 s; a large measure may take longer). */
function post(url: string, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let out = '';
      res.on('data', (d: Buffer) => (out += d.toString()));
      res.on('end', () => resolve(out));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** Runs a reference command, returning its own measured seconds (printed as its last line), or null on timeout. */
function reference(cmd: string, args: string[], input?: string): number | null {
  const res = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 28 });
  if (res.error || res.status !== 0) {
    log(`${cmd} ${args[0] ?? ''}: ${res.error ? 'timed out' : `failed: ${res.stderr.slice(-300)}`}`);
    return null;
  }
  return Number(res.stdout.trim().split('\n').at(-1));
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: String(BOLT), NEO4J_DATA_DIR: '.data/neo4j-bench', NEO4J_HEAP: '4g', NEO4J_PAGECACHE: '2g', NEO4J_START_TIMEOUT_MS: '300000' });
  const local = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const driver = await connect({ uri: local.uri, user: 'neo4j', password: config.neo4j.password, database: 'neo4j' });
  const executor = new Executor(driver, loadCypherRegistry(), { database: 'neo4j', timeoutMs: timeoutS * 1000 });
  const rows: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    await applySchema(executor);
    for (const n of sizes) {
      log(`N = ${n}: generating and loading ${3 * n} arcs…`);
      const g = graph(n, 7 + n);
      await executor.runText('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await executor.runText(
        "UNWIND range(0, $n - 1) AS i CALL (i) { CREATE (:Entity:Firm {id: 'firm:b' + i, kind: 'Firm', name: 'b' + i, grp: 'g' + (i % 10)}) } IN TRANSACTIONS OF 20000 ROWS",
        { n: n },
      );
      for (let i = 0; i < g.m; i += 50_000) {
        const batch = [];
        for (let k = i; k < Math.min(g.m, i + 50_000); k += 1) batch.push([`firm:b${g.src[k]}`, `firm:b${g.dst[k]}`]);
        await executor.runText("UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:SUPPLIES]->(t)", { arcs: batch });
      }
      const el = path.join(dir, `g${n}.txt`);
      const lines = [String(n)];
      for (let i = 0; i < n; i += 1) lines.push(g.group(i));
      for (let k = 0; k < g.m; k += 1) lines.push(`${g.src[k]! + 1} ${g.dst[k]! + 1}`);
      writeFileSync(el, `${lines.join('\n')}\n`);

      const svcConfig = loadConfig({ ...process.env, NEO4J_URI: local.uri, PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', MAX_ANALYSIS_NODES: String(n + 1), QUERY_TIMEOUT_MS: String(timeoutS * 1000), MAX_QUERY_COST: '1000000' });
      const service = await startService(svcConfig, createLogger(svcConfig.log));
      const timeGql = async (query: string) => {
        const t0 = performance.now();
        const body = JSON.parse(await post(`${service.url}/graphql`, JSON.stringify({ query }))) as { errors?: { message: string }[] };
        if (body.errors) throw new Error(body.errors[0]!.message);
        return (performance.now() - t0) / 1000;
      };
      const scope = '{ kinds: [FIRM], types: [SUPPLIES] }';
      const ours: number[] = [];
      for (let i = 0; i < repeat; i += 1) ours.push(await timeGql(`{ brokerage(scope: ${scope}, partition: { by: PROPERTY, property: "grp" }, first: 10) { actors arcs scores { raw { total } } } }`));
      const sna: number[] = [];
      for (let i = 0; i < repeat; i += 1) {
        const s = reference('Rscript', ['-e', `suppressMessages(library(sna)); l <- readLines("${el}"); n <- as.integer(l[1]); cl <- l[2:(n+1)]; e <- do.call(rbind, lapply(strsplit(l[-(1:(n+1))], " "), as.numeric)); e <- cbind(e, 1); attr(e, "n") <- n; t <- system.time(brokerage(e, cl))[["elapsed"]]; cat(t, "\\n")`]);
        if (s === null) break;
        sna.push(s);
      }
      rows.push(`| brokerage | ${n.toLocaleString('en')} | ${(3 * n).toLocaleString('en')} | ${median(ours).toFixed(2)} s | sna::brokerage | ${sna.length ? `${median(sna).toFixed(2)} s` : `> ${timeoutS} s (timed out)`} | ${sna.length ? (median(sna) / median(ours)).toFixed(2) : `> ${(timeoutS / median(ours)).toFixed(1)}`} |`);
      log(rows.at(-1)!);

      // Exact betweenness is O(N·m): run it where that is at most ~1e9 steps.
      if (n * 3 * n <= 1e9) {
        const ob: number[] = [];
        // Betweenness alone (the request selects and sorts by it only, so nothing else is computed).
        for (let i = 0; i < repeat; i += 1) ob.push(await timeGql(`{ centrality(scope: ${scope}, sortBy: BETWEENNESS, first: 10) { betweenness } }`));
        const nxT = reference('/usr/bin/python3', ['-c', `import sys,time,networkx as nx\nl=open("${el}").read().split("\\n")\nn=int(l[0])\nG=nx.DiGraph()\nG.add_nodes_from(range(1,n+1))\nG.add_edges_from(tuple(map(int,x.split())) for x in l[n+1:] if x)\nt=time.perf_counter()\nnx.betweenness_centrality(G,normalized=True)\nprint(time.perf_counter()-t)`]);
        const snaB = reference('Rscript', ['-e', `suppressMessages(library(sna)); l <- readLines("${el}"); n <- as.integer(l[1]); e <- do.call(rbind, lapply(strsplit(l[-(1:(n+1))], " "), as.numeric)); e <- cbind(e, 1); attr(e, "n") <- n; t <- system.time(betweenness(e, gmode="digraph"))[["elapsed"]]; cat(t, "\\n")`]);
        rows.push(`| betweenness (directed) | ${n.toLocaleString('en')} | ${(3 * n).toLocaleString('en')} | ${median(ob).toFixed(2)} s | networkx | ${nxT === null ? `> ${timeoutS} s (timed out)` : `${nxT.toFixed(2)} s`} | ${nxT === null ? '—' : (nxT / median(ob)).toFixed(2)} |`);
        rows.push(`| betweenness (directed) | ${n.toLocaleString('en')} | ${(3 * n).toLocaleString('en')} | ${median(ob).toFixed(2)} s | sna::betweenness | ${snaB === null ? `> ${timeoutS} s (timed out)` : `${snaB.toFixed(2)} s`} | ${snaB === null ? '—' : (snaB / median(ob)).toFixed(2)} |`);
        log(rows.at(-2)!);
        log(rows.at(-1)!);
      } else {
        rows.push(`| betweenness (directed) | ${n.toLocaleString('en')} | ${(3 * n).toLocaleString('en')} | not run: exact betweenness needs N·m = ${(n * 3 * n).toExponential(1)} steps | networkx, sna | not run | — |`);
      }
      await service.stop();
    }
  } finally {
    await driver.close();
    await local.stop();
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const text = [
    '',
    `## Network measures — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB; Neo4j 5.26 embedded (heap 4g, page cache 2g); R sna ${execFileSync('Rscript', ['-e', 'cat(as.character(packageVersion("sna")))'], { encoding: 'utf8' })}; networkx ${execFileSync('/usr/bin/python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' }).trim()}.`,
    `Graphs: random digraphs, m = 3N distinct arcs, 10 groups (seeded). Service times are end-to-end GraphQL requests (median of ${repeat}); reference times are the library call alone (median of ${repeat} for sna brokerage, one run otherwise), excluding reading the graph. Ratio = reference / service (> 1: the service is faster).`,
    `Reproduce: \`npm run bench -- --sizes ${sizes.join(',')} --repeat ${repeat} --timeout ${timeoutS}\``,
    '',
    '| measure | actors | arcs | service (median) | reference | reference time | ratio |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  appendFileSync(path.resolve('bench/RESULTS.md'), text);
  log('results appended to bench/RESULTS.md');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
