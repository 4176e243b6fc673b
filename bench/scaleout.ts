/**
 * Scale-out on loopback (issue 11), outside `npm test`. Usage:
 *
 *   npm run bench:scaleout -- [--clients 32] [--duration 20] [--runs 3] [--warmup 30] [--actors 100000] [--cpu-quota 0.25]
 *
 * The service keeps no state a request depends on (see README, "Scaling out"), so N instances behind a load
 * balancer over one Neo4j answer alike. This shows it with two instances (tsx, NODE_ENV=production, each its
 * own process) behind HAProxy, round-robin (bench/haproxy.cfg; install it with `apt-get install haproxy` —
 * it is what a deployment on Debian would put in front, and its health checks use /readyz):
 *   1. identical answers: the same queries through instance A, instance B and the front (several times, so
 *      both instances answer through it) must give byte-identical JSON;
 *   2. read throughput with autocannon, same mix and clients, in three set-ups measured side by side in
 *      each run (order rotated between runs): one instance directly; one instance behind the front (the
 *      front's own cost); two instances behind the front. Medians over `runs`.
 * During each phase it samples CPU time per process (the instances, Neo4j's JVM, HAProxy, autocannon's own
 * process) and per core (/proc/stat), which says what limits the gain on a small machine.
 * The database: the benchmark Neo4j of bench/queries.ts (Bolt 7694, .data/neo4j-bench-queries); when it holds
 * no benchmark network yet, one of `--actors` actors is written first (bench/network.ts).
 * With --cpu-quota C, each instance gets at most C cores (a Linux cgroup's CPU quota, as a container's CPU
 * limit would give a replica; needs root and a cgroup cpu controller, v1 or v2): on a machine whose cores
 * are shared with Neo4j, that makes the service tier the bottleneck, which is where more replicas help.
 * Appends a dated section to bench/RESULTS.md unless --no-record.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';
import { buyerId, clusterId, deleteNetwork, firmId, networkSize, rng, storedNetwork, writeNetwork } from './network.js';
import { freePort } from './http.js';
import { arg, loadAverage, median, record } from './report.js';

const log = (s: string) => process.stderr.write(`[scaleout] ${s}\n`);

async function waitReady(url: string, what: string): Promise<void> {
  for (let t = Date.now(); !(await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false)); ) {
    if (Date.now() - t > 300_000) throw new Error(`${what} did not become ready within 300 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** CPU seconds (user + system) a process has used so far (/proc/PID/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Busy and total ticks per core (/proc/stat). */
function coreTicks(): { busy: number; total: number }[] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((l) => /^cpu\d+ /.test(l))
    .map((l) => {
      const v = l.split(/\s+/).slice(1).map(Number);
      const idle = v[3]! + v[4]!;
      const total = v.slice(0, 8).reduce((s, x) => s + x, 0);
      return { busy: total - idle, total };
    });
}

/**
 * Caps a process at `cores` CPUs with a cgroup of its own (v2 `cpu.max`, else v1 `cpu.cfs_quota_us`), as a
 * container's CPU limit does; returns a function that removes the group once the process has exited.
 * Hand-written: a few files under /sys/fs/cgroup, which no npm library wraps for both versions.
 */
