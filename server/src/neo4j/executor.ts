import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { AppError, BadInputError, StartupError, TimeoutError, UnavailableError } from '../errors.js';
import { toPlain } from './plain.js';
import type { CypherStatement } from './registry.js';
import type { Statement } from './statement.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/**
 * Structural parts some statements need that Cypher cannot take as parameters (a variable-length bound,
 * the k of SHORTEST k). Each is chosen from a fixed set here — never from user text.
 */
export interface Variant {
  /** Upper bound of a quantified path pattern, replacing `__MAXLEN__` (a whole number 1–20). */
  maxLength?: number;
  /** Number of paths of a SHORTEST k selector, replacing `__K__` (a whole number 1–100). */
  k?: number;
}

export function applyVariant(text: string, v: Variant | undefined): string {
  if (!v) return text;
  let out = text;
  if (v.maxLength !== undefined) {
    if (!Number.isInteger(v.maxLength) || v.maxLength < 1 || v.maxLength > 20) throw new Error(`maxLength must be a whole number 1–20, got ${v.maxLength}`);
    out = out.replaceAll('__MAXLEN__', String(v.maxLength));
  }
  if (v.k !== undefined) {
    if (!Number.isInteger(v.k) || v.k < 1 || v.k > 100) throw new Error(`k must be a whole number 1–100, got ${v.k}`);
    out = out.replaceAll('__K__', String(v.k));
  }
  return out;
}

/** Runs registered statements inside a managed transaction; `tx.run` counts as one round trip. */
export interface Tx {
  run<R>(s: Statement<R>, params?: Params, variant?: Variant): Promise<R[]>;
}

/**
 * The one owner of the driver: managed read / write transactions, sessions closed in `finally`,
 * transaction metadata and timeouts set, driver errors mapped to the project's errors here and nowhere
 * else. `forRequest()` gives a view that counts the database round trips of one request.
 */
export class Executor {
  private counter = { queries: 0 };

  constructor(
    private readonly driver: Driver,
    private readonly registry: Map<string, CypherStatement>,
    private readonly opts: { database: string; timeoutMs: number; app?: string },
    counter?: { queries: number },
  ) {
    if (counter) this.counter = counter;
  }

  /** A view of this executor with its own round-trip counter (one per GraphQL request). */
  forRequest(): Executor {
    return new Executor(this.driver, this.registry, this.opts, { queries: 0 });
  }

  /** Database round trips run through this view so far. */
  get queryCount(): number {
    return this.counter.queries;
  }

  statement(name: string): CypherStatement {
    const s = this.registry.get(name);
    // A missing statement is a programming error caught at start-up by the registry test; never user input.
    if (!s) throw new StartupError(`No Cypher statement named "${name}" in cypher/.`);
    return s;
  }

  /** The registered statements whose names start with `prefix` (e.g. `schema/`), in name order. */
  statementsUnder(prefix: string): CypherStatement[] {
    return [...this.registry.values()].filter((s) => s.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
  }

  read<R>(s: Statement<R>, params: Params = {}, variant?: Variant): Promise<R[]> {
    return this.readTx((tx) => tx.run(s, params, variant), s.name);
  }

  write<R>(s: Statement<R>, params: Params = {}, operation = s.name): Promise<R[]> {
    return this.writeTx((tx) => tx.run(s, params), operation);
  }

  /** Several statements in one read transaction. */
  readTx<T>(work: (tx: Tx) => Promise<T>, operation = 'read'): Promise<T> {
    return this.transact('READ', work, operation);
  }

  /** Several statements in one write transaction: all or nothing. */
  writeTx<T>(work: (tx: Tx) => Promise<T>, operation = 'write'): Promise<T> {
    return this.transact('WRITE', work, operation);
  }

  /** Runs raw Cypher text (schema files, test harness); application queries use registered names. */
  async runText(text: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    this.counter.queries += 1;
    try {
      const res = await session.run(text, params, { timeout: this.opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation: 'raw' } });
      return rows(res);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  private async transact<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, operation: string): Promise<T> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    const config = { timeout: this.opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation } };
    const wrap = (tx: ManagedTransaction): Tx => ({
      run: async <R>(s: Statement<R>, params: Params = {}, variant?: Variant) => {
        this.counter.queries += 1;
        return typedRows(s, rows(await tx.run(applyVariant(this.statement(s.name).text, variant), integers(params))));
      },
    });
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx)), config)
        : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }
}

/**
 * JavaScript numbers reach Cypher as floats; LIMIT, SKIP, slices and year comparisons need integers. These
 * parameter names always carry whole numbers, so they are sent as Cypher integers.
 */
const INTEGER_PARAMS = new Set(['limit', 'skip', 'cap', 'year', 'hops']);
function integers(params: Params): Params {
  const out: Params = { ...params };
  for (const k of INTEGER_PARAMS) {
    const v = out[k];
    if (typeof v === 'number' && Number.isInteger(v)) out[k] = neo4j.int(v);
  }
  return out;
}

function rows(res: QueryResult): Row[] {
  return res.records.map((r) => toPlain(r.toObject()) as Row);
}

/**
 * Checks each row against its statement's declared shape. A mismatch is our bug (a renamed column, a
 * property stored with another type), reported with the statement and the column so it is found at once.
 */
export function typedRows<R>(s: Statement<R>, raw: Row[]): R[] {
  return raw.map((row, i) => {
    const parsed = s.row.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(row)';
    throw new AppError('INTERNAL', `cypher/${s.name}.cypher returned a row that does not match its declared shape at row ${i}, column ${where}: ${issue?.message ?? 'invalid'}.`);
  });
}

/** Maps driver and server errors to the project's errors; our own errors pass through untouched. */
export function mapDriverError(err: unknown): Error {
  if (err instanceof AppError || err instanceof StartupError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const msg = e.message ?? String(err);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return new UnavailableError('The database is unavailable; try again shortly.', err);
  if (code.includes('TransactionTimedOut') || code.includes('TransactionTimedOutClientConfiguration') || /timed out/i.test(msg)) {
    return new TimeoutError('The query took longer than the configured QUERY_TIMEOUT_MS and was stopped; narrow it (fewer hops, a smaller page, more filters).', err);
  }
  if (code.includes('Schema.ConstraintValidationFailed')) return new BadInputError(`That would break a uniqueness rule: ${msg.split('\n')[0]}`);
  if (code.includes('Statement.ArgumentError') || code.includes('Statement.TypeError')) return new BadInputError(msg.split('\n')[0] ?? msg);
  return new AppError('INTERNAL', `Database error: ${msg.split('\n')[0]}`, { cause: err });
}
