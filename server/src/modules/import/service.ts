import { createHash } from 'node:crypto';
import type { Executor } from '../../neo4j/executor.js';
import { checkImport, databaseLookups, type ProgressEvent } from './check.js';
import { checksum } from './files.js';
import { describePlace, type ImportFile, type ImportIssue, type IssueCode } from './model.js';
import type { ImportKey } from './plan.js';
import { rejectedFiles, type RejectedFile } from './rejected.js';
import { importStatements as S } from './statements.js';
import { emptyChanges, writeImport, type Changes } from './write.js';

export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ROWS';
/**
 * WRITTEN: written; DRY_RUN: nothing written, the changes are what a write would do; REJECTED: nothing
 * written because of errors; UNCHANGED: these files were imported already; INTERRUPTED: a batched import
 * stopped part-way (its committed batches stay; run it again to resume, or undo it).
 */
export type ImportStatus = 'WRITTEN' | 'DRY_RUN' | 'REJECTED' | 'UNCHANGED' | 'INTERRUPTED';

export interface ImportOptions {
  files: ImportFile[];
  /** Who imports (the editor's name), recorded on the import's source and in the audit trail. */
  who: string;
  dryRun?: boolean;
  /** ALL_OR_NOTHING (default): any error and nothing is written. VALID_ROWS: the valid rows are written and the rejected ones returned as files. */
  mode?: ImportMode;
  /**
   * Imports of at most this many valid rows (default 50,000) and at most 32 MB of files are written in one
   * transaction; larger ones in batches (Neo4j holds a transaction's changes in memory until it commits).
   */
  oneTransactionRows?: number;
  /** Rows per statement, and per transaction when batched (default 5,000). */
  batchRows?: number;
  /** Most errors and conflicts kept in the report (all are counted; `onIssue` sees every error). */
  maxIssues?: number;
  onIssue?: (i: ImportIssue) => void;
  onProgress?: (p: ProgressEvent) => void;
  /** Told once the rows are checked and before anything is written: how the import will be written, and its id. */
  onPlan?: (p: { importId: string; rows: number; transactions: 'ONE' | 'BATCHES'; resumeFrom: number }) => void;
  /** Awaited before anything is written: set-up the caller runs while the rows are checked (the command line's schema). */
  ready?: Promise<unknown>;
}

export interface FileReport {
  name: string;
  format: string;
  bytes: number;
  checksum: string;
  rows: number;
  nodes: number;
  edges: number;
}

export interface ImportReport {
  importId: string;
  status: ImportStatus;
  mode: ImportMode;
  dryRun: boolean;
  /** ONE: one transaction (an interruption leaves the database as before); BATCHES: one per batch (an interruption can be resumed or undone). */
  transactions: 'ONE' | 'BATCHES';
  message: string;
  files: FileReport[];
  /** `references`: nodes that give only an id (as networkx writes every end of an edge), checked to exist, not written. */
  rows: { total: number; nodes: number; edges: number; references: number; valid: number; rejected: number; committed: number };
  changes: Changes;
  errors: ImportIssue[];
  errorCount: number;
  errorsByCode: Partial<Record<IssueCode, number>>;
  rejectedFiles: RejectedFile[];
}

/** The import's identity: a digest of its files' names and contents, so the same files are the same import. */
export function importKey(files: { name: string; checksum: string }[]): ImportKey & { checksum: string } {
  const digest = createHash('sha256').update(files.map((f) => `${f.name}\n${f.checksum}`).join('\n')).digest('hex');
  return { key: `import:${digest.slice(0, 12)}`, short: digest.slice(0, 12), checksum: digest };
}

/**
 * Imports a network: checks every row of every file (nothing written), then writes the valid rows — all of
 * them, or none when any row is wrong, unless VALID_ROWS — as an import source whose statements carry each
 * row's provenance. The same files imported again change nothing; an interrupted batched import resumes
 * from its last committed batch when run again.
 */
