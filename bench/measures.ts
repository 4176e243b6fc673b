/**
 * Exact betweenness (directed and undirected), Burt's measures and approximate betweenness at scale: the
 * service end to end through GraphQL against R's igraph (1.3.5) and networkx (2.8) on the same graph, in the
 * same run (outside `npm test`). Usage:
 *
 *   npm run bench:measures -- [--exact 10000:30000,20000:100000] [--approx 100000:500000,1000000:5000000]
 *                             [--repeat 3] [--epsilon 0.1] [--delta 0.1] [--nx-sources 100] [--gql-max 200000] [--no-write]
 *
 * For each exact size (actors:arcs) it writes a seeded random digraph (distinct arcs, no self-loops,
 * reciprocal arcs as they fall) to the benchmark Neo4j (Bolt 7695, .data/neo4j-bench-measures; reused when
 * it runs, the graph kept when it is the same one), then:
 *   - starts the service in a child process (analysis cache off) and times through GraphQL, `repeat` times
 *     each (median): centrality sorted by directed betweenness, by undirected betweenness, structuralHoles;
 *   - computes the same measures in this process with the same engine and checks the GraphQL top 10 against it;
 *   - runs igraph in R on the same edge list (betweenness directed / undirected, constraint; `repeat` times
 *     each, R's own system.time) and compares every actor's value with ours;
 *   - networkx: exact betweenness takes tens of minutes at these sizes in pure Python, so it is timed on
 *     `nx-sources` sources with networkx's own Brandes steps and extrapolated linearly to all n (each source
 *     costs the same O(n + m) search), and its sums from those sources are compared with ours from the same
 *     sources; nx.constraint and nx.effective_size run once in full and are compared actor by actor;
 *   - approximate betweenness (epsilon, delta) on the same graph, its largest error against the exact values.
 * For each approximate size it times approximateBetweenness(epsilon, delta) through GraphQL (up to gql-max
 * actors; above that the graph is not loaded into Neo4j and the same engine is timed in this process).
 * Appends a dated section to bench/RESULTS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { isPortFree, startLocalNeo4j, type LocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { betweennessSums } from '../server/src/domain/betweenness.js';
import { approximateBetweenness, samplesFor } from '../server/src/domain/betweennessSample.js';
import { buildCsr } from '../server/src/domain/csr.js';
import { createLogger } from '../server/src/logger.js';
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
const BOLT = 7695;
const DATA_DIR = '.data/neo4j-bench-measures';
const SCOPE = '{ kinds: [FIRM], types: [SUPPLIES] }';
const log = (s: string) => process.stderr.write(`[bench:measures] ${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toLocaleString('en');
const s2 = (x: number) => `${x.toFixed(2)} s`;
const sizesOf = (v: string) => (v ? v.split(',').map((p) => p.split(':').map(Number) as [number, number]) : []);

type Graph = { n: number; m: number; src: Int32Array; dst: Int32Array; name: string };

/** n actors, m distinct arcs without self-loops (seeded). */
function graph(n: number, m: number, seed: number): Graph {
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
  return { n, m, src, dst, name: `measures-${n}-${m}-${seed}` };
}

/** Actor ids sort as the projection sorts them (by id), so index i is 'firm:m' + zero-padded i. */
const idOf = (i: number) => `firm:m${String(i).padStart(7, '0')}`;

