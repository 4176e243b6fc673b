import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isPortFree } from '../../neo4j/launch.js';

/**
 * The real `npm start` entry point as a separate process, with its own local Neo4j (its own Bolt port and
 * data folder), as a person runs it: start, query, Ctrl-C, start again.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-start-'));
const boltPort = 7691;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_FORMAT: 'json', NEO4J_URI: '', NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number>((r) => child.on('exit', (c) => r(c ?? 1)));
  return { child, output: () => out, exited };
}

async function waitFor(pred: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Java processes whose environment names our data folder: the local Neo4j of this test. */
function ourJvms(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`NEO4J_HOME=${dataDir}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  for (const pid of ourJvms()) process.kill(pid, 'SIGKILL');
});

describe('npm start', () => {
  it('starts Neo4j, seeds it, answers GraphQL; Ctrl-C leaves no JVM; a second start keeps the data', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port) });
    // A fresh Neo4j and the whole seed load: about a minute alone, several on a machine shared with other work.
    await waitFor(() => first.output().includes('GraphQL at'), 240_000, 'the first start');
    expect(first.output()).toContain('Loaded: ');
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { ok entities } }' }) });
    const body = (await res.json()) as { data: { health: { ok: boolean; entities: number } } };
    expect(body.data.health.ok).toBe(true);
    expect(ourJvms().length).toBe(1);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(ourJvms()).toEqual([]);
    expect(await isPortFree(boltPort)).toBe(true);

    const second = start({ PORT: String(port) });
    await waitFor(() => second.output().includes('GraphQL at'), 120_000, 'the second start');
    expect(second.output()).toContain('already holds the seed data');
    expect(second.output()).not.toContain('Loaded: ');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(ourJvms()).toEqual([]);
  }, 420_000);

  it('exits non-zero with one clear line when the Bolt port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(boltPort, '127.0.0.1', () => r()));
    try {
      const run = start({ PORT: String(await freePort()) });
      expect(await run.exited).toBe(1);
      expect(run.output().trim().split('\n').at(-1)).toBe(`error: Bolt port ${boltPort} is already in use: stop what listens there (another Neo4j?) or set NEO4J_BOLT_PORT to a free port.`);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('exits non-zero with one clear line when Java is missing', async () => {
    const run = start({ PORT: String(await freePort()), PATH: path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath) });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toMatch(/^error: Java was not found on PATH: install a JDK 17 or newer .* or set NEO4J_URI/);
  }, 60_000);

  it('exits non-zero with one clear line on a bad configuration', async () => {
    const run = start({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^error: Configuration is invalid — PORT: .*Fix these environment variables/);
  }, 60_000);

  it('starts anyway when NEO4J_URI is unreachable, says so in one clear line, reports not ready and keeps trying', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), NEO4J_URI: 'bolt://127.0.0.1:1' });
    try {
      await waitFor(() => run.output().includes('GraphQL at'), 60_000, 'the service to listen');
      expect(run.output()).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*NEO4J_URI is right.* Starting anyway: \/readyz answers 503/);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, database: { ok: false, state: 'connecting' } });
      await waitFor(() => run.output().includes('still cannot reach Neo4j at bolt://127.0.0.1:1'), 10_000, 'a second attempt');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('exits non-zero with one clear line when NEO4J_PASSWORD is wrong', async () => {
    const run = start({ PORT: String(await freePort()), NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: 'definitely-wrong' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toMatch(/^error: Neo4j at .* rejected the password for user "neo4j": set NEO4J_PASSWORD/);
  }, 60_000);

  it('exits non-zero with one clear line when the HTTP port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = start({ PORT: String(port), NEO4J_URI: inject('neo4jUri') });
      expect(await run.exited).toBe(1);
      expect(run.output().trim().split('\n').at(-1)).toBe(`error: HTTP port ${port} is already in use on 127.0.0.1: stop what listens there or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