export async function runImport(executor: Executor, o: ImportOptions): Promise<ImportReport> {
  const mode = o.mode ?? 'ALL_OR_NOTHING';
  const dryRun = o.dryRun ?? false;
  const sums = await Promise.all(o.files.map(async (f) => ({ name: f.name, checksum: await checksum(f) })));
  const k = importKey(sums);
  const reasons = new Map<string, string[]>();
  const errorsByCode: Partial<Record<IssueCode, number>> = {};
  const onIssue = (i: ImportIssue) => {
    errorsByCode[i.code] = (errorsByCode[i.code] ?? 0) + 1;
    if (i.row !== undefined && reasons.size < 100_000) {
      const key = `${i.file}#${i.row}`;
      reasons.set(key, [...(reasons.get(key) ?? []), `${i.column ? `${i.column}: ` : ''}${i.reason}`]);
    }
    o.onIssue?.(i);
  };
  const base = { importId: k.key, mode, dryRun, rejectedFiles: [] as RejectedFile[], changes: emptyChanges() };
  const [previous] = await executor.read(S.importByKey, { key: k.key });
  if (previous && previous.s.status === 'complete') {
    const by = `${String(previous.s.importedBy)} on ${String(previous.s.importedAt).slice(0, 10)}`;
    return {
      ...base, status: 'UNCHANGED', transactions: previous.s.batched ? 'BATCHES' : 'ONE', files: [], errors: [], errorCount: 0, errorsByCode: {},
      rows: { total: 0, nodes: 0, edges: 0, references: 0, valid: 0, rejected: 0, committed: Number(previous.s.committedRows ?? 0) },
      message: `These files were imported already as ${k.key} (by ${by}); nothing changed. Undo that import first to import them again.`,
    };
  }

  const { validator, perFile, unreadable } = await checkImport({ files: o.files, lookups: databaseLookups(executor), maxIssues: o.maxIssues, onIssue, onProgress: o.onProgress });
  const c = validator.counts;
  const total = c.nodes + c.edges + c.references;
  const valid = total - c.rejected - c.references;
  const files: FileReport[] = o.files.map((f, i) => ({ name: f.name, format: f.format, bytes: f.size ?? 0, checksum: sums[i]!.checksum, ...perFile[i]! }));
  const bytes = o.files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  const oneTransaction = valid <= (o.oneTransactionRows ?? 50_000) && (o.oneTransactionRows !== undefined || bytes <= 32 * 1024 * 1024);
  // Errors in file order, then sheet and row (references are settled after the rows that make them).
  const fileOrder = new Map(o.files.map((f, i) => [f.name, i]));
  const listOrder = (i: ImportIssue) => (i.section === 'edges' ? 1 : 0);
  const sorted = [...validator.issues].sort((x, y) => (fileOrder.get(x.file) ?? 0) - (fileOrder.get(y.file) ?? 0) || listOrder(x) - listOrder(y) || (x.sheet ?? '').localeCompare(y.sheet ?? '') || (x.row ?? 0) - (y.row ?? 0));
  const report = (status: ImportStatus, message: string, changes = emptyChanges(), committed = 0): ImportReport => ({
    ...base, status, message, changes, files, transactions: oneTransaction ? 'ONE' : 'BATCHES',
    rows: { total, nodes: c.nodes, edges: c.edges, references: c.references, valid, rejected: c.rejected, committed },
    errors: sorted, errorCount: validator.issueCount, errorsByCode,
  });
  const errors = validator.issueCount;
  if (unreadable.size || (errors && mode === 'ALL_OR_NOTHING')) {
    const why = unreadable.size ? `${[...unreadable].map((i) => o.files[i]!.name).join(', ')} could not be read to the end` : `${errors} error(s) in ${c.rejected} row(s)`;
    return report('REJECTED', `Nothing was ${dryRun ? 'checked further' : 'written'}: ${why}. Fix them${unreadable.size ? '' : ', or import with VALID_ROWS to write the valid rows and get the rejected ones back as a file'}.`);
  }
  if (valid === 0) return report('REJECTED', `Nothing was written: no row is valid (${errors} error(s)).`);
  base.rejectedFiles = errors ? await rejectedFiles({ files: o.files, ledger: validator.ledger, reasons }) : [];
  const started = new Date().toISOString();
  const sourceProps = {
    key: k.key, title: o.files.map((f) => f.name).join(', '), type: 'import', authors: [o.who], year: Number(started.slice(0, 4)), importedBy: o.who, importedAt: started,
    checksum: k.checksum, files: o.files.map((f) => f.name), checksums: sums.map((s) => s.checksum), rows: total, rowsValid: valid, rowsRejected: c.rejected, mode, batched: !oneTransaction,
  };
  await o.ready;
  let skipRows = 0;
  const counted = ['nodesCreated', 'nodesUpdated', 'statementsAdded', 'linksCreated', 'conflictCount'] as const;
  let before: Record<string, number> = {};
  if (!dryRun && !oneTransaction) {
    const [begun] = await executor.write(S.beginImport, { key: k.key, props: sourceProps }, 'importNetwork.begin');
    skipRows = Number(begun?.s.committedRows ?? 0);
    before = Object.fromEntries(counted.map((n) => [n, Number(begun?.s[n] ?? 0)]));
  }
  o.onPlan?.({ importId: k.key, rows: valid, transactions: oneTransaction ? 'ONE' : 'BATCHES', resumeFrom: skipRows });
  const totals = (ch: Changes) => Object.fromEntries(counted.map((n) => [n, (before[n] ?? 0) + ch[n]]));
  let committed = skipRows;
  try {
    const changes = await writeImport({
      executor, files: o.files, ledger: validator.ledger, k, dryRun, batchRows: o.batchRows ?? 5000, oneTransaction, skipRows, resuming: previous !== undefined, totalRows: valid, sample: o.maxIssues ?? 100, onProgress: o.onProgress,
      onStart: async (tx) => void (oneTransaction && (await tx.run(S.beginImport, { key: k.key, props: sourceProps }))),
      onBatch: async (tx, rows, ch) => {
        if (!oneTransaction) await tx.run(S.updateImport, { key: k.key, props: { committedRows: rows, ...totals(ch) } });
        committed = rows;
      },
      onDone: async (tx, ch) => {
        await tx.run(S.updateImport, { key: k.key, props: { committedRows: valid, ...totals(ch), status: 'complete', finishedAt: new Date().toISOString() } });
        await tx.run(S.recordChange, { who: o.who, action: 'importNetwork', target: `source:${k.key}`, summary: `imported ${sourceProps.title} (${valid} rows${c.rejected ? `, ${c.rejected} rejected` : ''})` });
      },
    });
    if (dryRun) return report('DRY_RUN', `Dry run: nothing was written. Writing would add ${changes.nodesCreated} entities, update ${changes.nodesUpdated}, add ${changes.linksCreated} relationships and record ${changes.conflictCount} conflict(s).`, changes);
    const skipped = c.rejected ? ` ${c.rejected} rejected row(s) were left out${base.rejectedFiles.length ? ` (${base.rejectedFiles.map((f) => f.name).join(', ')})` : ''}.` : '';
    return report('WRITTEN', `Imported as ${k.key}: ${changes.nodesCreated} entities added, ${changes.nodesUpdated} updated, ${changes.linksCreated} relationships added, ${changes.conflictCount} conflict(s) recorded.${skipped}`, changes, valid);
  } catch (err) {
    if (dryRun || oneTransaction || committed === 0) throw err;
    const reason = (err as Error).message;
    return report('INTERRUPTED', `The import stopped after ${committed} of ${valid} rows were committed (${reason}). Run the same import again to resume from row ${committed + 1} of ${valid}, or undo it with its id ${k.key}.`, emptyChanges(), committed);
  }
}

/** One line per error, for the command line. */
export const describeIssue = (i: ImportIssue) => `${describePlace(i)}${i.column ? `, column ${i.column}` : ''}: ${i.reason}`;
