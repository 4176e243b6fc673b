import type { Driver } from 'neo4j-driver';
import { superviseLocalNeo4j, type SupervisedNeo4j } from '../../neo4j/supervisor.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { isSeeded, loadSeeds } from './modules/seeds/load.js';
import { backoffDelay, DatabaseAvailability, firstLine, sleep } from './neo4j/availability.js';
import { createDriver, explainConnectError, isUnreachable, verifyConnection, type DriverOptions } from './neo4j/driver.js';
import { Executor } from './neo4j/executor.js';
import type { CypherStatement } from './neo4j/registry.js';
import { applySchema } from './neo4j/schema.js';

/** Reconnection attempts to an external database: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
const RECONNECT = { initialMs: 1000, maxMs: 10_000 };

export interface Database {
  executor: Executor;
  /** Stops reconnecting, closes the driver, then stops the local Neo4j (when we started it). */
  close(): Promise<void>;
}

/**
 * Opens the database the service runs on, failing start-up with one clear line when it cannot work at all:
 * - unset NEO4J_URI: starts the local Neo4j under supervision (restarted with back-off when it exits);
 * - NEO4J_URI: an unreachable database does not stop start-up: the service starts, /readyz says it is
 *   connecting, and the schema (and seed data) are applied as soon as it answers. A wrong password, an
 *   unknown database or a malformed URI still stop start-up.
 * Once connected, the schema is applied and, with SEED_ON_START, the seed data loaded into an empty database.
 */
export async function openDatabase(deps: { config: Config; logger: Logger; registry: Map<string, CypherStatement>; signal?: AbortSignal }): Promise<Database> {
  const { config, logger, registry } = deps;
  const availability = new DatabaseAvailability('connecting', logger);
  const background = new AbortController();
  let local: SupervisedNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    const executorRef: { current?: Executor } = {};
    if (!config.neo4j.uri) {
      local = await superviseLocalNeo4j({
        launch: { ...config.neo4j.local, password: config.neo4j.password, progress: (line) => logger.info(line), signal: deps.signal },
        logger,
        availability,
        // A restarted Neo4j keeps its data: check the connection and the schema (IF NOT EXISTS), load nothing.
        afterRestart: async () => {
          await verifyConnection(driver!, config.neo4j.database);
          await applySchema(executorRef.current!);
        },
      });
    }
    const opts: DriverOptions = {
      uri: config.neo4j.uri ?? local!.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
      timeouts: config.neo4j.timeouts,
    };
    try {
      driver = createDriver(opts);
    } catch (err) {
      throw explainConnectError(err, opts); // a URI the driver cannot parse
    }
    const executor = new Executor(driver, registry, { database: opts.database, timeoutMs: config.neo4j.queryTimeoutMs, availability, retryMs: config.neo4j.timeouts.maxRetryMs });
    executorRef.current = executor;
    const prepare = () => prepareDatabase({ executor, availability, config, logger });

    const reached = await verifyConnection(driver, opts.database).then(
      () => true,
      (err: unknown) => {
        // Only an external database may be away at start-up; the local one has just said it is ready.
        if (local || !isUnreachable(err)) throw explainConnectError(err, opts);
        availability.set('connecting', { attempts: 1, lastError: firstLine(err) });
        logger.warn(
          { uri: opts.uri },
          `${explainConnectError(err, opts).message} Starting anyway: /readyz answers 503 and requests answer UNAVAILABLE until it answers; retrying with back-off.`,
        );
        return false;
      },
    );
    if (reached) {
      logger.info({ uri: opts.uri }, 'connected to Neo4j');
      await prepare();
    } else {
      void connectInBackground({ driver, opts, availability, logger, prepare, signal: background.signal });
    }
    const d = driver;
    const l = local;
    return {
      executor,
      close: async () => {
        background.abort();
        await d.close();
        await l?.stop();
      },
    };
  } catch (err) {
    background.abort();
    await driver?.close().catch(() => undefined);
    await local?.stop();
    throw err;
  }
}

/** Applies the schema and, with SEED_ON_START, loads the seed data into an empty database; then it is up. */
async function prepareDatabase({ executor, availability, config, logger }: { executor: Executor; availability: DatabaseAvailability; config: Config; logger: Logger }): Promise<void> {
  availability.set('preparing');
  await applySchema(executor);
  if (config.seedOnStart) {
    if (await isSeeded(executor)) logger.info('database already holds the seed data; not loading it again');
    else await loadSeeds(executor, { progress: (line) => logger.info(line) });
  }
  availability.set('up');
}

/** Keeps trying an external database that was away at start-up, then prepares it; stops when `signal` aborts. */
async function connectInBackground(deps: {
  driver: Driver;
  opts: DriverOptions;
  availability: DatabaseAvailability;
  logger: Logger;
  prepare: () => Promise<void>;
  signal: AbortSignal;
}): Promise<void> {
  const { driver, opts, availability, logger, signal } = deps;
  for (let attempt = 2; ; attempt++) {
    const delayMs = backoffDelay(attempt - 1, RECONNECT);
    if (!(await sleep(delayMs, signal))) return;
    try {
      await verifyConnection(driver, opts.database);
    } catch (err) {
      if (signal.aborted) return;
      availability.set('connecting', { attempts: attempt, lastError: firstLine(err) });
      const why = isUnreachable(err) ? `still cannot reach Neo4j at ${opts.uri} (${firstLine(err)})` : explainConnectError(err, opts).message;
      logger.warn({ uri: opts.uri, attempt }, `${why}; next attempt in ${backoffDelay(attempt, RECONNECT) / 1000} s`);
      continue;
    }
    try {
      logger.info({ uri: opts.uri, attempt }, 'connected to Neo4j; applying the schema');
      await deps.prepare();
      logger.info({ uri: opts.uri }, 'the database is ready');
      return;
    } catch (err) {
      if (signal.aborted) return;
      availability.set('connecting', { attempts: attempt, lastError: firstLine(err) });
      logger.error({ uri: opts.uri, attempt, err: firstLine(err) }, 'preparing the database failed; trying again');
    }
  }
}
