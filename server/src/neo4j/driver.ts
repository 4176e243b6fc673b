import neo4j, { type Driver } from 'neo4j-driver';
import { StartupError } from '../errors.js';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long the driver waits on the database; defaults below (the service passes its configuration). */
  timeouts?: DriverTimeouts;
}

/**
 * How long the driver waits before it says the database is unavailable. The driver's own defaults (30 s to
 * connect, 60 s to get a connection, managed transactions retried for 30 s) made one request hang close to a
 * minute while the database was down; these make it answer UNAVAILABLE in about 1 s (connections refused:
 * one retry after the driver's 1 s pause), 2 s (a host that does not answer) and never past 4.7 s (a first
 * failure inside the retry time, the pause, then a retry bounded by the acquisition timeout).
 */
export interface DriverTimeouts {
  /**
   * NEO4J_CONNECTION_TIMEOUT_MS: opening one Bolt connection (TCP, TLS, handshake). A healthy Neo4j accepts
   * one in milliseconds (tens across a region), so 2 s separates a slow database from a missing one.
   */
  connectionMs: number;
  /**
   * NEO4J_ACQUISITION_TIMEOUT_MS: getting a connection for a transaction, from the pool or newly opened.
   * Above the connection timeout so that a new connection has its full time; it also bounds the wait when
   * all pooled connections are busy.
   */
  acquisitionMs: number;
  /**
   * NEO4J_MAX_RETRY_TIME_MS: how long a managed transaction keeps retrying transient failures (a deadlock,
   * a connection the server closed). The driver waits about 1 s before its first retry, so 500 ms means
   * one retry, not the default 30 s of retries.
   */
  maxRetryMs: number;
}

export const DEFAULT_TIMEOUTS: DriverTimeouts = { connectionMs: 2000, acquisitionMs: 3000, maxRetryMs: 500 };

/** A driver with the settings above; it connects lazily and reconnects by itself after a database restart. */
export function createDriver(opts: DriverOptions): Driver {
  const t = opts.timeouts ?? DEFAULT_TIMEOUTS;
  return neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionTimeout: t.connectionMs,
    connectionAcquisitionTimeout: t.acquisitionMs,
    maxTransactionRetryTime: t.maxRetryMs,
  });
}

/** Proves the server answers a query with these credentials; throws the driver's error otherwise. */
export async function verifyConnection(driver: Driver, database: string): Promise<void> {
  const ok = await driver.verifyAuthentication({ database });
  if (!ok) throw Object.assign(new Error('unauthorized'), { code: 'Neo.ClientError.Security.Unauthorized' });
  await driver.executeQuery('RETURN 1', {}, { database });
}

/**
 * Opens the driver and proves the server answers with these credentials. Each way this can fail becomes
 * one line that says what is wrong and how to fix it.
 */
export async function connect(opts: DriverOptions): Promise<Driver> {
  const driver = createDriver(opts);
  try {
    await verifyConnection(driver, opts.database);
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw explainConnectError(err, opts);
  }
  return driver;
}

/** True when the database could not be reached at all (down, refusing, unknown host), not when it refused us. */
export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const msg = e.message ?? String(err);
  if (isRejection(code, msg)) return false;
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery|Failed to connect|Failed to establish connection|acquisition timed out|connection/i.test(msg);
}

function isRejection(code: string, msg: string): boolean {
  return code.includes('Unauthorized') || code.includes('AuthenticationRateLimit') || /authentication|unauthorized|credentials/i.test(msg) || code.includes('DatabaseNotFound') || /database does not exist/i.test(msg);
}

export function explainConnectError(err: unknown, opts: DriverOptions): StartupError {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const msg = e.message ?? String(err);
  if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit') || /authentication|unauthorized|credentials/i.test(msg)) {
    return new StartupError(
      `Neo4j at ${opts.uri} rejected the password for user "${opts.user}": set NEO4J_PASSWORD (and NEO4J_USER) to that database's credentials. The local database keeps the password it was created with; to start over, stop the service and delete its NEO4J_DATA_DIR.`,
      err,
    );
  }
  if (code.includes('DatabaseNotFound') || /database does not exist/i.test(msg)) {
    return new StartupError(`Neo4j at ${opts.uri} has no database "${opts.database}": set NEO4J_DATABASE to an existing database (Community Edition has only "neo4j").`, err);
  }
  if (isUnreachable(err)) {
    return new StartupError(`Cannot reach Neo4j at ${opts.uri} (${msg.split('\n')[0]}): check that the server runs and NEO4J_URI is right, or unset NEO4J_URI to use the local Neo4j.`, err);
  }
  return new StartupError(`Connecting to Neo4j at ${opts.uri} failed: ${msg}`, err);
}
