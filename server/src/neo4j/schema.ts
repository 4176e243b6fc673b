import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cypherRoot } from './registry.js';
import type { Executor } from './executor.js';

/**
 * Applies cypher/schema/*.cypher in file order. Each statement uses IF NOT EXISTS, so applying twice
 * changes nothing; then waits until every index is online so the first search already uses it.
 */
export async function applySchema(executor: Executor, root = cypherRoot): Promise<string[]> {
  const dir = path.join(root, 'schema');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').trim();
    await executor.runText(text);
  }
  await executor.runText('CALL db.awaitIndexes(120)');
  return files;
}
