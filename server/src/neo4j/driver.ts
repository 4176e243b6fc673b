import neo4j, { type Driver } from 'neo4j-driver';
import { StartupError } from '../errors.js';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * Opens the driver and proves the server answers with these credentials. Each way this can fail becomes
 * one line that says what is wrong and how to fix it.
 */
export async function connect(opts: DriverOptions): Promise<Driver> {
  const driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    maxConnectionPoolSize: 50,
  });
  try {
    await driver.verifyAuthentication({ database: opts.database }).then((ok) => {
      if (!ok) throw Object.assign(new Error('unauthorized'), { code: 'Neo.ClientError.Security.Unauthorized' });
    });
    await driver.executeQuery('RETURN 1', {}, { database: opts.database });
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw explainConnectError(err, opts);
  }
  return driver;
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
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|Could not perform discovery|Failed to connect|connection/i.test(msg)) {
    return new StartupError(`Cannot reach Neo4j at ${opts.uri} (${msg.split('\n')[0]}): check that the server runs and NEO4J_URI is right, or unset NEO4J_URI to use the local Neo4j.`, err);
  }
  return new StartupError(`Connecting to Neo4j at ${opts.uri} failed: ${msg}`, err);
}
