import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';

const readme = readFileSync('README.md', 'utf8');

/** The README's configuration table: each variable named in a row with the default(s) printed beside it. */
function documentedDefaults(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const m = /^\| ((?:`[A-Z_0-9]+`(?: \/ )?)+) \| ([^|]+) \|/.exec(line);
    if (!m) continue;
    const names = [...m[1]!.matchAll(/`([A-Z_0-9]+)`/g)].map((x) => x[1]!);
    const values = m[2]!.split(' / ').map((v) => v.trim().replace(/^`|`$/g, ''));
    names.forEach((n, i) => out.set(n, values[names.length === values.length ? i : 0]!));
  }
  return out;
}

describe("README's claims", () => {
  it('documents every configuration variable the service reads, with its real default', () => {
    const config = readFileSync('server/src/config.ts', 'utf8');
    const read = [...config.matchAll(/^ {2}([A-Z][A-Z_0-9]+): /gm)].map((m) => m[1]!);
    const documented = documentedDefaults();
    expect(read.filter((v) => !documented.has(v))).toEqual([]);
    const c = loadConfig({});
    const numeric: Record<string, number> = {
      PORT: c.port,
      NEO4J_BOLT_PORT: c.neo4j.local.boltPort,
      QUERY_TIMEOUT_MS: c.neo4j.queryTimeoutMs,
      NEO4J_START_TIMEOUT_MS: c.neo4j.local.startTimeoutMs,
      MAX_QUERY_DEPTH: c.limits.depth,
      MAX_QUERY_COST: c.limits.cost,
      MAX_QUERY_ALIASES: c.limits.aliases,
      MAX_QUERY_TOKENS: c.limits.tokens,
      MAX_QUERY_DIRECTIVES: c.limits.directives,
      MAX_PAGE_SIZE: c.limits.pageSize,
      MAX_HOPS: c.limits.hops,
      MAX_PATH_LENGTH: c.limits.pathLength,
      MAX_PATHS: c.limits.paths,
      MAX_SUBGRAPH_NODES: c.limits.subgraphNodes,
      MAX_ANALYSIS_NODES: c.limits.analysisNodes,
    };
    for (const [name, value] of Object.entries(numeric)) expect(documented.get(name), name).toBe(String(value));
  });

  it('says every type and field is documented only because a test checks it (test/unit/schemaDocs.test.ts)', () => {
    expect(readme).toMatch(/every type and field there is documented/);
    expect(readFileSync('test/unit/schemaDocs.test.ts', 'utf8')).toMatch(/has a description on every type, field, argument/);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = [...readme.matchAll(/`npm run ([a-z0-9:]+)/g)].map((m) => m[1]!);
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });
});
