/**
 * What every `kg` subcommand is and shares: its shape, the exit codes scripts can rely on, option parsing
 * (node:util parseArgs, strict) and the plain-text table the commands print by default.
 */
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes: 0 ok, 1 invalid input (or any other failure), 2 usage, 3 database unavailable. */
export const EXIT = { OK: 0, INVALID_INPUT: 1, USAGE: 2, UNAVAILABLE: 3 } as const;

/** The command line itself is wrong (unknown option, missing required option or argument): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Where a command writes: its output (stdout) and its messages (stderr). */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

/** A command as `kg` lists it (commands/index.ts): name and summary, the implementation loaded on use. */
export interface CommandEntry {
  /** `kg <name>`. */
  name: string;
  /** One line for `kg --help`. */
  summary: string;
  load(): Promise<Command>;
}

export interface Command {
  /** `kg <name>`. */
  name: string;
  /** The whole help of `kg <name> --help`: usage, arguments, options, examples. */
  help: string;
  /**
   * Runs with the arguments after the name and resolves to the exit code. Throws UsageError for a mistake in
   * the command line, an AppError for bad input (1) or an unavailable database (3).
   */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Options every command that reads the database takes (their help lines are in DATABASE_HELP). */
export const DATABASE_OPTIONS = {
  uri: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const DATABASE_HELP = `  --uri URI        the Neo4j to use (default: NEO4J_URI, else the local Neo4j: the running one on
                   NEO4J_BOLT_PORT, or started for the command)
  --json           machine-readable output (JSON on stdout)
  -h, --help       this help`;

/** Parses a command's arguments strictly: an unknown option, a missing value or a stray argument is a UsageError. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}.`);
  if (n > positionals.max) throw new UsageError(`unexpected argument${n - positionals.max > 1 ? 's' : ''} ${parsed.positionals.slice(positionals.max).join(' ')}.`);
  return parsed;
}

/** Writes text and resolves once the stream has taken it. */
export function print(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text.endsWith('\n') ? text : `${text}\n`, (err) => (err ? reject(err) : resolve())));
}

export type Cell = string | number | boolean | null | undefined;

const show = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v));

/** Rows as an aligned plain-text table with a header line; numbers right-aligned, decimals to 4 places. */
export function table(columns: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(show));
  const width = columns.map((c, i) => Math.max(c.length, ...text.map((r) => r[i]!.length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join('  ').trimEnd();
  return [line(columns), line(width.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
