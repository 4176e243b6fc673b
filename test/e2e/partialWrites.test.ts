import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isPortFree, type LocalNeo4j } from '../../neo4j/launch.js';
import { connect } from '../../server/src/neo4j/driver.js';
import { Executor } from '../../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../../server/src/neo4j/registry.js';
import { applySchema } from '../../server/src/neo4j/schema.js';
import {
  fingerprint,
  jvmsUsing,
  killService,
  holdOpenWrite,
  password,
  postGraphql,
  root,
  serviceListening,
  spawnService,
  startTestNeo4j,
  transactionsOf,
  waitFor,
  type RunningTransaction,
  type ServiceProcess,
} from './harness.js';

/**
 * Nothing partial: a process killed with SIGKILL in the middle of a write leaves the real Neo4j exactly as it
 * was (same nodes by label, same relationships by type). Each kill happens while the write's transaction is
 * seen running in SHOW TRANSACTIONS with some of its statements already executed, so the test proves the
 * rollback, not a kill that came too early.
 */
const services: ServiceProcess[] = [];
afterAll(() => services.forEach(killService));

describe('kill -9 of the service during a mutation (the suite database)', () => {
  const editor = { authorization: 'Bearer test-editor-token-123' };
  const provenance = { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' };
  const createEntity = 'mutation($input: EntityInput!) { createEntity(input: $input) { id } }';
  let driver: Driver;
  beforeAll(async () => {
    driver = await connect({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword'), database: 'neo4j' });
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function editingService(): Promise<ServiceProcess> {
    const service = await spawnService({
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      SEED_ON_START: 'false',
      EDITOR_TOKEN: 'test-editor-token-123',
      QUERY_TIMEOUT_MS: '120000',
    });
    services.push(service);
    await serviceListening(service, 60_000);
    return service;
  }

  /** Sends the mutation, waits until its transaction is seen in `phase`, then kills the service. */
  async function killDuring(service: ServiceProcess, input: Record<string, unknown>, phase: (t: RunningTransaction) => boolean, what: string) {
    const answer = postGraphql(service.url, createEntity, { input }, editor).then(
      () => 'answered',
      () => 'connection lost',
    );
    await waitFor(async () => (await transactionsOf(driver, 'createEntity')).some(phase), 30_000, what);
    service.child.kill('SIGKILL');
    expect((await service.exited).signal).toBe('SIGKILL');
    expect(await answer).toBe('connection lost');
  }

  const orphansGone = () => waitFor(async () => (await transactionsOf(driver, 'createEntity')).length === 0, 30_000, 'the orphaned transaction to end');
  const countOf = async (cypher: string, id: string) => Number((await driver.executeQuery(cypher, { id })).records[0]!.get('n'));

  it('killed while its write statement runs, before COMMIT: nothing of it remains', async () => {
    // The test creates the same id, uncommitted: the mutation's CREATE then waits on the uniqueness check,
    // inside its transaction, until the test rolls back.
    const id = `firm:test-killed-${randomUUID().slice(0, 8)}`;
    const service = await editingService();
    const before = await fingerprint(driver);
    const held = await holdOpenWrite(driver, "CREATE (n:Entity:Firm {id: $id, name: 'held by the test'})", { id });
    try {
      await killDuring(service, { id, kind: 'FIRM', name: 'Killed mid-statement', provenance }, (t) => t.query.includes('CREATE (n:Entity {id: $id})') && /^Blocked/.test(t.status), 'the mutation to wait inside its statement');
    } finally {
      await held.release();
    }
    await orphansGone();
    expect(await fingerprint(driver)).toEqual(before);
    expect(await countOf('MATCH (n {id: $id}) RETURN count(n) AS n', id)).toBe(0);
    expect(await countOf('MATCH (c:Change {target: $id}) RETURN count(c) AS n', id)).toBe(0);
  }, 120_000);

  it('killed while its COMMIT waits: committed whole (entity, statement, link, both change records) or not at all, never in part', async () => {
    // Neo4j 5 locks a new relationship's nodes at commit: holding a lock on the place makes the mutation
    // wait in "Closing" (committing), every statement run. Whether Neo4j completes a COMMIT whose client has
    // died depends on timing (both were seen); either way the transaction is all or nothing.
    const place = 'place:chipilo';
    const id = `firm:test-killed-${randomUUID().slice(0, 8)}`;
    const service = await editingService();
    const before = await fingerprint(driver);
    const held = await holdOpenWrite(driver, 'MATCH (n:Entity {id: $place}) SET n.heldByTest = true', { place });
    try {
      await killDuring(service, { id, kind: 'FIRM', name: 'Killed mid-commit', locatedIn: place, provenance }, (t) => t.status === 'Closing', 'the mutation to wait in its commit');
    } finally {
      await held.release();
    }
    await orphansGone();
    try {
      const after = await fingerprint(driver);
      const whole = {
        labels: { ...before.labels, Entity: before.labels.Entity! + 1, Firm: before.labels.Firm! + 1, Change: (before.labels.Change ?? 0) + 2 },
        types: { ...before.types, STATED_IN: (before.types.STATED_IN ?? 0) + 1, LOCATED_IN: before.types.LOCATED_IN! + 1 },
      };
      expect([before, whole]).toContainEqual(after);
      process.stderr.write(`[partialWrites] mutation killed during its commit: ${JSON.stringify(after) === JSON.stringify(whole) ? 'committed whole' : 'not committed'}\n`);
    } finally {
      await driver.executeQuery('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
      await driver.executeQuery('MATCH (c:Change {target: $id}) DELETE c', { id });
      await driver.executeQuery("MATCH (c:Change {action: 'createLink'}) WHERE c.summary = $summary DELETE c", { summary: `${id} located in ${place}` });
    }
  }, 120_000);
});

describe('kill -9 during seed loading', () => {
  // A database of this file's own (Bolt 7694, a temporary folder) holding the schema and one entity, but not
  // the seed data, so that an interrupted load would show.
  const port = 7694;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-partial-'));
  const uri = `bolt://127.0.0.1:${port}`;
  let db: LocalNeo4j;
  let driver: Driver;
  let before: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    expect(await isPortFree(port), `Bolt port ${port} must be free for this test`).toBe(true);
    db = await startTestNeo4j(port, dataDir);
    driver = await connect({ uri, user: 'neo4j', password, database: 'neo4j' });
    const executor = new Executor(driver, loadCypherRegistry(), { database: 'neo4j', timeoutMs: 120_000 });
    await applySchema(executor);
    await executor.runText("CREATE (:Entity:Firm {id: 'firm:test-held-before', name: 'Held before', kind: 'FIRM'})");
    before = await fingerprint(driver);
    expect(before.labels).toEqual({ Entity: 1, Firm: 1 });
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
    for (const pid of jvmsUsing(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /**
   * Waits until the load's one transaction is open and running a statement, whichever stage it is in (sources,
   * entities, tables, statements or links: all in that one transaction, uncommitted). On an idle machine the
   * whole load takes a second or two, so this looks every 10 ms rather than waiting for one particular stage.
   */
  async function midLoad(): Promise<RunningTransaction> {
    const t0 = Date.now();
    for (;;) {
      const seen = (await transactionsOf(driver, 'seeds.load')).find((t) => /MERGE|MATCH/.test(t.query));
      if (seen) return seen;
      if (Date.now() - t0 > 90_000) throw new Error('timed out after 90000 ms waiting for the seed load to start writing');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function afterTheKill(): Promise<void> {
    await waitFor(async () => (await transactionsOf(driver, 'seeds.load')).length === 0, 30_000, 'the orphaned load to end');
    expect(await fingerprint(driver)).toEqual(before);
  }

  it('`npm run seed:load` killed with SIGKILL mid-load leaves the database as it was', async () => {
    // npm starts the loader through a shell: the whole process group is killed, as a terminal's kill would.
    const load = spawn('npm', ['run', '--silent', 'seed:load'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password },
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => load.on('exit', (_c, signal) => r(signal)));
    try {
      const seen = await midLoad();
      process.kill(-load.pid!, 'SIGKILL');
      process.stderr.write(`[partialWrites] seed:load killed while its transaction ran: ${seen.query.replace(/\s+/g, ' ').slice(0, 60)}…\n`);
      expect(await exited).toBe('SIGKILL');
    } finally {
      try {
        process.kill(-load.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await afterTheKill();
  }, 150_000);

  it('the service killed with kill -9 while it loads the seeds on start leaves the database as it was', async () => {
    const service = await spawnService({ NEO4J_URI: uri, NEO4J_PASSWORD: password, SEED_ON_START: 'true' });
    services.push(service);
    const seen = await midLoad();
    service.child.kill('SIGKILL');
    process.stderr.write(`[partialWrites] service killed while its load transaction ran: ${seen.query.replace(/\s+/g, ' ').slice(0, 60)}…\n`);
    expect((await service.exited).signal).toBe('SIGKILL');
    expect(service.output()).not.toContain('Loaded: ');
    await afterTheKill();
  }, 150_000);
});
