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
  for (const text of schemaTexts(executor)) await executor.runText(text);
  await executor.runText('CALL db.awaitIndexes(120)');
  return statements.map((s) => s.name);
}

/** The schema statements as run: those written for `__LINK_TYPE__` once for each relationship type. */
export function schemaTexts(executor: Executor): string[] {
  return executor
    .statementsUnder('schema/')
    .flatMap((s) => (s.text.includes('__LINK_TYPE__') ? LINK_TYPE_NAMES.map((type) => s.text.replaceAll('__LINK_TYPE__', type)) : [s.text]));
}
