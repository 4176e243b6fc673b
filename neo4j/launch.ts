/**
 * The local Neo4j: Neo4j Community 5.26 LTS, embedded in a small Java launcher (neo4j/src/main/java) that
 * opens Bolt on 127.0.0.1. Maven fetches Neo4j from Maven Central the first time (progress is shown);
 * the data lives under NEO4J_DATA_DIR (default .data/neo4j). Used by `npm start` when NEO4J_URI is unset,
 * and by the test harness.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { StartupError } from '../server/src/errors.js';
import { fromRoot } from '../server/src/paths.js';

const here = fromRoot('neo4j');
const targetDir = path.join(here, 'target');
const launcherJar = path.join(targetDir, 'neo4j-launcher.jar');
const libDir = path.join(targetDir, 'lib');

export interface LocalNeo4jOptions {
  /** Bolt port to listen on (127.0.0.1 only). */
  boltPort: number;
  /** Folder holding the store; created when missing. */
  dataDir: string;
  /** Password of the `neo4j` user; set when the store is first created. */
  password: string;
  /** JVM heap ceiling in bytes (-Xmx). */
  heapBytes: number;
  /** Page cache size in bytes. */
  pageCacheBytes: number;
  /** How long to wait for Bolt to accept connections. */
  startTimeoutMs: number;
  /** Where progress lines go (one line each). */
  progress: (line: string) => void;
  /** Aborting it while Neo4j starts stops the JVM and rejects with a StartupError. */
  signal?: AbortSignal;
}

/** How the JVM ended: its exit code, or the signal that killed it. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LocalNeo4j {
  uri: string;
  /** Process id of the JVM. */
  pid: number;
  /** Settles when the JVM exits, for whatever reason (stop(), a crash, kill -9). */
  exited: Promise<Neo4jExit>;
  /** The JVM's last lines on stderr (a crash's reason, an OutOfMemoryError). */
  recentOutput(): string;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after 30 s); resolves when it has exited. */
  stop(): Promise<void>;
}

/** True when nothing listens on host:port. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function toolVersion(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}\n${r.stderr}`;
}

/** Checks for Java 17+ (and Maven when the launcher must be built), with one clear line when missing. */
export function checkJava(): void {
  const out = toolVersion('java', ['-version']);
  if (!out) throw new StartupError('Java was not found on PATH: install a JDK 17 or newer (e.g. `apt-get install openjdk-17-jdk-headless`), or set NEO4J_URI to use an existing Neo4j.');
  const m = /version "(\d+)/.exec(out);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) throw new StartupError(`Java ${major || '(unknown version)'} found, but Neo4j 5.26 needs Java 17 or newer: install a newer JDK or set NEO4J_URI.`);
}

export function launcherBuilt(): boolean {
  return existsSync(launcherJar) && existsSync(libDir) && readdirSync(libDir).some((f) => f.startsWith('neo4j-bolt-'));
}

