// The toolbar above the graph: how to expand (hops, direction), the edits (expand, collapse, hide, pin, undo,
// fit) and the export menu. Buttons call the actions the app gives it.
import type { Direction } from '../api/types.js';
import type { ExportKind } from '../export/index.js';
import { h, select } from '../dom.js';
import { t } from '../i18n/index.js';
import type { Store } from '../state.js';

export interface ToolbarActions {
  expand(): void;
  collapse(): void;
  hide(): void;
  pin(): void;
  undo(): void;
  fit(): void;
  clear(): void;
  copyLink(): void;
  exportAs(kind: ExportKind): void;
}

export function renderToolbar(root: HTMLElement, store: Store, a: ToolbarActions, can: { selection: boolean; undo: boolean }): void {
  const s = store.state;
  const hops = select({ 'data-testid': 'hops', 'aria-label': t('hops'), onchange: (ev) => store.update({ hops: Number((ev.target as HTMLSelectElement).value) }) },
    [['1', '1'], ['2', '2'], ['3', '3']], String(s.hops));
  const dir = select({ 'data-testid': 'direction', 'aria-label': t('direction'), onchange: (ev) => store.update({ direction: (ev.target as HTMLSelectElement).value as Direction }) },
    [['BOTH', t('dirBOTH')], ['OUT', t('dirOUT')], ['IN', t('dirIN')]], s.direction);
  const btn = (label: string, testid: string, fn: () => void, enabled = true, title?: string) =>
    h('button', { 'data-testid': testid, onclick: fn, disabled: !enabled, title: title ?? label }, label);
  const menu = h('div', { class: 'menu', hidden: true, role: 'menu', 'data-testid': 'export-menu' },
    h('button', { role: 'menuitem', 'data-testid': 'copy-link', onclick: () => { menu.hidden = true; a.copyLink(); } }, t('copyLink')),
    ...([['png', t('exportPng')], ['svg', t('exportSvg')], ['json', t('exportJson')], ['csv-nodes', t('exportCsvNodes')], ['csv-edges', t('exportCsvEdges')], ['gexf', t('exportGexf')]] as const).map(([k, label]) =>
      h('button', { role: 'menuitem', 'data-testid': `export-${k}`, onclick: () => { menu.hidden = true; a.exportAs(k); } }, label)));
  const exportBtn = h('button', { 'data-testid': 'export', 'aria-haspopup': 'menu', onclick: () => (menu.hidden = !menu.hidden) }, `${t('exportLabel')} ▾`);
  root.replaceChildren(
    h('label', {}, t('hops'), hops),
    dir,
    btn(t('expand'), 'expand', a.expand, can.selection, `${t('expand')} (E)`),
    btn(t('collapse'), 'collapse', a.collapse, can.selection, `${t('collapse')} (C)`),
    btn(t('hide'), 'hide', a.hide, can.selection, `${t('hide')} (H)`),
    btn(t('pin'), 'pin', a.pin, can.selection, `${t('pin')} / ${t('unpin')} (P)`),
    h('span', { class: 'sep' }),
    btn(t('undo'), 'undo', a.undo, can.undo, `${t('undo')} (Ctrl+Z)`),
    btn(t('fit'), 'fit', a.fit, true, `${t('fit')} (F)`),
    btn(t('clear'), 'clear', a.clear),
    h('span', { style: 'flex:1' }),
    h('div', { class: 'export-menu' }, exportBtn, menu),
  );
}
