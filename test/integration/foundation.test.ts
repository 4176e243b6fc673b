import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import { StartupError } from '../../server/src/errors.js';
import { connect } from '../../server/src/neo4j/driver.js';
import type { Service } from '../../server/src/service.js';
import { editorHeaders, gql, startTestService, testId } from '../helpers/db.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

describe('the service on a real Neo4j', () => {
  it('answers a GraphQL query at /graphql', async () => {
    const r = await gql<{ health: { ok: boolean; neo4j: string; entities: number } }>(service, '{ health { ok neo4j entities } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.health.ok).toBe(true);
    expect(r.data?.health.neo4j).toMatch(/^5\.26\./);
    expect(r.data?.health.entities).toBeGreaterThan(1000);
  });

  it('writes a node to Neo4j through a mutation and reads it back through the service', async () => {
    const id = testId('firm');
    const created = await gql<{ createEntity: { id: string } }>(
      service,
      `mutation($input: EntityInput!) { createEntity(input: $input) { id } }`,
      { input: { id, kind: 'FIRM', name: 'Foundation test firm', properties: { roles: ['sme'] }, provenance: { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' } } },
      editorHeaders,
    );
    expect(created.errors).toBeUndefined();
    // Read back on a fresh request, so nothing comes from the first request's loaders.
    const read = await gql<{ entity: { name: string; kind: string; type: string[]; sources: { doc: string; lines: number[] }[] } }>(
      service,
      `query($id: ID!) { entity(id: $id) { name kind type sources { doc lines } } }`,
      { id },
    );
    expect(read.data?.entity).toEqual({ name: 'Foundation test firm', kind: 'FIRM', type: ['sme'], sources: [{ doc: 'pietrobelli2004', lines: [423] }] });
    const del = await gql(service, `mutation($id: ID!) { deleteEntity(id: $id) { deleted } }`, { id }, editorHeaders);
    expect(del.errors).toBeUndefined();
    const gone = await gql<{ entity: null }>(service, `query($id: ID!) { entity(id: $id) { id } }`, { id });
    expect(gone.data?.entity).toBeNull();
  });

  it('serves a browsable GraphQL IDE on GET /graphql and the viewer at /', async () => {
    const ide = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain('ruru');
    const home = await fetch(`${service.url}/`);
    expect([200, 503]).toContain(home.status);
  });
});

describe("the driver's decoding (patches/neo4j-driver-bolt-connection+6.3.0.patch)", () => {
  it('is the patched one: a plain assignment per key instead of defineProperty, a large record in one buffer', () => {
    // A fresh install that skipped postinstall (patch-package) would decode every map about 2.5 µs slower,
    // and a record past 64 KB three times slower.
    const require = createRequire(import.meta.url);
    const { Unpacker } = require('neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js') as { Unpacker: { prototype: { _unpackMapWithSize: () => unknown } } };
    expect(String(Unpacker.prototype._unpackMapWithSize)).toContain('value[key] = unpacked');
    const { Dechunker } = require('neo4j-driver-bolt-connection/lib/channel/chunking.js') as { Dechunker: { prototype: { _onHeader: () => unknown } } };
    expect(String(Dechunker.prototype._onHeader)).toContain('Buffer.concat');
  });

  it('decodes a record of several Bolt chunks (past 64 KB) whole, strings across chunk boundaries included', async () => {
    const [row] = await service.executor.runText(`RETURN [x IN range(1, 6000) | {id: 'firm:chunk-' + x, name: 'Calçados São ' + x + ' — ñandú'}] AS xs`, {}, 'READ');
    const xs = row!.xs as { id: string; name: string }[];
    expect(xs).toHaveLength(6000);
    expect(JSON.stringify(xs).length).toBeGreaterThan(3 * 65535);
    xs.forEach((x, i) => expect(x).toEqual({ id: `firm:chunk-${i + 1}`, name: `Calçados São ${i + 1} — ñandú` }));
  });

  it('gives maps from Neo4j as plain objects, and a key named __proto__ as an own property that leaves the prototype alone', async () => {
    const [row] = await service.executor.runText('RETURN {a: 1, `__proto__`: {polluted: true}, nested: {b: [1, {c: 2}]}} AS m', {}, 'READ');
    const m = row!.m as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect((m as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.hasOwn(m, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.keys(m).sort()).toEqual(['__proto__', 'a', 'nested'].sort());
    expect(m.a).toBe(1);
    expect(m.nested).toEqual({ b: [1, { c: 2 }] });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('start-up failures say what is wrong and how to fix it', () => {
  it('a wrong NEO4J_PASSWORD', async () => {
    const err = await connect({ uri: inject('neo4jUri'), user: 'neo4j', password: 'not-the-password', database: 'neo4j' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/rejected the password for user "neo4j": set NEO4J_PASSWORD/);
  });

  it('an unreachable NEO4J_URI', async () => {
    const err = await connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'whatever-123', database: 'neo4j' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*check that the server runs and NEO4J_URI is right/);
  });

  it('the HTTP port taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await startTestService({ PORT: String(port) }).catch((e: unknown) => e);
      expect((err as Error).message).toBe(`HTTP port ${port} is already in use on 127.0.0.1: stop what listens there or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });
});
