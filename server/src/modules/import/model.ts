/**
 * The one row model every import format is read into. A parser turns a file into `RawRow`s (cells by column
 * name, as the file names them); `columns.ts` maps each to a `NodeRow` or an `EdgeRow`; `validate.ts` checks
 * them against the domain model; `plan.ts` and `write.ts` diff and write them.
 */

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json', 'graphml', 'gexf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A cell as a file holds it: text formats give strings, typed ones (XLSX, JSON, GraphML, GEXF) numbers and booleans too. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };

/** Which list a row belongs to. */
export type Section = 'nodes' | 'edges';

/** Where a row is: its file (and sheet), its row as a spreadsheet numbers it (the header is row 1), its line. */
export interface RowPlace {
  file: string;
  section?: Section;
  /** The XLSX sheet, and its position among the workbook's sheets. */
  sheet?: string;
  sheetIndex?: number;
  /** CSV and XLSX: the spreadsheet row (header = 1); JSON, GraphML, GEXF: the record's position in its list (first = 1). */
  row: number;
  /** The text line the row starts on, where the format has lines (CSV, GraphML, GEXF). */
  line?: number;
}

/** One record of a file, before it is mapped to the row model. */
export interface RawRow extends RowPlace {
  section: Section;
  /** Index of the file in the import (file order decides nothing but identifies the file compactly). */
  fileIndex: number;
  /** Cells by column name as the file gives it (header cell, attribute name, JSON key). */
  cells: Map<string, Cell>;
  /** How many cells a CSV or XLSX row has, when that differs from its header (a truncated or shifted row). */
  width?: { cells: number; header: number };
  /**
   * The row comes from a clustergraph export (its header, creator or generator says so) and has been read
   * back into the row model by `parsers/exported.ts`: its derived columns dropped, its stored properties
   * restored from `properties`, its provenance kept as `statedIn.*`. Its cells are taken as typed.
   */
  exported?: boolean;
}

/** Every error class an import reports; each has one meaning (see the README, "Importing your network"). */
export const ISSUE_CODES = ['FILE', 'ENCODING', 'COLUMNS', 'REQUIRED', 'KIND', 'VALUE', 'NUMBER', 'YEAR', 'ID', 'DUPLICATE', 'REFERENCE', 'IDENTITY'] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One thing wrong with an import: where (file, sheet, row, column) and why. */
export interface ImportIssue {
  code: IssueCode;
  file: string;
  sheet?: string;
  /** Whether the row is a node or an edge (formats with both in one file number each list from 1). */
  section?: Section;
  /** Absent for problems of a whole file (unreadable, truncated, wrong format). */
  row?: number;
  line?: number;
  /** The column (header cell, attribute, key) as the file names it. */
  column?: string;
  reason: string;
}

/** An entity as one import row gives it, with the columns each field was read from. */
export interface NodeRow extends RowPlace {
  fileIndex: number;
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  description?: string;
  count?: number;
  aggregate?: boolean;
  country?: string;
  locatedIn?: string;
  validFrom?: number;
  validUntil?: number;
  /** Kind-specific and free properties, nested as seeds/FORMAT.md describes them. */
  props: Record<string, unknown>;
  /** Field path (`kind`, `props.sectorGroup`) → the column it came from. */
  columns: Map<string, string>;
  /** A short rendering of the row, the `quote` of its statement. */
  quote: string;
  /**
   * Read from one of the service's export files (`RawRow.exported`): its link fields (a place's `parent`, a
   * chain's `cluster`, an episode's `subject`, an event's `affects`) are kept as properties, but draw no
   * structural link, since the export's edges carry those links with their own ids and provenance.
   */
  exported?: boolean;
}

/** A relationship as one import row gives it. */
export interface EdgeRow extends RowPlace {
  fileIndex: number;
  /** Absent when the file gives none; `write.ts` makes a stable one from the import and the row. */
  id?: string;
  type: string;
  from: string;
  to: string;
  validFrom?: number;
  validUntil?: number;
  props: Record<string, unknown>;
  columns: Map<string, string>;
  quote: string;
}

/** A file to import: its name, format and a way to read its bytes (again: validation and writing each read it once). */
export interface ImportFile {
  name: string;
  format: ImportFormat;
  /** Bytes, when known (for progress and the report). */
  size?: number;
  open(): AsyncIterable<Uint8Array>;
  /** Text encoding of text formats: utf-8 (default; UTF-16 is recognised by its byte-order mark) or latin1 / windows-1252. */
  encoding?: string;
}

/** Where a row is, as issues report it. */
export const placeOf = (r: RowPlace): Omit<ImportIssue, 'code' | 'reason'> => ({ file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), ...(r.section ? { section: r.section } : {}), row: r.row, ...(r.line ? { line: r.line } : {}) });

/** A row as the ledger knows it: unique within its file (sheet, section and row together). */
export interface RowRef {
  fileIndex: number;
  sheetIndex?: number;
  section: Section;
  row: number;
}

/** `nodes.csv row 4`, `network.xlsx [edges] row 7`, `network.graphml edges row 3` (a CSV file or a sheet holds one list). */
export function describePlace(p: { file: string; sheet?: string; section?: Section; row?: number }): string {
  const list = p.section && !p.sheet && !/\.csv$/i.test(p.file) ? ` ${p.section}` : '';
  return `${p.file}${p.sheet ? ` [${p.sheet}]` : ''}${list}${p.row !== undefined ? ` row ${p.row}` : ''}`;
}

export function formatIssue(i: ImportIssue): string {
  return `${describePlace(i)}${i.column ? `, column ${i.column}` : ''}: ${i.reason} [${i.code}]`;
}
