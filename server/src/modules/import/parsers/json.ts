import { decodeText, FileProblem } from '../decode.js';
import type { Cell, ImportFile, RawRow, Section } from '../model.js';
import { EXPORT_CREATOR, exportedRow } from './exported.js';

/** The 1-based line of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * The rows of a JSON file `{ "nodes": [...], "edges": [...] }` — the row model as objects, with kind-specific
 * properties flat or under `props` — or networkx's node-link JSON (`links` with `source` and `target`), or a
 * clustergraph export (`meta.generator`, read back by exported.ts). The
 * file is read whole: large networks go as CSV, which streams. Rows are numbered by position in their list.
 */
export async function* readJson(file: ImportFile, fileIndex: number): AsyncGenerator<RawRow> {
  let text = '';
  for await (const t of decodeText(file.open(), file.encoding)) text += t;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const at = /position (\d+)/.exec(msg);
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    const line = at ? lineAt(text, Number(at[1])) : undefined;
    throw new FileProblem(`${truncated ? 'the JSON ends too early (a truncated file?)' : 'not valid JSON'}: ${msg}`, line ? { line } : {});
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new FileProblem('a JSON import is an object with "nodes" and "edges" (or "links") lists');
  const d = doc as Record<string, unknown>;
  const lists: [Section, string][] = [['nodes', 'nodes'], ['edges', Array.isArray(d.edges) ? 'edges' : 'links']];
  if (!Array.isArray(d.nodes) && !Array.isArray(d.edges) && !Array.isArray(d.links)) throw new FileProblem('a JSON import is an object with "nodes" and "edges" (or "links") lists');
  // A clustergraph export (`meta.generator`) is read back as exported.ts describes.
  const meta = d.meta as Record<string, unknown> | undefined;
  const exported = meta !== null && typeof meta === 'object' && meta.generator === EXPORT_CREATOR;
  for (const [section, key] of lists) {
    const list = d[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new FileProblem(`"${key}" must be a list of objects`, { column: key });
    for (const [i, item] of list.entries()) {
      const cells = new Map<string, Cell>();
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        for (const [k, v] of Object.entries(item as Record<string, Cell>)) {
          if (k === 'props' && v && typeof v === 'object' && !Array.isArray(v)) for (const [pk, pv] of Object.entries(v)) cells.set(`props.${pk}`, pv);
          else cells.set(k, v);
        }
      } else cells.set('', item as Cell);
      const row: RawRow = { file: file.name, fileIndex, section, row: i + 1, cells };
      yield exported ? exportedRow(row) : row;
    }
  }
}
