import type { Executor } from '../../neo4j/executor.js';
import { coreStatements as S } from './statements.js';

/** The database answers, its version, and how many entities it holds. */
export async function health({ executor }: { executor: Executor }) {
  const [row] = await executor.read(S.health);
  return { ok: true, neo4j: row?.version ?? 'unknown', entities: row?.entities ?? 0 };
}

/** Index and constraint names that cypher/schema/ declares (`CREATE INDEX name …`, `CREATE CONSTRAINT name …`). */
export function declaredIndexNames(executor: Executor): string[] {
  return executor.statementsUnder('schema/').flatMap((s) => {
    const m = /CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(s.text);
    return m ? [m[1]!] : [];
  });
}

export interface Readiness {
  ready: boolean;
  database: { ok: boolean; error?: string };
  schema: { ok: boolean; notOnline: string[] };
}

/**
 * Readiness (`/readyz`): the database answers a query and every index of the schema is online. Each
 * problem is said in words a person can act on.
 */
export async function readiness({ executor }: { executor: Executor }): Promise<Readiness> {
  const names = declaredIndexNames(executor);
  try {
    const rows = await executor.read(S.indexStates, { names });
    const online = new Set(rows.filter((r) => r.state === 'ONLINE').map((r) => r.name));
    const notOnline = names.filter((n) => !online.has(n));
    return { ready: notOnline.length === 0, database: { ok: true }, schema: { ok: notOnline.length === 0, notOnline } };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { ready: false, database: { ok: false, error }, schema: { ok: false, notOnline: names } };
  }
}
