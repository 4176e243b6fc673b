/**
 * Load test of the running service on loopback (outside `npm test`). Usage:
 *
 *   npm run bench:load -- [--clients 50] [--duration 60] [--overload 200] [--overload-duration 30]
 *
 * Builds the service, starts a dedicated local Neo4j (Bolt 7694, .data/neo4j-load; seeded on first use) and
 * the compiled service as its own process (`node dist/server/src/main.js`, so its memory is measured alone),
 * then runs three bounded phases with autocannon, sampling the service's resident memory (/proc/PID/status):
 *   1. baseline: `{ health { ok entities } }` (the whole HTTP and GraphQL path, one trivial query) at
 *      `clients` concurrent clients — the reference the mix is compared with, measured in the same run;
 *   2. mix: a realistic mix of search, entity, 2-hop neighbourhood, k shortest paths, value-chain tracing
 *      and the brokerage of one cluster, at `clients` clients for `duration` seconds;
 *   3. overload: the same mix at `overload` clients: the service must shed what it cannot run
 *      (503, MAX_CONCURRENT_REQUESTS) instead of queueing without bound.
 * Per phase: requests, errors (non-2xx other than shedding, and GraphQL `errors`), shed 503s, latency
 * p50/p95/p99, peak memory. Appends a table to bench/RESULTS.md. The rate limit is raised for the run (every
 * client shares one address); everything else is the production configuration.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { freePort } from './http.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const clients = Number(arg('clients', '50'));
const duration = Number(arg('duration', '60'));
const overload = Number(arg('overload', '200'));
const overloadDuration = Number(arg('overload-duration', '30'));
const log = (s: string) => process.stderr.write(`[load] ${s}\n`);

/** The mix: what analysts, brokers and researchers ask most, in equal shares. */
const MIX = [
  ['search', '{ search(text: "Sinos footwear", first: 10) { kind score entity { id name } } }'],
  ['entity', '{ entity(id: "firm:segusino") { name kind sources { doc quote } links(first: 50) { type other { id name } } } }'],
  ['neighbourhood (2 hops)', '{ neighbourhood(ids: ["cluster:sinos-valley-footwear"], hops: 2) { truncated nodes { id name kind } edges { type source target } } }'],
  ['paths (k = 3)', '{ paths(from: "firm:chipilo-subcontractors", to: { kinds: [BUYER] }, mode: K_SHORTEST, k: 3) { count paths { length nodes { id } } } }'],
  ['traceValueChain', '{ traceValueChain(id: "cluster:sinos-valley-footwear", direction: DOWNSTREAM) { tiers { tier nodes { id name } } edges { edge { source target } governanceHS } } }'],
  ['brokerage (one cluster)', '{ brokerage(scope: { clusterId: "cluster:espirito-santo-metalworking" }, partition: { by: KIND }, first: 10) { actors arcs scores { actor { name } raw { total } z { total } } } }'],
] as const;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface Phase {
  name: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  shed: number;
  p50: number;
  p95: number;
  p99: number;
  peakMiB: number;
  firstError?: string;
}

async function phase(url: string, pid: number, name: string, bodies: readonly string[], connections: number, seconds: number): Promise<Phase> {
  log(`${name}: ${connections} clients for ${seconds} s…`);
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 250);
  let errors = 0;
  let shed = 0;
  let firstError: string | undefined;
  const onResponse = (status: number, body: string) => {
    if (status === 503 && body.includes('MAX_CONCURRENT_REQUESTS')) shed += 1;
    else if (status < 200 || status >= 300 || body.includes('"errors"')) {
      errors += 1;
      firstError ??= `${status} ${body.slice(0, 200)}`;
    }
  };
  // Every response time is kept so that p50 / p95 / p99 are exact (autocannon's summary has no p95).
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections,
        duration: seconds,
        timeout: 60,
        requests: bodies.map((query) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), onResponse })),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const pct = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return { name, clients: connections, seconds, requests: result.requests.total, errors: errors + result.errors + result.timeouts, shed, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), peakMiB: peak, firstError };
}

async function main(): Promise<void> {
  log('building (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const base = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7694', NEO4J_DATA_DIR: '.data/neo4j-load' });
  const neo = await startLocalNeo4j({ ...base.neo4j.local, password: base.neo4j.password, progress: log });
  const port = await freePort();
  const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_PASSWORD: base.neo4j.password, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', RATE_LIMIT_PER_MINUTE: '100000000' };
  const server = spawn(process.execPath, ['dist/server/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let t = Date.now(); ; ) {
      const ready = await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false);
      if (ready) break;
      if (Date.now() - t > 300_000) throw new Error('the service did not become ready within 300 s');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
    const idle = rssMiB(server.pid!);
    const phases = [
      await phase(url, server.pid!, 'baseline: health', [`{ health { ok entities } }`], clients, Math.min(duration, 20)),
      await phase(url, server.pid!, 'mix', MIX.map(([, q]) => q), clients, duration),
      await phase(url, server.pid!, 'overload: mix', MIX.map(([, q]) => q), overload, overloadDuration),
    ];
    for (const p of phases) log(`${p.name}: ${p.requests} requests, ${p.errors} errors, ${p.shed} shed, p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, peak ${p.peakMiB.toFixed(0)} MiB${p.firstError ? `; first error: ${p.firstError}` : ''}`);
    const [baseline, mix] = phases;
    const date = new Date().toISOString().slice(0, 10);
    const rows = phases.map((p) => `| ${p.name} | ${p.clients} | ${p.seconds} s | ${p.requests} | ${p.errors} | ${p.shed} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.peakMiB.toFixed(0)} |`);
    appendFileSync(
      'bench/RESULTS.md',
      [
        '',
        `## Load — ${date}`,
        '',
        `Machine: ${cpu} cores; the service (compiled, NODE_ENV=production, MAX_CONCURRENT_REQUESTS ${loadConfig({}).http.maxConcurrent}) and a local Neo4j 5.26 (heap 1g, page cache 512m) on the same machine as autocannon, over loopback. Mix, in equal shares: ${MIX.map(([n]) => n).join(', ')}. Errors are non-2xx answers other than shedding, GraphQL \`errors\`, and timeouts; shed = 503 naming MAX_CONCURRENT_REQUESTS. Memory is the service process's resident set (Neo4j not included); idle before the run: ${idle.toFixed(0)} MiB.`,
        `Reproduce: \`npm run bench:load -- --clients ${clients} --duration ${duration} --overload ${overload} --overload-duration ${overloadDuration}\``,
        '',
        '| phase | clients | duration | requests | errors | shed (503) | p50 ms | p95 ms | p99 ms | peak memory MiB |',
        '|---|---|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `Median latency of the mix is ${(mix!.p50 / Math.max(baseline!.p50, 1)).toFixed(1)}× the health baseline's at ${clients} clients (${mix!.p50} ms vs ${baseline!.p50} ms).`,
        '',
      ].join('\n'),
    );
    log('results appended to bench/RESULTS.md');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await neo.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`[load] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
