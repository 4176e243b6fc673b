import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';

describe('configuration', () => {
  it('has working defaults: port 4000, local Neo4j on 7687 with bounded memory', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.local.boltPort).toBe(7687);
    expect(c.neo4j.local.heapBytes).toBe(1024 ** 3);
    expect(c.neo4j.local.pageCacheBytes).toBe(512 * 1024 ** 2);
  });

  it('reports every bad variable at once, each with what it should be', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'short', NEO4J_HEAP: 'lots' })).toThrowError(
      /PORT: .*NEO4J_URI: must be a Bolt URI.*NEO4J_PASSWORD: must be at least 8 characters.*NEO4J_HEAP: must be a size like 512m or 1g/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
  });
});
