import { sectionRows } from './files.js';
import type { Ledger } from './ledger.js';
import type { Cell, ImportFile, Section } from './model.js';
import { refOf } from './validate.js';

/** A file of the rows an import left out, to fix and import again. */
export interface RejectedFile {
  name: string;
  rows: number;
  /** CSV: `_row` and `_errors` first (the importer ignores columns starting with `_`), then the row's own columns. */
  content: string;
}

/** At most this many rejected rows are written back (a file of errors larger than this helps no one). */
const MAX_ROWS = 100_000;

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const cellText = (v: Cell | undefined): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.map(cellText).join('|') : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * The rejected rows of each file as CSV, with the reasons beside each row: a CSV file's rejects keep its own
 * header; other formats get one file of rejected nodes and one of rejected edges, in the template's columns
 * where they have them.
 */
export async function rejectedFiles(a: { files: ImportFile[]; ledger: Ledger; reasons: Map<string, string[]> }): Promise<RejectedFile[]> {
  const out: RejectedFile[] = [];
  for (const [i, file] of a.files.entries()) {
    for (const section of ['nodes', 'edges'] as Section[]) {
      const columns: string[] = [];
      const rows: { row: number; cells: Map<string, Cell> }[] = [];
      for await (const raw of sectionRows([file], section, new Set(), i)) {
        if (!a.ledger.isRejected(refOf(raw)) || rows.length >= MAX_ROWS) continue;
        for (const k of raw.cells.keys()) if (!k.startsWith('_') && !columns.includes(k)) columns.push(k);
        rows.push({ row: raw.row, cells: raw.cells });
      }
      if (!rows.length) continue;
      const lines = [['_row', '_errors', ...columns].map(quote).join(',')];
      for (const r of rows) {
        const reasons = a.reasons.get(`${file.name}#${r.row}`) ?? ['rejected (see the report)'];
        lines.push([String(r.row), reasons.join('; '), ...columns.map((c) => cellText(r.cells.get(c)))].map(quote).join(','));
      }
      const base = file.name.replace(/\.[^.]+$/, '');
      const name = file.format === 'csv' ? `${base}.rejected.csv` : `${base}.${section}.rejected.csv`;
      out.push({ name, rows: rows.length, content: `${lines.join('\n')}\n` });
    }
  }
  return out;
}
