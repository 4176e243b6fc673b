import type { Executor } from './executor.js';

/**
 * Applies the cypher/schema/*.cypher statements (already read into the registry) in file order. Each uses
 * IF NOT EXISTS, so applying twice changes nothing; then waits until every index is online so the first
 * search already uses it.
 */
export async function applySchema(executor: Executor): Promise<string[]> {
  const statements = executor.statementsUnder('schema/');
  for (const s of statements) await executor.runText(s.text);
  await executor.runText('CALL db.awaitIndexes(120)');
  return statements.map((s) => s.name);
}
