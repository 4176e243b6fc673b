import type { Executor } from '../../neo4j/executor.js';
import { coreStatements as S } from './statements.js';

/** The database answers, its version, and how many entities it holds. */
export async function health({ executor }: { executor: Executor }) {
  const [row] = await executor.read(S.health);
  return { ok: true, neo4j: row?.version ?? 'unknown', entities: row?.entities ?? 0 };
}
