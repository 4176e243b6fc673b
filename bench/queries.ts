/**
 * Query families at scale (issue 11), outside `npm test`. Usage:
 *
 *   npm run bench:queries -- [--actors 1000000] [--runs 3] [--requests 50] [--only name,name] [--no-record]
 *
 * Starts a dedicated local Neo4j (Bolt 7694, .data/neo4j-bench-queries, heap 3g, page cache 3g), applies the
 * service's schema (applySchema) and, when the store does not already hold it, writes the synthetic network
 * of bench/network.ts (1,006,022 nodes and 3,254,029 relationships at the default size; 25 min on 2 busy cores). Then it starts
 * the service (compiled, `node dist/server/src/main.js` as `npm start` runs it, NODE_ENV=production, no seeds) against that database and, for every query family the
 * API offers (bench/families.ts), first checks that the hand-written statement answers what the GraphQL request
 * does for every drawn argument (each answer read into the family's comparable form: same entities, relationships,
 * order where the API pages, caps), then times on the same seeded random arguments:
 *   (a) the GraphQL request end to end (HTTP POST to /graphql on loopback, JSON parsed), and
 *   (b) the single hand-written Cypher statement that answers the same question, through neo4j-driver in an
 *       auto-commit transaction (a session per request; the service's reads are auto-commit too), rows materialised;
 *   (c) that statement through bench/relay.ts, a bare node:http server in front of the driver: what one HTTP hop
 *       costs on the machine at hand, so that GraphQL / relay isolates what the GraphQL service itself adds;
 *   (d) the GraphQL request executed in this process, without HTTP: the service's schema, resolvers, request
 *       context (app.ts's requestContext) and compiled execution over this process's own driver, as (b) runs
 *       its statement: in-process / Cypher is the GraphQL overhead, what the GraphQL layer and the service's
 *       statements add to the hand-written statement (target ≤ 1.3×), timed in pairs with (b): for each argument
 *       the two back to back, which first alternating, so that both see the same moment of a shared machine;
 *   (e) where a family has one, the looser statement of an earlier benchmark (Family.loose), for comparison.
 * Every family first runs its arguments twice on every side (both JITs warm), then each family: one more warm-up
 * pass over its `requests` arguments on every side, then `runs` runs rotating the sides; per run the median and
 * p95 of its requests; reported: the median over runs of each. The 2-hop neighbourhood and the shortest path
 * must also answer in < 50 ms (median, over HTTP). Appends a dated table to bench/RESULTS.md unless --no-record.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { parse, validate } from 'graphql';
import { startLocalNeo4j } from '../neo4j/launch.js';
import { requestContext } from '../server/src/app.js';
import { compiledExecution } from '../server/src/graphql/execute.js';
import { buildSchema } from '../server/src/graphql/schema.js';
import { ANONYMOUS } from '../server/src/identity.js';
import { loadConfig } from '../server/src/config.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';
import { FAMILIES, type Args, type Family, type Graph } from './families.js';
import { deleteNetwork, networkSize, rng, storedNetwork, writeNetwork } from './network.js';
import { freePort } from './http.js';
import { arg, cpuMs, loadAverage, median, record } from './report.js';

const log = (s: string) => process.stderr.write(`[queries] ${s}\n`);

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/**
 * One GraphQL request end to end: POST, read and parse the body; a GraphQL error fails the benchmark. The client
 * is node:http with a keep-alive agent of one socket, the cheapest HTTP client Node has (fetch, i.e. undici,
 * costs 0.3 ms more a request here: measured side by side, see RESULTS), as the Cypher side uses the cheapest way
 * through the driver.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function graphqlPost(url: string, query: string, variables: Args): Promise<{ status: number; body: Record<string, unknown> }> {
  const data = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}
async function graphqlOnce(url: string, query: string, variables: Args): Promise<number> {
  const t = performance.now();
  const { status, body } = await graphqlPost(url, query, variables);
  const ms = performance.now() - t;
  if (status !== 200 || body.errors) throw new Error(`GraphQL ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 400)} for ${JSON.stringify(variables)}`);
  return ms;
}

/**
 * One hand-written statement through the driver, the cheapest way it runs one: a session and an auto-commit
 * transaction (one Bolt message, as the service's own reads since 4afc504), the rows as objects, serialised
 * as JSON as the in-process GraphQL side serialises its result (and the relay its rows): each side ends with
 * the answer a client would receive.
 */
