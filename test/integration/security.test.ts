import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { gql, keyHeaders, serviceForFile, startTestService, testId } from '../helpers/db.js';

const service = serviceForFile({ CORS_ORIGINS: 'https://partner.example', MAX_REQUEST_BYTES: '4k' });

const raw = (s: Service, body: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const errorOf = async (res: Response) => ((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]!;

describe('headers and the request gate', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const res = await fetch(`${service().url}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    // Plain HTTP must keep working (a LAN, Docker without a proxy): no forced upgrade to HTTPS.
    expect(res.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows cross-origin calls only from CORS_ORIGINS', async () => {
    const ok = await fetch(`${service().url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    const other = await fetch(`${service().url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over MAX_REQUEST_BYTES with 413 naming the limit, and malformed JSON with 400', async () => {
    const big = await raw(service(), JSON.stringify({ query: `{ search(text: "${'x'.repeat(5000)}") { kind } }` }));
    expect(big.status).toBe(413);
    expect((await errorOf(big)).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_REQUEST_BYTES', max: 4096 });
    const broken = await raw(service(), '{"query": "{ health { ok } }"');
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toMatch(/not valid JSON/);
  });

  it('refuses a batch of operations in one request', async () => {
    const res = await raw(service(), JSON.stringify([{ query: '{ health { ok } }' }, { query: '{ health { ok } }' }]));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers an unknown API key with 401 instead of serving it as anonymous', async () => {
    const res = await raw(service(), JSON.stringify({ query: '{ health { ok } }' }), { authorization: 'Bearer not-a-real-key' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles', () => {
  const createSource = (key: string, headers: Record<string, string>) =>
    gql(service(), 'mutation($i: SourceInput!) { createSource(input: $i) { key } }', { i: { key, title: 'Field notes', type: 'INTERVIEW', date: '2026-11-30' } }, headers);

  it('lets anyone read by default but only editors and admins write', async () => {
    expect((await gql(service(), '{ health { ok } }')).data).toEqual({ health: { ok: true } });
    const key = testId('source').replace(':', '-');
    for (const headers of [{}, keyHeaders('reader')]) {
      const r = await createSource(key, headers);
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const written = await createSource(key, keyHeaders('editor'));
    expect(written.errors).toBeUndefined();
  });

  it('shows the audit trail to admins only', async () => {
    const editor = await gql(service(), '{ changes(first: 1) { at } }', {}, keyHeaders('editor'));
    expect(editor.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const admin = await gql(service(), '{ changes(first: 1) { at } }', {}, keyHeaders('admin'));
    expect(admin.errors).toBeUndefined();
  });

  describe('with READ_ACCESS=key', () => {
    let closed: Service;
    beforeAll(async () => {
      closed = await startTestService({ READ_ACCESS: 'key' });
    });
    afterAll(async () => closed?.stop());

    it('refuses anonymous reads with 401 and serves a reader key', async () => {
      const anonymous = await raw(closed, JSON.stringify({ query: '{ health { ok } }' }));
      expect(anonymous.status).toBe(401);
      expect((await errorOf(anonymous)).message).toMatch(/READ_ACCESS=key/);
      expect((await gql(closed, '{ health { ok } }', {}, keyHeaders('reader'))).data).toEqual({ health: { ok: true } });
    });
  });
});

describe('rate and load limits', () => {
  it('answers 429 past RATE_LIMIT_PER_MINUTE for one caller, naming the limit', async () => {
    const s = await startTestService({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await raw(s, JSON.stringify({ query: '{ health { ok } }' }), keyHeaders('reader'));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await errorOf(last!)).extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', max: 3 });
      // Another caller has its own allowance.
      expect((await raw(s, JSON.stringify({ query: '{ health { ok } }' }), keyHeaders('editor'))).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('sheds requests past MAX_CONCURRENT_REQUESTS with 503 and Retry-After instead of queueing them', async () => {
    const s = await startTestService({ MAX_CONCURRENT_REQUESTS: '1' });
    try {
      // A read that runs until the console timeout whatever the machine (a three-way cartesian count, no memory), so it is surely in flight.
      const slow = raw(s, JSON.stringify({ query: '{ cypher(query: "MATCH (a:Entity), (b:Entity), (c:Entity) WHERE a.name < b.name AND b.name < c.name RETURN count(*) AS n") { rows } }' }));
      await new Promise((r) => setTimeout(r, 300));
      const shed = await raw(s, JSON.stringify({ query: '{ health { ok } }' }));
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      expect((await errorOf(shed)).extensions).toMatchObject({ code: 'UNAVAILABLE', limit: 'MAX_CONCURRENT_REQUESTS', max: 1 });
      expect((await slow).status).toBe(200);
      expect((await raw(s, JSON.stringify({ query: '{ health { ok } }' }))).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});
