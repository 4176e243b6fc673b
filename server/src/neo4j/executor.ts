import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Result, type Session } from 'neo4j-driver';
import { LINK_TYPE_NAMES, TYPE_PROPERTIES, TYPES_KEY } from '../domain/enums.js';
import { AppError, BadInputError, StartupError, TimeoutError, UnavailableError } from '../errors.js';
import type { DatabaseAvailability, DatabaseStatus } from './availability.js';
import { toPlain } from './plain.js';
import type { CypherStatement } from './registry.js';
import type { Statement } from './statement.js';

export type Row = Record<string, unknown>;

/** The statement that moves the graph version on, run after every write that changed something (cypher/jobs/). */
const BUMP_GRAPH_VERSION = 'jobs/bumpGraphVersion';
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
  /**
   * The stored properties an entity map projection reads, replacing `__ENTITY__` (`n __ENTITY__` becomes
   * `n {.id, .kind, .name, …}`); null or absent: every property (`{.*}`). Keys are property names the server
   * derives from the GraphQL fields a request selects (graphql/readKeys.ts), never user text.
   */
  entity?: readonly string[] | null;
  /**
   * The same for a relationship's map projection, replacing `__LINK__` (always its id); null or absent: `{.*}`.
   * `r __LINK_REST__` is that projection without the id, or `null` when the request reads nothing more: for rows
   * that carry the id beside it (an expansion's or a path's relationships), where a map of the id alone cost a
   * 2-hop neighbourhood 0.1–0.15 ms a statement to build and decode (bench/RESULTS.md).
   */
  link?: readonly string[] | null;
  /** The same for the entity at a link's other end, replacing `__LINKED__`; absent: as `entity` (ReadKeys.linked). */
  linked?: readonly string[] | null;
  /**
   * Labels a path's far end must carry, replacing `__TARGET__` in `(b:__TARGET__)` (`Buyer|Institution`);
   * absent: `Entity`. The kinds of the API are the entities' labels. In the pattern, the label lets Neo4j's
   * shortest-path search keep to those ends instead of finding paths to every entity within reach first.
   */
  targets?: readonly string[];
  /**
   * Relationship types written into a pattern, replacing `__TYPES__` in `-[r__TYPES__]-` (`:SUPPLIES|SELLS_TO`):
   * Neo4j then reads only those relationships of a node instead of testing the type of each; absent: any type.
   */
  relTypes?: readonly string[];
  /**
   * The stored direction written into a pattern, replacing `__LARROW__` and `__RARROW__` in
   * `(a)__LARROW__-[r]-__RARROW__(b)`: OUT gives `(a)-[r]->(b)`, IN `(a)<-[r]-(b)`, absent either way. Neo4j
   * then reads only the relationships of a node that point that way: a trace downstream from a cluster crossed
   * every buyer's incoming sales before testing their direction (bench/RESULTS.md).
   */
  arrow?: 'OUT' | 'IN';
  /**
   * Tests the caller knows to hold, and parts it knows to be idle, left out by name: a line ending in
   * `// optional: <name>` is dropped when `omit` names it, and so are the lines from `// optional: <name> {` to
   * `// } <name>`; a line ending in `// instead: <name>` is kept only then (it stands in for what the part
   * defined). Neo4j plans a statement once for all parameter values, so a test such as `$via IS NULL OR …` is
   * evaluated on every candidate even when $via is null (a path search to any buyer took 1.5× the time with the
   * target and via tests left in), and a part such as an expansion's second and third hops costs its operators
   * even when it has nothing to do (a 1-hop neighbourhood's statement 0.79 against 0.87 ms without them and
   * the members' lookup; bench/RESULTS.md).
   */
  omit?: readonly string[];
}

