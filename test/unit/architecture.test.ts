import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredStatements } from '../../server/src/modules/index.js';
import { checkStatements, loadCypherRegistry } from '../../server/src/neo4j/registry.js';

const MODULES = 'server/src/modules';
const moduleNames = readdirSync(MODULES).filter((f) => statSync(path.join(MODULES, f)).isDirectory());
const filesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? filesOf(path.join(dir, f)) : f.endsWith('.ts') ? [path.join(dir, f)] : []));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => path.join(path.dirname(file), m[1]!));

describe('the layers of the server', () => {
  it('keeps every resolver file thin (at most 120 lines)', () => {
    const long = moduleNames
      .map((m) => path.join(MODULES, m, 'resolvers.ts'))
      .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })
      .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 120);
    expect(long).toEqual([]);
  });

  it('has no module importing another module\'s resolvers, and no module reaching back into the GraphQL layer', () => {
    const wrong: string[] = [];
    for (const m of moduleNames) {
      for (const file of filesOf(path.join(MODULES, m))) {
        for (const target of importsOf(file)) {
          if (target.startsWith('server/src/graphql')) wrong.push(`${file} → ${target}`);
          const other = /^server\/src\/modules\/([^/]+)\/resolvers\.js$/.exec(target);
          if (other && other[1] !== m) wrong.push(`${file} → ${target}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('runs Cypher only through declared statements: every declared statement has its file and every file is declared', () => {
    const registry = loadCypherRegistry();
    expect(checkStatements(registry, declaredStatements).orphans).toEqual([]);
  });

  it('fails start-up, naming the file, when code declares a statement that cypher/ lacks', () => {
    expect(() => checkStatements(loadCypherRegistry(), [{ name: 'clusters/noSuchStatement' }])).toThrowError(/cypher\/clusters\/noSuchStatement\.cypher is named in code but no such file exists/);
  });

  it('has resolver types generated from the current SDL (run `npm run codegen` after changing a .graphql file)', () => {
    // --check compares what codegen would write with the file on disk and exits non-zero on a difference.
    expect(() => execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});