function capCpu(pid: number, cores: number, name: string): () => void {
  const period = 100_000;
  const quota = Math.round(cores * period);
  const v2 = '/sys/fs/cgroup';
  const v1 = '/sys/fs/cgroup/cpu';
  const v2HasCpu = () => existsSync(path.join(v2, 'cgroup.controllers')) && readFileSync(path.join(v2, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('cpu');
  const tries: [string, () => boolean, () => void][] = [
    [path.join(v2, name), v2HasCpu, () => writeFileSync(path.join(v2, name, 'cpu.max'), `${quota} ${period}`)],
    [path.join(v1, name), () => existsSync(path.join(v1, 'cpu.cfs_quota_us')), () => {
      writeFileSync(path.join(v1, name, 'cpu.cfs_period_us'), String(period));
      writeFileSync(path.join(v1, name, 'cpu.cfs_quota_us'), String(quota));
    }],
  ];
  const problems: string[] = [];
  for (const [dir, available, setQuota] of tries) {
    try {
      if (!available()) throw new Error('no cpu controller here');
      if (!existsSync(dir)) mkdirSync(dir);
      setQuota();
      writeFileSync(path.join(dir, 'cgroup.procs'), String(pid));
      return () => rmdirSync(dir);
    } catch (err) {
      problems.push(`${dir}: ${(err as Error).message}`);
    }
  }
  throw new Error(`--cpu-quota needs a writable cgroup CPU controller (run as root on Linux): ${problems.join('; ')}`);
}

/** The read mix: search, entity, 1- and 2-hop neighbourhoods, a shortest path, a cluster's members, seeded. */
function mix(size: ReturnType<typeof networkSize>, n = 60): string[] {
  const r = rng(77);
  const firm = () => firmId(Math.floor(r() * size.firms));
  const bodies: string[] = [];
  const words = ['Calzados Ferreira', 'Textil Silva', 'Muebles Rossi', 'Vinos Gómez', 'Software Costa', 'Lácteos Santos'];
  for (let i = 0; i < n; i += 1) {
    const q = [
      () => `{ search(text: "${words[i % words.length]}", first: 10) { kind score entity { id name } } }`,
      () => `{ entity(id: "${firm()}") { id name kind links(first: 50) { type other { id name } } } }`,
      () => `{ neighbourhood(ids: ["${firm()}"], hops: 1) { truncated nodes { id name kind } edges { type source target } } }`,
      () => `{ neighbourhood(ids: ["${firm()}"], hops: 2) { truncated nodes { id name kind } edges { type source target } } }`,
      () => `{ paths(from: "${firm()}", to: { ids: ["${buyerId(Math.floor(r() * Math.min(size.buyers, 50)))}"] }, mode: SHORTEST, maxLength: 4) { count paths { length nodes { id } } } }`,
      () => `{ entity(id: "${clusterId(Math.floor(r() * size.clusters))}") { name members { id name } } }`,
    ][i % 6]!();
    bodies.push(JSON.stringify({ query: q }));
  }
  return bodies;
}

interface Phase { setup: string; rps: number; p50: number; p99: number; errors: number; cpu: Record<string, number>; cores: number[] }

async function load(url: string, bodies: string[], clients: number, seconds: number, pids: Record<string, number>, setup: string): Promise<Phase> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const t0 = coreTicks();
  const self0 = process.cpuUsage();
  let errors = 0;
  const onResponse = (status: number, body: string) => {
    if (status !== 200 || body.includes('"errors"')) errors += 1;
  };
  const res = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      { url: `${url}/graphql`, connections: clients, duration: seconds, timeout: 60, requests: bodies.map((body) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body, onResponse })) },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  const t1 = coreTicks();
  const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuSeconds(pid) - before[k]!) / seconds]));
  const self = process.cpuUsage(self0);
  cpu.autocannon = (self.user + self.system) / 1e6 / seconds;
  const cores = t1.map((c, i) => (c.busy - t0[i]!.busy) / Math.max(1, c.total - t0[i]!.total));
  return { setup, rps: res.requests.total / seconds, p50: res.latency.p50, p99: res.latency.p99, errors: errors + res.errors + res.timeouts + res.non2xx, cpu, cores };
}


