// The page state that a shared link must reproduce, and its round trip through the URL query string.
import type { Direction } from './api/types.js';
import { isLang, type Lang } from './i18n/index.js';

export type View = 'network' | 'chain' | 'joint' | 'paths';
export type SizeMeasure = 'none' | 'degree' | 'betweenness' | 'brokerage';

export interface Filters {
  kinds: string[];
  types: string[];
  cluster: string | null;
  country: string | null;
  sectorGroup: string | null;
  governance: string | null;
}

export interface PageState {
  view: View;
  lang: Lang;
  /** Entities whose neighbourhoods make up the network view. */
  expanded: string[];
  hidden: string[];
  selected: string | null;
  year: number | null;
  filters: Filters;
  hops: number;
  direction: Direction;
  size: SizeMeasure;
  brokers: boolean;
  table: boolean;
  chain: { id: string | null; direction: 'DOWNSTREAM' | 'UPSTREAM'; tiers: number };
  joint: string | null;
  paths: { from: string | null; to: string | null; maxLength: number; index: number };
}

export const emptyFilters = (): Filters => ({ kinds: [], types: [], cluster: null, country: null, sectorGroup: null, governance: null });

export function initialState(lang: Lang): PageState {
  return {
    view: 'network', lang, expanded: [], hidden: [], selected: null, year: null, filters: emptyFilters(), hops: 1, direction: 'BOTH',
    size: 'none', brokers: false, table: false, chain: { id: null, direction: 'DOWNSTREAM', tiers: 3 }, joint: null,
    paths: { from: null, to: null, maxLength: 4, index: 0 },
  };
}

const list = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);
const int = (v: string | null, fallback: number, min: number, max: number): number => {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** Short, readable query keys: a shared link stays legible. */
export function stateToQuery(s: PageState): string {
  const q = new URLSearchParams();
  q.set('view', s.view);
  q.set('lang', s.lang);
  if (s.expanded.length) q.set('open', s.expanded.join(','));
  if (s.hidden.length) q.set('hide', s.hidden.join(','));
  if (s.selected) q.set('sel', s.selected);
  if (s.year !== null) q.set('year', String(s.year));
  if (s.filters.kinds.length) q.set('kinds', s.filters.kinds.join(','));
  if (s.filters.types.length) q.set('types', s.filters.types.join(','));
  if (s.filters.cluster) q.set('cluster', s.filters.cluster);
  if (s.filters.country) q.set('country', s.filters.country);
  if (s.filters.sectorGroup) q.set('sg', s.filters.sectorGroup);
  if (s.filters.governance) q.set('gov', s.filters.governance);
  if (s.hops !== 1) q.set('hops', String(s.hops));
  if (s.direction !== 'BOTH') q.set('dir', s.direction);
  if (s.size !== 'none') q.set('size', s.size);
  if (s.brokers) q.set('brokers', '1');
  if (s.table) q.set('table', '1');
  if (s.view === 'chain' && s.chain.id) {
    q.set('chain', s.chain.id);
    q.set('cdir', s.chain.direction);
    q.set('tiers', String(s.chain.tiers));
  }
  if (s.view === 'joint' && s.joint) q.set('joint', s.joint);
  if (s.view === 'paths') {
    if (s.paths.from) q.set('from', s.paths.from);
    if (s.paths.to) q.set('to', s.paths.to);
    q.set('maxlen', String(s.paths.maxLength));
    q.set('path', String(s.paths.index));
  }
  return q.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

export function stateFromQuery(search: string, fallbackLang: Lang): PageState {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const s = initialState(isLang(lang) ? lang : fallbackLang);
  const view = q.get('view');
  if (view === 'network' || view === 'chain' || view === 'joint' || view === 'paths') s.view = view;
  s.expanded = list(q.get('open'));
  s.hidden = list(q.get('hide'));
  s.selected = q.get('sel');
  s.year = q.has('year') ? int(q.get('year'), 2000, 1800, 2100) : null;
  s.filters = {
    kinds: list(q.get('kinds')), types: list(q.get('types')), cluster: q.get('cluster'), country: q.get('country'),
    sectorGroup: q.get('sg'), governance: q.get('gov'),
  };
  s.hops = int(q.get('hops'), 1, 1, 4);
  const dir = q.get('dir');
  if (dir === 'IN' || dir === 'OUT') s.direction = dir;
  const size = q.get('size');
  if (size === 'degree' || size === 'betweenness' || size === 'brokerage') s.size = size;
  s.brokers = q.get('brokers') === '1';
  s.table = q.get('table') === '1';
  s.chain = { id: q.get('chain'), direction: q.get('cdir') === 'UPSTREAM' ? 'UPSTREAM' : 'DOWNSTREAM', tiers: int(q.get('tiers'), 3, 1, 4) };
  s.joint = q.get('joint');
  s.paths = { from: q.get('from'), to: q.get('to'), maxLength: int(q.get('maxlen'), 4, 1, 6), index: int(q.get('path'), 0, 0, 1000) };
  return s;
}

type Listener = (s: PageState) => void;

/** Holds the state; every change is written to the URL (replaceState) so the address bar is always shareable. */
export class Store {
  private listeners: Listener[] = [];
  constructor(public state: PageState) {}

  update(patch: Partial<PageState>): void {
    this.state = { ...this.state, ...patch };
    history.replaceState(null, '', `?${stateToQuery(this.state)}`);
    for (const l of this.listeners) l(this.state);
  }

  onChange(l: Listener): void {
    this.listeners.push(l);
  }
}
