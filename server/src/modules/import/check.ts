import type { Executor } from '../../neo4j/executor.js';
import { FileProblem } from './decode.js';
import { counted, sectionRows } from './files.js';
import type { ImportFile, ImportIssue, Section } from './model.js';
import { importStatements as S } from './statements.js';
import { Validator, type Lookups } from './validate.js';

/** Progress of a long import, for a progress line: rows so far and, when known, how far along. */
export interface ProgressEvent {
  phase: 'checking' | 'writing';
  rows: number;
  /** 0–1 when it can be told (bytes read while checking, rows written while writing). */
  fraction?: number;
}

export interface FileCounts {
  rows: number;
  nodes: number;
  edges: number;
}

/** The database as the validator asks it: which ids and link ids exist. */
export function databaseLookups(executor: Executor): Lookups {
  return {
    entities: async (ids) => new Map((await executor.read(S.lookupEntities, { ids })).map((r) => [r.id, { kind: r.kind, aggregate: r.aggregate }])),
    links: async (ids) => new Map((await executor.read(S.lookupLinks, { ids })).map((r) => [r.id, r])),
  };
}

/**
 * Reads every file once for its nodes and once for its edges (a CSV file only for its own section) and checks
 * every row: the first pass of an import, which writes nothing. A file that cannot be read to its end is one
 * FILE issue, and the import stops there: its other rows cannot be trusted.
 */
export async function checkImport(a: {
  files: ImportFile[];
  lookups: Lookups;
  maxIssues?: number;
  onIssue?: (i: ImportIssue) => void;
  onProgress?: (p: ProgressEvent) => void;
}): Promise<{ validator: Validator; perFile: FileCounts[]; unreadable: Set<number> }> {
  const validator = new Validator({ files: a.files, lookups: a.lookups, maxIssues: a.maxIssues, onIssue: a.onIssue });
  const perFile: FileCounts[] = a.files.map(() => ({ rows: 0, nodes: 0, edges: 0 }));
  const unreadable = new Set<number>();
  // CSV files are read once (each holds one section), the others twice.
  const expected = a.files.reduce((sum, f) => sum + (f.size ?? 0) * (f.format === 'csv' ? 1 : 2), 0);
  let bytes = 0;
  let rows = 0;
  const files = a.files.map((f) => counted(f, (n) => (bytes += n)));
  // Bytes read ahead make the estimate reach 1 early; only the end of the check says 1.
  const tick = (end = false) => a.onProgress?.({ phase: 'checking', rows, ...(expected ? { fraction: end ? 1 : Math.min(0.99, bytes / expected) } : {}) });

  const sweep = async (section: Section, check: (raw: Parameters<Validator['node']>[0]) => Promise<unknown>) => {
    for (const [i] of files.entries()) {
      if (unreadable.has(i)) continue;
      try {
        for await (const row of sectionRows([files[i]!], section, new Set(), i)) {
          perFile[i]!.rows += 1;
          perFile[i]![section] += 1;
          rows += 1;
          await check(row);
          if (rows % 2000 === 0) tick();
        }
      } catch (err) {
        if (!(err instanceof FileProblem)) throw err;
        unreadable.add(i);
        validator.fileProblem({ code: err.code, file: a.files[i]!.name, ...err.place, reason: err.message });
      }
    }
  };
  await sweep('nodes', (raw) => validator.node(raw));
  // A reference settled only at the end may reject a row that earlier rows refer to: check those again.
  for (let late = await validator.nodesDone(); late; ) {
    late = false;
    for await (const raw of sectionRows(a.files, 'nodes', unreadable)) if (validator.recheckNode(raw)) late = true;
  }
  await sweep('edges', (raw) => validator.edge(raw));
  await validator.finish();
  tick(true);
  return { validator, perFile, unreadable };
}
