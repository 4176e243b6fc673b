import { describe, expect, it } from 'vitest';
import { serviceForFile, startTestService } from '../helpers/db.js';

const service = serviceForFile();

const post = async (body: unknown) => {
  const res = await fetch(`${service().url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

describe('health endpoints', () => {
  it('answers liveness on /healthz and readiness on /readyz once the schema is applied', async () => {
    const live = await fetch(`${service().url}/healthz`);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await fetch(`${service().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: { ok: true }, schema: { ok: true, notOnline: [] } });
  });
});

describe('malformed and oversized requests get a readable JSON error, never an empty 500', () => {
  it('reports an unknown fragment in an anonymous request', async () => {
    const r = await post({ query: '{ ...Unknown }' });
    expect(r.status).toBeLessThan(500);
    const body = JSON.parse(r.text) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message).join(' ')).toMatch(/Unknown fragment "Unknown"/);
  });

  it('refuses 500 aliases of __typename, naming MAX_QUERY_ALIASES (2,000 stop at MAX_QUERY_TOKENS first)', async () => {
    const r = await post({ query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    const body = JSON.parse(r.text) as { data?: unknown; errors: { message: string; extensions: { code: string; limit: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_ALIASES' });
  });

  it('refuses a request past MAX_QUERY_TOKENS before validating it', async () => {
    const r = await post({ query: `{ ${Array.from({ length: 1600 }, () => 'health { ok }').join(' ')} }` });
    const body = JSON.parse(r.text) as { errors: { message: string; extensions: { limit: string } }[] };
    expect(body.errors[0]!.extensions.limit).toBe('MAX_QUERY_TOKENS');
    expect(body.errors[0]!.message).toMatch(/MAX_QUERY_TOKENS limit of 3000/);
  });
});

describe('the GraphQL IDE', () => {
  it('is served on GET /graphql in development', async () => {
    const res = await fetch(`${service().url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).toMatch(/ruru/i);
    // Its script and stylesheet come from this server (no CDN), with their types.
    for (const [file, type] of [['ruru.js', /javascript/], ['ruru.css', /text\/css/]] as const) {
      const asset = await fetch(`${service().url}/ruru-static/${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(type);
    }
  });

  it('is not served when GRAPHQL_IDE=false (the production default)', async () => {
    const s = await startTestService({ GRAPHQL_IDE: 'false' });
    try {
      const res = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await res.text()).not.toMatch(/ruru/i);
      const prod = await startTestService({ NODE_ENV: 'production' });
      try {
        const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
        expect(await page.text()).not.toMatch(/ruru/i);
      } finally {
        await prod.stop();
      }
    } finally {
      await s.stop();
    }
  });
});
