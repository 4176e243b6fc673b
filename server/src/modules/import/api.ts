import { readFileSync } from 'node:fs';
import { BadInputError } from '../../errors.js';
import { fromRoot } from '../../paths.js';
import type { ServiceDeps } from '../context.js';
import { pageSize } from '../core/paging.js';
import type { ImportFile as ImportFileInput, ImportFormat as GqlFormat, ImportMode } from '../resolvers.generated.js';
import { encodingName } from './decode.js';
import { fileInMemory } from './files.js';
import type { ImportFormat } from './model.js';
import { runImport, type ImportReport } from './service.js';
import { listImports, undoImport } from './undo.js';

/** The uploaded files as the import reads them: text or base64 contents, in memory (the request bounds their size). */
export function uploadedFiles(files: ImportFileInput[]) {
  if (!files.length) throw new BadInputError('files: give at least one file.', 'files');
  return files.map((f, i) => {
    const at = `files.${i}`;
    if ((f.text === null || f.text === undefined) === (f.base64 === null || f.base64 === undefined)) throw new BadInputError(`${at}: give the contents as text or as base64 (one of them).`, `${at}.text`);
    if (f.encoding && !encodingName(f.encoding)) throw new BadInputError(`${at}.encoding: use utf-8, utf-16 or latin1.`, `${at}.encoding`);
    if (f.text !== null && f.text !== undefined && f.encoding) throw new BadInputError(`${at}.encoding: text contents are already decoded; give an encoding only with base64.`, `${at}.encoding`);
    const bytes = f.text !== null && f.text !== undefined ? Buffer.from(f.text, 'utf8') : Buffer.from(f.base64!, 'base64');
    const format = f.format ? (f.format.toLowerCase() as ImportFormat) : undefined;
    try {
      return fileInMemory(f.name, bytes, { format, encoding: f.encoding });
    } catch (err) {
      throw new BadInputError(`${at}.format: ${(err as Error).message}`, `${at}.format`);
    }
  });
}

const upper = (s: string | undefined) => (s ? s.toUpperCase() : null);

/** The report as the GraphQL ImportReport type shapes it. */
export function reportView(r: ImportReport) {
  return {
    ...r,
    id: r.importId,
    files: r.files.map((f) => ({ ...f, format: f.format.toUpperCase() as GqlFormat })),
    errors: r.errors.map((e) => ({ ...e, section: upper(e.section) as 'NODES' | 'EDGES' | null })),
    errorsByCode: Object.entries(r.errorsByCode).map(([code, count]) => ({ code: code as never, count: count ?? 0 })),
  };
}

/** `importNetwork`: the uploaded files through the same import as `kg import`. */
export async function importUploaded({ executor }: ServiceDeps, a: { files: ImportFileInput[]; dryRun: boolean; mode: ImportMode; who: string }) {
  const report = await runImport(executor, { files: uploadedFiles(a.files), who: a.who, dryRun: a.dryRun, mode: a.mode });
  return reportView(report);
}

export async function importList({ executor, limits }: ServiceDeps, first: number | null | undefined) {
  return listImports(executor, pageSize(first, limits.pageSize));
}

export async function undoUploaded({ executor, loaders }: ServiceDeps, a: { id: string; who: string }) {
  const r = await undoImport(executor, a);
  loaders.entity.clearAll();
  loaders.provenance.clearAll();
  loaders.links.clearAll();
  return r;
}

/** The files of templates/import/, read when asked (they are small). */
export function importTemplates() {
  return ['nodes.csv', 'edges.csv', 'README.md'].map((name) => ({ name, content: readFileSync(fromRoot('templates', 'import', name), 'utf8') }));
}
