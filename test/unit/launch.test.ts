import { afterEach, describe, expect, it } from 'vitest';
import { buildLauncher, checkJava } from '../../neo4j/launch.js';

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

describe('local Neo4j prerequisites', () => {
  it('says how to get Maven when it is missing', async () => {
    process.env.PATH = '/nonexistent';
    await expect(buildLauncher(() => undefined)).rejects.toThrow(/^Maven \(mvn\) was not found on PATH: install it .* or set NEO4J_URI/);
  });

  it('says how to get Java when it is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => checkJava()).toThrow(/^Java was not found on PATH/);
  });
});
