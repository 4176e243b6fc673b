import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileOnDisk } from '../../modules/import/files.js';
import { applySchema } from '../../neo4j/schema.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../modules/import/model.js';
import { ProgressLine } from '../../modules/import/progress.js';
import { describeIssue, runImport, type ImportReport } from '../../modules/import/service.js';
import { importStatements } from '../../modules/import/statements.js';
import { listImports, undoImport } from '../../modules/import/undo.js';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, parseCommandLine, print, table, UsageError, type CliIO, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  'dry-run': { type: 'boolean' },
  'valid-rows': { type: 'boolean' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  'rejected-dir': { type: 'string' },
  'batch-rows': { type: 'string' },
  'one-transaction-rows': { type: 'string' },
  list: { type: 'boolean' },
  undo: { type: 'string' },
  who: { type: 'string' },
} as const;

/** The statements `kg import` runs (checked at start-up without loading every module's). */
const STATEMENTS = Object.values(importStatements);

/** An import of a million rows may hold one transaction far longer than an API request's QUERY_TIMEOUT_MS. */
const TIMEOUT_MS = 6 * 3600_000;

const whole = (v: string | undefined, option: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${option} must be a whole number of rows, got "${v}".`);
  return Number(v);
};

/** The report for people: what happened, each error where it is, what changed. */
function describe(r: ImportReport, shownErrors: number): string {
  const lines: string[] = [];
  for (const e of r.errors) lines.push(describeIssue(e));
  if (r.errorCount > shownErrors) lines.push(`… and ${r.errorCount - shownErrors} more error(s)`);
  if (r.errorCount) lines.push(`${r.errorCount} error(s): ${Object.entries(r.errorsByCode).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  for (const c of r.changes.conflicts) lines.push(`conflict: ${c.entity} ${c.property} is ${c.stored} in the database, ${c.imported} in ${c.file} row ${c.row} (both kept)`);
  if (r.changes.conflictCount > r.changes.conflicts.length) lines.push(`… and ${r.changes.conflictCount - r.changes.conflicts.length} more conflict(s)`);
  if (r.status === 'DRY_RUN' || r.status === 'WRITTEN') {
    const c = r.changes;
    lines.push(table(['', 'count', 'e.g.'], [
      ['new entities', c.nodesCreated, c.newNodes.slice(0, 3).join(', ')],
      ['entities gaining properties', c.nodesUpdated, c.updatedNodes.slice(0, 3).map((u) => `${u.id} (${u.properties.join(', ')})`).join(', ')],
      ['new relationships', c.linksCreated, c.newLinks.slice(0, 2).map((l) => `${l.from} ${l.type} ${l.to}`).join(', ')],
      ['conflicts kept side by side', c.conflictCount, ''],
    ]));
  }
  lines.push(`rows: ${r.rows.total} read, ${r.rows.valid} valid, ${r.rows.rejected} rejected${r.rows.references ? `, ${r.rows.references} references to existing entities` : ''}`);
  lines.push(`${r.status.toLowerCase().replace('_', ' ')} — ${r.message}`);
  return lines.join('\n');
}

async function importFiles(paths: string[], values: Record<string, string | boolean | undefined>, io: CliIO): Promise<number> {
  const format = values.format as string | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format as ImportFormat)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${format}".`);
  const files = paths.map((p) => fileOnDisk(p, { format: format as ImportFormat | undefined, encoding: values.encoding as string | undefined }));
  const json = values.json === true;
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const progress = new ProgressLine((s) => void io.stderr.write(s), { tty });
  progress.start('checking');
  let total: number | undefined;
  const maxIssues = 100_000;
  return withDatabase({ uri: values.uri as string | undefined, progress: (l) => void io.stderr.write(`${l}\n`), timeoutMs: TIMEOUT_MS, statements: STATEMENTS }, async (db) => {
    // A new database needs the id constraints before anything is written (IF NOT EXISTS: nothing changes
    // where they are); they are set up while the rows are checked, and the write waits for them.
    const schema = values['dry-run'] ? undefined : applySchema(db.executor);
    schema?.catch(() => undefined); // a failure is thrown where the write waits for it
    const report = await runImport(db.executor, {
      files, ready: schema, who: (values.who as string | undefined) ?? process.env.USER ?? 'cli', dryRun: values['dry-run'] === true, mode: values['valid-rows'] ? 'VALID_ROWS' : 'ALL_OR_NOTHING',
      batchRows: whole(values['batch-rows'] as string | undefined, 'batch-rows'), oneTransactionRows: whole(values['one-transaction-rows'] as string | undefined, 'one-transaction-rows'), maxIssues,
      onProgress: (p) => progress.update(p, total),
      onPlan: (p) => {
        progress.end();
        total = p.rows;
        progress.start('writing');
        if (values['dry-run']) return;
        const how = p.transactions === 'ONE'
          ? `in one transaction: if it is interrupted, nothing is written`
          : `in batches, each its own transaction: if it is interrupted, run the same command again to resume, or undo it with \`kg import --undo ${p.importId}\``;
        io.stderr.write(`${p.resumeFrom ? `Resuming ${p.importId} after row ${p.resumeFrom}` : `Writing ${p.rows} rows as ${p.importId}`} ${how}.\n`);
      },
    });
    progress.end();
    await schema?.catch(() => undefined); // let it end before the database closes (it failed the write, if any, already)
    const dir = path.resolve((values['rejected-dir'] as string | undefined) ?? '.');
    const written = report.rejectedFiles.map((f) => {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, f.name);
      writeFileSync(file, f.content);
      return { name: f.name, rows: f.rows, path: file };
    });
    if (json) await print(io.stdout, JSON.stringify({ ...report, rejectedFiles: written }));
    else {
      await print(io.stdout, describe(report, report.errors.length));
      for (const f of written) await print(io.stdout, `rejected rows: ${f.path} (${f.rows}; the _errors column says why)`);
    }
    if (report.status === 'REJECTED') return EXIT.INVALID_INPUT;
    if (report.status === 'INTERRUPTED') return EXIT.UNAVAILABLE;
    return EXIT.OK;
  });
}

