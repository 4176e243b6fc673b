/**
 * Supervision of the local Neo4j that `npm start` runs: when the JVM exits without being asked to (a crash,
 * kill -9, the OOM killer) the loss is logged at once, the database is marked `restarting` (requests answer
 * UNAVAILABLE at once, /readyz 503), and the JVM is started again on the same port and data folder with
 * exponential back-off. Nothing destructive is re-applied: Neo4j recovers its store from the transaction log,
 * and `afterRestart` only re-checks the connection and the schema (IF NOT EXISTS).
 */
import { StartupError } from '../server/src/errors.js';
import type { Logger } from '../server/src/logger.js';
import { backoffDelay, firstLine, type DatabaseAvailability } from '../server/src/neo4j/availability.js';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions, type Neo4jExit } from './launch.js';

export interface SupervisorOptions {
  /** How to start the local Neo4j (its port, data folder, memory …), as for `startLocalNeo4j`. */
  launch: LocalNeo4jOptions;
  /** Where the loss, each restart attempt and the recovery are logged. */
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Set to `restarting` while the JVM is away, `preparing` during `afterRestart`, `up` after it. */
  availability: DatabaseAvailability;
  /** Runs once a restarted Neo4j accepts Bolt (reconnect, schema check); a failure counts as a failed attempt. */
  afterRestart: () => Promise<void>;
  /** Delay before attempt n: `initialMs`·2ⁿ⁻¹, at most `maxMs` (default 1 s … 30 s). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** A crash after this long up counts as a first crash again (the back-off starts over); default 60 s. */
  stableMs?: number;
  /** Starts a Neo4j; `startLocalNeo4j` unless a test passes a stand-in. */
  start?: (opts: LocalNeo4jOptions) => Promise<LocalNeo4j>;
}

export interface SupervisedNeo4j {
  uri: string;
  /** Process id of the JVM running now. */
  pid(): number;
  /** Stops supervising (no restart from here on), then stops the JVM, or the start in progress. */
  stop(): Promise<void>;
}

/** Starts the local Neo4j (start-up failures throw as from `startLocalNeo4j`) and keeps it running. */
export async function superviseLocalNeo4j(opts: SupervisorOptions): Promise<SupervisedNeo4j> {
  const { logger, availability } = opts;
  const start = opts.start ?? startLocalNeo4j;
  const stableMs = opts.stableMs ?? 60_000;
  let current = await start(opts.launch);
  const uri = current.uri;
  let stopping = false;
  let failures = 0;
  let upSince = Date.now();
  let downSince = 0;
  let timer: NodeJS.Timeout | undefined;
  let restart: Promise<void> | undefined;
  const abort = new AbortController();

  const watch = (neo4j: LocalNeo4j) => {
    void neo4j.exited.then((exit) => {
      if (stopping || neo4j !== current) return;
      if (Date.now() - upSince >= stableMs) failures = 0;
      downSince = Date.now();
      logger.error(
        { jvmPid: neo4j.pid, exitCode: exit.code, signal: exit.signal, output: neo4j.recentOutput() || undefined },
        `the local Neo4j exited unexpectedly (${describeExit(exit)}); restarting it`,
      );
      schedule(describeExit(exit));
    });
  };

  const schedule = (lastError: string) => {
    failures += 1;
    const delayMs = backoffDelay(failures, opts.backoff);
    availability.set('restarting', { attempts: failures, lastError });
    logger.warn({ attempt: failures, delayMs }, `restarting the local Neo4j in ${delayMs / 1000} s (attempt ${failures})`);
    timer = setTimeout(() => {
      restart = attempt(failures).finally(() => (restart = undefined));
    }, delayMs);
  };

  const attempt = async (n: number) => {
    let started: LocalNeo4j | undefined;
    try {
      started = await start({ ...opts.launch, signal: abort.signal });
      if (stopping) return void (await started.stop());
      current = started;
      availability.set('preparing', { attempts: n });
      await opts.afterRestart();
      if (stopping) return;
      upSince = Date.now();
      availability.set('up');
      watch(started);
      const downMs = Date.now() - downSince;
      logger.info({ attempt: n, downMs, jvmPid: started.pid }, `the local Neo4j is back after ${(downMs / 1000).toFixed(1)} s (attempt ${n})`);
    } catch (err) {
      if (stopping) return;
      await started?.stop();
      logger.error({ attempt: n, err: firstLine(err) }, `restart attempt ${n} of the local Neo4j failed: ${firstLine(err)}`);
      schedule(err instanceof StartupError ? err.message : firstLine(err));
    }
  };

  watch(current);
  return {
    uri,
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      abort.abort();
      await restart;
      await current.stop();
    },
  };
}

function describeExit({ code, signal }: Neo4jExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
