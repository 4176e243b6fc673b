import type { ImportFile, ImportFormat, RawRow } from '../model.js';
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import { readXlsx } from './xlsx.js';
import { readGraphXml } from './xml.js';

const BY_EXTENSION: Record<string, ImportFormat> = { csv: 'csv', tsv: 'csv', txt: 'csv', xlsx: 'xlsx', json: 'json', graphml: 'graphml', xml: 'graphml', gexf: 'gexf' };

/** The format a file name implies (`nodes.csv` → csv), or undefined. */
export function formatOfName(name: string): ImportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

/** The rows of one file, whatever its format: the one entry point of the parsers. */
export function readRows(file: ImportFile, fileIndex: number): AsyncGenerator<RawRow> {
  switch (file.format) {
    case 'csv':
      return readCsv(file, fileIndex);
    case 'xlsx':
      return readXlsx(file, fileIndex);
    case 'json':
      return readJson(file, fileIndex);
    case 'graphml':
    case 'gexf':
      return readGraphXml(file, fileIndex);
  }
}
