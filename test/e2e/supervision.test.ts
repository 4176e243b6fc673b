import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortFree, type LocalNeo4j } from '../../neo4j/launch.js';
import {
  getJson,
  jvmsUsing,
  killService,
  password,
  postGraphql,
  serviceListening,
  spawnService,
  startTestNeo4j,
  waitFor,
  type ServiceProcess,
} from './harness.js';

/**
 * The database goes away while the service runs, as `npm start` runs it (a separate process): the local
 * Neo4j killed with kill -9, and an external database (NEO4J_URI) down at start-up, then stopped and
 * started again. Requests must answer UNAVAILABLE fast, /readyz must say what is wrong, and the service must
 * become ready again by itself. Bolt ports 7692 (local) and 7693 (external) and temporary data folders
 * belong to this file; the suite's database is not used.
 */
const localPort = 7692;
const externalPort = 7693;
const folders: string[] = [];
const services: ServiceProcess[] = [];
const externals: LocalNeo4j[] = [];

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

afterAll(async () => {
  for (const s of services) killService(s);
  for (const db of externals) await db.stop();
  for (const dir of folders) {
    for (const pid of jvmsUsing(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

type Ready = { ready: boolean; database: { ok: boolean; error?: string; state?: string; attempts?: number }; schema: { ok: boolean } };
const health = '{ health { ok entities } }';
const msgs = (s: ServiceProcess) => s.logs().map((l) => l.msg);

describe('the local Neo4j is supervised', () => {
  it('after kill -9: requests answer UNAVAILABLE within 5 s, /readyz says it is restarting, ready again within 60 s without restarting the service', async () => {
    expect(await isPortFree(localPort), `Bolt port ${localPort} must be free for this test`).toBe(true);
    const dataDir = tempFolder('cg-supervise-');
    const service = await spawnService({ NEO4J_BOLT_PORT: String(localPort), NEO4J_DATA_DIR: dataDir, SEED_ON_START: 'false' });
    services.push(service);
    await serviceListening(service, 150_000);
    expect((await getJson(`${service.url}/readyz`)).status).toBe(200);
    const [jvm, ...more] = jvmsUsing(dataDir);
    expect(more).toEqual([]);

    process.kill(jvm!, 'SIGKILL');
    const killedAt = Date.now();
    const during = await postGraphql(service.url, health);
    expect(during.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(during.body.errors?.[0]?.message).toMatch(/database is unavailable.*(restarting|reconnecting)/);
    expect(during.ms).toBeLessThan(5000);

    const notReady = await getJson<Ready>(`${service.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(notReady.body.ready).toBe(false);
    expect(notReady.body.database).toMatchObject({ ok: false, state: 'restarting', attempts: 1 });
    expect(notReady.body.database.error).toMatch(/local Neo4j stopped and the service is restarting it/);
    expect(notReady.ms).toBeLessThan(2500);
    const live = await getJson(`${service.url}/healthz`);
    expect(live).toMatchObject({ status: 200, body: { ok: true } });

    const lost = service.logs().find((l) => /local Neo4j exited unexpectedly/.test(l.msg));
    expect(lost).toMatchObject({ level: 50, signal: 'SIGKILL', jvmPid: jvm });
    expect(msgs(service)).toContain('restarting the local Neo4j in 1 s (attempt 1)');

    const recoveryMs = await waitFor(async () => (await getJson(`${service.url}/readyz`)).status === 200, 60_000, '/readyz to answer 200 again');
    process.stderr.write(`[supervision] local: UNAVAILABLE in ${during.ms} ms, /readyz 503 in ${notReady.ms} ms, ready again ${((Date.now() - killedAt) / 1000).toFixed(1)} s after kill -9 (waited ${recoveryMs} ms)\n`);
    expect(msgs(service).some((m) => /^the local Neo4j is back after [\d.]+ s \(attempt 1\)$/.test(m))).toBe(true);
    const after = await postGraphql(service.url, health);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.health).toMatchObject({ ok: true });
    const [restarted] = jvmsUsing(dataDir);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(jvm);
    expect(service.child.exitCode).toBeNull(); // the same service process throughout

    service.child.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
    expect(jvmsUsing(dataDir)).toEqual([]);
    expect(service.logs().filter((l) => /exited unexpectedly/.test(l.msg))).toHaveLength(1); // the shutdown is not a crash
  }, 300_000);
});

describe('an external database (NEO4J_URI)', () => {
  it('down at start-up: the service starts and reports not ready; it connects when the database comes up, and survives its restart', async () => {
    expect(await isPortFree(externalPort), `Bolt port ${externalPort} must be free for this test`).toBe(true);
    const dataDir = tempFolder('cg-external-');
    const uri = `bolt://127.0.0.1:${externalPort}`;
    const service = await spawnService({ NEO4J_URI: uri, NEO4J_PASSWORD: password, SEED_ON_START: 'false' });
    services.push(service);
    await serviceListening(service, 60_000);
    expect(service.output()).toContain(`Cannot reach Neo4j at ${uri}`);
    const connecting = await getJson<Ready>(`${service.url}/readyz`);
    expect(connecting.status).toBe(503);
    expect(connecting.body.database).toMatchObject({ ok: false, state: 'connecting' });
    const early = await postGraphql(service.url, health);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(early.ms).toBeLessThan(5000);

    let db = await startTestNeo4j(externalPort, dataDir);
    externals.push(db);
    const firstConnectMs = await waitFor(async () => (await getJson(`${service.url}/readyz`)).status === 200, 60_000, 'the first connection');
    expect(msgs(service)).toContain('the database is ready');
    expect((await postGraphql(service.url, health)).body.data?.health).toMatchObject({ ok: true });

    await db.stop();
    const stoppedAt = Date.now();
    const during = await postGraphql(service.url, health);
    expect(during.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(during.body.errors?.[0]?.message).toMatch(/database is unavailable; the service is reconnecting/);
    expect(during.ms).toBeLessThan(5000);
    const notReady = await getJson<Ready>(`${service.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ ready: false, database: { ok: false, state: 'unreachable' } });
    expect(notReady.ms).toBeLessThan(2500);
    expect(msgs(service).some((m) => /^Neo4j stopped answering/.test(m))).toBe(true);

    db = await startTestNeo4j(externalPort, dataDir);
    externals.push(db);
    const recoveryMs = await waitFor(async () => (await getJson(`${service.url}/readyz`)).status === 200, 60_000, '/readyz to answer 200 after the restart');
    process.stderr.write(
      `[supervision] external: ready ${firstConnectMs} ms after the database first came up; UNAVAILABLE in ${during.ms} ms, /readyz 503 in ${notReady.ms} ms; ` +
        `ready ${recoveryMs} ms after it came back (${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after it stopped)\n`,
    );
    expect((await postGraphql(service.url, health)).body.data?.health).toMatchObject({ ok: true });
    expect(msgs(service).some((m) => /^Neo4j answers again/.test(m))).toBe(true);
    expect(service.child.exitCode).toBeNull();

    service.child.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
  }, 300_000);
});