/** Fetches Neo4j from Maven Central and builds the launcher, streaming Maven's progress. */
export async function buildLauncher(progress: (line: string) => void): Promise<void> {
  if (!toolVersion('mvn', ['-v'])) {
    throw new StartupError('Maven (mvn) was not found on PATH: install it (e.g. `apt-get install maven`) so the local Neo4j can be fetched from Maven Central, or set NEO4J_URI to use an existing Neo4j.');
  }
  progress('Fetching Neo4j Community 5.26 from Maven Central (first run only, about 120 MB)…');
  const child = spawn('mvn', ['-B', '-Dmaven.artifact.threads=16', '-f', path.join(here, 'pom.xml'), 'package'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let downloaded = 0;
  const tail: string[] = [];
  const rl = readline.createInterface({ input: child.stdout });
  rl.on('line', (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (line.includes('Downloaded from')) {
      downloaded += 1;
      if (downloaded % 25 === 0) progress(`  … ${downloaded} artifacts downloaded`);
    }
  });
  child.stderr.on('data', (d: Buffer) => tail.push(d.toString()));
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0 || !launcherBuilt()) {
    throw new StartupError(`Building the local Neo4j with Maven failed (exit ${code}). Check that Maven Central is reachable; last output:\n${tail.join('\n')}`);
  }
  progress(`Neo4j fetched (${downloaded} artifacts downloaded).`);
}

/** Starts the local Neo4j and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  checkJava();
  if (!launcherBuilt()) await buildLauncher(opts.progress);
  if (!(await isPortFree(opts.boltPort))) {
    throw new StartupError(`Bolt port ${opts.boltPort} is already in use: stop what listens there (another Neo4j?) or set NEO4J_BOLT_PORT to a free port.`);
  }
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  opts.progress(`Starting Neo4j on bolt://127.0.0.1:${opts.boltPort} (data in ${dataDir})…`);
  const heapMb = Math.max(128, Math.floor(opts.heapBytes / 1024 ** 2));
  const child = spawn(
    'java',
    [`-Xmx${heapMb}m`, '-XX:+UseG1GC', '-cp', `${launcherJar}${path.delimiter}${path.join(libDir, '*')}`, 'clustergraph.Launcher'],
    {
      // stdin stays open as a pipe: the launcher exits when it closes, so the JVM never outlives us.
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches only the service, which then stops Neo4j itself,
      // so the supervisor never mistakes a Ctrl-C for a crash.
      detached: true,
      env: {
        ...process.env,
        NEO4J_HOME: dataDir,
        NEO4J_BOLT_PORT: String(opts.boltPort),
        NEO4J_PASSWORD: opts.password,
        NEO4J_PAGECACHE: String(opts.pageCacheBytes),
      },
    },
  );
  const ended = new Promise<Neo4jExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const exited = ended.then(({ code, signal }) => code ?? (signal ? 128 : 1));
  const stderrTail: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    stderrTail.push(d.toString());
    if (stderrTail.length > 20) stderrTail.shift();
  });

  const ready = await waitForReady(child, exited, opts.startTimeoutMs, opts.signal);
  if (ready !== true) {
    await stopChild(child, exited);
    if (opts.signal?.aborted) throw new StartupError('The local Neo4j was stopped while it started.');
    throw new StartupError(explainLaunchFailure(ready, opts.boltPort, dataDir, stderrTail.join('')));
  }
  opts.progress('Neo4j is ready.');
  return {
    uri: `bolt://127.0.0.1:${opts.boltPort}`,
    pid: child.pid!,
    exited: ended,
    recentOutput: () => stderrTail.join('').slice(-2000),
    stop: () => stopChild(child, exited),
  };
}

function waitForReady(child: ChildProcess, exited: Promise<number>, timeoutMs: number, signal?: AbortSignal): Promise<true | string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`timed out after ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => {
      clearTimeout(timer);
      resolve('stopped while starting');
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const rl = readline.createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith('READY')) {
        clearTimeout(timer);
        resolve(true);
      } else if (line.startsWith('ERROR ')) {
        clearTimeout(timer);
        resolve(line.slice(6));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      resolve(`the JVM exited with code ${code}`);
    });
  });
}

function explainLaunchFailure(reason: string, port: number, dataDir: string, stderr: string): string {
  if (/address already in use|BindException/i.test(reason + stderr)) {
    return `Bolt port ${port} is already in use: stop what listens there or set NEO4J_BOLT_PORT to a free port.`;
  }
  if (/lock/i.test(reason) && /store|database|file/i.test(reason)) {
    return `The Neo4j store in ${dataDir} is locked by another process: stop the other instance, or set NEO4J_DATA_DIR to another folder.`;
  }
  if (/OutOfMemory|heap/i.test(reason + stderr)) {
    return `Neo4j ran out of memory while starting: raise NEO4J_HEAP (now limited) or lower NEO4J_PAGECACHE. (${reason})`;
  }
  return `The local Neo4j did not start: ${reason}. See ${path.join(dataDir, 'logs')} for Neo4j's own log.${stderr ? `\n${stderr.slice(-2000)}` : ''}`;
}

async function stopChild(child: ChildProcess, exited: Promise<number>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}
