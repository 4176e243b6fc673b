import { createCB } from 'xmlbuilder2';
import type { FileSink } from '../output.js';

/** Characters XML 1.0 cannot carry at all (control characters but tab, newline and return); dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A value as XML text: strings cleaned of characters XML cannot hold, booleans as true/false. */
export function xmlText(v: string | number | boolean): string {
  return typeof v === 'string' ? v.replace(NOT_XML, '') : String(v);
}

/**
 * An xmlbuilder2 callback builder whose chunks collect in memory until `flush` writes them to the file: the
 * formats flush once per page of rows, so memory holds one page at a time.
 *
 * A parser turns a tab or a line break inside an attribute value into a space (XML's attribute-value
 * normalisation), so a quote such as "Total\t229" would come back changed; xmlbuilder2 writes them as they
 * are. So the builder writes no layout of its own, every tab, newline and return in what it writes (all from
 * values) becomes a character reference, and the file's only line breaks come before the opening tags of
 * `lines.open` (one node or edge a line) and the closing tags of `lines.close` (the containers).
 */
export function xmlWriter(sink: FileSink, lines: { open: readonly string[]; close: readonly string[] }): { xml: ReturnType<typeof createCB>; flush: () => Promise<void> } {
  const parts: string[] = [];
  // The builder hands over one token at a time; a token starting with < is markup (text has its < escaped).
  const startsLine = new RegExp(`^(<(${lines.open.join('|')})|</(${lines.close.join('|')}))(?![\\w.:-])`);
  const data = (chunk: string) => {
    const escaped = chunk.replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
    parts.push(startsLine.test(escaped) ? `\n${escaped}` : escaped);
  };
  const xml = createCB({ data, prettyPrint: false });
  return { xml, flush: () => sink.write(parts.splice(0).join('')) };
}
