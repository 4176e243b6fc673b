import { BadInputError } from '../../errors.js';

/**
 * What the console lets through beyond plain reading, and how it says no. Everything here is an allow-list:
 * a procedure, a SHOW command or a plan operator not named is refused.
 */

/**
 * Read-only procedures a researcher may call, with the mode Neo4j gives each: DBMS procedures plan as query
 * type `s` although they only read, so plan.ts accepts that type for them alone.
 */
export const ALLOWED_PROCEDURES: ReadonlyMap<string, 'READ' | 'DBMS'> = new Map([
  ['db.labels', 'READ'],
  ['db.relationshipTypes', 'READ'],
  ['db.propertyKeys', 'READ'],
  ['db.schema.visualization', 'READ'],
  ['db.schema.nodeTypeProperties', 'READ'],
  ['db.schema.relTypeProperties', 'READ'],
  ['db.index.fulltext.queryNodes', 'READ'],
  ['db.index.fulltext.queryRelationships', 'READ'],
  ['dbms.components', 'DBMS'],
]);

/** Procedure names compare without regard to case, as Neo4j resolves them. */
export function allowedProcedure(name: string): 'READ' | 'DBMS' | undefined {
  const lower = name.toLowerCase();
  for (const [n, mode] of ALLOWED_PROCEDURES) if (n.toLowerCase() === lower) return mode;
  return undefined;
}

/** SHOW commands that list the database's own schema and code (read-only; the rest administer the DBMS). */
export const ALLOWED_SHOW = ['INDEXES', 'CONSTRAINTS', 'PROCEDURES', 'FUNCTIONS'] as const;

/** Why a query was refused: a stable code, sent as `extensions.refusal` beside `code: BAD_USER_INPUT`. */
export type RefusalKind =
  | 'WRITE'
  | 'SCHEMA'
  | 'ADMINISTRATION'
  | 'PROCEDURE'
  | 'FUNCTION'
  | 'LOAD_CSV'
  | 'IN_TRANSACTIONS'
  | 'PERIODIC_COMMIT'
  | 'PROFILE'
  | 'OTHER_DATABASE';

export interface Refusal {
  kind: RefusalKind;
  /** The reason, in a sentence that names what was refused. */
  message: string;
}

/** The reasons, each naming what the query tried (`what`: clauses, a command, a procedure or function name). */
export const REASONS: Record<RefusalKind, (what: string) => string> = {
  WRITE: (what) => `The console runs read-only queries: this query writes (${what}).`,
  SCHEMA: (what) => `The console runs read-only queries: this query changes the schema (${what}).`,
  ADMINISTRATION: (what) => `The console runs read-only queries: administration commands (${what}) are not allowed.`,
  PROCEDURE: (what) => `Procedure ${what} is not allowed in the console; the allowed procedures are ${[...ALLOWED_PROCEDURES.keys()].join(', ')}.`,
  FUNCTION: (what) => `Function ${what} is not allowed in the console: only Cypher's built-in functions are.`,
  LOAD_CSV: () => 'LOAD CSV is not allowed in the console: it reads files and URLs.',
  IN_TRANSACTIONS: () => 'CALL { … } IN TRANSACTIONS is not allowed in the console: it commits batches of its own, outside the console\'s single read transaction.',
  PERIODIC_COMMIT: () => 'USING PERIODIC COMMIT is not allowed in the console (nor in Neo4j 5): it commits batches of its own.',
  PROFILE: () => 'PROFILE is not available in the console (it cannot show the profile); run the query without it.',
  OTHER_DATABASE: (what) => `The console queries only the service's database: this query reads ${what}.`,
};

export function refusal(kind: RefusalKind, what = ''): Refusal {
  return { kind, message: REASONS[kind](what) };
}

/** The error a refusal becomes: BAD_USER_INPUT on the argument `query`, with `refusal` naming the kind. */
export function refusalError(r: Refusal): BadInputError {
  return new BadInputError(r.message, 'query', { refusal: r.kind });
}
