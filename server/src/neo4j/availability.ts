import { UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * What the service knows about its database beyond what one query can tell:
 * - `connecting`: not reached yet (an external database down at start-up); the service keeps trying;
 * - `preparing`: reached; the schema (and, on a first connection, the seed data) is being applied;
 * - `up`: answering;
 * - `unreachable`: an external database stopped answering; the driver reconnects on the next query;
 * - `restarting`: the local Neo4j exited and its supervisor is starting it again.
 */
export type DatabaseState = 'connecting' | 'preparing' | 'up' | 'unreachable' | 'restarting';

export interface DatabaseStatus {
  state: DatabaseState;
  /** When the state began (ISO 8601). */
  since: string;
  /** Connection or restart attempts made in this state (0 while up). */
  attempts: number;
  /** The last failure, in words (why it is not up). */
  lastError?: string;
}

/**
 * The service's view of its database: set by whoever connects or supervises it, read by the executor (which
 * refuses a query at once while the database is known to be away, rather than letting it wait on driver
 * timeouts) and by readiness. Changes to and from `unreachable` are logged here, once each.
 */
export class DatabaseAvailability {
  private status: DatabaseStatus;

  constructor(
    state: DatabaseState,
    private readonly logger?: Pick<Logger, 'info' | 'warn'>,
  ) {
    this.status = { state, since: new Date().toISOString(), attempts: 0 };
  }

  get current(): DatabaseStatus {
    return { ...this.status };
  }

  set(state: DatabaseState, detail: { attempts?: number; lastError?: string } = {}): void {
    const since = state === this.status.state ? this.status.since : new Date().toISOString();
    this.status = { state, since, attempts: detail.attempts ?? 0, ...(detail.lastError ? { lastError: detail.lastError } : {}) };
  }

  /** A query failed because the database did not answer (called by the executor). */
  noteUnreachable(cause: unknown): void {
    if (this.status.state !== 'up') return;
    const lastError = firstLine(cause);
    this.set('unreachable', { lastError });
    this.logger?.warn({ cause: lastError }, 'Neo4j stopped answering; requests answer UNAVAILABLE while the driver reconnects');
  }

  /** A query succeeded (called by the executor). */
  noteReachable(): void {
    if (this.status.state !== 'unreachable') return;
    const downMs = Date.now() - Date.parse(this.status.since);
    this.set('up');
    this.logger?.info({ downMs }, `Neo4j answers again (after ${(downMs / 1000).toFixed(1)} s)`);
  }

  /** Throws UNAVAILABLE at once when no query can reach the database now. */
  assertReachable(): void {
    if (this.status.state === 'connecting' || this.status.state === 'restarting') throw new UnavailableError(this.describe());
  }

  /** What is wrong, in words a client or an operator can act on (empty when up). */
  describe(): string {
    // The last error stays in the log: it may name internal hosts and ports.
    const { state, attempts } = this.status;
    switch (state) {
      case 'connecting':
        return `The database is unavailable: the service has not reached Neo4j yet and keeps trying${attempts ? ` (attempt ${attempts})` : ''}; try again shortly.`;
      case 'restarting':
        return `The database is unavailable: the local Neo4j stopped and the service is restarting it${attempts ? ` (attempt ${attempts})` : ''}; try again shortly.`;
      case 'unreachable':
        return `The database is unavailable; the service is reconnecting to it. Try again in a few seconds.`;
      case 'preparing':
        return 'The database answers; the service is applying the schema (and loading the seed data into an empty database).';
      case 'up':
        return '';
    }
  }
}

/**
 * Delay before retry number `attempt` (1, 2, 3 …): `initialMs` doubled each time, capped at `maxMs`
 * (1 s, 2 s, 4 s … 30 s with the defaults).
 */
export function backoffDelay(attempt: number, { initialMs = 1000, maxMs = 30_000 }: { initialMs?: number; maxMs?: number } = {}): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

/** A sleep that ends early (resolving false) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0] ?? msg;
}
