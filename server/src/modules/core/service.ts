import { UnavailableError } from '../../errors.js';
import type { DatabaseState } from '../../neo4j/availability.js';
import type { Executor } from '../../neo4j/executor.js';
import { schemaTexts } from '../../neo4j/schema.js';
import { coreStatements as S } from './statements.js';

/** The database answers, its version, and how many entities it holds. */
export async function health({ executor }: { executor: Executor }) {
  const [row] = await executor.read(S.health);
  return { ok: true, neo4j: row?.version ?? 'unknown', entities: row?.entities ?? 0 };
}

/** Index and constraint names that cypher/schema/ declares (`CREATE INDEX name …`, `CREATE CONSTRAINT name …`), one per type for those written for `__LINK_TYPE__`. */
export function declaredIndexNames(executor: Executor): string[] {
  return schemaTexts(executor).flatMap((text) => {
    const m = /CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(text);
    return m ? [m[1]!] : [];
  });
}

export interface Readiness {
  ready: boolean;
  /**
   * `ok`: the database answered. When it is not up, `state` says why (see DatabaseState: connecting,
   * preparing, unreachable, restarting), with `attempts` (connection or restart attempts so far) and `since`.
   */
  database: { ok: boolean; error?: string; state?: DatabaseState; attempts?: number; since?: string };
  /** `ok`: every index and constraint of cypher/schema/ is online; `error` while it is being applied. */
  schema: { ok: boolean; notOnline: string[]; error?: string };
}

/** Readiness answers within this, even when the database does not (a probe must not hang). */
export const READINESS_DEADLINE_MS = 2000;

/**
 * Readiness (`/readyz`): the database answers a query and every index of the schema is online. Each
 * problem is said in words a person can act on. While the database is known to be away (the local Neo4j
 * restarting, an external one not reached yet) it answers at once without querying.
 */
export async function readiness({ executor }: { executor: Executor }): Promise<Readiness> {
  const names = declaredIndexNames(executor);
  const known = executor.databaseStatus();
  if (known && (known.state === 'connecting' || known.state === 'restarting')) {
    return { ready: false, database: { ok: false, error: known.description, state: known.state, attempts: known.attempts, since: known.since }, schema: { ok: false, notOnline: names } };
  }
  try {
    const rows = await withDeadline(executor.read(S.indexStates, { names }), READINESS_DEADLINE_MS);
    const online = new Set(rows.filter((r) => r.state === 'ONLINE').map((r) => r.name));
    const notOnline = names.filter((n) => !online.has(n));
    if (executor.databaseStatus()?.state === 'preparing') {
      return { ready: false, database: { ok: true, state: 'preparing' }, schema: { ok: false, notOnline, error: executor.databaseStatus()!.description } };
    }
    return { ready: notOnline.length === 0, database: { ok: true }, schema: { ok: notOnline.length === 0, notOnline } };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const now = executor.databaseStatus();
    const state = now && now.state !== 'up' ? { state: now.state, since: now.since } : {};
    return { ready: false, database: { ok: false, error, ...state }, schema: { ok: false, notOnline: names } };
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`The database did not answer within ${ms / 1000} s; the service keeps reconnecting.`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
