import type { Server, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { isPortFree } from '../../neo4j/launch.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './database.js';
import { StartupError } from './errors.js';
import { buildSchema } from './graphql/schema.js';
import type { Logger } from './logger.js';
import { declaredStatements } from './modules/index.js';
import type { Executor } from './neo4j/executor.js';
import { checkStatements, loadCypherRegistry } from './neo4j/registry.js';

export interface Service {
  url: string;
  executor: Executor;
  /**
   * Drains and stops: no new connections, requests in flight finish (at most SHUTDOWN_GRACE_MS), then the
   * driver and (when we started it) the local Neo4j are closed.
   */
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` needs, in order, failing fast with one clear line: the HTTP port, the
 * Cypher registry, the database (see openDatabase: the local Neo4j under supervision, or NEO4J_URI, which may
 * still be coming up), then GraphQL and the viewer. Aborting `signal` while it starts stops what it started.
 */
export async function startService(config: Config, logger: Logger, opts: { signal?: AbortSignal } = {}): Promise<Service> {
  if (config.port !== 0 && !(await isPortFree(config.port, config.host))) {
    throw new StartupError(`HTTP port ${config.port} is already in use on ${config.host}: stop what listens there or set PORT to a free port.`);
  }
  const registry = loadCypherRegistry();
  checkStatements(registry, declaredStatements);
  const database = await openDatabase({ config, logger, registry, signal: opts.signal });
  try {
    const app = createApp({ config, executor: database.executor, schema: buildSchema(), logger });
    const server = await listen(app, config);
    const requests = trackRequests(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    logger.info(`GraphQL at ${url}/graphql — viewer at ${url}/`);
    let stopped: Promise<void> | undefined;
    const stop = async () => {
      server.close();
      server.closeIdleConnections();
      if (requests.active > 0) {
        logger.info({ inFlight: requests.active }, `stopping: waiting up to ${config.shutdownGraceMs / 1000} s for ${requests.active} request(s) in flight`);
      }
      if (!(await requests.drain(config.shutdownGraceMs))) {
        logger.warn({ inFlight: requests.active }, `stopping: ${requests.active} request(s) still running after SHUTDOWN_GRACE_MS; closing them`);
      }
      server.closeAllConnections();
      await database.close();
    };
    return { url, executor: database.executor, stop: () => (stopped ??= stop()) };
  } catch (err) {
    await database.close();
    throw err;
  }
}

function listen(app: Express, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => {
      // Long analyses are bounded by MAX_ANALYSIS_NODES and QUERY_TIMEOUT_MS, not by Node's 300 s request limit.
      s.requestTimeout = 0;
      resolve(s);
    });
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new StartupError(`HTTP port ${config.port} is already in use: set PORT to a free port.`) : err),
    );
  });
}

/**
 * Counts the requests in flight, so that a shutdown can wait for them; once draining, responses ask the
 * client to close the connection rather than send another request on it.
 */
function trackRequests(server: Server) {
  const active = new Set<ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;
  server.prependListener('request', (_req, res: ServerResponse) => {
    active.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      active.delete(res);
      if (active.size === 0) onIdle?.();
    });
  });
  return {
    get active() {
      return active.size;
    },
    /** Resolves true once no request is in flight, false when `graceMs` ran out first. */
    drain(graceMs: number): Promise<boolean> {
      draining = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      if (active.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), graceMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