/** The properties a request's statements read where they project `__ENTITY__` / `__LINK__` (null: all). */
export interface ReadKeys {
  entity: readonly string[] | null;
  link: readonly string[] | null;
  /**
   * The properties read of the entities at the other end of an entity's links where the statements reading
   * them project `__LINKED__` (entityWithLinks, linksByIds); absent: as `entity`. Set only when nothing but
   * Link.other shows them (graphql/readKeys.ts): such rows are then not kept in the request's entity loader,
   * where another field could look for properties they lack.
   */
  linked?: readonly string[] | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `names`, each checked to be a plain Cypher name (a property, label or type) before it is written into a statement. */
function checked(names: readonly string[], noun: string): readonly string[] {
  const bad = names.find((n) => !NAME.test(n));
  if (bad !== undefined) throw new Error(`statement variant: "${bad}" is not a ${noun}`);
  return names;
}

/**
 * A map projection reading `always` and `keys`, or every property when `keys` is null. TYPES_KEY among the keys
 * of `variable`'s projection is computed: the first of its TYPE_PROPERTIES that is set.
 */
function projection(keys: readonly string[] | null | undefined, always: readonly string[], variable?: string): string {
  if (!keys) return '{.*}';
  const entries = [...new Set([...always, ...checked(keys, 'property name')])].map((k) =>
    k === TYPES_KEY && variable ? `${TYPES_KEY}: coalesce(${TYPE_PROPERTIES.map((p) => `${variable}.${p}`).join(', ')})` : `.${k}`,
  );
  return `{${entries.join(', ')}}`;
}

/** The map projection of `variable`, an entity, reading `keys` (always its id, kind and name), or all of it. */
export const entityProjection = (keys: readonly string[] | null | undefined, variable?: string) => projection(keys, ['id', 'kind', 'name'], variable);

/** `variable`'s properties other than its id that `keys` names (all when null), or `null` when there are none (Variant.link). */
function linkRest(keys: readonly string[] | null | undefined, variable: string): string {
  if (!keys) return `${variable} {.*}`;
  const rest = keys.filter((k) => k !== 'id');
  return rest.length ? `${variable} ${projection(rest, [])}` : 'null';
}

/**
 * A statement's text with its variant written in (see Variant). One token needs no variant:
 * `__LINK_TYPES__` is every relationship type of the model (`SUPPLIES|…|HAS_CHAIN`), for a relationship looked
 * up by id, which Neo4j can then find through the per-type indexes of cypher/schema/010_link_id.cypher.
 */
export function applyVariant(text: string, v: Variant | undefined): string {
  let out = text.includes('__ENTITY__') ? text.replace(/(\w+) __ENTITY__/g, (_, variable: string) => `${variable} ${entityProjection(v?.entity, variable)}`) : text;
  if (out.includes('__LINKED__')) out = out.replace(/(\w+) __LINKED__/g, (_, variable: string) => `${variable} ${entityProjection(v?.linked === undefined ? v?.entity : v.linked, variable)}`);
  if (out.includes('__LINK__')) out = out.replaceAll('__LINK__', projection(v?.link, ['id']));
  if (out.includes('__LINK_REST__')) out = out.replace(/(\w+) __LINK_REST__/g, (_, variable: string) => linkRest(v?.link, variable));
  if (out.includes('__TARGET__')) out = out.replaceAll('__TARGET__', checked(v?.targets?.length ? v.targets : ['Entity'], 'label').join('|'));
  if (out.includes('__LINK_TYPES__')) out = out.replaceAll('__LINK_TYPES__', LINK_TYPE_NAMES.join('|'));
  if (out.includes('__TYPES__')) out = out.replaceAll('__TYPES__', v?.relTypes?.length ? `:${checked(v.relTypes, 'relationship type').join('|')}` : '');
  if (out.includes('__LARROW__')) out = out.replaceAll('__LARROW__', v?.arrow === 'IN' ? '<' : '');
  if (out.includes('__RARROW__')) out = out.replaceAll('__RARROW__', v?.arrow === 'OUT' ? '>' : '');
  out = withoutParts(out, v?.omit ?? []);
  if (!v) return out;
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

/**
 * `text` with the parts `omit` names left out and the tags of all parts taken off (see Variant.omit): what is
 * kept reads as if written without them. A name that tags nothing is refused, as it would leave in a test the
 * caller meant to drop.
 */
function withoutParts(text: string, omit: readonly string[]): string {
  let out = text;
  for (const name of checked(omit, 'name of an optional part')) {
    const block = new RegExp(`^[ \\t]*// optional: ${name} \\{[ \\t]*\\n[^]*?^[ \\t]*// \\} ${name}[ \\t]*(?:\\n|$)`, 'gm');
    const line = new RegExp(`^.*// optional: ${name}[ \\t]*$\\n?`, 'gm');
    const instead = new RegExp(`[ \\t]*// instead: ${name}[ \\t]*$`, 'gm');
    const dropped = out.replace(block, '').replace(line, '');
    const kept = dropped.replace(instead, '');
    if (kept === out) throw new Error(`statement variant: no line is tagged "// optional: ${name}"`);
    out = kept;
  }
  // The parts kept: their tags and block marks go, and the stand-ins of parts kept go whole.
  return out
    .replace(/^.*\/\/ instead: \w+[ \t]*$\n?/gm, '')
    .replace(/^[ \t]*\/\/ (?:optional: \w+ \{|\} \w+)[ \t]*$\n?/gm, '')
    .replace(/[ \t]*\/\/ optional: \w+[ \t]*$/gm, '');
}

/**
 * Statement texts with their variant written in, per registry, by statement name and variant, each with the
 * parameters its text uses. A registry is read once and never changes, so an entry never goes stale; a memo
 * is emptied when it reaches VARIANT_TEXTS_MAX entries, which bounds its memory whatever mix of variants
 * requests bring.
 */
interface Sent {
  text: string;
  /** The `$names` of the text: a parameter only a test left out used is not sent (see `sent`). */
  uses: ReadonlySet<string>;
}
const VARIANT_TEXTS = new WeakMap<Map<string, CypherStatement>, Map<string, Sent>>();
const VARIANT_TEXTS_MAX = 2000;
const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

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
  /** `keys` written out, for the memo of statement texts (textOf). */
  private keysText: string | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly registry: Map<string, CypherStatement>,
    private readonly opts: {
      database: string;
      /** QUERY_TIMEOUT_MS: the server stops a transaction that runs longer (the client is told TIMEOUT). */
      timeoutMs: number;
      app?: string;
      /** What the service knows about the database: queries are refused at once while it is known to be away. */
      availability?: DatabaseAvailability;
      /** NEO4J_MAX_RETRY_TIME_MS, for the auto-commit reads of `read` (managed transactions get it from the driver); default 500. */
      retryMs?: number;
    },
    counter?: { queries: number },
    /** The properties this view's statements read where they project `__ENTITY__` / `__LINK__` (null: all). */
    private readonly keys: ReadKeys = { entity: null, link: null },
  ) {
    if (counter) this.counter = counter;
  }

