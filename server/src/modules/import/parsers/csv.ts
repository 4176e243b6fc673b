import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText, FileProblem } from '../decode.js';
import type { ImportFile, RawRow, Section } from '../model.js';
import { exportedRow, isExportHeader } from './exported.js';
import { sectionOfHeader } from './sections.js';

/** The delimiter a header line uses most, outside quotes: comma, semicolon (European spreadsheets) or tab. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

/** Text chunks, with the first line's delimiter found before csv-parse starts. */
async function withDelimiter(text: AsyncGenerator<string>): Promise<{ delimiter: string; chunks: AsyncGenerator<string> }> {
  const head: string[] = [];
  let seen = '';
  // Read by hand: breaking out of for-await would close the generator and lose the rest of the file.
  while (!seen.includes('\n') && seen.length <= 65_536) {
    const next = await text.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value;
  }
  async function* all() {
    yield* head;
    yield* text;
  }
  return { delimiter: sniffDelimiter(seen.split('\n')[0] ?? ''), chunks: all() };
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'the file ends inside a quoted cell: it is truncated, or a quote is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote closes a cell but more text follows it in the same cell (double a quote inside a quoted cell: "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote in the same cell',
  CSV_MAX_RECORD_SIZE: 'a row is longer than 1 MB: the file is probably not CSV, or a quote is not closed',
};

/**
 * The rows of a CSV file: the header names the columns and decides whether the file holds nodes or edges
 * (edges have from and to, or source and target, columns). Rows are numbered as a spreadsheet numbers them
 * (the header is row 1). A row with more or fewer cells than the header is returned with its `width`, for
 * the mapper to report; a broken quote stops the file with a FileProblem naming the row.
 */
export async function* readCsv(file: ImportFile, fileIndex: number): AsyncGenerator<RawRow> {
  const { delimiter, chunks } = await withDelimiter(decodeText(file.open(), file.encoding));
  const source = Readable.from(chunks);
  const parser = source.pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 1_048_576 }));
  // A reader that stops early (the other section's file) must close the file too, not only the parser.
  source.on('error', (err) => parser.destroy(err));
  let header: string[] | undefined;
  let section: Section = 'nodes';
  let exported = false;
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      records += 1;
      if (!header) {
        header = record.map((h) => h.trim());
        section = sectionOfHeader(header, file.name);
        exported = isExportHeader(header, section);
        continue;
      }
      const cells = new Map<string, string>();
      header.forEach((h, i) => {
        const v = record[i];
        if (h && v !== undefined) cells.set(h, v);
      });
      const width = record.length !== header.length ? { cells: record.length, header: header.length } : undefined;
      const row: RawRow = { file: file.name, fileIndex, section, row: records, cells, ...(width ? { width } : {}) };
      yield exported ? exportedRow(row) : row;
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const code = (err as { code?: string }).code ?? '';
    const reason = REASONS[code] ?? `not readable as CSV: ${(err as Error).message}`;
    // csv-parse counts the records it finished (the header among them); the broken one is the next.
    const parsed = (err as { records?: number }).records;
    throw new FileProblem(reason, { row: (typeof parsed === 'number' ? Math.max(parsed, records) : records) + 1 });
  } finally {
    source.destroy();
  }
  if (!header) throw new FileProblem('the file is empty: it needs a header row (see templates/import/)');
}
