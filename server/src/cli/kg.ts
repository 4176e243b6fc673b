/**
 * `kg`, the command line (`npm run kg -- <command>`, `npx kg <command>`): one dispatcher over the commands
 * of commands/index.ts, each calling the same services as the API. Exit codes scripts can use: 0 ok,
 * 1 invalid input (or any other failure), 2 usage, 3 database unavailable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// errors.js is small and dependency-free; the commands themselves are loaded on use (commands/index.ts).
import { AppError, StartupError } from '../errors.js';
import { EXIT, print, UsageError, type CliIO } from './command.js';
import { commands } from './commands/index.js';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: kg <command> [options]      (npm run kg -- <command> …, or npx kg <command> …)

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

kg <command> --help describes a command. Output is for people by default; --json makes it machine-readable.
Exit codes: 0 ok, 1 invalid input, 2 usage, 3 database unavailable.`;
}

/** The exit code of a failure, after telling the user what failed on stderr. */
async function failed(err: unknown, command: string | undefined, io: CliIO): Promise<number> {
  const who = command ? `kg ${command}` : 'kg';
  // The reader of stdout went away (kg export … | head): nothing more to say, and not a failure of ours.
  if ((err as { code?: string }).code === 'EPIPE') return EXIT.OK;
  if (err instanceof UsageError) {
    await print(io.stderr, `${who}: ${err.message}\nRun \`${who} --help\` for usage.`);
    return EXIT.USAGE;
  }
  if (err instanceof AppError) {
    await print(io.stderr, `${who}: ${err.message}`);
    return err.code === 'UNAVAILABLE' ? EXIT.UNAVAILABLE : EXIT.INVALID_INPUT;
  }
  await print(io.stderr, `${who}: ${err instanceof StartupError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return EXIT.INVALID_INPUT;
}

/** Runs `kg` with its arguments (without `kg` itself) and resolves to the exit code. */
export async function kg(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    await print(io.stdout, overview());
    return EXIT.OK;
  }
  if (name === undefined) {
    await print(io.stderr, overview());
    return EXIT.USAGE;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) return failed(new UsageError(`unknown command "${name}"; the commands are ${commands.map((c) => c.name).join(', ')}.`), undefined, io);
  try {
    const loaded = await command.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      await print(io.stdout, loaded.help);
      return EXIT.OK;
    }
    return await loaded.run(rest, io);
  } catch (err) {
    return failed(err, name, io);
  }
}

/** Runs `kg` as the process: arguments from argv, exit code to the shell once stdout has been written. */
export async function runAsProcess(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const code = await kg(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
  if (process.stdout.destroyed || !process.stdout.writable) process.exit(code);
  process.stdout.write('', () => process.exit(code));
}

// Run when this file is the program (tsx server/src/cli/kg.ts, node dist/server/src/cli/kg.js); bin.mjs calls runAsProcess itself.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void runAsProcess();
