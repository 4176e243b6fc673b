/**
 * A small Cypher lexer for the console's checks: it splits the text into words, quoted names, literals and
 * symbols, and drops comments, so that a keyword inside a string ('CREATE a report') or a comment is never
 * taken for a clause, and `CALL /* … *\/ db.labels()` is read as the call it is. It does not parse Cypher:
 * Neo4j's own EXPLAIN is the authority on what a query does (see plan.ts); this only finds names.
 */
export interface Token {
  /**
   * `word`: an unquoted identifier or keyword (compare it case-insensitively); `name`: a backtick-quoted
   * identifier, never a keyword; `string`, `number`, `param` ($x): literals; `symbol`: one character.
   */
  kind: 'word' | 'name' | 'string' | 'number' | 'param' | 'symbol';
  /** The word or name without quotes, or the literal as written, or the symbol. */
  text: string;
  /** Where the token starts in the text (0-based). */
  offset: number;
}

const WORD = /[\p{L}_][\p{L}\p{N}_$]*/uy;
const NUMBER = /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?[\p{L}\p{N}_]*/uy;
const SPACE = /\s+/y;

/** Reads a quoted run that ends at `quote`; backslash escapes (strings) or a doubled quote (names) inside. */
function quoted(text: string, start: number, quote: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && quote !== '`') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === quote && quote === '`' && text[i + 1] === '`') {
      value += '`';
      i += 2;
    } else if (ch === quote) {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i += 1;
    }
  }
  return { value, end: text.length }; // unterminated: Neo4j reports the syntax error
}

function match(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? null;
}

/** The tokens of a Cypher text, comments and white space left out. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const space = match(SPACE, text, i);
    if (space) {
      i += space.length;
    } else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const q = quoted(text, i, ch);
      tokens.push({ kind: ch === '`' ? 'name' : 'string', text: q.value, offset: i });
      i = q.end;
    } else if (ch === '$') {
      const next = text[i + 1];
      const q = next === '`' ? quoted(text, i + 1, '`') : null;
      const word = q ? null : (match(WORD, text, i + 1) ?? match(NUMBER, text, i + 1) ?? '');
      tokens.push({ kind: 'param', text: q ? q.value : word!, offset: i });
      i = q ? q.end : i + 1 + word!.length;
    } else {
      const word = match(WORD, text, i);
      const number = word ? null : match(NUMBER, text, i);
      if (word) tokens.push({ kind: 'word', text: word, offset: i });
      else if (number) tokens.push({ kind: 'number', text: number, offset: i });
      else tokens.push({ kind: 'symbol', text: ch, offset: i });
      i += (word ?? number ?? ch).length;
    }
  }
  return tokens;
}

/** True when the token is the unquoted keyword `keyword` (any case). */
export function isWord(t: Token | undefined, keyword: string): boolean {
  return t?.kind === 'word' && t.text.toUpperCase() === keyword;
}

/**
 * The dotted name starting at token `i` (`db.index.fulltext.queryNodes`, `` `db`.`labels` ``), and the index
 * just after it; null when no identifier starts there.
 */
export function dottedName(tokens: Token[], i: number): { name: string; next: number } | null {
  const parts: string[] = [];
  let j = i;
  while (tokens[j]?.kind === 'word' || tokens[j]?.kind === 'name') {
    parts.push(tokens[j]!.text);
    if (tokens[j + 1]?.text !== '.' || tokens[j + 1]?.kind !== 'symbol') return { name: parts.join('.'), next: j + 1 };
    j += 2;
  }
  return parts.length ? { name: parts.join('.'), next: j } : null;
}
