import { dottedName, isWord, tokenize, type Token } from './lexer.js';
import { ALLOWED_SHOW, allowedProcedure, refusal, type Refusal } from './policy.js';

/**
 * The console's first look at a query, on its text alone and before Neo4j sees it: what EXPLAIN cannot
 * judge, because Neo4j fails to plan it (an unknown procedure, a command Community Edition lacks, PERIODIC
 * COMMIT) or plans it without saying (a user-defined function). Neo4j's plan is checked next (plan.ts).
 */
export function screenText(text: string, userFunctions: ReadonlySet<string> = new Set()): Refusal | null {
  const tokens = tokenize(text);
  return leadingCommand(tokens) ?? clauses(tokens, new Set([...userFunctions].map((f) => f.toLowerCase())));
}

/** Verbs that open only administration commands (users, roles, privileges, databases, servers, transactions). */
const ADMIN_VERBS = new Set(['GRANT', 'DENY', 'REVOKE', 'ALTER', 'RENAME', 'START', 'STOP', 'TERMINATE', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN']);
/** What CREATE or DROP administers rather than writes (CREATE USER, DROP DATABASE…). */
const ADMIN_OBJECTS = new Set(['USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS', 'SERVER']);
/** Words between CREATE / DROP and INDEX or CONSTRAINT in a schema command. */
const SCHEMA_QUALIFIERS = new Set(['OR', 'REPLACE', 'RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'BTREE']);
/** Nouns an administration command names after its verb, for the reason ("SHOW CURRENT USER"). */
const ADMIN_NOUNS = new Set(['CURRENT', 'USER', 'USERS', 'ROLE', 'ROLES', 'DATABASE', 'DATABASES', 'DEFAULT', 'HOME', 'ALIAS', 'ALIASES', 'PRIVILEGE', 'PRIVILEGES', 'SETTING', 'SETTINGS', 'TRANSACTION', 'TRANSACTIONS', 'SERVER', 'SERVERS', 'COMPOSITE', 'SUPPORTED']);

/** Index of the first token after the query options (`CYPHER 5 runtime=slotted`, `EXPLAIN`). */
function afterOptions(tokens: Token[]): number {
  let i = 0;
  if (isWord(tokens[i], 'CYPHER')) {
    i += 1;
    if (tokens[i]?.kind === 'number') i += 1;
    while (tokens[i + 1]?.text === '=' && tokens[i + 2]) i += 3;
  }
  if (isWord(tokens[i], 'EXPLAIN')) i += 1;
  return i;
}

/** The command's name as the reason gives it: its verb and the nouns that follow (SHOW CURRENT USER). */
function commandName(tokens: Token[], i: number): string {
  const words = [tokens[i]!.text.toUpperCase()];
  for (let j = i + 1; tokens[j]?.kind === 'word' && ADMIN_NOUNS.has(tokens[j]!.text.toUpperCase()); j++) words.push(tokens[j]!.text.toUpperCase());
  return words.join(' ');
}

/** The name of the command a query opens with (SHOW USERS, CREATE USER), for a reason given from its plan. */
export function commandOf(text: string): string {
  const tokens = tokenize(text);
  const start = afterOptions(tokens);
  return tokens[start]?.kind === 'word' ? commandName(tokens, start) : 'an administration command';
}

/** Commands told by their first words: PROFILE, administration, schema, SHOW other than the allowed lists. */
function leadingCommand(tokens: Token[]): Refusal | null {
  const start = afterOptions(tokens);
  const first = tokens[start];
  if (isWord(first, 'PROFILE')) return refusal('PROFILE');
  if (first?.kind !== 'word') return null;
  const verb = first.text.toUpperCase();
  if (ADMIN_VERBS.has(verb)) return refusal('ADMINISTRATION', commandName(tokens, start));
  if (verb === 'CREATE' || verb === 'DROP') {
    let j = start + 1;
    while (tokens[j]?.kind === 'word' && SCHEMA_QUALIFIERS.has(tokens[j]!.text.toUpperCase())) j++;
    const object = tokens[j]?.kind === 'word' ? tokens[j]!.text.toUpperCase() : '';
    if (ADMIN_OBJECTS.has(object)) return refusal('ADMINISTRATION', `${verb} ${object}`);
    if (object === 'INDEX' || object === 'CONSTRAINT') return refusal('SCHEMA', `${verb} ${object}`);
  }
  if (verb === 'SHOW') {
    const listed = tokens.slice(start + 1).findIndex((t) => isWord(t, 'WHERE') || isWord(t, 'YIELD'));
    const words = tokens.slice(start + 1, listed < 0 ? undefined : start + 1 + listed).filter((t) => t.kind === 'word').map((t) => t.text.toUpperCase());
    const lists = ALLOWED_SHOW.some((noun) => words.includes(noun) || words.includes(noun.replace(/(ES|S)$/, '')));
    if (!lists) return refusal('ADMINISTRATION', commandName(tokens, start));
  }
  return null;
}

/**
 * The procedure a CALL names: a dotted name, or a plain one followed by `(`, YIELD or the end (`CALL
 * db.labels`, `CALL myProc()`). A plain word followed by anything else is a variable that happens to be
 * called `call` (`WITH 1 AS call RETURN call`); a subquery (`CALL {`, `CALL (x) {`) names nothing.
 */
function procedureAt(tokens: Token[], i: number): { name: string; next: number } | null {
  const name = dottedName(tokens, i);
  if (!name) return null;
  const after = tokens[name.next];
  return name.name.includes('.') || !after || after.text === '(' || isWord(after, 'YIELD') ? name : null;
}

/** Clauses anywhere in the query: procedure calls, LOAD CSV, IN TRANSACTIONS, PERIODIC COMMIT, user functions. */
function clauses(tokens: Token[], userFunctions: ReadonlySet<string>): Refusal | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    // A word after a dot is a property or a name part (n.call, n.load), never a clause.
    if (prev?.kind === 'symbol' && prev.text === '.') continue;
    if (isWord(t, 'CALL')) {
      const proc = procedureAt(tokens, i + 1);
      if (proc && !allowedProcedure(proc.name)) return refusal('PROCEDURE', proc.name);
      if (proc) i = proc.next - 1;
      continue;
    }
    if (isWord(t, 'LOAD') && isWord(tokens[i + 1], 'CSV')) return refusal('LOAD_CSV');
    if (isWord(t, 'PERIODIC') && isWord(tokens[i + 1], 'COMMIT')) return refusal('PERIODIC_COMMIT');
    // `} IN TRANSACTIONS`, `} IN 4 CONCURRENT TRANSACTIONS`, `} IN $n CONCURRENT TRANSACTIONS`.
    if (t.text === '}' && t.kind === 'symbol' && isWord(tokens[i + 1], 'IN')) {
      const rest = tokens.slice(i + 2, i + 8);
      const at = rest.findIndex((x) => isWord(x, 'TRANSACTIONS'));
      if (at >= 0 && rest.slice(0, at).every((x) => x.kind !== 'symbol' || x.text === '(' || x.text === ')')) return refusal('IN_TRANSACTIONS');
    }
    if (t.kind === 'word' || t.kind === 'name') {
      const fn = dottedName(tokens, i);
      if (fn && tokens[fn.next]?.text === '(' && userFunctions.has(fn.name.toLowerCase())) return refusal('FUNCTION', fn.name);
      if (fn) i = fn.next - 1;
    }
  }
  return null;
}

/** Write clauses named in the text (CREATE, MERGE, SET, DELETE, DETACH DELETE, REMOVE, FOREACH), for the reason. */
export function writeClauses(text: string): string[] {
  const tokens = tokenize(text);
  const found: string[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (t.kind !== 'word' || (prev?.kind === 'symbol' && (prev.text === '.' || prev.text === ':'))) return;
    const word = t.text.toUpperCase();
    if (word === 'DELETE') found.push(isWord(prev, 'DETACH') ? 'DETACH DELETE' : 'DELETE');
    else if (word === 'CREATE' && !isWord(prev, 'ON')) found.push('CREATE'); // ON CREATE SET belongs to MERGE
    else if (['MERGE', 'SET', 'REMOVE', 'FOREACH'].includes(word)) found.push(word);
  });
  return [...new Set(found)];
}