async function main(): Promise<void> {
  const clients = Number(arg('clients', '32'));
  const seconds = Number(arg('duration', '20'));
  const runs = Number(arg('runs', '3'));
  // Under a CPU cap the service's JIT warms slowly (5 s at 0.15 core is under a second of CPU): throughput
  // rose run after run until the warm-up was made long enough to reach both instances' steady state.
  const warmup = Number(arg('warmup', '30'));
  const quota = arg('cpu-quota', '') ? Number(arg('cpu-quota', '')) : undefined;
  if (quota !== undefined && !(quota > 0 && quota <= 64)) throw new Error(`--cpu-quota must be a number of cores above 0 (e.g. 0.25), got "${arg('cpu-quota', '')}".`);
  const uncap: (() => void)[] = [];
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('HAProxy is not installed: `apt-get install haproxy` (Debian/Ubuntu), then run this again.');
  }
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7694', NEO4J_DATA_DIR: '.data/neo4j-bench-queries', NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '3g', NEO4J_START_TIMEOUT_MS: '600000' });
  const neo = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const children: ChildProcess[] = [];
  const driver = await connect({ uri: neo.uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
  try {
    const executor = new Executor(driver, loadCypherRegistry(), { database: config.neo4j.database, timeoutMs: 3_600_000 });
    await applySchema(executor);
    let actors = await storedNetwork(executor);
    if (actors === null) {
      actors = Number(arg('actors', '100000'));
      log(`no complete benchmark network in the store: writing one of ${actors} actors…`);
      await deleteNetwork(executor);
      await writeNetwork(executor, actors, log);
    }
    const size = networkSize(actors);
    log(`store: the benchmark network of ${actors} actors`);

    const [pa, pb, fBoth, fOne] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const instance = (port: number) => {
      // TRUST_PROXY: behind the front, per-address limits must read X-Forwarded-For (HAProxy's `option forwardfor`).
      const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_PASSWORD: config.neo4j.password, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', RATE_LIMIT_PER_MINUTE: '100000000', SEED_ON_START: 'false', TRUST_PROXY: 'true' };
      const c = spawn(process.execPath, ['dist/server/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      children.push(c);
      if (quota !== undefined) uncap.push(capCpu(c.pid!, quota, `clustergraph-scaleout-${port}`));
      return c;
    };
    // The instances as `npm start` runs them: compiled (dist/).
    log('building the service (npm run build:server)…');
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
    const a = instance(pa);
    const b = instance(pb);
    const dir = mkdtempSync(path.join(tmpdir(), 'scaleout-'));
    const cfg = readFileSync('bench/haproxy.cfg', 'utf8').replaceAll('__FRONT_BOTH__', String(fBoth)).replaceAll('__FRONT_ONE__', String(fOne)).replaceAll('__A__', String(pa)).replaceAll('__B__', String(pb));
    writeFileSync(path.join(dir, 'haproxy.cfg'), cfg);
    const url = (p: number) => `http://127.0.0.1:${p}`;
    await waitReady(url(pa), 'instance A');
    await waitReady(url(pb), 'instance B');
    const front = spawn('haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(front);
    // Both servers must have passed a health check before the front balances over them.
    await new Promise((r) => setTimeout(r, 5000));
    await waitReady(url(fBoth), 'the front');

    // 1. Identical answers: every query of the mix through A, B and the front (twice: round-robin sends
    //    consecutive requests to different instances).
    const bodies = mix(size);
    const post = async (p: number, body: string) => (await fetch(`${url(p)}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
    let compared = 0;
    const differing: string[] = [];
    for (const body of bodies.slice(0, 24)) {
      const answers = [await post(pa, body), await post(pb, body), await post(fBoth, body), await post(fBoth, body)];
      compared += 1;
      if (new Set(answers).size !== 1) differing.push(body.slice(0, 120));
      if (answers[0]!.includes('"errors"')) throw new Error(`query failed: ${answers[0]!.slice(0, 300)}`);
    }
    log(`identical answers: ${compared - differing.length} of ${compared} queries byte-identical through A, B and the front (twice)`);

    // 2. Throughput: warm-up, then runs with the set-ups in rotated order.
    const pids = { 'instance A': a.pid!, 'instance B': b.pid!, neo4j: neo.pid, haproxy: front.pid! };
    await load(url(fBoth), bodies, clients, warmup, pids, 'warm-up');
    const setups: [string, number][] = [['1 instance, direct', pa], ['1 instance behind the front', fOne], ['2 instances behind the front', fBoth]];
    const phases: Phase[] = [];
    for (let run = 0; run < runs; run += 1) {
      for (let i = 0; i < setups.length; i += 1) {
        const [name, port] = setups[(i + run) % setups.length]!;
        const p = await load(url(port), bodies, clients, seconds, pids, name);
        log(`run ${run + 1}, ${name}: ${p.rps.toFixed(0)} req/s, p50 ${p.p50} ms, p99 ${p.p99} ms, ${p.errors} errors; CPU (cores busy) ${Object.entries(p.cpu).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; per core ${p.cores.map((c) => `${Math.round(c * 100)}%`).join(' / ')}`);
        phases.push(p);
      }
    }
    const rows = setups.map(([name]) => {
      const ps = phases.filter((p) => p.setup === name);
      const cpu = (k: string) => median(ps.map((p) => p.cpu[k] ?? 0)).toFixed(2);
      return { name, rps: median(ps.map((p) => p.rps)), p50: median(ps.map((p) => p.p50)), p99: median(ps.map((p) => p.p99)), errors: ps.reduce((s, p) => s + p.errors, 0), line: `${cpu('instance A')} | ${cpu('instance B')} | ${cpu('neo4j')} | ${cpu('haproxy')} | ${cpu('autocannon')} | ${ps[0]!.cores.map((_, i) => `${Math.round(median(ps.map((p) => p.cores[i]!)) * 100)}%`).join(' / ')}` };
    });
    const [direct, oneFront, twoFront] = rows;
    // Each run's own ratio too: the set-ups of one run ran minutes apart at most, so a drift over the whole
    // benchmark (JIT, caches, the machine's other work) weighs on them less than on the ratio of medians.
    const perRun = Array.from({ length: runs }, (_, r) => {
      const rps = (name: string) => phases.filter((p) => p.setup === name)[r]!.rps;
      return rps(setups[2]![0]) / rps(setups[1]![0]);
    });
    const text = [
      '',
      `## Scale-out: two instances behind HAProxy${quota !== undefined ? `, each capped at ${quota} core` : ''} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Two service instances (compiled, \`node dist/server/src/main.js\`, NODE_ENV=production, TRUST_PROXY=true${quota !== undefined ? `, each capped at ${quota} of a core by a cgroup CPU quota as a container limit would cap a replica` : ''}) and HAProxy ${execFileSync('haproxy', ['-v'], { encoding: 'utf8' }).split(' ')[2]} (round-robin, health checks on /readyz, bench/haproxy.cfg) on loopback over one Neo4j 5.26 (heap 3g, page cache 3g) holding the benchmark network of ${actors.toLocaleString('en-US')} actors (bench/network.ts); autocannon in the benchmark's own process. Machine: ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0} cores, shared with other work (load average at the end: ${loadAverage()}).`,
      `Identical answers: ${compared - differing.length} of ${compared} queries of the mix gave byte-identical JSON through instance A, instance B and the front (asked twice through the front, so both instances answered).${differing.length ? ` Differing: ${differing.join('; ')}` : ''}`,
      `Throughput: the same read mix (search, entity with links, 1- and 2-hop neighbourhoods, shortest path, cluster members; 60 seeded requests in turn), ${clients} clients, ${seconds} s per phase, ${runs} runs with the order rotated; medians over runs. CPU columns: cores' worth of CPU each process used during the phase (1.00 = one core busy); per core: share of each core busy (all processes of the machine).`,
      `Reproduce: \`npm run bench:scaleout -- --clients ${clients} --duration ${seconds} --runs ${runs}${quota !== undefined ? ` --cpu-quota ${quota}` : ''}\``,
      '',
      '| set-up | req/s | p50 ms | p99 ms | errors | CPU instance A | CPU instance B | CPU Neo4j | CPU HAProxy | CPU autocannon | per core busy |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.line} |`),
      '',
      `Two instances behind the front give ${(twoFront!.rps / oneFront!.rps).toFixed(2)}× the throughput of one behind the same front and ${(twoFront!.rps / direct!.rps).toFixed(2)}× that of one reached directly; the front alone costs ${(100 * (1 - oneFront!.rps / direct!.rps)).toFixed(0)} % of one instance's throughput. Run by run, two instances against one behind the front: ${perRun.map((x) => `${x.toFixed(2)}×`).join(', ')} (median ${median(perRun).toFixed(2)}×). Warm-up: ${warmup} s through the front before the runs.`,
      '',
    ].join('\n');
    record(text);
  } finally {
    for (const c of children.reverse()) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
    for (const u of uncap) u();
    await driver.close();
    await neo.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[scaleout] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
