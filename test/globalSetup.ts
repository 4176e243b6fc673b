import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { loadSeeds } from '../server/src/modules/seeds/load.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

/**
 * Starts the test Neo4j once per run: NEO4J_URI when set, otherwise the local one on NEO4J_TEST_BOLT_PORT
 * (default 7690) with its own data folder (.data/neo4j-test-<port>). The database is wiped, the schema applied
 * and the seed dataset loaded, so every run starts from the same state. Isolation between test files:
 * tests that write use ids containing `test-` and delete what they wrote (test/helpers/db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The integration and browser projects both name this setup; Vitest runs it once per project in the same
  // process, so the first call starts the database and the others share it (counted, stopped by the last).
  const shared = globalThis as { __clustergraphNeo4j?: { ready: Promise<{ uri: string; password: string; stop: () => Promise<void> }>; users: number } };
  if (!shared.__clustergraphNeo4j) shared.__clustergraphNeo4j = { ready: startTestDatabase(), users: 0 };
  const db = shared.__clustergraphNeo4j;
  db.users += 1;
  const { uri, password } = await db.ready;
  project.provide('neo4jUri', uri);
  project.provide('neo4jPassword', password);
  return async () => {
    db.users -= 1;
    if (db.users === 0) {
      delete shared.__clustergraphNeo4j;
      await (await db.ready).stop();
    }
  };
}

async function startTestDatabase(): Promise<{ uri: string; password: string; stop: () => Promise<void> }> {
  const port = process.env.NEO4J_TEST_BOLT_PORT ?? '7690';
  const base = loadConfig({ ...process.env, NEO4J_BOLT_PORT: port, NEO4J_DATA_DIR: `.data/neo4j-test-${port}` });
  let local: LocalNeo4j | undefined;
  let uri = base.neo4j.uri;
  if (!uri) {
    local = await startLocalNeo4j({ ...base.neo4j.local, password: base.neo4j.password, progress: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
    uri = local.uri;
  }
  const driver = await connect({ uri, user: base.neo4j.user, password: base.neo4j.password, database: base.neo4j.database });
  const executor = new Executor(driver, loadCypherRegistry(), { database: base.neo4j.database, timeoutMs: 120_000 });
  await executor.runText('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  await applySchema(executor);
  await loadSeeds(executor, { progress: (l) => process.stderr.write(`[seeds] ${l}\n`) });
  await driver.close();
  return { uri, password: base.neo4j.password, stop: async () => void (await local?.stop()) };
}
