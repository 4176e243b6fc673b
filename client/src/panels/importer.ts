// The import dialog: an editor picks files (CSV, XLSX, JSON, GraphML, GEXF), checks them (a dry run) and
// imports them through `importNetwork`; the server's report is shown as it comes: every error with its file,
// row, column and reason, what would change, conflicts, and the rejected rows as files to download. A
// request is bounded by the server's MAX_REQUEST_BYTES: large files go through `kg import`.
import { editorToken, errorMessage, gql } from '../api/client.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

export interface ImportReport {
  id: string;
  status: 'WRITTEN' | 'DRY_RUN' | 'REJECTED' | 'UNCHANGED' | 'INTERRUPTED';
  message: string;
  rows: { total: number; valid: number; rejected: number };
  changes: { nodesCreated: number; nodesUpdated: number; linksCreated: number; conflictCount: number; conflicts: { entity: string; property: string; stored: string; imported: string; file: string; row: number }[] };
  errors: { code: string; file: string; sheet: string | null; row: number | null; column: string | null; reason: string }[];
  errorCount: number;
  rejectedFiles: { name: string; rows: number; content: string }[];
}

const IMPORT = `mutation Import($files: [ImportFile!]!, $dryRun: Boolean, $mode: ImportMode) {
  importNetwork(files: $files, dryRun: $dryRun, mode: $mode) {
    id status message rows { total valid rejected }
    changes { nodesCreated nodesUpdated linksCreated conflictCount conflicts { entity property stored imported file row } }
    errors { code file sheet row column reason } errorCount rejectedFiles { name rows content }
  }
}`;
const UNDO = 'mutation Undo($id: ID!) { undoImport(id: $id) { id entitiesDeleted linksDeleted } }';
const TEMPLATES = '{ importTemplates { name content } }';

/** Formats the server reads as text; anything else (XLSX) is sent in base64. */
const TEXT_FORMATS = /\.(csv|tsv|txt|json|graphml|xml|gexf)$/i;

/** A file as importNetwork takes it: text for the text formats, base64 for workbooks. */
export function fileForUpload(name: string, bytes: Uint8Array): { name: string; text?: string; base64?: string } {
  if (TEXT_FORMATS.test(name)) {
    // Bytes that are not UTF-8 must reach the server as they are, so that it can say where they are.
    try {
      return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      /* fall through to base64 */
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name, base64: btoa(binary) };
}

/** Where an error is, as one cell: `nodes.csv row 4`, `network.xlsx [edges] row 7`. */
export function errorPlace(e: ImportReport['errors'][number]): string {
  return `${e.file}${e.sheet ? ` [${e.sheet}]` : ''}${e.row !== null ? ` ${t('importRow')} ${e.row}` : ''}`;
}

/** At most this many errors are drawn (the report says how many there are). */
const SHOWN_ERRORS = 200;

const cell = 'text-align:left;padding:3px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere';

function download(name: string, content: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([content], { type: name.endsWith('.md') ? 'text/markdown' : 'text/csv' }));
  return h('a', { href: url, download: name, 'data-testid': `download-${name}` }, name);
}

function reportView(r: ImportReport, undo: () => void): HTMLElement {
  const c = r.changes;
  const summary = h('table', { style: 'border-collapse:collapse;font-size:13px;margin:6px 0' },
    ...([[t('importNewEntities'), c.nodesCreated], [t('importUpdated'), c.nodesUpdated], [t('importNewLinks'), c.linksCreated], [t('importConflicts'), c.conflictCount]] as const)
      .map(([k, v]) => h('tr', {}, h('th', { scope: 'row', style: cell }, k), h('td', { style: `${cell};text-align:right` }, v))));
  const errors = r.errors.length
    ? h('table', { 'data-testid': 'import-errors', style: 'border-collapse:collapse;font-size:13px;width:100%' },
      h('thead', {}, h('tr', {}, ...[t('importPlace'), t('importColumn'), t('importReason')].map((x) => h('th', { scope: 'col', style: `${cell};position:sticky;top:0;background:#f8fafc` }, x)))),
      h('tbody', {}, ...r.errors.slice(0, SHOWN_ERRORS).map((e) => h('tr', {}, h('td', { style: cell }, errorPlace(e)), h('td', { style: cell }, e.column ?? ''), h('td', { style: cell }, e.reason)))))
    : null;
  const more = r.errorCount > SHOWN_ERRORS ? h('p', { class: 'muted' }, t('importMoreErrors', { n: r.errorCount - SHOWN_ERRORS })) : null;
  const conflicts = c.conflicts.length
    ? h('ul', { style: 'font-size:13px;margin:4px 0' }, ...c.conflicts.map((x) => h('li', {}, `${x.entity} · ${x.property}: ${x.stored} ≠ ${x.imported} (${x.file} ${t('importRow')} ${x.row})`)))
    : null;
  const rejected = r.rejectedFiles.length ? h('p', { style: 'font-size:13px' }, `${t('importRejectedFiles')} `, ...r.rejectedFiles.map((f) => [download(f.name, f.content), ' '])) : null;
  const undoButton = r.status === 'WRITTEN' ? h('button', { 'data-testid': 'import-undo', onclick: undo }, t('importUndo')) : null;
  return h('div', { 'data-testid': 'import-report' },
    h('p', { class: r.status === 'REJECTED' || r.status === 'INTERRUPTED' ? 'msg error' : 'msg ok', 'data-testid': 'import-message', style: 'white-space:pre-wrap' }, r.message),
    summary, errors, more, conflicts, rejected, undoButton);
}

