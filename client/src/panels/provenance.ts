// The "where this comes from" fieldset of every edit: cite an existing source (with lines and a quote) or
// record a new one (a field note, an interview, a document with its date) that is created first.
import { gql } from '../api/client.js';
import { CREATE_SOURCE } from '../api/queries.js';
import { h, labelled, select } from '../dom.js';
import { t, term } from '../i18n/index.js';

export interface SourceOption {
  key: string;
  title: string;
}

export interface ProvenanceField {
  element: HTMLElement;
  /** Creates the new source when one is being recorded, then returns the ProvenanceInput. */
  value(): Promise<{ source: string; lines?: number[]; quote: string }>;
}

export function provenanceField(sources: SourceOption[], prefix: string): ProvenanceField {
  const mode = { current: 'new' as 'new' | 'cite' };
  const cite = select({ 'data-testid': `${prefix}-source-select`, 'data-field': 'provenance.source' }, sources.map((s): [string, string] => [s.key, `${s.key} — ${s.title}`]), sources[0]?.key ?? null);
  const lines = h('input', { type: 'text', placeholder: '12, 13', 'data-testid': `${prefix}-lines`, 'data-field': 'provenance.lines' });
  const key = h('input', { type: 'text', placeholder: 'fieldnote-2026-03-chipilo', 'data-testid': `${prefix}-source-key`, 'data-field': 'source.key' });
  const title = h('input', { type: 'text', 'data-testid': `${prefix}-source-title`, 'data-field': 'source.title' });
  const type = select({ 'data-testid': `${prefix}-source-type` }, ['FIELD_NOTE', 'INTERVIEW', 'DOCUMENT'].map((v): [string, string] => [v, term(v)]), 'FIELD_NOTE');
  const date = h('input', { type: 'text', placeholder: '2026-03-14', 'data-testid': `${prefix}-source-date`, 'data-field': 'source.date' });
  date.value = new Date().toISOString().slice(0, 10);
  const quote = h('textarea', { rows: 2, 'data-testid': `${prefix}-quote`, 'data-field': 'provenance.quote' });
  const citeBox = h('div', { hidden: true }, labelled(t('sourceKey'), cite), labelled(t('linesLabel'), lines));
  const newBox = h('div', {}, h('div', { class: 'row2' }, labelled(t('sourceKey'), key), labelled(t('sourceType'), type)), labelled(t('sourceTitle'), title), labelled(t('sourceDate'), date));
  const radio = (value: 'new' | 'cite', label: string) => {
    const r = h('input', { type: 'radio', name: `${prefix}-mode`, value, 'data-testid': `${prefix}-mode-${value}` });
    r.checked = value === mode.current;
    r.addEventListener('change', () => {
      mode.current = value;
      citeBox.hidden = value !== 'cite';
      newBox.hidden = value !== 'new';
    });
    return h('label', { style: 'display:flex;gap:5px;font-size:13px' }, r, label);
  };
  const element = h('fieldset', {}, h('legend', {}, t('provenance')), radio('new', t('newSource')), radio('cite', t('citeExisting')), newBox, citeBox, labelled(t('quote'), quote));
  return {
    element,
    async value() {
      if (mode.current === 'cite') {
        const ls = lines.value.split(/[\s,;]+/).map((x) => Number.parseInt(x, 10)).filter(Number.isFinite);
        return { source: cite.value, ...(ls.length ? { lines: ls } : {}), quote: quote.value };
      }
      const input = { key: key.value.trim(), title: title.value.trim(), type: type.value, date: date.value.trim() || null };
      // Creating a source that exists already is harmless to retry: reuse it when the key is taken.
      if (!sources.some((s) => s.key === input.key)) {
        try {
          await gql(CREATE_SOURCE, { input });
        } catch (err) {
          if (!(err instanceof Error && /exists/i.test(err.message))) throw err;
        }
        sources.push({ key: input.key, title: input.title });
      }
      return { source: input.key, quote: quote.value };
    },
  };
}
