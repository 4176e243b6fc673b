import { AppError, BadInputError, LimitError, TimeoutError } from '../../errors.js';
import type { Context } from '../context.js';
import { tokenize } from './lexer.js';
import { vetPlan } from './plan.js';
import { refusal, refusalError } from './policy.js';
import { screenText, writeClauses } from './screen.js';
import { consoleStatements as S } from './statements.js';

/**
 * The read-only Cypher console. A query passes three gates before any of it runs, each refusing with its
 * reason: (1) its shape and its text (`checkShape`, `screenText`); (2) Neo4j's EXPLAIN of it, in a read
 * transaction: the query type and every plan operator (`vetPlan`); (3) the run itself, in a READ
 * transaction that Neo4j enforces, under CONSOLE_TIMEOUT_MS and a row cap. The user's text runs as
 * written, with its params as parameters; it is never pasted into other Cypher.
 */

/** Longest query text the console takes, in characters. */
export const MAX_QUERY_CHARS = 20_000;

export interface ConsoleArgs {
  query: string;
  params?: unknown;
  maxRows?: number | null;
}

/** Neo4j's query types (summary.queryType) as the API names them. */
const QUERY_TYPES: Record<string, 'READ' | 'READ_WRITE' | 'WRITE' | 'SCHEMA_WRITE'> = { r: 'READ', rw: 'READ_WRITE', w: 'WRITE', s: 'SCHEMA_WRITE' };

/**
 * Gate 1a: a query of bounded length holding more than comments and spaces, and params that are a JSON object
 * (a map of names to values).
 */
export function checkShape({ query, params }: ConsoleArgs): { query: string; params: Record<string, unknown> } {
  if (query.length > MAX_QUERY_CHARS) {
    throw new BadInputError(`The query is ${query.length} characters long, over the console's maximum of ${MAX_QUERY_CHARS}.`, 'query');
  }
  if (!tokenize(query).length) throw new BadInputError('The query is empty: type a Cypher query, such as MATCH (n:Cluster) RETURN n.name.', 'query');
  if (params === null || params === undefined) return { query, params: {} };
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new BadInputError(`params must be a JSON object of parameter names and values, such as {"id": "cluster:leon-footwear"}; got ${Array.isArray(params) ? 'a list' : typeof params}.`, 'params');
  }
  return { query, params: params as Record<string, unknown> };
}

/** The row cap: `maxRows` when given (1 to CONSOLE_MAX_ROWS), else CONSOLE_MAX_ROWS; over it is an error, never a silent cap. */
export function rowCap(maxRows: number | null | undefined, max: number): number {
  const n = maxRows ?? max;
  if (!Number.isInteger(n) || n < 1) throw new BadInputError(`maxRows must be a whole number ≥ 1, got ${n}.`, 'maxRows');
  if (n > max) throw new LimitError('maxRows', max, n, 'Ask for fewer rows, or narrow the query (a LIMIT, a WHERE) (CONSOLE_MAX_ROWS).');
  return n;
}

/** Runs one console query through the three gates; see the module comment. */
export async function runConsole({ executor, config }: Pick<Context, 'executor' | 'config'>, args: ConsoleArgs) {
  const { query, params } = checkShape(args);
  const cap = rowCap(args.maxRows, config.console.maxRows);
  const installed = await executor.read(S.userDefinedFunctions);
  const early = screenText(query, new Set(installed.map((f) => f.name)));
  if (early) throw refusalError(early);
  try {
    const result = await executor.readUserQuery({
      text: query,
      params,
      timeoutMs: config.console.timeoutMs,
      maxRows: cap,
      vet: (planned) => {
        const refused = vetPlan(planned, { database: config.neo4j.database, text: query });
        if (refused) throw refusalError(refused);
      },
    });
    return { ...result, rowCount: result.rows.length, rowCap: cap, queryType: QUERY_TYPES[result.queryType] ?? 'READ' };
  } catch (err) {
    throw consoleError(err, config.console.timeoutMs, query);
  }
}

/** The console's words for what stopped a query: its own timeout, and Neo4j refusing a write (gate 3). */
function consoleError(err: unknown, timeoutMs: number, query: string): unknown {
  if (err instanceof TimeoutError) {
    return new TimeoutError(`The query ran longer than the console allows (CONSOLE_TIMEOUT_MS, ${timeoutMs} ms) and was stopped; narrow it (a LIMIT, fewer hops, a more selective MATCH).`, err);
  }
  if (err instanceof AppError && err.details?.neo4jCode === 'Neo.ClientError.Statement.ParameterMissing') {
    return new BadInputError(`params: ${err.message.replace(/\s*\(line \d+, column \d+\)$/, '')}; give each $name the query uses a value in params, e.g. {"id": "firm:segusino"}.`, 'params', { neo4jCode: err.details.neo4jCode });
  }
  if (err instanceof AppError && err.details?.neo4jCode === 'Neo.ClientError.Statement.AccessMode') {
    return refusalError(refusal('WRITE', writeClauses(query).join(', ') || 'Neo4j refused a write in its read transaction'));
  }
  return err;
}