  /**
   * A view of this executor with its own round-trip counter (one per GraphQL request) and, with `keys`,
   * statements that project entities or relationships read only those properties: every such statement of
   * the request reads the same ones, so the rows its loaders hold all carry what any field asks for.
   */
  forRequest(keys: Partial<ReadKeys> = {}): Executor {
    return new Executor(this.driver, this.registry, this.opts, { queries: 0 }, { entity: keys.entity ?? null, link: keys.link ?? null, ...(keys.linked !== undefined ? { linked: keys.linked } : {}) });
  }

  /** Whether this view reads the other ends of links with fewer or other properties than its other entities (ReadKeys.linked). */
  get linkEndsApart(): boolean {
    return this.keys.linked !== undefined;
  }

  /** The database's state as the service knows it (undefined when nothing supervises the connection). */
  databaseStatus(): (DatabaseStatus & { description: string }) | undefined {
    const a = this.opts.availability;
    return a && { ...a.current, description: a.describe() };
  }

  /** Database round trips run through this view so far. */
  get queryCount(): number {
    return this.counter.queries;
  }

  /**
   * The text sent for statement `name` with this view's read keys and `variant` written in, remembered: a
   * request's statements come in few variants, and writing one (a regular expression per optional test left
   * out) cost more than looking it up. The executors over one registry share the memo (VARIANT_TEXTS).
   */
  private textOf(name: string, variant: Variant | undefined): Sent {
    // Keyed by the view's read keys, written out once per view (a request), and the variant, a few names.
    this.keysText ??= JSON.stringify(this.keys);
    const key = `${name}\u0000${this.keysText}\u0000${variant === undefined ? '' : JSON.stringify(variant)}`;
    let memo = VARIANT_TEXTS.get(this.registry);
    if (!memo) VARIANT_TEXTS.set(this.registry, (memo = new Map()));
    let sent = memo.get(key);
    if (sent === undefined) {
      const text = applyVariant(this.statement(name).text, { ...this.keys, ...variant });
      sent = { text, uses: new Set(Array.from(text.matchAll(PARAMETER), (m) => m[1]!)) };
      if (memo.size >= VARIANT_TEXTS_MAX) memo.clear();
      memo.set(key, sent);
    }
    return sent;
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

  /**
   * One statement that only reads, as an auto-commit transaction: one message to Neo4j (RUN with its PULL)
   * instead of the three of a managed transaction (BEGIN, RUN + PULL, COMMIT), each a socket write and a
   * wake-up on both sides. That halved what a statement costs the service and Neo4j in CPU (0.4 against
   * 0.8 ms for a trivial one, bench/RESULTS.md), and most requests are a few such statements. The result is
   * read whole before anything is returned, so a failure the driver calls retriable (a connection the
   * server closed, a database restarting) can run the statement again, as a managed transaction would:
   * after the driver's pause (1 s, ± 20 %), while less than NEO4J_MAX_RETRY_TIME_MS has passed.
   */
  async read<R>(s: Statement<R>, params: Params = {}, variant?: Variant): Promise<R[]> {
    this.opts.availability?.assertReachable();
    const { text, uses } = this.textOf(s.name, variant);
    const sentParams = sent(params, uses);
    const config = { timeout: this.opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation: s.name } };
    const started = Date.now();
    for (;;) {
      const session = this.driver.session({ database: this.opts.database, defaultAccessMode: 'READ' });
      this.counter.queries += 1;
      try {
        const res = await runUntraced(session, text, sentParams, config);
        this.opts.availability?.noteReachable();
        return typedRows(s, rows(res));
      } catch (err) {
        if (!(err instanceof AppError) && neo4j.isRetryableError(err) && Date.now() - started < (this.opts.retryMs ?? 500)) {
          await new Promise((r) => setTimeout(r, 1000 * (0.8 + 0.4 * Math.random())));
          continue;
        }
        throw this.failure(err);
      } finally {
        await session.close();
      }
    }
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

  /**
   * A write transaction on the service's own records (analysis jobs), which are not part of the graph: it
   * leaves the graph version alone, so a job's heartbeat does not empty the analysis cache.
   */
  writeRecordsTx<T>(work: (tx: Tx) => Promise<T>, operation = 'records'): Promise<T> {
    return this.transact('WRITE', work, operation, false);
  }

  /** Runs raw Cypher text (schema files, test harness); application queries use registered names. */
  async runText(text: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    this.opts.availability?.assertReachable();
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    this.counter.queries += 1;
    try {
      const res = await session.run(text, params, { timeout: this.opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation: 'raw' } });
      this.opts.availability?.noteReachable();
      // Raw text may batch its own transactions (CALL … IN TRANSACTIONS) or change the schema, neither of
      // which can share a transaction with the bump: the version moves right after instead.
      if (mode === 'WRITE' && res.summary.counters.containsUpdates()) await session.executeWrite((tx) => tx.run(this.statement(BUMP_GRAPH_VERSION).text));
      return rows(res);
    } catch (err) {
      throw this.failure(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs Cypher text a user typed (the researchers' console) as written, with its parameters, in one READ
   * transaction (Neo4j itself refuses any write in it) stopped by the server after `timeoutMs`. First
   * `EXPLAIN` of the text, whose plan `vet` inspects and refuses by throwing, so nothing runs unless it
   * passes; then the text itself, reading at most `maxRows` records (one more says there were more; the rest
   * are cancelled, not read). Whole numbers in `params` go as Cypher integers (JSON has no integer type).
   * Neo4j's client errors about the text (syntax, a type error, a missing parameter…) become
   * BadInputErrors on `query`, with Neo4j's message, its code and the position in the user's own text.
   */
  async readUserQuery(opts: {
    text: string;
    params: Params;
    timeoutMs: number;
    maxRows: number;
    vet: (planned: { queryType: string; operators: { operator: string; database: string | null; details: string }[] }) => void;
  }): Promise<{ columns: string[]; rows: unknown[][]; truncated: boolean; elapsedMs: number; queryType: string; notices: string[] }> {
    this.opts.availability?.assertReachable();
    const asCypher = (v: unknown): unknown =>
      typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v)
        : Array.isArray(v) ? v.map(asCypher)
          : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asCypher(x)]))
            : v;
    const params = asCypher(opts.params) as Params;
    const prefix = 'EXPLAIN ';
    let explaining = true;
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: 'READ' });
    const config = { timeout: opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation: 'console' } };
    try {
      return await session.executeRead(async (tx) => {
        explaining = true;
        this.counter.queries += 1;
        const { summary } = await tx.run(prefix + opts.text, params);
        const operators: { operator: string; database: string | null; details: string }[] = [];
        const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
          const [operator = '', database = null] = p.operatorType.split('@');
          operators.push({ operator, database, details: String(p.arguments.Details ?? '') });
          for (const c of p.children) walk(c as typeof p);
        };
        if (summary.plan) walk(summary.plan);
        opts.vet({ queryType: summary.queryType, operators });
        explaining = false;
        this.counter.queries += 1;
        const started = performance.now();
        const result = tx.run(opts.text, params);
        const rows: unknown[][] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length === opts.maxRows) {
            truncated = true;
            break; // ends the iteration, which cancels the rest of the stream
          }
          rows.push(record.keys.map((k) => toPlain(record.get(k))));
        }
        const columns = (await result.keys()).map(String);
        const notices = summary.notifications.map((n) => n.description || n.title);
        return { columns, rows, truncated, elapsedMs: Math.round(performance.now() - started), queryType: summary.queryType, notices };
      }, config);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!(err instanceof AppError) && code.startsWith('Neo.ClientError.') && !/^Neo\.ClientError\.(Transaction|Security)\./.test(code)) {
        // Neo4j's message: its text lines up to the echo of the query (a quoted line, then a caret line).
        const lines = ((err as Error).message ?? '').split('\n');
        const end = lines.findIndex((l) => l.startsWith('"'));
        const text = lines.slice(0, end < 0 ? undefined : end).join(' ').trim();
        // Positions in EXPLAIN's text are one prefix further along its first line than in the user's.
        const at = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(text);
        const shift = explaining ? prefix.length : 0;
        const line = at ? Number(at[1]) : 0;
        const position = at && line >= 1 ? { line, column: Math.max(1, Number(at[2]) - (line === 1 ? shift : 0)), offset: Math.max(0, Number(at[3]) - shift) } : undefined;
        const message = at ? text.replace(at[0], '') : text;
        throw new BadInputError(position ? `${message} (line ${position.line}, column ${position.column})` : message, 'query', { neo4jCode: code, ...position });
      }
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  private async transact<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, operation: string, versioned = true): Promise<T> {
    this.opts.availability?.assertReachable();
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    const config = { timeout: this.opts.timeoutMs, metadata: { app: this.opts.app ?? 'clustergraph', operation } };
    let changed = false;
    const wrap = (tx: ManagedTransaction): Tx => ({
      run: async <R>(s: Statement<R>, params: Params = {}, variant?: Variant) => {
        this.counter.queries += 1;
        const { text, uses } = this.textOf(s.name, variant);
        const res = await tx.run(text, sent(params, uses));
        if (res.summary.counters.containsUpdates()) changed = true;
        return typedRows(s, rows(res));
      },
    });
    // Every write that changed the graph bumps its version in the same transaction (all or nothing), which
    // is what invalidates cached analyses on every instance (modules/analytics/cache.ts).
    const writeWork = async (tx: ManagedTransaction) => {
      changed = false; // a retried transaction starts over
      const out = await work(wrap(tx));
      if (changed && versioned) await tx.run(this.statement(BUMP_GRAPH_VERSION).text);
      return out;
    };
    try {
      const result = mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx)), config)
        : await session.executeWrite(writeWork, config);
      this.opts.availability?.noteReachable();
      return result;
    } catch (err) {
      throw this.failure(err);
    } finally {
      await session.close();
    }
  }

  /** Maps a failure, and tells the availability tracker when it was the database not answering. */
  private failure(err: unknown): Error {
    const mapped = mapDriverError(err);
    if (mapped instanceof UnavailableError && !(err instanceof AppError)) this.opts.availability?.noteUnreachable(err);
    return mapped;
  }
}

