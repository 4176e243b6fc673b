// The table view: the shown actors and relationships as rows (an accessible alternative to the drawing).
// Clicking a row selects the element in the graph (Shift+click adds it to the selection).
import { h } from '../dom.js';
import type { ElementSet } from '../graph/elements.js';
import { t, term } from '../i18n/index.js';

export function renderTable(root: HTMLElement, shown: ElementSet, selected: string | null, select: (id: string, additive: boolean) => void): void {
  const names = new Map(shown.nodes.map((n) => [n.id, n.name]));
  const row = (id: string, cells: (string | number | null)[]) => {
    const tr = h('tr', { class: id === selected ? 'sel' : '', tabindex: 0, 'data-id': id }, ...cells.map((c) => h('td', {}, c === null ? '' : String(c))));
    tr.addEventListener('click', (ev) => select(id, ev.shiftKey));
    tr.addEventListener('keydown', (ev) => ev.key === 'Enter' && select(id, ev.shiftKey));
    return tr;
  };
  const yr = (a: number | null, b: number | null) => (a || b ? `${a ?? '…'}–${b ?? '…'}` : '');
  root.replaceChildren(
    h('h2', {}, `${t('tableNodes')} (${shown.nodes.length})`),
    h('table', { 'data-testid': 'table-nodes' },
      h('thead', {}, h('tr', {}, ...[t('name'), t('kind'), t('types'), t('country'), t('years'), t('id')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...[...shown.nodes].sort((a, b) => a.name.localeCompare(b.name)).map((n) => row(n.id, [n.name, term(n.kind), n.types, n.countryName, yr(n.validFrom, n.validUntil), n.id])))),
    h('h2', {}, `${t('tableEdges')} (${shown.edges.length})`),
    h('table', { 'data-testid': 'table-edges' },
      h('thead', {}, h('tr', {}, ...[t('from'), t('linkType'), t('to'), t('form'), t('governance'), t('years')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...shown.edges.map((e) => row(e.id, [names.get(e.source) ?? e.source, term(e.type), names.get(e.target) ?? e.target, e.form ? term(e.form) : null, e.governance ? term(e.governance) : null, yr(e.validFrom, e.validUntil)])))),
  );
}
