import { TextDecoder } from 'node:util';
/**
 * Bytes to text for the text formats. UTF-8 is the default (a byte-order mark is dropped); UTF-16 is
 * recognised by its byte-order mark; latin1 / windows-1252 when asked. Bytes that are not valid in the
 * encoding become U+FFFD, which the row mapper reports as an ENCODING error at the row and column holding
 * them — so a file saved in the wrong encoding is reported where it goes wrong, not as one vague failure.
 */

/** A problem that stops a file from being read at all (wrong format, truncated, not text). */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly place: { row?: number; line?: number; column?: string } = {},
    readonly code: 'FILE' | 'ENCODING' = 'FILE',
  ) {
    super(message);
  }
}

export const REPLACEMENT = '\uFFFD';

const ENCODINGS: Record<string, string> = { 'utf-8': 'utf-8', utf8: 'utf-8', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le' };

/** The WHATWG name of a supported encoding, or undefined. */
export function encodingName(name: string | undefined): string | undefined {
  return ENCODINGS[(name ?? 'utf-8').toLowerCase()];
}

/** Calls `see` with every chunk as it passes (checksums, byte counts for progress). */
export async function* tap(chunks: AsyncIterable<Uint8Array>, see: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    see(c);
    yield c;
  }
}

/** Decodes a byte stream to text chunks; see the module comment for the rules. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding = 'utf-8'): AsyncGenerator<string> {
  const wanted = encodingName(encoding);
  if (!wanted) throw new FileProblem(`unknown encoding "${encoding}": use utf-8, utf-16 or latin1`);
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    if (!decoder) {
      const le = chunk[0] === 0xff && chunk[1] === 0xfe;
      const be = chunk[0] === 0xfe && chunk[1] === 0xff;
      const name = le ? 'utf-16le' : be ? 'utf-16be' : wanted;
      if (!le && !be && name !== 'utf-16le' && chunk.subarray(0, 4096).includes(0)) {
        throw new FileProblem('the file holds NUL bytes: it is not UTF-8 text (UTF-16 without a byte-order mark, or not a text file at all); save it as UTF-8', {}, 'ENCODING');
      }
      // ignoreBOM false (the default) drops a leading byte-order mark.
      decoder = new TextDecoder(name, { fatal: false });
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/** Reads a whole (small) byte stream. */
export async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
