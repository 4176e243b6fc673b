import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors.js';
import { fromRoot } from '../paths.js';

/** The project's `cypher/` folder: one statement per file, `cypher/<concept>/<name>.cypher`. */
export const cypherRoot = fromRoot('cypher');

export interface CypherStatement {
  /** `<concept>/<name>`, e.g. `clusters/listClusters`. */
  name: string;
  /** The statement without its `//` header. */
  text: string;
  /** The header: what the statement does and which `$parameters` it takes. */
  doc: string;
}

/** The line opening (`// optional: name {`) or closing (`// } name`) a part a variant can leave out. */
const PART_MARK = /^[ \t]*\/\/ (?:optional: \w+ \{|\} \w+)[ \t]*$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.cypher') ? [p] : [];
  });
}

/** Reads every `.cypher` file once; a file without a `//` header or with no statement fails start-up. */
export function loadCypherRegistry(root = cypherRoot): Map<string, CypherStatement> {
  const registry = new Map<string, CypherStatement>();
  for (const file of walk(root).sort()) {
    const name = path.relative(root, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
    const raw = readFileSync(file, 'utf8');
    const lines = raw.split('\n');
    // Comment lines are the header, but for the marks of an optional part (executor.ts, Variant.omit).
    const comment = (l: string) => l.trim().startsWith('//') && !PART_MARK.test(l);
    const doc = lines.filter(comment).map((l) => l.trim().replace(/^\/\/\s?/, '')).join('\n');
    const text = lines.filter((l) => !comment(l)).join('\n').trim().replace(/;\s*$/, '');
    if (!doc) throw new StartupError(`${file}: a Cypher file must start with a // header saying what it does and its $parameters.`);
    if (!text) throw new StartupError(`${file}: the file holds no statement.`);
    registry.set(name, { name, text, doc });
  }
  return registry;
}

/**
 * Every statement the code declares must have its file: a missing file fails start-up, not the first
 * request. Returns the orphans — files outside `schema/` (applied as a folder) that no module declares —
 * which a test keeps at zero: an orphan is dead code nobody runs.
 */
export function checkStatements(registry: Map<string, CypherStatement>, declared: Iterable<{ name: string }>): { orphans: string[] } {
  const names = new Set([...declared].map((s) => s.name));
  const missing = [...names].filter((n) => !registry.has(n)).sort();
  if (missing.length) throw new StartupError(`Cypher registry: ${missing.map((n) => `cypher/${n}.cypher is named in code but no such file exists`).join('; ')}.`);
  return { orphans: [...registry.keys()].filter((n) => !n.startsWith('schema/') && !names.has(n)).sort() };
}