async function cypherRows(driver: Driver, database: string, text: string, params: Args): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const t = performance.now();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.run(text, params);
    const rows = res.records.map((r) => r.toObject());
    JSON.stringify(rows);
    return { ms: performance.now() - t, rows };
  } finally {
    await session.close();
  }
}
const cypherOnce = async (driver: Driver, database: string, text: string, params: Args) => (await cypherRows(driver, database, text, params)).ms;

/**
 * Whether the hand-written statement answers what the GraphQL request does, argument by argument (each side read
 * into the family's comparable form): a baseline that returns less, or in another order, is no baseline.
 */
async function sameAnswers(url: string, driver: Driver, database: string, f: Family, drawn: Args[], params: Args[]): Promise<{ same: number; firstDifference: string | null }> {
  let same = 0;
  let firstDifference: string | null = null;
  for (let i = 0; i < drawn.length; i += 1) {
    const { body } = await graphqlPost(url, f.graphql, drawn[i]!);
    const g = JSON.stringify(f.answer.graphql(body.data as Record<string, unknown>));
    const c = JSON.stringify(f.answer.cypher((await cypherRows(driver, database, f.cypher, params[i]!)).rows));
    if (g === c) same += 1;
    else firstDifference ??= `${JSON.stringify(drawn[i])}: GraphQL ${g.slice(0, 300)} | Cypher ${c.slice(0, 300)}`;
  }
  return { same, firstDifference };
}

interface Measured {
  name: string;
  requests: number;
  target: boolean;
  g: { p50: number; p95: number };
  c: { p50: number; p95: number };
  /** The same hand-written statement through bench/relay.ts: one bare HTTP hop in front of the driver. */
  r: { p50: number; p95: number };
  /** The GraphQL request executed in this process (no HTTP), through this process's driver. */
  i: { p50: number; p95: number };
  /** The hand-written statement timed request by request beside (d): the other half of the overhead's pairs. */
  pc: { p50: number; p95: number };
  /**
   * Median over runs of the median, over arguments, of each pair's in-process / Cypher time: the overhead with
   * the arguments' own spread taken out (each side's median can fall on different arguments, which moves the
   * ratio of medians where arguments differ tenfold in cost, as paths do). Shown beside the target's ratio.
   */
  pairRatio: number;
  /** The looser statement of an earlier benchmark (Family.loose), through the driver; null when none. */
  l: { p50: number; p95: number } | null;
  /** Arguments for which both sides gave the same answer (Family.answer), of `requests`; the first that differed. */
  same: number;
  firstDifference: string | null;
  truncated: number;
  /** Database round trips of one GraphQL request (the service's `extensions.dbQueries`), median. */
  roundTrips: number;
  /** CPU ms per request: the service's and Neo4j's on the GraphQL side, Neo4j's on the Cypher side. */
  cpu: { service: number; neo4jG: number; neo4jC: number };
}

