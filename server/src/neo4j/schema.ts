import { LINK_TYPE_NAMES } from '../domain/enums.js';
import type { Executor } from './executor.js';

/**
 * Applies the cypher/schema/*.cypher statements (already read into the registry) in file order; a statement
 * written for `__LINK_TYPE__` runs once for each relationship type of the model (Neo4j indexes relationship
 * properties per type). Each uses IF NOT EXISTS, so applying twice changes nothing; then waits until every
 * index is online so the first search already uses it.
 */
export async function applySchema(executor: Executor): Promise<string[]> {
  const statements = executor.statementsUnder('schema/');
  for (const s of statements) {
    if (!s.text.includes('__LINK_TYPE__')) await executor.runText(s.text);
    else for (const type of LINK_TYPE_NAMES) await executor.runText(s.text.replaceAll('__LINK_TYPE__', type));
  }
  await executor.runText('CALL db.awaitIndexes(120)');
  return statements.map((s) => s.name);
}
