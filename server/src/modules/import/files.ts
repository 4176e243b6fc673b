import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { BadInputError } from '../../errors.js';
import { IMPORT_FORMATS, type ImportFile, type ImportFormat, type Section } from './model.js';
import { formatOfName, readRows } from './parsers/index.js';
import type { RawRow } from './model.js';

/** A file on disk, read as a stream each time it is opened. */
export function fileOnDisk(file: string, opts: { format?: ImportFormat; encoding?: string } = {}): ImportFile {
  const format = opts.format ?? formatOfName(file);
  if (!format) throw new BadInputError(`${file}: cannot tell the format from the name; give it (${IMPORT_FORMATS.join(', ')})`, 'format');
  return { name: path.basename(file), format, size: statSync(file).size, encoding: opts.encoding, open: () => createReadStream(file, { highWaterMark: 256 * 1024 }) };
}

/** A file held in memory (an upload through the API). */
export function fileInMemory(name: string, bytes: Uint8Array, opts: { format?: ImportFormat | null; encoding?: string | null } = {}): ImportFile {
  const format = opts.format ?? formatOfName(name);
  if (!format) throw new BadInputError(`${name}: cannot tell the format from the name; give it (${IMPORT_FORMATS.join(', ')})`, 'format');
  return {
    name, format, size: bytes.length, ...(opts.encoding ? { encoding: opts.encoding } : {}),
    open: async function* () {
      for (let i = 0; i < bytes.length; i += 256 * 1024) yield bytes.subarray(i, i + 256 * 1024);
    },
  };
}

/** A file whose reads count the bytes that pass (for progress). */
export function counted(file: ImportFile, count: (bytes: number) => void): ImportFile {
  return {
    ...file,
    open: async function* () {
      for await (const c of file.open()) {
        count(c.length);
        yield c;
      }
    },
  };
}

/** SHA-256 of a file's bytes, hex. */
export async function checksum(file: ImportFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const c of file.open()) hash.update(c);
  return hash.digest('hex');
}

/**
 * The rows of one section (nodes or edges) across the files, in file order. A CSV file holds one section,
 * so a file of the other one is left after its first row; other formats are read to their end.
 * `skip` names files not to read (those that could not be read before); `firstIndex` is the import's index
 * of the first file given (when they are read one at a time).
 */
export async function* sectionRows(files: ImportFile[], section: Section, skip: Set<number> = new Set(), firstIndex = 0): AsyncGenerator<RawRow> {
  for (const [n, file] of files.entries()) {
    const i = firstIndex + n;
    if (skip.has(i)) continue;
    for await (const raw of readRows(file, i)) {
      if (raw.section === section) yield raw;
      else if (file.format === 'csv') break;
    }
  }
}
