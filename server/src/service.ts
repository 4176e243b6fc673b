import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { isPortFree, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/launch.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { StartupError } from './errors.js';
import { buildSchema } from './graphql/schema.js';
import type { Logger } from './logger.js';
import { isSeeded, loadSeeds } from './modules/seeds/load.js';
import { connect } from './neo4j/driver.js';
import { Executor } from './neo4j/executor.js';
import { checkStatements, loadCypherRegistry } from './neo4j/registry.js';
import { declaredStatements } from './modules/index.js';
import { applySchema } from './neo4j/schema.js';

export interface Service {
  url: string;
  executor: Executor;
  /** Closes HTTP, the driver and (when we started it) the local Neo4j. */
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` needs, in order, failing fast with one clear line: the HTTP port, Neo4j
 * (NEO4J_URI or the local one), the Cypher registry, the schema, the seed data when the database is empty,
 * then GraphQL and the viewer.
 */
export async function startService(config: Config, logger: Logger): Promise<Service> {
  if (config.port !== 0 && !(await isPortFree(config.port, config.host))) {
    throw new StartupError(`HTTP port ${config.port} is already in use on ${config.host}: stop what listens there or set PORT to a free port.`);
  }
  const registry = loadCypherRegistry();
  checkStatements(registry, declaredStatements);
  let local: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    let uri = config.neo4j.uri;
    if (!uri) {
      local = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: (line) => logger.info(line) });
      uri = local.uri;
    }
    driver = await connect({ uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
    logger.info({ uri }, 'connected to Neo4j');
    const executor = new Executor(driver, registry, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
    await applySchema(executor);
    if (config.seedOnStart) {
      if (await isSeeded(executor)) logger.info('database already holds the seed data; not loading it again');
      else await loadSeeds(executor, { progress: (line) => logger.info(line) });
    }
    const app = createApp({ config, executor, schema: buildSchema(), logger });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new StartupError(`HTTP port ${config.port} is already in use: set PORT to a free port.`) : err),
      );
    });
    // Long analyses are bounded by MAX_ANALYSIS_NODES and QUERY_TIMEOUT_MS, not by Node's 300 s request limit.
    server.requestTimeout = 0;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    logger.info(`GraphQL at ${url}/graphql — viewer at ${url}/`);
    const d = driver;
    const l = local;
    return {
      url,
      executor,
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await d.close();
        await l?.stop();
      },
    };
  } catch (err) {
    await driver?.close().catch(() => undefined);
    await local?.stop();
    throw err;
  }
}