/** The hand-written statement through bench/relay.ts (one bare HTTP hop in front of the driver), same client as GraphQL's. */
async function relayOnce(url: string, text: string, params: Args): Promise<number> {
  const t = performance.now();
  const data = JSON.stringify({ text, params });
  const body = await new Promise<string>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`relay ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 400)}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
  JSON.parse(body);
  return performance.now() - t;
}


async function main(): Promise<void> {
  // This process runs under tsx, whose source maps make every stack the driver captures (one per result)
  // dearer; the service runs from dist/ without them, and so must the hand-written side.
  process.setSourceMapsEnabled(false);
  const actors = Number(arg('actors', '1000000'));
  const runs = Number(arg('runs', '3'));
  const requests = Number(arg('requests', '50'));
  const only = arg('only', '').split(',').filter(Boolean);
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7694', NEO4J_DATA_DIR: '.data/neo4j-bench-queries', NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '3g', NEO4J_START_TIMEOUT_MS: '600000' });
  const neo = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const db = config.neo4j.database;
  const driver = await connect({ uri: neo.uri, user: config.neo4j.user, password: config.neo4j.password, database: db });
  const executor = new Executor(driver, loadCypherRegistry(), { database: db, timeoutMs: 3_600_000 });
  let server: ReturnType<typeof spawn> | undefined;
  let relay: ReturnType<typeof spawn> | undefined;
  try {
    await applySchema(executor);
    const size = networkSize(actors);
    const stored = await storedNetwork(executor);
    if (stored !== actors) {
      log(`the store holds ${stored === null ? 'no complete benchmark network' : `a network of ${stored} actors`}: writing one of ${actors}…`);
      await deleteNetwork(executor);
      const t = performance.now();
      log(`writing the ${actors}-actor network…`);
      await writeNetwork(executor, actors, log);
      log(`network written in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
    const [counts] = await executor.runText('MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels', {}, 'READ');
    log(`store: ${counts!.nodes} nodes, ${counts!.rels} relationships`);

    const port = await freePort();
    const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_PASSWORD: config.neo4j.password, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', RATE_LIMIT_PER_MINUTE: '100000000', SEED_ON_START: 'false' };
    // The service as `npm start` runs it: compiled (dist/), without tsx's source maps.
    log('building the service (npm run build:server)…');
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
    server = spawn(process.execPath, ['dist/server/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const relayPort = await freePort();
    relay = spawn(process.execPath, ['--import', 'tsx', 'bench/relay.ts', String(relayPort), neo.uri, config.neo4j.user, config.neo4j.password, db], { stdio: ['ignore', 'ignore', 'inherit'] });
    const relayUrl = `http://127.0.0.1:${relayPort}/`;
    const url = `http://127.0.0.1:${port}/graphql`;
    for (let t = Date.now(); !(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false)); ) {
      if (Date.now() - t > 300_000) throw new Error('the service did not become ready within 300 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    for (let t = Date.now(); !(await relayOnce(relayUrl, 'RETURN 1 AS ok', {}).then(() => true).catch(() => false)); ) {
      if (Date.now() - t > 60_000) throw new Error('the relay (bench/relay.ts) did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const graph: Graph = { size, read: async (text, params) => (await driver.executeQuery(text, params, { database: db, routing: 'READ' })).records.map((r) => r.toObject()) };
    // (d): the service's GraphQL execution in this process, on the bench's own executor (as (b) uses this process's driver).
    const schema = buildSchema();
    const execute = compiledExecution();
    const documents = new Map<string, ReturnType<typeof parse>>();
    const inProcessOnce = async (query: string, variables: Args): Promise<number> => {
      const t = performance.now();
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        const invalid = validate(schema, document);
        if (invalid.length) throw new Error(`GraphQL in process: ${invalid[0]!.message}`);
        documents.set(query, document);
      }
      const result = await execute({ schema, document, variableValues: variables, contextValue: requestContext({ config, executor, schema }, ANONYMOUS, document) });
      JSON.stringify(result);
      const ms = performance.now() - t;
      if (result.errors) throw new Error(`GraphQL in process: ${JSON.stringify(result.errors).slice(0, 400)} for ${JSON.stringify(variables)}`);
      return ms;
    };
    const results: Measured[] = [];
    const chosen = FAMILIES.map((f, fi) => ({ f, fi })).filter(({ f }) => !only.length || only.some((o) => f.name.startsWith(o)));
    // Both JITs (the service's V8, Neo4j's JVM) compile what runs hot: before any family is measured, every
    // chosen family runs its seeded requests twice on all three sides, so the first families measured are not
    // measured on colder code than the last (a freshly started Neo4j took 7 ms of CPU for RETURN 1).
    log(`warming up both sides on ${chosen.length} families…`);
    const prepared: { f: Family; drawn: Args[]; params: Args[] }[] = [];
    for (const { f, fi } of chosen) {
      const r = rng(1000 + fi);
      const drawn: Args[] = [];
      const n = Math.min(f.requests ?? requests, requests);
      for (let i = 0; i < n; i += 1) drawn.push(await f.draw(r, graph));
      const params = drawn.map((a) => (f.params ? f.params(a) : a));
      prepared.push({ f, drawn, params });
    }
    for (let pass = 0; pass < 2; pass += 1) {
      for (const { f, drawn, params } of prepared) {
        for (const v of drawn) await graphqlOnce(url, f.graphql, v);
        for (const p of params) await cypherOnce(driver, db, f.cypher, p);
        for (const p of params) await relayOnce(relayUrl, f.cypher, p);
        for (const v of drawn) await inProcessOnce(f.graphql, v);
      }
    }
    for (const { f, drawn, params } of prepared) {
      const n = drawn.length;
      let truncated = 0;
      const { same, firstDifference } = await sameAnswers(url, driver, db, f, drawn, params);
      if (firstDifference) log(`${f.name}: the hand-written statement answered ${n - same} of ${n} arguments differently, e.g. ${firstDifference}`);
      /** One side's times over its arguments, one request after another. */
      const timed = async <A,>(args: A[], once: (a: A) => Promise<number>) => {
        const ms: number[] = [];
        for (const x of args) ms.push(await once(x));
        return ms;
      };
      const gq = () => timed(drawn, (v) => graphqlOnce(url, f.graphql, v));
      const cy = () => timed(params, (p) => cypherOnce(driver, db, f.cypher, p));
      const rl = () => timed(params, (p) => relayOnce(relayUrl, f.cypher, p));
      const ip = () => timed(drawn, (v) => inProcessOnce(f.graphql, v));
      /**
       * The GraphQL overhead's two sides request by request: for each argument the GraphQL request in process
       * and the hand-written statement back to back, which first alternating by argument and run. Times taken
       * in blocks of 50 requests a side drift apart with what else the shared machine does meanwhile (a family's
       * in-process / Cypher ratio moved by up to ±0.3 between runs minutes apart); pairs see the same moment.
       */
      const paired = async (run: number) => {
        const gi: number[] = [];
        const gc: number[] = [];
        for (let j = 0; j < drawn.length; j += 1) {
          if ((j + run) % 2 === 0) {
            gi.push(await inProcessOnce(f.graphql, drawn[j]!));
            gc.push(await cypherOnce(driver, db, f.cypher, params[j]!));
          } else {
            gc.push(await cypherOnce(driver, db, f.cypher, params[j]!));
            gi.push(await inProcessOnce(f.graphql, drawn[j]!));
          }
        }
        return { gi, gc };
      };
      const lo = () => timed(params, (p) => cypherOnce(driver, db, f.loose!, p));
      // Warm-up (query plans, page cache), then the runs, rotating which side goes first.
      await gq();
      await cy();
      await rl();
      await ip();
      if (f.loose) await lo();
      const trips: number[] = [];
      for (const v of drawn) {
        const res = (await graphqlPost(url, f.graphql, v)).body as unknown as { data: Record<string, { truncated?: boolean } | null>; extensions?: { dbQueries?: number } };
        if (Object.values(res.data)[0]?.truncated) truncated += 1;
        trips.push(res.extensions?.dbQueries ?? 0);
      }
      const gRuns: number[][] = [];
      const cRuns: number[][] = [];
      const rRuns: number[][] = [];
      const iRuns: number[][] = [];
      const lRuns: number[][] = [];
      const pcRuns: number[][] = [];
      // CPU used by the service and by Neo4j while each side runs: wall times on a shared machine include
      // waiting for a core; CPU time says what each side costs.
      const cpu = { service: 0, neo4jG: 0, neo4jC: 0 };
      const g = async () => {
        const [s0, n0] = [cpuMs(server!.pid!), cpuMs(neo.pid)];
        gRuns.push(await gq());
        cpu.service += cpuMs(server!.pid!) - s0;
        cpu.neo4jG += cpuMs(neo.pid) - n0;
      };
      const c = async () => {
        const n0 = cpuMs(neo.pid);
        cRuns.push(await cy());
        cpu.neo4jC += cpuMs(neo.pid) - n0;
      };
      let run = 0;
      const pairs = async () => {
        const { gi, gc } = await paired(run);
        iRuns.push(gi);
        pcRuns.push(gc);
      };
      const sides = [g, c, async () => void rRuns.push(await rl()), pairs, ...(f.loose ? [async () => void lRuns.push(await lo())] : [])];
      for (; run < runs; run += 1) for (let k = 0; k < sides.length; k += 1) await sides[(run + k) % sides.length]!();
      const perRequest = (ms: number) => ms / (runs * drawn.length);
      const m: Measured = {
        name: f.name,
        requests: n,
        target: Boolean(f.latencyTarget),
        g: { p50: median(gRuns.map((x) => median(x))), p95: median(gRuns.map((x) => pct(x, 0.95))) },
        c: { p50: median(cRuns.map((x) => median(x))), p95: median(cRuns.map((x) => pct(x, 0.95))) },
        r: { p50: median(rRuns.map((x) => median(x))), p95: median(rRuns.map((x) => pct(x, 0.95))) },
        i: { p50: median(iRuns.map((x) => median(x))), p95: median(iRuns.map((x) => pct(x, 0.95))) },
        pc: { p50: median(pcRuns.map((x) => median(x))), p95: median(pcRuns.map((x) => pct(x, 0.95))) },
        pairRatio: median(iRuns.map((gi, r) => median(gi.map((x, j) => x / pcRuns[r]![j]!)))),
        l: lRuns.length ? { p50: median(lRuns.map((x) => median(x))), p95: median(lRuns.map((x) => pct(x, 0.95))) } : null,
        same,
        firstDifference,
        truncated,
        roundTrips: median(trips),
        cpu: { service: perRequest(cpu.service), neo4jG: perRequest(cpu.neo4jG), neo4jC: perRequest(cpu.neo4jC) },
      };
      results.push(m);
      log(`${f.name}: GraphQL p50 ${m.g.p50.toFixed(1)} ms p95 ${m.g.p95.toFixed(1)} | Cypher p50 ${m.c.p50.toFixed(1)} ms p95 ${m.c.p95.toFixed(1)} | relay p50 ${m.r.p50.toFixed(1)} ms | in process p50 ${m.i.p50.toFixed(2)} ms beside Cypher ${m.pc.p50.toFixed(2)} ms (${(m.i.p50 / m.pc.p50).toFixed(2)}×; pairs ${m.pairRatio.toFixed(2)}×) | ratio ${(m.g.p50 / m.c.p50).toFixed(2)}× (relay ${(m.r.p50 / m.c.p50).toFixed(2)}×, GraphQL/relay ${(m.g.p50 / m.r.p50).toFixed(2)}×) | ${m.roundTrips} round trips | CPU ms/request: service ${m.cpu.service.toFixed(1)}, Neo4j ${m.cpu.neo4jG.toFixed(1)} vs ${m.cpu.neo4jC.toFixed(1)}${truncated ? ` | ${truncated}/${n} truncated` : ''}`);
    }
    const rows = results.map((m) => {
      const overhead = m.i.p50 / m.pc.p50;
      const ok = m.same === m.requests && overhead <= 1.3 && (!m.target || m.g.p50 < 50);
      const loose = m.l ? `${m.l.p50.toFixed(1)}` : '—';
      return `| ${m.name}${m.requests !== requests ? ` (${m.requests} requests a run)` : ''}${m.truncated ? ` (${m.truncated} of ${m.requests} answers truncated)` : ''} | ${m.same}/${m.requests} | ${m.c.p50.toFixed(1)} | ${m.c.p95.toFixed(1)} | ${m.i.p50.toFixed(2)} | ${m.i.p95.toFixed(1)} | ${m.pc.p50.toFixed(2)} | **${overhead.toFixed(2)}×** | ${m.pairRatio.toFixed(2)}× | ${m.g.p50.toFixed(1)} | ${m.g.p95.toFixed(1)} | ${(m.g.p50 / m.c.p50).toFixed(2)}× | ${m.target ? '< 50 ms, ' : ''}≤ 1.3× | ${ok ? 'met' : 'MISSED'} | ${m.r.p50.toFixed(1)} | ${(m.r.p50 / m.c.p50).toFixed(2)}× | ${(m.g.p50 / m.r.p50).toFixed(2)}× | ${loose} | ${m.roundTrips} | ${m.cpu.service.toFixed(1)} | ${m.cpu.neo4jG.toFixed(1)} | ${m.cpu.neo4jC.toFixed(1)} |`;
    });
    const text = [
      '',
      `## Query families at ${actors.toLocaleString('en-US')} actors — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Store: ${Number(counts!.nodes).toLocaleString('en-US')} nodes, ${Number(counts!.rels).toLocaleString('en-US')} relationships (bench/network.ts, seeded). Neo4j 5.26 embedded (heap 3g, page cache 3g), the service compiled (\`node dist/server/src/main.js\`) with NODE_ENV=production, and the benchmark on one machine of ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0} cores, shared with other work (load average at the end: ${loadAverage()}). One client, requests one after another, warm. Per family ${requests} seeded random arguments, the same on every side; ${runs} runs each, the sides rotated; figures are the medians over runs of each run's median and p95, in ms. **Cypher** = the single hand-written statement that answers the same question (bench/families.ts), through neo4j-driver in this process (a session and an auto-commit transaction per request, rows materialised and serialised as JSON, as the GraphQL side's result is). **Same answer**: for how many arguments that statement's answer and the GraphQL response, each read into the family's comparable form, were equal (checked before timing). **GraphQL in process** = the same GraphQL request executed in this process: the service's schema, resolvers, request context, compiled execution and statements over this process's driver, result serialised, timed request by request beside the hand-written statement (**Cypher beside it**: for each argument the two back to back, which first alternating), so that both halves of a pair see the same moment of the shared machine; **GraphQL overhead** = in process / Cypher beside it, both through the same driver in the same process: what the GraphQL layer and the service's statements add to the hand-written statement (target ≤ 1.3×; and the 2-hop neighbourhood and shortest path < 50 ms over HTTP); **pair ratio p50**: the median of each pair's own ratio (median over runs), the same overhead with the arguments' spread taken out, shown beside it and not the target's measure. **GraphQL over HTTP** = POST /graphql to the service on loopback (node:http, a keep-alive socket), body parsed; **relay** = the hand-written statement sent through bench/relay.ts, a bare node:http server in front of the driver, with the same client: relay / Cypher is what one HTTP hop costs on this machine, which any HTTP service in front of the driver pays, and HTTP / relay what the service adds beyond it. **Loose Cypher**: the statement an earlier benchmark used where it answered a looser question (no order, no caps or no distinct routes; bench/families.ts). Round trips: the statements one GraphQL request runs (\`extensions.dbQueries\`, median). CPU: user + system time of the service and of Neo4j over the measured runs (/proc), per request.`,
      `Reproduce: \`npm run bench:queries -- --actors ${actors} --runs ${runs} --requests ${requests}\``,
      '',
      '| family | same answer | Cypher p50 | Cypher p95 | GraphQL in process p50 | p95 | Cypher beside it p50 | GraphQL overhead (in process / Cypher beside it) | pair ratio p50 | GraphQL over HTTP p50 | p95 | HTTP / Cypher | target | | relay p50 | relay / Cypher | HTTP / relay | loose Cypher p50 | round trips | service CPU ms/req | Neo4j CPU ms/req (GraphQL) | Neo4j CPU ms/req (Cypher) |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    record(text);
  } finally {
    if (relay) relay.kill('SIGTERM');
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await driver.close();
    await neo.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[queries] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
