import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../server/src/neo4j/driver.js';
import { fingerprint, holdOpenWrite, killService, postGraphql, serviceListening, spawnService, transactionsOf, waitFor, type ServiceProcess } from './harness.js';

/**
 * SIGTERM drains: the service stops accepting connections, lets the requests in flight finish (at most
 * SHUTDOWN_GRACE_MS), then closes the driver and exits 0. The request in flight is a createEntity held inside
 * its transaction by an uncommitted write of the same id (the uniqueness check waits for it), so it lasts
 * exactly as long as the test wants; it runs against the suite's database and deletes what it wrote.
 */
const editor = { authorization: 'Bearer test-editor-token-123' };
const provenance = { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' };
const createEntity = 'mutation($input: EntityInput!) { createEntity(input: $input) { id } }';
const services: ServiceProcess[] = [];
let driver: Driver;

beforeAll(async () => {
  driver = await connect({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword'), database: 'neo4j' });
});
afterAll(async () => {
  services.forEach(killService);
  await driver?.close();
});

async function editingService(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = await spawnService({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), SEED_ON_START: 'false', EDITOR_TOKEN: 'test-editor-token-123', ...env });
  services.push(service);
  await serviceListening(service, 60_000);
  return service;
}

/** Holds the id, sends the mutation and waits until it waits inside its transaction. */
async function slowMutation(service: ServiceProcess, id: string) {
  const held = await holdOpenWrite(driver, "CREATE (n:Entity:Firm {id: $id, name: 'held by the test'})", { id });
  const answer = postGraphql(service.url, createEntity, { input: { id, kind: 'FIRM', name: 'Drained', provenance } }, editor).catch((err: unknown) => err as Error);
  await waitFor(async () => (await transactionsOf(driver, 'createEntity')).some((t) => /^Blocked/.test(t.status)), 30_000, 'the mutation to be in flight');
  return { held, answer };
}

async function removeEntity(id: string): Promise<void> {
  await driver.executeQuery('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
  await driver.executeQuery('MATCH (c:Change {target: $id}) DELETE c', { id });
}

const refused = (url: string) => fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) }).then(() => false, () => true);

describe('SIGTERM', () => {
  it('lets a request in flight finish with 200 and its data, refuses new connections meanwhile, then exits 0', async () => {
    const id = `firm:test-drain-${randomUUID().slice(0, 8)}`;
    const service = await editingService();
    try {
      const { held, answer } = await slowMutation(service, id);
      service.child.kill('SIGTERM');
      await waitFor(() => service.logs().some((l) => /^stopping: waiting up to 10 s for 1 request\(s\) in flight$/.test(l.msg)), 5000, 'the drain to begin');
      expect(await refused(service.url)).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      expect(service.child.exitCode).toBeNull(); // still draining
      await held.release(); // the mutation can now finish
      const res = await answer;
      expect(res).not.toBeInstanceOf(Error);
      const done = res as Awaited<ReturnType<typeof postGraphql>>;
      expect(done.status).toBe(200);
      expect(done.body.errors).toBeUndefined();
      expect(done.body.data).toEqual({ createEntity: { id } });
      expect((await service.exited).code).toBe(0);
    } finally {
      await removeEntity(id);
    }
  }, 120_000);

  it('closes a request still running after SHUTDOWN_GRACE_MS, exits 0, and the cut-off write leaves nothing', async () => {
    const id = `firm:test-drain-${randomUUID().slice(0, 8)}`;
    const service = await editingService({ SHUTDOWN_GRACE_MS: '1500' });
    const before = await fingerprint(driver);
    const { held, answer } = await slowMutation(service, id);
    try {
      const t0 = Date.now();
      service.child.kill('SIGTERM');
      expect((await service.exited).code).toBe(0);
      const stoppedMs = Date.now() - t0;
      expect(stoppedMs).toBeGreaterThanOrEqual(1400);
      expect(stoppedMs).toBeLessThan(15_000);
      expect(service.logs().some((l) => /^stopping: 1 request\(s\) still running after SHUTDOWN_GRACE_MS; closing them$/.test(l.msg))).toBe(true);
      expect(await answer).toBeInstanceOf(Error); // the connection was closed without an answer
    } finally {
      await held.release();
    }
    await waitFor(async () => (await transactionsOf(driver, 'createEntity')).length === 0, 30_000, 'the cut-off transaction to end');
    expect(await fingerprint(driver)).toEqual(before);
    const left = await driver.executeQuery('MATCH (n {id: $id}) RETURN count(n) AS n', { id });
    expect(Number(left.records[0]!.get('n'))).toBe(0);
  }, 120_000);
});
