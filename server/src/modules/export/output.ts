/**
 * Where an export's bytes go. A format opens its files in order (CSV: nodes.csv, then edges.csv) and writes
 * each page of rows as one chunk; `write` resolves once the destination can take more (a slow HTTP client
 * slows the reading from Neo4j instead of filling memory).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';

export interface FileSink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExportOutput {
  /** Opens the next file of the export; the previous one is closed first. */
  file(name: string): Promise<FileSink>;
  /** Ends the export (the zip's directory, the stream's end). */
  finish(): Promise<void>;
}

/** Writes to a stream, waiting for 'drain' when its buffer is full; rejects when the stream fails or closes early. */
async function writeTo(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (stream.destroyed) throw new Error('the destination closed before the export ended');
  if (!stream.write(chunk)) {
    await Promise.race([once(stream, 'drain'), once(stream, 'close').then(() => { throw new Error('the destination closed before the export ended'); })]);
  }
}

async function endStream(stream: Writable): Promise<void> {
  if (stream.writableFinished) return;
  const done = once(stream, 'finish');
  stream.end();
  await done;
}

/** One file, straight into a stream (GEXF, GraphML or JSON to an HTTP response, a file or stdout); `end: false` leaves it open. */
export function streamOutput(stream: Writable, opts: { end?: boolean } = {}): ExportOutput {
  let opened = false;
  return {
    file: async (name) => {
      if (opened) throw new Error(`streamOutput holds one file; ${name} is a second`);
      opened = true;
      return { write: (chunk) => writeTo(stream, chunk), close: async () => undefined };
    },
    finish: async () => {
      if (opts.end !== false) await endStream(stream);
    },
  };
}

/** Every file as an entry of one zip archive written as it goes (fflate, deflate level 6); `end: false` leaves the stream open (stdout). */
export function zipOutput(stream: Writable, opts: { end?: boolean } = {}): ExportOutput {
  const pending: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else pending.push(data);
  });
  const flush = async () => {
    if (failed) throw failed;
    for (const data of pending.splice(0)) await writeTo(stream, data);
  };
  const encoder = new TextEncoder();
  return {
    file: async (name) => {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      return {
        write: async (chunk) => {
          entry.push(encoder.encode(chunk));
          await flush();
        },
        close: async () => {
          entry.push(new Uint8Array(0), true);
          await flush();
        },
      };
    },
    finish: async () => {
      zip.end();
      await flush();
      if (opts.end !== false) await endStream(stream);
    },
  };
}

/** Each file into a folder (the command line's --out DIR for CSV). */
export function directoryOutput(dir: string): ExportOutput {
  return {
    file: async (name) => {
      await mkdir(dir, { recursive: true });
      const stream = createWriteStream(path.join(dir, name));
      await once(stream, 'open');
      return { write: (chunk) => writeTo(stream, chunk), close: () => endStream(stream) };
    },
    finish: async () => undefined,
  };
}

/** Every file kept as text (GraphQL's exportNetwork, which is bounded by MAX_SUBGRAPH_NODES, and tests). */
export function memoryOutput(): ExportOutput & { files: { name: string; text: string }[] } {
  const files: { name: string; text: string }[] = [];
  return {
    files,
    file: async (name) => {
      const parts: string[] = [];
      return {
        write: async (chunk) => void parts.push(chunk),
        close: async () => void files.push({ name, text: parts.join('') }),
      };
    },
    finish: async () => undefined,
  };
}
