// The Cypher console: a dialog where researchers run their own read-only Cypher (the `cypher` query) and read
// the rows as a table. The server does the refusing (writes, schema and administration commands, other
// procedures) and words the reason; this shows it as it comes. Rows holding entities (nodes with an `id`) can
// be opened on the graph. A modal <dialog>: focus stays inside, Escape closes it, Ctrl+Enter runs the query.
import { errorMessage, gql } from '../api/client.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import type { Dict } from '../i18n/en.js';

export interface ConsoleResult {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
  notices: string[];
}

const CYPHER = `query Console($query: String!, $params: JSON) {
  cypher(query: $query, params: $params) { columns rows rowCount truncated rowCap elapsedMs notices }
}`;

/** Example queries for researchers, each with its title's dictionary key and, when it takes some, parameters. */
export const EXAMPLES: { title: keyof Dict; query: string; params?: string }[] = [
  { title: 'consoleExampleKinds', query: 'MATCH (n:Entity)\nRETURN n.kind AS kind, count(*) AS entities\nORDER BY entities DESC' },
  { title: 'consoleExampleChains', query: 'MATCH (c:Cluster)-[:HAS_CHAIN]->(v:ValueChain)\nRETURN c.name AS cluster, count(v) AS chains\nORDER BY chains DESC LIMIT 20' },
  { title: 'consoleExampleBrokers', query: 'MATCH (i:Institution)-[:BROKERS_FOR]->(a)\nRETURN i.name AS broker, count(DISTINCT a) AS parties\nORDER BY parties DESC LIMIT 20' },
  { title: 'consoleExampleMembers', query: 'MATCH (m:Entity)-[:MEMBER_OF]->(:Cluster {id: $cluster})\nRETURN DISTINCT m LIMIT 50', params: '{"cluster": "cluster:sinos-valley-footwear"}' },
  { title: 'consoleExampleTypes', query: 'CALL db.relationshipTypes() YIELD relationshipType\nRETURN relationshipType ORDER BY relationshipType' },
];

/** How many entities "Show on graph" opens at most (each brings its neighbourhood). */
export const MAX_SHOWN = 50;

const isEntity = (v: unknown): v is { id: string; name?: unknown; labels: unknown[] } =>
  typeof v === 'object' && v !== null && Array.isArray((v as { labels?: unknown }).labels) && typeof (v as { id?: unknown }).id === 'string';

/** The ids of the entities (nodes with an `id` property) among the rows' values, once each, in order. */
export function entityIds(rows: unknown[][]): string[] {
  const ids = new Set<string>();
  const visit = (v: unknown): void => {
    if (isEntity(v)) ids.add(v.id);
    else if (Array.isArray(v)) v.forEach(visit);
  };
  rows.forEach((row) => row.forEach(visit));
  return [...ids];
}

/** A cell's text: strings as they are, an entity as its name and id, anything else as compact JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (isEntity(v)) return typeof v.name === 'string' ? `${v.name} (${v.id})` : v.id;
  return JSON.stringify(v);
}

/** The query and parameters last typed, kept while the page is open. */
const draft = { query: EXAMPLES[0]!.query, params: '' };

const cellStyle = 'text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere;max-width:420px';

function resultTable(r: ConsoleResult): HTMLTableElement {
  return h('table', { 'data-testid': 'console-table', style: 'border-collapse:collapse;width:100%;font-size:13px' },
    h('thead', {}, h('tr', {}, ...r.columns.map((c) => h('th', { scope: 'col', style: `${cellStyle};position:sticky;top:0;background:#f8fafc` }, c)))),
    h('tbody', {}, ...r.rows.map((row) => h('tr', {}, ...row.map((v) => h('td', { style: cellStyle }, cellText(v)))))));
}

