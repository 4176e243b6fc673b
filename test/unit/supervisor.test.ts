import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { LocalNeo4j, LocalNeo4jOptions, Neo4jExit } from '../../neo4j/launch.js';
import { superviseLocalNeo4j } from '../../neo4j/supervisor.js';
import { loadConfig } from '../../server/src/config.js';
import { StartupError, TimeoutError, UnavailableError } from '../../server/src/errors.js';
import { backoffDelay, DatabaseAvailability, type DatabaseState } from '../../server/src/neo4j/availability.js';
import { DEFAULT_TIMEOUTS, isUnreachable } from '../../server/src/neo4j/driver.js';
import { mapDriverError } from '../../server/src/neo4j/executor.js';

/** A stand-in for the JVM: it "exits" when the test says so, or when stopped. */
class FakeNeo4j implements LocalNeo4j {
  static nextPid = 1000;
  readonly uri = 'bolt://127.0.0.1:7999';
  readonly pid = FakeNeo4j.nextPid++;
  private end!: (e: Neo4jExit) => void;
  readonly exited = new Promise<Neo4jExit>((r) => (this.end = r));
  stopped = false;
  recentOutput = () => '';
  crash(signal: NodeJS.Signals = 'SIGKILL') {
    this.end({ code: null, signal });
  }
  stop = async () => {
    this.stopped = true;
    this.end({ code: 0, signal: null });
  };
}

interface Logged {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

function recorder() {
  const lines: Logged[] = [];
  const at = (level: Logged['level']) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } as never };
}

const launch = { boltPort: 7999, dataDir: '/nonexistent', password: 'x', heapBytes: 1, pageCacheBytes: 1, startTimeoutMs: 1, progress: () => undefined } satisfies LocalNeo4jOptions;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Supervises fakes; each start takes the next outcome (a fake, or an error to throw). */
function supervised(outcomes: (FakeNeo4j | Error)[], opts: { stableMs?: number; afterRestart?: () => Promise<void> } = {}) {
  const { lines, logger } = recorder();
  const availability = new DatabaseAvailability('up');
  const states: DatabaseState[] = [];
  const set = availability.set.bind(availability);
  availability.set = (state, detail) => {
    states.push(state);
    set(state, detail);
  };
  let starts = 0;
  const start = async (o: LocalNeo4jOptions) => {
    starts += 1;
    expect(o.boltPort).toBe(7999);
    const next = outcomes.shift();
    if (!next) throw new Error('no more outcomes');
    if (next instanceof Error) throw next;
    return next;
  };
  const afterRestart = opts.afterRestart ?? (async () => undefined);
  const running = superviseLocalNeo4j({ launch, logger, availability, afterRestart, start, backoff: { initialMs: 20, maxMs: 50 }, stableMs: opts.stableMs });
  return { running, lines, availability, states, starts: () => starts };
}

