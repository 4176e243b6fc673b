// The left column's filters: actor kinds, relationship types, cluster, country, sector group, governance,
// the year slider, node size by a measure and the broker highlight. It edits the page state only.
import { GOVERNANCE, KINDS, LINK_TYPES, SECTOR_GROUPS } from '../api/types.js';
import { DEFAULT_KINDS } from '../graph/filtering.js';
import { h, labelled, select } from '../dom.js';
import { t, term } from '../i18n/index.js';
import { emptyFilters, type PageState, type SizeMeasure, type Store } from '../state.js';

export interface FilterOptions {
  clusters: { id: string; name: string }[];
  countries: { id: string; name: string }[];
}

export const YEAR_MIN = 1950;
export const YEAR_MAX = 2025;

export function renderFilters(root: HTMLElement, store: Store, options: FilterOptions): void {
  const s = store.state;
  const f = s.filters;
  const setFilters = (patch: Partial<PageState['filters']>) => store.update({ filters: { ...store.state.filters, ...patch } });
  const toggleIn = (list: string[], v: string, on: boolean) => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));

  const kindChecks = h('div', { class: 'checks' }, ...KINDS.map((k) => {
    const box = h('input', { type: 'checkbox', value: k, 'data-testid': `filter-kind-${k}` });
    box.checked = (f.kinds.length ? f.kinds : DEFAULT_KINDS).includes(k);
    box.addEventListener('change', () => {
      const current = f.kinds.length ? f.kinds : [...DEFAULT_KINDS];
      setFilters({ kinds: toggleIn(current, k, box.checked) });
    });
    return h('label', {}, box, term(k));
  }));

  const typeChecks = h('div', { class: 'checks' }, ...LINK_TYPES.map((ty) => {
    const box = h('input', { type: 'checkbox', value: ty, 'data-testid': `filter-type-${ty}` });
    box.checked = f.types.length === 0 || f.types.includes(ty);
    box.addEventListener('change', () => {
      const current = f.types.length ? f.types : [...LINK_TYPES];
      const next = toggleIn(current, ty, box.checked);
      setFilters({ types: next.length === LINK_TYPES.length ? [] : next });
    });
    return h('label', {}, box, term(ty));
  }));
  const types = h('details', { class: 'types' }, h('summary', {}, `${t('linkTypes')}: ${f.types.length ? f.types.length : t('allTypes')}`), typeChecks);

  const any: [string, string] = ['', t('any')];
  const cluster = select({ 'data-testid': 'filter-cluster', onchange: (ev) => setFilters({ cluster: (ev.target as HTMLSelectElement).value || null }) },
    [any, ...options.clusters.map((c): [string, string] => [c.id, c.name])], f.cluster);
  const country = select({ 'data-testid': 'filter-country', onchange: (ev) => setFilters({ country: (ev.target as HTMLSelectElement).value || null }) },
    [any, ...options.countries.map((c): [string, string] => [c.id, c.name])], f.country);
  const sector = select({ 'data-testid': 'filter-sector', onchange: (ev) => setFilters({ sectorGroup: (ev.target as HTMLSelectElement).value || null }) },
    [any, ...SECTOR_GROUPS.map((g): [string, string] => [g, term(g)])], f.sectorGroup);
  const gov = select({ 'data-testid': 'filter-governance', onchange: (ev) => setFilters({ governance: (ev.target as HTMLSelectElement).value || null }) },
    [any, ...GOVERNANCE.map((g): [string, string] => [g, term(g)])], f.governance);

  const allYears = h('input', { type: 'checkbox', 'data-testid': 'year-all' });
  allYears.checked = s.year === null;
  const slider = h('input', { type: 'range', min: YEAR_MIN, max: YEAR_MAX, step: 1, 'data-testid': 'year-slider', 'aria-label': t('year') });
  slider.value = String(s.year ?? YEAR_MAX);
  slider.disabled = s.year === null;
  const out = h('output', {}, s.year === null ? '—' : String(s.year));
  slider.addEventListener('input', () => (out.textContent = slider.value));
  slider.addEventListener('change', () => store.update({ year: Number(slider.value) }));
  allYears.addEventListener('change', () => store.update({ year: allYears.checked ? null : Number(slider.value) }));

  const size = select({ 'data-testid': 'size-by', onchange: (ev) => store.update({ size: (ev.target as HTMLSelectElement).value as SizeMeasure }) },
    [['none', t('sizeNone')], ['degree', t('sizeDegree')], ['betweenness', t('sizeBetweenness')], ['brokerage', t('sizeBrokerage')]], s.size);
  const brokers = h('input', { type: 'checkbox', 'data-testid': 'show-brokers' });
  brokers.checked = s.brokers;
  brokers.addEventListener('change', () => store.update({ brokers: brokers.checked }));

  root.replaceChildren(
    h('h2', { class: 'block' }, t('filters')),
    h('div', { class: 'field' }, t('kinds'), kindChecks),
    types,
    labelled(t('cluster'), cluster),
    h('div', { class: 'row2' }, labelled(t('country'), country), labelled(t('sectorGroup'), sector)),
    labelled(t('governance'), gov),
    h('div', { class: 'field' }, t('year'), h('div', { class: 'year-row' }, slider, out), h('label', { style: 'display:flex;gap:5px;color:var(--text)' }, allYears, t('anyYear'))),
    labelled(t('sizeBy'), size),
    h('label', { style: 'display:flex;gap:6px;align-items:center;font-size:13px;margin-bottom:8px' }, brokers, t('showBrokers')),
    h('button', { 'data-testid': 'reset-filters', onclick: () => store.update({ filters: emptyFilters(), year: null }) }, t('resetFilters')),
  );
}