export const importCommand: Command = {
  name: 'import',
  help: `Usage: kg import <files…> [--dry-run] [--valid-rows] [--format F] [--encoding E] [--json] [--uri URI]
       kg import --list [--json] [--uri URI]
       kg import --undo IMPORT_ID [--json] [--uri URI]

Checks every row of every file against the domain model (kinds, enumerations, required fields, ids,
references to the import or the database, years, numbers, encodings) and reports each error by file, row,
column and reason. Nothing is written if any row is wrong, unless --valid-rows. Templates and the columns:
templates/import/. Imports of up to 50,000 valid rows and 32 MB are written in one transaction (an
interruption leaves the database as it was); larger ones in batches (an interruption can be resumed by
running the same command again, or undone). The same files imported twice change nothing.

Options:
  --dry-run        check and show what would change (new entities, properties, relationships, conflicts)
  --valid-rows     write the valid rows; rejected rows go to <name>.rejected.csv with an _errors column
  --rejected-dir D where to write rejected rows (default: the current folder)
  --format F       the files' format when their names do not say: ${IMPORT_FORMATS.join(', ')}
  --encoding E     text encoding: utf-8 (default; UTF-16 is recognised by its byte-order mark) or latin1
  --batch-rows N   rows per statement and per batch (default 5000)
  --one-transaction-rows N   largest import written in one transaction (default 50000, and 32 MB)
  --who NAME       who imports, recorded with the import (default: $USER)
  --list           list the imports, newest first
  --undo ID        take an import back out (its id is in its report and in --list)
${DATABASE_HELP}

A progress line (rows/s, time left) goes to stderr. Exit 0 done, 1 errors (nothing written), 2 usage,
3 database unavailable or an interrupted batched import.`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, { min: 0, max: Infinity, names: 'files to import' });
    const common = { uri: values.uri, progress: (l: string) => void io.stderr.write(`${l}\n`), timeoutMs: TIMEOUT_MS, statements: STATEMENTS };
    if (values.list || values.undo) {
      if (positionals.length) throw new UsageError(`--${values.list ? 'list' : 'undo'} takes no files.`);
      return withDatabase(common, async (db) => {
        if (values.undo) {
          const r = await undoImport(db.executor, { id: values.undo, who: values.who ?? process.env.USER ?? 'cli' });
          await print(io.stdout, values.json ? JSON.stringify(r) : `undid ${r.id}: ${r.entitiesDeleted} entities and ${r.linksDeleted} relationships removed, ${r.entitiesRestored} entities restored, ${r.entitiesKept} kept (other sources state them)`);
          return EXIT.OK;
        }
        const list = await listImports(db.executor, 1000);
        await print(io.stdout, values.json ? JSON.stringify(list) : table(['id', 'when', 'who', 'files', 'rows', 'status'], list.map((i) => [i.id, i.importedAt.slice(0, 19), i.importedBy, i.title, i.rowsValid, i.status === 'complete' ? 'complete' : `incomplete (${i.committedRows} of ${i.rowsValid} rows)`])));
        return EXIT.OK;
      });
    }
    if (!positionals.length) throw new UsageError('missing files to import (or --list, or --undo ID).');
    return importFiles(positionals, values, io);
  },
};
