import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config.js';
import { hashKey } from '../../server/src/identity.js';
import { createLogger } from '../../server/src/logger.js';
import { startService, type Service } from '../../server/src/service.js';

/** API keys of the test service, one per role (the server holds only their hashes). */
export const TEST_KEYS = { reader: 'test-reader-key-0123456789', editor: 'test-editor-key-0123456789', admin: 'test-admin-key-0123456789' } as const;
const TEST_API_KEYS = Object.entries(TEST_KEYS).map(([role, key]) => `test-${role}:${role}:${hashKey(key)}`).join(',');

/** Configuration pointing at the run's test database (see test/globalSetup.ts). */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    PORT: '0',
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    EDITOR_TOKEN: 'test-editor-token-123',
    API_KEYS: TEST_API_KEYS,
    // The suite sends many requests from one address; the limiter has its own test.
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

/** A unique id fragment for data a test writes; the test deletes what carries it. */
export function testId(kind: string): string {
  return `${kind}:test-${randomUUID().slice(0, 8)}`;
}

/** Starts the whole service in-process against the test database. */
export async function startTestService(overrides: Record<string, string> = {}): Promise<Service> {
  const config = testConfig(overrides);
  return startService(config, createLogger(config.log));
}

/**
 * One service for a whole test file: started before its tests, stopped after them. Returns a getter,
 * since the service exists only once `beforeAll` has run.
 */
export function serviceForFile(overrides: Record<string, string> = {}): () => Service {
  let service: Service | undefined;
  beforeAll(async () => {
    service = await startTestService(overrides);
  });
  afterAll(async () => {
    await service?.stop();
  });
  return () => service!;
}

export interface GqlResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  extensions?: { dbQueries?: number };
}

/** Posts a GraphQL request to a running service. */
export async function gql<T = Record<string, unknown>>(service: Service, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

export const editorHeaders = { authorization: 'Bearer test-editor-token-123', 'x-editor-name': 'test-suite' };

/** Headers of a caller holding the test API key of `role`. */
export const keyHeaders = (role: keyof typeof TEST_KEYS) => ({ authorization: `Bearer ${TEST_KEYS[role]}` });
export const adminHeaders = keyHeaders('admin');
