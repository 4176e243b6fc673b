/**
 * The database a `kg` command works on, found as `npm run seed:load` always found it: `--uri`, else
 * NEO4J_URI, else the local Neo4j (the one already running on NEO4J_BOLT_PORT, e.g. `npm start`'s, or one
 * started for the command and stopped after it). Commands get the same service dependencies the API's
 * resolvers get, so they call the same services.
 */
import { isPortFree, startLocalNeo4j, type LocalNeo4j } from '../../../neo4j/launch.js';
import { loadConfig, type Config } from '../config.js';
import { StartupError, UnavailableError } from '../errors.js';
import type { ServiceDeps } from '../modules/context.js';
import { connect } from '../neo4j/driver.js';
import { Executor } from '../neo4j/executor.js';
import { checkStatements, loadCypherRegistry } from '../neo4j/registry.js';
import { UsageError } from './command.js';

const BOLT_URI = /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/;

export interface CliDatabase {
  config: Config;
  executor: Executor;
  /** What a service function needs, as a resolver would pass it. */
  deps: ServiceDeps;
  close(): Promise<void>;
}

/** The configuration, with an invalid environment reported as a usage problem (exit 2). */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    throw new UsageError(err instanceof StartupError ? err.message : String(err));
  }
}

export interface DatabaseOptions {
  uri?: string;
  progress: (line: string) => void;
  timeoutMs?: number;
  /** The statements the command runs, checked against the Cypher files before it starts (default: every module's). */
  statements?: Iterable<{ name: string }>;
}

/**
 * Opens the database. Anything that keeps the command from reaching it — nothing listening, the local Neo4j
 * failing to start, credentials refused — is an UnavailableError (exit 3) saying what and how to fix it.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<CliDatabase> {
  const config = cliConfig();
  if (opts.uri !== undefined && !BOLT_URI.test(opts.uri)) throw new UsageError(`--uri must be a Bolt URI such as bolt://localhost:7687, got "${opts.uri}".`);
  const registry = loadCypherRegistry();
  // Loaded here rather than at the top: every module's resolvers come with modules/index.js, which a command
  // that names its own statements (kg import) need not load.
  checkStatements(registry, opts.statements ?? (await import('../modules/index.js')).declaredStatements);
  const { createLoaders } = await import('../modules/entities/loaders.js');
  let uri = opts.uri ?? config.neo4j.uri;
  let local: LocalNeo4j | undefined;
  try {
    if (!uri) {
      const port = config.neo4j.local.boltPort;
      if (!(await isPortFree(port))) uri = `bolt://127.0.0.1:${port}`;
      else {
        local = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: opts.progress });
        uri = local.uri;
      }
    }
    const driver = await connect({ uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database, timeouts: config.neo4j.timeouts });
    const executor = new Executor(driver, registry, { database: config.neo4j.database, timeoutMs: opts.timeoutMs ?? config.neo4j.queryTimeoutMs, app: 'clustergraph-cli', retryMs: config.neo4j.timeouts.maxRetryMs });
    return {
      config,
      executor,
      deps: { executor, limits: config.limits, loaders: createLoaders(executor) },
      close: async () => {
        await driver.close();
        await local?.stop();
      },
    };
  } catch (err) {
    await local?.stop();
    throw new UnavailableError(err instanceof StartupError ? err.message : `The database is unavailable: ${(err as Error).message}`, err);
  }
}

/** Runs `work` with the database open, and closes it (stopping a local Neo4j started for it) whatever happens. */
export async function withDatabase<T>(opts: DatabaseOptions, work: (db: CliDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(opts);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
