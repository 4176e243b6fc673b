import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { FileProblem } from '../decode.js';
import type { Cell, ImportFile, RawRow } from '../model.js';
import { exportedRow, isExportHeader } from './exported.js';
import { sectionOfHeader } from './sections.js';

/** A spreadsheet cell as a plain value: the text of rich text and links, a formula's result, a date's ISO day. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if (o.error !== undefined) return `#ERROR ${o.error}`;
  if ('result' in o) return cellValue(o.result);
  if (o.text !== undefined) return cellValue(o.text);
  return String(v);
}

/**
 * The rows of an XLSX workbook, read as a stream (exceljs' WorkbookReader): each sheet with a header row is a
 * table of nodes or edges (by its columns or its name, like a CSV file); empty sheets are skipped. Rows are
 * numbered as the spreadsheet numbers them. Shared strings are held in memory, as the format requires.
 */
export async function* readXlsx(file: ImportFile, fileIndex: number): AsyncGenerator<RawRow> {
  // Loaded when a workbook comes: exceljs is large, and most imports are CSV.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(file.open()), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      const name = (sheet as unknown as { name: string }).name;
      let header: string[] | undefined;
      let section: RawRow['section'] = 'nodes';
      let exported = false;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1).map(cellValue);
        if (!header) {
          if (values.every((v) => v === null || v === '')) continue;
          header = values.map((v) => (v === null ? '' : String(v).trim()));
          section = sectionOfHeader(header, name);
          exported = isExportHeader(header, section);
          continue;
        }
        if (values.every((v) => v === null || v === '')) continue;
        const cells = new Map<string, Cell>();
        header.forEach((h, i) => {
          const v = values[i];
          if (h && v !== undefined && v !== null) cells.set(h, v);
        });
        const extra = values.slice(header.length).filter((v) => v !== null && v !== '').length;
        const width = extra ? { cells: header.length + extra, header: header.length } : undefined;
        const raw: RawRow = { file: file.name, sheet: name, sheetIndex: sheets - 1, fileIndex, section, row: row.number, cells, ...(width ? { width } : {}) };
        yield exported ? exportedRow(raw) : raw;
      }
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(`not readable as an XLSX workbook (truncated, or not an .xlsx file): ${(err as Error).message.split('\n')[0]}`);
  }
  if (sheets === 0) throw new FileProblem('not readable as an XLSX workbook: it holds no worksheet (truncated, or not an .xlsx file)');
}
