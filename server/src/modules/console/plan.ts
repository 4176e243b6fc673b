import { allowedProcedure, refusal, type Refusal } from './policy.js';
import { commandOf, writeClauses } from './screen.js';

/** What EXPLAIN tells of a query: Neo4j's query type and the plan's operators, flattened (see the executor). */
export interface PlannedQuery {
  /** `r` read, `rw` read and write, `w` write, `s` schema or system (summary.queryType). */
  queryType: string;
  operators: { operator: string; database: string | null; details: string }[];
}

/** SHOW operators that list the database's schema and code; every other Show… or Terminate… administers. */
const LISTING_OPERATORS = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);
const ADMINISTRATION = /^(AdministrationCommand|Show|Terminate)/;
/** CreateIndex, DropConstraint, CreateFulltextIndex, DoNothingIfExists(INDEX)… */
const SCHEMA = /^(Create|Drop|DoNothingIfExists).*(Index|Constraint)/;
/** Plan operators that write, with the clause each comes from (for the reason when the text names none). */
const WRITE_OPERATORS: [RegExp, string][] = [
  [/^Create/, 'CREATE'],
  [/Merge/, 'MERGE'],
  [/^Set/, 'SET'],
  [/^Remove/, 'REMOVE'],
  [/^DetachDelete/, 'DETACH DELETE'],
  [/^Delete/, 'DELETE'],
  [/^Foreach/, 'FOREACH'],
];

/** `CamelCase` → `CAMEL CASE`, for naming a command from its operator (CreateIndex → CREATE INDEX). */
const spaced = (operator: string) => operator.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

/** The procedure a ProcedureCall operator runs, from its details (`db.labels() :: (label :: STRING)`). */
export function procedureOf(details: string): string {
  return /^\s*([\w.`$]+)\s*\(/.exec(details)?.[1]?.replace(/`/g, '') ?? details;
}

/**
 * Neo4j's verdict on a query, planned but not run: the query type must be `r` (or `s` for an allowed DBMS
 * procedure, which Neo4j types so although it reads), and every operator must be one the console allows:
 * no administration, schema command, LOAD CSV, batched transactions, procedure outside the allow-list, or
 * another database. `text` is the user's query, for naming the write clauses in the reason.
 */
export function vetPlan(plan: PlannedQuery, { database, text }: { database: string; text: string }): Refusal | null {
  const procedures: string[] = [];
  for (const { operator, database: db, details } of plan.operators) {
    if (ADMINISTRATION.test(operator) && !LISTING_OPERATORS.has(operator)) return refusal('ADMINISTRATION', operator === 'AdministrationCommand' ? commandOf(text) : spaced(operator));
    if (SCHEMA.test(operator)) return refusal('SCHEMA', spaced(operator));
    if (operator === 'LoadCSV') return refusal('LOAD_CSV');
    if (operator.startsWith('Transaction')) return refusal('IN_TRANSACTIONS'); // TransactionApply, TransactionForeach
    if (operator === 'ProcedureCall') {
      const name = procedureOf(details);
      if (!allowedProcedure(name)) return refusal('PROCEDURE', name);
      procedures.push(name);
    }
    if (db !== null && db !== database) return refusal('OTHER_DATABASE', `the database "${db}"`);
  }
  if (plan.queryType === 'r') return null;
  if (plan.queryType === 's' && procedures.length && procedures.every((p) => allowedProcedure(p) === 'DBMS')) return null;
  if (plan.queryType === 's') return refusal('SCHEMA', 'a schema or system command');
  const fromPlan = plan.operators.flatMap(({ operator }) => WRITE_OPERATORS.find(([re]) => re.test(operator))?.[1] ?? []);
  const clauses = writeClauses(text);
  return refusal('WRITE', (clauses.length ? clauses : [...new Set(fromPlan)]).join(', ') || 'a write');
}
