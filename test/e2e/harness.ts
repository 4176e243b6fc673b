/**
 * Shared by the process tests of test/e2e: the service run as `npm start` runs it (a separate Node process
 * on `server/src/main.ts`), the local Neo4j JVMs a test owns, and what a test reads back from a database
 * (a fingerprint, the transactions in flight). Every helper is bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j/launch.js';

export const root = path.resolve(import.meta.dirname, '../..');
/** The password every test-owned Neo4j is created with (the service's default). */
export const password = 'clustergraph-dev';

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

export async function waitFor(pred: () => boolean | Promise<boolean>, ms: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  logs(): LogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `server/src/main.ts` in its own process with JSON logs on a free HTTP port. */
export async function spawnService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', NEO4J_URI: '', PORT: String(port), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const logs = () =>
    out.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, logs, exited };
}

/** Waits until the service listens (its "GraphQL at" line), failing early with its output if it exits. */
export async function serviceListening(s: ServiceProcess, ms: number): Promise<void> {
  let gone = false;
  void s.exited.then(() => (gone = true));
  await waitFor(() => gone || s.output().includes('GraphQL at'), ms, 'the service to listen');
  if (gone) throw new Error(`the service exited while starting:\n${s.output()}`);
}

/** Stops a service process if it still runs (SIGKILL: for clean-up only). */
export function killService(s: ServiceProcess | undefined): void {
  if (s && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
}

export interface Timed<T> {
  status: number;
  body: T;
  ms: number;
}

export async function getJson<T = Record<string, unknown>>(url: string): Promise<Timed<T>> {
  const t0 = Date.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as T, ms: Date.now() - t0 };
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Timed<GqlBody>> {
  const t0 = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json()) as GqlBody, ms: Date.now() - t0 };
}

/** Java processes whose environment names this data folder: the local Neo4j of that folder. */
export function jvmsUsing(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`NEO4J_HOME=${dataDir}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A Neo4j of the test's own, on its port and data folder, with little memory. */
export function startTestNeo4j(boltPort: number, dataDir: string): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    boltPort,
    dataDir,
    password,
    heapBytes: 512 * 1024 ** 2,
    pageCacheBytes: 128 * 1024 ** 2,
    startTimeoutMs: 150_000,
    progress: (l) => process.stderr.write(`[neo4j ${boltPort}] ${l}\n`),
  });
}

/**
 * What a database holds, in numbers: nodes by label and relationships by type. Two equal fingerprints
 * taken before and after an interrupted write show that nothing of it was committed. The service's own
 * bookkeeping is left out: the graph version counter (bumped after raw writes, so a killed load may bump it
 * without writing anything, which only empties the analysis cache) and analysis jobs.
 */
export async function fingerprint(driver: Driver): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const labels = await driver.executeQuery('MATCH (n) WHERE NOT n:GraphVersion AND NOT n:AnalysisJob UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  const types = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return {
    labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, Number(r.get('n'))])),
    types: Object.fromEntries(types.records.map((r) => [r.get('type') as string, Number(r.get('n'))])),
  };
}

export interface RunningTransaction {
  id: string;
  operation: string;
  query: string;
  status: string;
}

/** The service's transactions running now (its metadata names the operation: createEntity, seeds.load …). */
// The service tags its transactions app: 'clustergraph', the kg command line 'clustergraph-cli'.
export async function transactionsOf(driver: Driver, operation: string): Promise<RunningTransaction[]> {
  const res = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery, status
     WHERE metaData.app STARTS WITH 'clustergraph' AND metaData.operation = $operation
     RETURN transactionId AS id, metaData.operation AS operation, currentQuery AS query, status`,
    { operation },
  );
  return res.records.map((r) => ({ id: r.get('id') as string, operation: r.get('operation') as string, query: (r.get('query') as string) ?? '', status: r.get('status') as string }));
}

/**
 * Runs one write in a transaction left open, so that its locks stay held: another write that needs them
 * waits (in flight, visible in SHOW TRANSACTIONS) until `release()` rolls this one back.
 */
export async function holdOpenWrite(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<{ release(): Promise<void> }> {
  const session = driver.session();
  const tx = await session.beginTransaction();
  try {
    const res = await tx.run(`${cypher} RETURN count(*) AS n`, params);
    if (Number(res.records[0]?.get('n')) !== 1) throw new Error(`the write to hold matched nothing: ${cypher}`);
  } catch (err) {
    await session.close();
    throw err;
  }
  return {
    release: async () => {
      await tx.rollback().catch(() => undefined);
      await session.close();
    },
  };
}