/**
 * JavaScript numbers reach Cypher as floats; LIMIT, SKIP, slices and year comparisons need integers. These
 * parameter names always carry whole numbers, so they are sent as Cypher integers.
 */
const INTEGER_PARAMS = new Set(['limit', 'skip', 'cap', 'year', 'hops']);

/**
 * The parameters sent with a text that uses `uses`: those it names, whole numbers of INTEGER_PARAMS as
 * integers. A caller passes what a statement's every variant may use, and a variant that leaves a test out
 * leaves its parameters unused (an expansion's sixteen relationship types once written into its pattern):
 * the driver would pack them and Neo4j read them for nothing.
 */
export function sent(params: Params, uses: ReadonlySet<string>): Params {
  const out: Params = {};
  for (const k in params) {
    if (!uses.has(k)) continue;
    const v = params[k];
    out[k] = INTEGER_PARAMS.has(k) && typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
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

/**
 * `session.run` without the stack trace the driver captures for every result it creates, to put on the error
 * of a failure: formatting it cost 6–10 µs a statement, the more the deeper the caller (a resolver's always
 * is), against 0.8 µs with no frames (bench/RESULTS.md). The result is created before `run` returns, so the
 * limit is back before anything else runs. A failure loses nothing it needs: `failure()` maps it to the
 * project's error, created in the executor with a stack of its own, as every query error is.
 */
function runUntraced(session: Session, text: string, params: Params, config: Parameters<Session['run']>[2]): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Maps driver and server errors to the project's errors; our own errors pass through untouched. */
export function mapDriverError(err: unknown): Error {
  if (err instanceof AppError || err instanceof StartupError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const msg = e.message ?? String(err);
  // Down, restarting or refusing connections (ServiceUnavailable, SessionExpired), or every connection busy
  // past NEO4J_ACQUISITION_TIMEOUT_MS: checked before the query timeout below, whose message also says "timed out".
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /Connection acquisition timed out/i.test(msg)) {
    return new UnavailableError('The database is unavailable; the service is reconnecting to it. Try again in a few seconds.', err);
  }
  if (code.includes('TransactionTimedOut') || code.includes('TransactionTimedOutClientConfiguration') || /timed out/i.test(msg)) {
    return new TimeoutError('The query took longer than the configured QUERY_TIMEOUT_MS and was stopped; narrow it (fewer hops, a smaller page, more filters).', err);
  }
  if (code.includes('Schema.ConstraintValidationFailed')) return new BadInputError(`That would break a uniqueness rule: ${msg.split('\n')[0]}`);
  if (code.includes('Statement.ArgumentError') || code.includes('Statement.TypeError')) return new BadInputError(msg.split('\n')[0] ?? msg);
  return new AppError('INTERNAL', `Database error: ${msg.split('\n')[0]}`, { cause: err });
}