describe('restart back-off', () => {
  it('doubles from 1 s and stays at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('the local Neo4j supervisor', () => {
  it('logs an unexpected exit at once with its signal, restarts with back-off past a failed start, and logs the recovery', async () => {
    const first = new FakeNeo4j();
    const third = new FakeNeo4j();
    const s = supervised([first, new StartupError('Bolt port 7999 is already in use'), third]);
    const sup = await s.running;
    expect(sup.pid()).toBe(first.pid);

    first.crash('SIGKILL');
    await tick(5);
    expect(s.lines[0]).toMatchObject({ level: 'error', obj: { jvmPid: first.pid, signal: 'SIGKILL', exitCode: null }, msg: 'the local Neo4j exited unexpectedly (killed by SIGKILL); restarting it' });
    expect(s.lines[1]).toMatchObject({ level: 'warn', obj: { attempt: 1, delayMs: 20 }, msg: 'restarting the local Neo4j in 0.02 s (attempt 1)' });
    expect(s.availability.current).toMatchObject({ state: 'restarting', attempts: 1 });

    await tick(200);
    expect(s.lines.map((l) => l.msg)).toEqual([
      'the local Neo4j exited unexpectedly (killed by SIGKILL); restarting it',
      'restarting the local Neo4j in 0.02 s (attempt 1)',
      'restart attempt 1 of the local Neo4j failed: Bolt port 7999 is already in use',
      'restarting the local Neo4j in 0.04 s (attempt 2)',
      expect.stringMatching(/^the local Neo4j is back after [\d.]+ s \(attempt 2\)$/),
    ]);
    expect(s.states).toEqual(['restarting', 'restarting', 'preparing', 'up']);
    expect(sup.pid()).toBe(third.pid);
    await sup.stop();
    expect(third.stopped).toBe(true);
  });

  it('counts a failing afterRestart (the schema could not be checked) as a failed attempt and stops that JVM', async () => {
    const first = new FakeNeo4j();
    const second = new FakeNeo4j();
    const third = new FakeNeo4j();
    let checks = 0;
    const s = supervised([first, second, third], {
      afterRestart: async () => {
        checks += 1;
        if (checks === 1) throw new Error('schema check failed');
      },
    });
    const sup = await s.running;
    first.crash();
    await tick(200);
    expect(second.stopped).toBe(true);
    expect(s.availability.current.state).toBe('up');
    expect(sup.pid()).toBe(third.pid);
    await sup.stop();
  });

  it('does not restart what it was asked to stop, even during a back-off', async () => {
    const first = new FakeNeo4j();
    const s = supervised([first, new FakeNeo4j()]);
    const sup = await s.running;
    first.crash();
    await tick(5);
    await sup.stop(); // while the restart waits for its delay
    await tick(100);
    expect(s.starts()).toBe(1);

    const other = new FakeNeo4j();
    const t = supervised([other]);
    await (await t.running).stop();
    await tick(50);
    expect(t.lines).toEqual([]); // a requested stop is not a crash
    expect(t.starts()).toBe(1);
  });

  it('starts the back-off over after the database stayed up for stableMs', async () => {
    const a = new FakeNeo4j();
    const b = new FakeNeo4j();
    const c = new FakeNeo4j();
    const s = supervised([a, b, c], { stableMs: 100 });
    const sup = await s.running;
    a.crash();
    await tick(80);
    expect(sup.pid()).toBe(b.pid);
    await tick(150); // b has now been up longer than stableMs
    b.crash();
    await tick(5);
    expect(s.lines.filter((l) => l.level === 'warn').map((l) => l.obj.attempt)).toEqual([1, 1]);
    await tick(80);
    expect(sup.pid()).toBe(c.pid);
    await sup.stop();
  });

  it('passes a start-up failure of the first start through unchanged (npm start prints it as one line)', async () => {
    const s = supervised([new StartupError('Java was not found on PATH')]);
    await expect(s.running).rejects.toThrow(/^Java was not found on PATH$/);
  });
});

describe('database availability', () => {
  it('refuses queries at once, with a reason, while connecting or restarting, and not otherwise', () => {
    const a = new DatabaseAvailability('connecting');
    expect(() => a.assertReachable()).toThrow(UnavailableError);
    expect(() => a.assertReachable()).toThrow(/has not reached Neo4j yet and keeps trying/);
    a.set('restarting', { attempts: 3 });
    expect(() => a.assertReachable()).toThrow(/local Neo4j stopped and the service is restarting it \(attempt 3\)/);
    for (const state of ['preparing', 'up', 'unreachable'] as const) {
      a.set(state);
      expect(() => a.assertReachable()).not.toThrow();
    }
  });

  it('logs once when the database stops answering and once when it answers again', () => {
    const { lines, logger } = recorder();
    const a = new DatabaseAvailability('up', logger);
    a.noteUnreachable(new Error('connect ECONNREFUSED 127.0.0.1:7687'));
    a.noteUnreachable(new Error('again'));
    expect(a.current).toMatchObject({ state: 'unreachable', lastError: 'connect ECONNREFUSED 127.0.0.1:7687' });
    a.noteReachable();
    a.noteReachable();
    expect(lines.map((l) => l.level)).toEqual(['warn', 'info']);
    expect(a.current.state).toBe('up');
    const restarting = new DatabaseAvailability('restarting', logger);
    restarting.noteUnreachable(new Error('x'));
    expect(restarting.current.state).toBe('restarting'); // the supervisor's state is not overwritten
  });
});

describe('driver settings and errors', () => {
  it('documents the same defaults in config.ts as the driver uses', () => {
    expect(loadConfig({}).neo4j.timeouts).toEqual(DEFAULT_TIMEOUTS);
    // The slowest UNAVAILABLE: a first failure just inside the retry time, the driver's pause before its one
    // retry (1 s ± 20 %), then a retry bounded by the acquisition timeout. Typically: ~1 s (refused), 2 s (silent host).
    expect(DEFAULT_TIMEOUTS.maxRetryMs + 1200 + DEFAULT_TIMEOUTS.acquisitionMs).toBeLessThan(5000);
    expect(DEFAULT_TIMEOUTS.maxRetryMs).toBeLessThan(800); // so there is one retry, not two
    expect(DEFAULT_TIMEOUTS.acquisitionMs).toBeGreaterThan(DEFAULT_TIMEOUTS.connectionMs);
  });

  it('maps a connection-acquisition timeout to UNAVAILABLE, not to the query TIMEOUT', () => {
    const e = mapDriverError(new Neo4jError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.', 'N/A', 'N/A', 'N/A'));
    expect(e).toBeInstanceOf(UnavailableError);
    expect(e.message).toMatch(/database is unavailable; the service is reconnecting/);
    expect(mapDriverError(new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'N/A', 'N/A'))).toBeInstanceOf(TimeoutError);
  });

  it('tells an unreachable database (start anyway) from one that refuses us (stop with one line)', () => {
    expect(isUnreachable(new Neo4jError('Failed to connect to server. Caused by: connect ECONNREFUSED 127.0.0.1:1', 'ServiceUnavailable', 'N/A', 'N/A'))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('getaddrinfo ENOTFOUND neo4j.internal'), { code: 'ServiceUnavailable' }))).toBe(true);
    expect(isUnreachable(new Neo4jError('The client is unauthorized due to authentication failure.', 'Neo.ClientError.Security.Unauthorized', 'N/A', 'N/A'))).toBe(false);
    expect(isUnreachable(new Neo4jError('Database does not exist. Database name: \'nope\'.', 'Neo.ClientError.Database.DatabaseNotFound', 'N/A', 'N/A'))).toBe(false);
  });
});