/** Opens the import dialog (built afresh, so it speaks the current language); `imported` runs after a write or an undo. */
export function openImport(opts: { imported: () => void }): HTMLDialogElement {
  document.getElementById('importer')?.remove();
  const files = h('input', { type: 'file', multiple: true, accept: '.csv,.tsv,.xlsx,.json,.graphml,.xml,.gexf', 'data-testid': 'import-files' });
  const validRows = h('input', { type: 'checkbox', 'data-testid': 'import-valid-rows' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'import-status', style: 'margin:6px 0;font-size:13px' });
  const error = h('p', { class: 'msg error', role: 'alert', 'data-testid': 'import-error', hidden: true });
  const results = h('div', { style: 'overflow:auto;max-height:50vh' });
  const templates = h('span', { style: 'font-size:13px' });
  const check = h('button', { 'data-testid': 'import-check' }, t('importCheck'));
  const write = h('button', { class: 'primary', 'data-testid': 'import-run' }, t('importRun'));
  const busy = (on: boolean) => {
    check.disabled = on;
    write.disabled = on;
    status.textContent = on ? t('loading') : '';
  };
  const showError = (text: string) => {
    error.textContent = text;
    error.hidden = !text;
  };

  async function send(dryRun: boolean): Promise<void> {
    showError('');
    const picked = [...(files.files ?? [])];
    if (!picked.length) return showError(t('importNoFiles'));
    busy(true);
    try {
      const upload = await Promise.all(picked.map(async (f) => fileForUpload(f.name, new Uint8Array(await f.arrayBuffer()))));
      const { importNetwork: r } = await gql<{ importNetwork: ImportReport }>(IMPORT, { files: upload, dryRun, mode: validRows.checked ? 'VALID_ROWS' : 'ALL_OR_NOTHING' });
      results.replaceChildren(reportView(r, () => void undo(r.id)));
      if (r.status === 'WRITTEN') opts.imported();
    } catch (err) {
      results.replaceChildren();
      showError(errorMessage(err));
    } finally {
      busy(false);
    }
  }

  async function undo(id: string): Promise<void> {
    busy(true);
    try {
      const { undoImport: u } = await gql<{ undoImport: { entitiesDeleted: number; linksDeleted: number } }>(UNDO, { id });
      results.replaceChildren(h('p', { class: 'msg ok', 'data-testid': 'import-undone' }, t('importUndone', { entities: u.entitiesDeleted, links: u.linksDeleted })));
      opts.imported();
    } catch (err) {
      showError(errorMessage(err));
    } finally {
      busy(false);
    }
  }

  check.addEventListener('click', () => void send(true));
  write.addEventListener('click', () => void send(false));
  void gql<{ importTemplates: { name: string; content: string }[] }>(TEMPLATES).then(
    (r) => templates.replaceChildren(`${t('importTemplates')}: `, ...r.importTemplates.flatMap((x) => [download(x.name, x.content), ' '])),
    () => undefined,
  );
  const signedIn = editorToken() !== null;
  const dialog = h('dialog', { id: 'importer', 'data-testid': 'importer', 'aria-labelledby': 'importer-title', style: 'width:min(900px,94vw);max-height:90vh;border:1px solid var(--line);border-radius:10px;padding:14px 16px' },
    h('div', { style: 'display:flex;justify-content:space-between;align-items:center;gap:8px' },
      h('h2', { id: 'importer-title', class: 'title', style: 'margin:0;font-size:17px' }, t('importNetwork')),
      h('button', { 'data-testid': 'close-importer', onclick: () => dialog.close() }, t('close'))),
    h('p', { class: 'muted', style: 'font-size:13px;margin:4px 0 8px' }, t('importIntro')),
    signedIn ? null : h('p', { class: 'msg error', 'data-testid': 'import-sign-in' }, t('importNeedsEditor')),
    templates,
    h('label', { class: 'field' }, t('importFiles'), files),
    h('label', { style: 'display:flex;gap:6px;align-items:center;font-size:13px;margin:6px 0' }, validRows, t('importValidRows')),
    h('div', { style: 'display:flex;gap:6px' }, check, write),
    status, error, results);
  dialog.addEventListener('keydown', (ev) => ev.stopPropagation());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