async function load(executor: Executor, g: Graph): Promise<void> {
  const [row] = await executor.runText('OPTIONAL MATCH (b:BenchGraph) RETURN b.name AS name');
  if (row?.name === g.name) {
    log(`${g.name} is already loaded`);
    return;
  }
  const t0 = performance.now();
  await executor.runText('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await executor.runText(
    "UNWIND range(0, $n - 1) AS i CALL (i) { WITH 'firm:m' + right('000000' + toString(i), 7) AS id CREATE (:Entity:Firm {id: id, kind: 'Firm', name: id}) } IN TRANSACTIONS OF 20000 ROWS",
    { n: g.n },
  );
  for (let i = 0; i < g.m; i += 50_000) {
    const batch: string[][] = [];
    for (let k = i; k < Math.min(g.m, i + 50_000); k += 1) batch.push([idOf(g.src[k]!), idOf(g.dst[k]!)]);
    await executor.runText('UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:SUPPLIES]->(t)', { arcs: batch });
  }
  const [{ arcs } = {}] = await executor.runText('MATCH (:Firm)-[r:SUPPLIES]->(:Firm) RETURN count(r) AS arcs');
  if (arcs !== g.m) throw new Error(`loading ${g.name}: ${String(arcs)} arcs in the database, expected ${g.m}`);
  await executor.runText('CREATE (:BenchGraph {name: $name})', { name: g.name });
  log(`loaded ${g.name} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** The child process: the service alone, analysis cache off so that every request computes. */
async function serve(uri: string): Promise<void> {
  const config = loadConfig({
    ...process.env, NEO4J_URI: uri, PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
    QUERY_TIMEOUT_MS: '3600000', MAX_QUERY_COST: '1000000000000', MAX_PAGE_SIZE: '10000000', ANALYSIS_CACHE_ENTRIES: '0', MAX_APPROXIMATE_NODES: '2000000',
  });
  const service = await startService(config, createLogger(config.log));
  process.stdout.write(`URL ${service.url}\n`);
}

async function startChild(uri: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/measures.ts'), '--serve', uri], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (l) => l.startsWith('URL ') && resolve(l.slice(4)));
    child.on('exit', (c) => reject(new Error(`the service exited with code ${c}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Times one GraphQL query `repeat` times; returns the seconds and the last answer's data. */
async function timeQuery<T>(url: string, query: string, repeat: number): Promise<{ seconds: number[]; data: T }> {
  const seconds: number[] = [];
  let data: T | undefined;
  for (let i = 0; i < repeat; i += 1) {
    const t0 = performance.now();
    const body = JSON.parse(await post(`${url}/graphql`, JSON.stringify({ query }))) as { errors?: { message: string }[]; data: T };
    if (body.errors) throw new Error(body.errors[0]!.message);
    seconds.push((performance.now() - t0) / 1000);
    data = body.data;
  }
  return { seconds, data: data! };
}

/** igraph on the edge list: seconds per repeat of each measure (R's system.time) and every actor's values. */
function igraph(file: string, n: number, repeat: number, dir: string) {
  const script = `suppressMessages(library(igraph)); e <- as.matrix(read.table("${file}")) + 1
    g <- graph_from_edgelist(e, directed = TRUE); g <- add_vertices(g, ${n} - vcount(g)); u <- as.undirected(g, mode = "collapse")
    t <- function(f) sapply(1:${repeat}, function(i) system.time(f())[["elapsed"]])
    td <- t(function() bd <<- betweenness(g, directed = TRUE, normalized = TRUE))
    tu <- t(function() bu <<- betweenness(u, directed = FALSE, normalized = TRUE))
    tc <- t(function() cc <<- constraint(g))
    w <- function(x, f) writeLines(sprintf("%.17g", x), f)  # full precision (write() keeps 7 digits)
    w(bd, "${dir}/ig_bd.txt"); w(bu, "${dir}/ig_bu.txt"); w(cc, "${dir}/ig_c.txt")
    cat(td, "\\n"); cat(tu, "\\n"); cat(tc, "\\n")`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`igraph failed: ${r.stderr.slice(-500)}`);
  const [td, tu, tc] = r.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8').trim().split(/\s+/).map(Number);
  return { directed: td!, undirected: tu!, constraint: tc!, bd: read('ig_bd.txt'), bu: read('ig_bu.txt'), c: read('ig_c.txt') };
}

/**
 * networkx: Brandes from the given sources with its own steps (the private helpers betweenness_centrality
 * uses), timed, and nx.constraint / nx.effective_size once in full.
 */
function networkx(file: string, n: number, sources: number[], dir: string) {
  const script = `
import json, time, sys, networkx as nx
from networkx.algorithms.centrality.betweenness import _single_source_shortest_path_basic as sssp, _accumulate_basic as acc
G = nx.DiGraph(); G.add_nodes_from(range(${n}))
G.add_edges_from(tuple(map(int, l.split())) for l in open("${file}"))
U = G.to_undirected()
src = json.load(open("${dir}/sources.json"))
out = {}
for name, H in (("directed", G), ("undirected", U)):
    b = dict.fromkeys(H, 0.0); t0 = time.perf_counter()
    for s in src:
        S, P, sigma, _ = sssp(H, s); b, _ = acc(b, S, P, sigma, s)
    out[name] = {"seconds": time.perf_counter() - t0, "sums": [b[v] for v in range(${n})]}
t0 = time.perf_counter(); c = nx.constraint(G); e = nx.effective_size(G); out["holes_seconds"] = time.perf_counter() - t0
nan = lambda x: None if x != x else x
out["constraint"] = [nan(c[v]) for v in range(${n})]; out["effective_size"] = [nan(e[v]) for v in range(${n})]
json.dump(out, open("${dir}/nx.json", "w"))`;
  writeFileSync(path.join(dir, 'sources.json'), JSON.stringify(sources));
  const r = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`networkx failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(readFileSync(path.join(dir, 'nx.json'), 'utf8')) as {
    directed: { seconds: number; sums: number[] }; undirected: { seconds: number; sums: number[] }; holes_seconds: number; constraint: (number | null)[]; effective_size: (number | null)[];
  };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number | null>, skip?: (i: number) => boolean) => {
  let d = 0;
  for (let i = 0; i < a.length; i += 1) if (b[i] !== null && Number.isFinite(b[i]) && !skip?.(i)) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

async function main(): Promise<void> {
  const exactSizes = sizesOf(arg('exact', '10000:30000,20000:100000'));
  const approxSizes = sizesOf(arg('approx', '100000:500000,1000000:5000000'));
  const repeat = Number(arg('repeat', '3'));
  const epsilon = Number(arg('epsilon', '0.1'));
  const delta = Number(arg('delta', '0.1'));
  const nxSources = Number(arg('nx-sources', '100'));
  const gqlMax = Number(arg('gql-max', '200000'));
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: String(BOLT), NEO4J_DATA_DIR: DATA_DIR, NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT_MS: '300000' });
  let local: LocalNeo4j | null = null;
  if (await isPortFree(BOLT)) local = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const uri = local?.uri ?? `bolt://127.0.0.1:${BOLT}`;
  const driver = await connect({ uri, user: 'neo4j', password: config.neo4j.password, database: 'neo4j' });
  const executor = new Executor(driver, loadCypherRegistry(), { database: 'neo4j', timeoutMs: 3_600_000 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-measures-'));
  const exactRows: string[] = [];
  const checkRows: string[] = [];
  const approxRows: string[] = [];
  const approxLine = (n: number, m: number, how: string, seconds: number[], k: number, bound: number, error: string) =>
    approxRows.push(`| ${fmt(n)} | ${fmt(m)} | ${how} | ${s2(median(seconds))} (${seconds.length}) | ${fmt(k)} | ${bound.toFixed(4)} | ${error} |`);
  try {
    await applySchema(executor);
    for (const [n, m] of exactSizes) {
      const g = graph(n, m, 7 + n);
      await load(executor, g);
      const file = path.join(dir, `g${n}.txt`);
      writeFileSync(file, Array.from(g.src, (a, k) => `${a} ${g.dst[k]}`).join('\n') + '\n');

      // End to end through GraphQL.
      const child = await startChild(uri);
      type Cent = { centrality: { actor: { id: string }; betweenness?: number; betweennessUndirected?: number }[] };
      type Holes = { structuralHoles: { actor: { id: string }; constraint: number | null; effectiveSize: number | null }[] };
      let bd, bu, sh;
      try {
        bd = await timeQuery<Cent>(child.url, `{ centrality(scope: ${SCOPE}, sortBy: BETWEENNESS, first: ${n}) { actor { id } betweenness } }`, repeat);
        bu = await timeQuery<Cent>(child.url, `{ centrality(scope: ${SCOPE}, sortBy: BETWEENNESS_UNDIRECTED, first: ${n}) { actor { id } betweennessUndirected } }`, repeat);
        sh = await timeQuery<Holes>(child.url, `{ structuralHoles(scope: ${SCOPE}, first: ${n}) { actor { id } constraint effectiveSize } }`, repeat);
      } finally {
        child.stop();
      }
      log(`N = ${fmt(n)}: GraphQL directed ${bd.seconds.map(s2)}, undirected ${bu.seconds.map(s2)}, structural holes ${sh.seconds.map(s2)}`);

      // Every actor's values, as GraphQL answered them (first: n), for the comparisons.
      const csr = buildCsr(n, g.src, g.dst, { shared: true });
      const at = (id: string) => Number(id.slice(6)); // 'firm:m0000012' → 12
      const ourD = new Float64Array(n).fill(NaN);
      const ourU = new Float64Array(n).fill(NaN);
      const ourC = new Array<number>(n).fill(NaN);
      const ourE = new Array<number>(n).fill(NaN);
      for (const r of bd.data.centrality) ourD[at(r.actor.id)] = r.betweenness!;
      for (const r of bu.data.centrality) ourU[at(r.actor.id)] = r.betweennessUndirected!;
      for (const r of sh.data.structuralHoles) {
        ourC[at(r.actor.id)] = r.constraint ?? NaN;
        ourE[at(r.actor.id)] = r.effectiveSize ?? NaN;
      }
      const complete = !ourD.some(Number.isNaN) && !ourU.some(Number.isNaN);
      let t0 = 0;

      const ig = igraph(file, n, repeat, dir);
      log(`  igraph directed ${ig.directed.map(s2)}, undirected ${ig.undirected.map(s2)}, constraint ${ig.constraint.map(s2)}`);
      const sources = Array.from({ length: Math.min(nxSources, n) }, (_, i) => Math.floor((i * n) / Math.min(nxSources, n)));
      // --nx-sources 0 leaves networkx out (its constraint alone takes minutes at 20k actors).
      const none = { seconds: NaN, sums: new Array<number>(n).fill(NaN) };
      const nx = sources.length ? networkx(file, n, sources, dir) : { directed: none, undirected: none, holes_seconds: NaN, constraint: new Array<number | null>(n).fill(null), effective_size: new Array<number | null>(n).fill(null) };
      const ourSumsD = await betweennessSums(csr, { directed: true, sources: Int32Array.from(sources) });
      const ourSumsU = await betweennessSums(csr, { directed: false, sources: Int32Array.from(sources) });
      const perSource = (x: number) => (x / sources.length) * n;
      log(`  networkx ${sources.length} sources: directed ${s2(nx.directed.seconds)}, undirected ${s2(nx.undirected.seconds)}; constraint + effective size ${s2(nx.holes_seconds)}`);

      const oursTotal = median(bd.seconds) + median(bu.seconds) + median(sh.seconds);
      const igTotal = median(ig.directed) + median(ig.undirected) + median(ig.constraint);
      exactRows.push(
        `| ${fmt(n)} | ${fmt(m)} | ${s2(median(bd.seconds))} | ${s2(median(bu.seconds))} | ${s2(median(sh.seconds))} | **${s2(oursTotal)}** | ${s2(median(ig.directed))} | ${s2(median(ig.undirected))} | ${s2(median(ig.constraint))} | ${s2(igTotal)} | ${(oursTotal / igTotal).toFixed(2)}× | ${nxSources ? `~${fmt(Math.round(perSource(nx.directed.seconds)))} s / ~${fmt(Math.round(perSource(nx.undirected.seconds)))} s | ${s2(nx.holes_seconds)}` : 'not run | not run'} |`,
      );
      const noSucc = (i: number) => csr.outOffsets[i + 1] === csr.outOffsets[i]; // networkx's NaN (domain/structuralHoles.ts)
      checkRows.push(
        `| ${fmt(n)} | ${maxDiff(ourD, ig.bd).toExponential(1)} | ${maxDiff(ourU, ig.bu).toExponential(1)} | ${nxSources ? `${maxDiff(ourSumsD, nx.directed.sums).toExponential(1)} / ${maxDiff(ourSumsU, nx.undirected.sums).toExponential(1)} | ${maxDiff(ourC, nx.constraint, noSucc).toExponential(1)} / ${maxDiff(ourE, nx.effective_size, noSucc).toExponential(1)}` : 'not run | not run'} | ${maxDiff(ourC, ig.c, (i) => Number.isNaN(ourC[i])).toExponential(1)} | ${complete ? 'yes' : 'NO'} |`,
      );
      log(checkRows.at(-1)!);

      // Approximate on the same graph: time and largest error against the exact values above.
      const k = samplesFor(n, epsilon, delta);
      for (const [directed, exact] of [[true, ourD], [false, ourU]] as const) {
        t0 = performance.now();
        const a = await approximateBetweenness(csr, { directed, samples: k, seed: 1, delta });
        const secs = (performance.now() - t0) / 1000;
        approxLine(n, m, `engine, ${directed ? 'directed' : 'undirected'}`, [secs], a.samples, a.bound, `${maxDiff(a.scores, exact).toExponential(2)} (max exact value ${Math.max(...exact).toExponential(2)})`);
      }
    }
    for (const [n, m] of approxSizes) {
      const g = graph(n, m, 7 + n);
      const k = samplesFor(n, epsilon, delta);
      if (n <= gqlMax) {
        await load(executor, g);
        const child = await startChild(uri);
        try {
          type Approx = { approximateBetweenness: { actors: number; samples: number; errorBound: number } };
          const q = await timeQuery<Approx>(child.url, `{ approximateBetweenness(scope: ${SCOPE}, directed: true, epsilon: ${epsilon}, delta: ${delta}, first: 10) { actors samples errorBound scores { actor { id } betweenness } } }`, repeat);
          const a = q.data.approximateBetweenness;
          approxLine(n, m, 'GraphQL, directed', q.seconds, a.samples, a.errorBound, 'exact not computed (≈ n/k × this time)');
        } finally {
          child.stop();
        }
      } else {
        const csr = buildCsr(n, g.src, g.dst, { shared: true });
        const secs: number[] = [];
        let a;
        for (let i = 0; i < Math.min(repeat, 1); i += 1) {
          const t0 = performance.now();
          a = await approximateBetweenness(csr, { directed: true, samples: k, seed: 1, delta });
          secs.push((performance.now() - t0) / 1000);
        }
        approxLine(n, m, 'engine (not loaded into Neo4j), directed', secs, a!.samples, a!.bound, 'exact not computed (≈ n/k × this time)');
      }
      log(approxRows.at(-1)!);
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
      `### Exact and approximate betweenness, Burt's measures (\`npm run bench:measures\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Seeded random digraphs (distinct arcs, no self-loops). Service = GraphQL end to end (projection from Neo4j, CSR, Brandes in ${os.availableParallelism()} worker threads; every actor's value returned), median of ${repeat}; approximate "engine" rows = the same engine in the benchmark process on the in-memory graph; igraph = R igraph ${'1.3.5'} \`betweenness(normalized=TRUE)\` / \`constraint()\`, R's system.time, median of ${repeat}; networkx 2.8 exact betweenness extrapolated from ${nxSources} sources (single run; pure Python takes tens of minutes at these sizes), constraint + effective size one full run. Load at the end: \`${uptime}\`.`,
      '',
      ...(exactRows.length ? [
        '| actors | arcs | service directed | service undirected | service structural holes | service total | igraph directed | igraph undirected | igraph constraint | igraph total | service / igraph | networkx betweenness dir / undir (extrapolated) | networkx constraint + eff. size |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...exactRows,
        '',
        'Agreement (largest absolute difference over all actors): betweenness against igraph; Brandes sums from the same sources against networkx; constraint and effective size against networkx (actors networkx measures); constraint against igraph (actors igraph measures); every actor’s value read through GraphQL (first: n).',
        '',
        '| actors | directed vs igraph | undirected vs igraph | sums vs networkx dir / undir | constraint / eff. size vs networkx | constraint vs igraph | all actors answered |',
        '|---|---|---|---|---|---|---|',
        ...checkRows,
        '',
      ] : []),
      `Approximate betweenness, ε = ${epsilon}, δ = ${delta}: k = ⌈ln(2n/δ)/(2ε²)⌉ sources (seed 1); bound = √(ln(2n/δ)/(2k))·n/(n−1), holding for every actor at once with probability ≥ 1 − δ.`,
      '',
      '| actors | arcs | how | time | sources k | stated bound | largest error against exact |',
      '|---|---|---|---|---|---|---|',
      ...approxRows,
      '',
    ].join('\n'),
  );
  log('appended to bench/RESULTS.md');
}

if (process.argv.includes('--serve')) await serve(arg('serve', ''));
else await main();