/** Opens the console (built afresh, so it speaks the current language); `showOnGraph` opens entities on the graph. */
export function openConsole(opts: { showOnGraph: (ids: string[]) => void }): HTMLDialogElement {
  document.getElementById('console')?.remove();
  const query = h('textarea', { 'data-testid': 'console-query', rows: 7, spellcheck: 'false', style: 'width:100%;font-family:ui-monospace,monospace;font-size:13px' });
  query.value = draft.query;
  const params = h('input', { type: 'text', 'data-testid': 'console-params', placeholder: '{"id": "cluster:leon-footwear"}', style: 'width:100%;font-family:ui-monospace,monospace;font-size:13px' });
  params.value = draft.params;
  const examples = h('select', { 'data-testid': 'console-examples', 'aria-label': t('consoleExamples') },
    h('option', { value: '' }, `${t('consoleExamples')}…`), ...EXAMPLES.map((x, i) => h('option', { value: String(i) }, t(x.title))));
  const status = h('p', { class: 'muted', 'data-testid': 'console-status', 'aria-live': 'polite', style: 'margin:6px 0;font-size:13px' });
  const error = h('p', { class: 'msg error', role: 'alert', 'data-testid': 'console-error', style: 'margin:6px 0;color:var(--danger);white-space:pre-wrap', hidden: true });
  const showError = (text: string) => {
    error.textContent = text;
    error.hidden = !text;
  };
  const results = h('div', { style: 'overflow:auto;max-height:45vh;border:1px solid var(--line);border-radius:6px', hidden: true });
  const show = h('button', { 'data-testid': 'console-show', disabled: true }, t('consoleShow'));
  const run = h('button', { class: 'primary', 'data-testid': 'console-run', title: `${t('consoleRun')} (Ctrl+Enter)` }, t('consoleRun'));
  let ids: string[] = [];

  async function execute(): Promise<void> {
    draft.query = query.value;
    draft.params = params.value;
    showError('');
    let vars: unknown = null;
    if (params.value.trim()) {
      try {
        vars = JSON.parse(params.value);
      } catch {
        showError(t('consoleBadParams'));
        return;
      }
    }
    run.disabled = true;
    status.textContent = t('loading');
    try {
      const { cypher: r } = await gql<{ cypher: ConsoleResult }>(CYPHER, { query: query.value, params: vars });
      results.replaceChildren(resultTable(r));
      results.hidden = false;
      ids = entityIds(r.rows);
      show.disabled = !ids.length;
      show.textContent = ids.length > MAX_SHOWN ? t('consoleShowSome', { n: MAX_SHOWN, total: ids.length }) : t('consoleShow');
      status.textContent = [t('consoleRows', { n: r.rowCount, ms: r.elapsedMs }), r.truncated ? t('consoleTruncated', { n: r.rowCap }) : '', ...r.notices].filter(Boolean).join(' ');
    } catch (err) {
      status.textContent = '';
      results.replaceChildren();
      results.hidden = true;
      show.disabled = true;
      showError(errorMessage(err));
    } finally {
      run.disabled = false;
    }
  }

  run.addEventListener('click', () => void execute());
  query.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void execute();
    }
  });
  examples.addEventListener('change', () => {
    const x = EXAMPLES[Number(examples.value)];
    if (!x || examples.value === '') return;
    query.value = x.query;
    params.value = x.params ?? '';
    examples.value = '';
    query.focus();
  });
  const dialog = h('dialog', { id: 'console', 'data-testid': 'console', 'aria-labelledby': 'console-title', style: 'width:min(980px,94vw);max-height:90vh;border:1px solid var(--line);border-radius:10px;padding:14px 16px' },
    h('div', { style: 'display:flex;justify-content:space-between;align-items:center;gap:8px' },
      h('h2', { id: 'console-title', class: 'title', style: 'margin:0;font-size:17px' }, t('console')),
      h('button', { 'data-testid': 'close-console', onclick: () => dialog.close() }, t('close'))),
    h('p', { class: 'muted', style: 'font-size:13px;margin:4px 0 8px' }, t('consoleIntro')),
    h('label', { class: 'field' }, t('consoleQuery'), query),
    h('label', { class: 'field' }, t('consoleParams'), params),
    h('div', { style: 'display:flex;gap:6px;align-items:center;flex-wrap:wrap' }, run, examples, show),
    status, error, results);
  show.addEventListener('click', () => {
    dialog.close();
    opts.showOnGraph(ids.slice(0, MAX_SHOWN));
  });
  // The page's single-key shortcuts (E expand, F fit…) must not act on the graph behind the dialog.
  dialog.addEventListener('keydown', (ev) => ev.stopPropagation());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  query.focus();
  return dialog;
}
