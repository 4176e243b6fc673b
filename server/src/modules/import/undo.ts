import { NotFoundError } from '../../errors.js';
import type { Executor, Tx } from '../../neo4j/executor.js';
import { restoreProps } from './plan.js';
import { importStatements as S } from './statements.js';

/** One import as `imports` lists it: its source's properties. */
export interface ImportSummary {
  id: string;
  title: string;
  files: string[];
  checksum: string;
  importedBy: string;
  importedAt: string;
  rows: number;
  rowsValid: number;
  rowsRejected: number;
  committedRows: number;
  /** complete, or running: a batched import that stopped part-way (or is still running). */
  status: string;
  batched: boolean;
  mode: string;
  nodesCreated: number;
  nodesUpdated: number;
  linksCreated: number;
  conflictCount: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function summary(s: Record<string, unknown>): ImportSummary {
  return {
    id: str(s.key), title: str(s.title), files: Array.isArray(s.files) ? s.files.map(String) : [], checksum: str(s.checksum), importedBy: str(s.importedBy), importedAt: str(s.importedAt),
    rows: num(s.rows), rowsValid: num(s.rowsValid), rowsRejected: num(s.rowsRejected), committedRows: num(s.committedRows), status: str(s.status), batched: s.batched === true, mode: str(s.mode),
    nodesCreated: num(s.nodesCreated), nodesUpdated: num(s.nodesUpdated), linksCreated: num(s.linksCreated), conflictCount: num(s.conflictCount),
  };
}

/** The imports, newest first. */
export async function listImports(executor: Executor, first: number): Promise<ImportSummary[]> {
  return (await executor.read(S.listImports, { limit: first })).map((r) => summary(r.s));
}

export interface UndoReport {
  id: string;
  linksDeleted: number;
  entitiesDeleted: number;
  /** Entities the import created that stay because other sources state them or link to them. */
  entitiesKept: number;
  entitiesRestored: number;
}

/**
 * Takes an import back out: its relationships, its statements, the blanks it filled and list values and
 * conflicts it added to entities it did not create, the entities it created that nothing else holds on to,
 * and finally its source. A small import is undone in one transaction; a batched one batch by batch (an
 * undo that stops part-way can simply be run again).
 */
export async function undoImport(executor: Executor, a: { id: string; who: string; batchRows?: number }): Promise<UndoReport> {
  const [found] = await executor.read(S.importByKey, { key: a.id });
  if (!found) throw new NotFoundError(`id: no import ${a.id} (see the imports list).`, 'id');
  const imp = summary(found.s);
  const limit = a.batchRows ?? 10_000;
  const report: UndoReport = { id: a.id, linksDeleted: 0, entitiesDeleted: 0, entitiesKept: 0, entitiesRestored: 0 };

  const steps = async (within: (work: (tx: Tx) => Promise<number>) => Promise<number>) => {
    for (let n = 1; n > 0; ) {
      n = await within(async (tx) => {
        const rows = await tx.run(S.undoUpdatedNodes, { key: a.id, limit });
        const restored = rows.map((r) => ({ id: r.id, props: restoreProps(r.props, r.filled, JSON.parse(r.added) as Record<string, string[]>) }));
        if (restored.length) await tx.run(S.restoreNodes, { key: a.id, rows: restored });
        return restored.length;
      });
      report.entitiesRestored += n;
    }
    for (let n = 1; n > 0; ) {
      n = await within(async (tx) => (await tx.run(S.undoLinks, { key: a.id, limit }))[0]?.deleted ?? 0);
      report.linksDeleted += n;
    }
    if (imp.conflictCount > 0) await within(async (tx) => (await tx.run(S.undoLinkConflicts, { marker: `(${a.id} ` }))[0]?.changed ?? 0);
    for (let n = 1; n > 0; ) {
      n = await within(async (tx) => {
        const [r] = await tx.run(S.undoCreatedNodes, { key: a.id, limit });
        report.entitiesDeleted += r?.deleted ?? 0;
        report.entitiesKept += (r?.statements ?? 0) - (r?.deleted ?? 0);
        return r?.statements ?? 0;
      });
    }
    await within(async (tx) => {
      await tx.run(S.deleteImport, { key: a.id });
      await tx.run(S.recordChange, { who: a.who, action: 'undoImport', target: `source:${a.id}`, summary: `undid ${imp.title}: ${report.entitiesDeleted} entities and ${report.linksDeleted} relationships removed, ${report.entitiesRestored} restored` });
      return 0;
    });
  };

  if (imp.batched) await steps((work) => executor.writeTx(work, 'undoImport.batch'));
  else {
    await executor.writeTx(async (tx) => {
      Object.assign(report, { linksDeleted: 0, entitiesDeleted: 0, entitiesKept: 0, entitiesRestored: 0 });
      await steps((work) => work(tx));
    }, 'undoImport');
  }
  return report;
}
