import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../server/src/neo4j/driver.js';
import { applyVariant } from '../../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../../server/src/neo4j/registry.js';

let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword'), database: 'neo4j' });
});
afterAll(async () => {
  await driver?.close();
});

const registry = loadCypherRegistry();

describe('every Cypher file', () => {
  it('has a header and a statement', () => {
    expect(registry.size).toBeGreaterThan(20);
    for (const s of registry.values()) {
      expect(s.doc.length, s.name).toBeGreaterThan(10);
      expect(s.text.length, s.name).toBeGreaterThan(5);
    }
  });

  // EXPLAIN plans the statement without running it: a syntax or semantic error in any file fails here.
  for (const s of registry.values()) {
    if (s.name.startsWith('schema/')) continue;
    it(`compiles: ${s.name}`, async () => {
      const params = Object.fromEntries([...s.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => [m[1], null]));
      await driver.executeQuery(`EXPLAIN ${applyVariant(s.text, { maxLength: 4, k: 2 })}`, params, { database: 'neo4j' });
    });
  }
});
