// Search-as-you-type: a text input with a listbox of hits (all kinds, accent-insensitive, via the `search`
// query), keyboard navigation (↑ ↓ Enter Escape) and a callback when a hit is chosen.
import { errorMessage, gql } from '../api/client.js';
import { SEARCH } from '../api/queries.js';
import { h } from '../dom.js';
import { t, term } from '../i18n/index.js';
import { KIND_STYLE } from '../graph/style.js';

export interface Hit {
  id: string;
  kind: string;
  name: string;
}

export interface SuggestOptions {
  placeholder: string;
  testid: string;
  onChoose(hit: Hit): void;
  /** Keep the chosen name in the box (pickers) or clear it (the main search). */
  keepText?: boolean;
  initial?: string;
}

let counter = 0;

export function suggestInput(opts: SuggestOptions): HTMLElement {
  const listId = `suggest-${++counter}`;
  const input = h('input', {
    type: 'search', placeholder: opts.placeholder, 'aria-label': opts.placeholder, autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'data-testid': opts.testid,
  });
  if (opts.initial) input.value = opts.initial;
  const list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', 'data-testid': `${opts.testid}-results`, hidden: true });
  let hits: Hit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const choose = (hit: Hit | undefined) => {
    if (!hit) return;
    close();
    input.value = opts.keepText ? hit.name : '';
    opts.onChoose(hit);
  };
  const render = () => {
    list.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) => {
            const s = KIND_STYLE[hit.kind];
            const li = h('li', { role: 'option', id: `${listId}-${i}`, 'aria-selected': String(i === active), 'data-id': hit.id },
              h('span', { class: 'swatch', style: `background:${s?.fill ?? '#eee'};border-color:${s?.border ?? '#999'}` }), hit.name, h('span', { class: 'kind' }, term(hit.kind)));
            li.addEventListener('mousedown', (ev) => {
              ev.preventDefault();
              choose(hit);
            });
            return li;
          })
        : [h('li', { class: 'empty' }, t('noResults'))]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const query = async (text: string) => {
    const mine = ++seq;
    try {
      const data = await gql<{ search: { entity: Hit }[] }>(SEARCH, { text, first: 12 });
      if (mine !== seq) return;
      hits = data.search.map((s) => s.entity);
      active = hits.length ? 0 : -1;
      render();
    } catch (err) {
      if (mine !== seq) return;
      list.replaceChildren(h('li', { class: 'empty' }, errorMessage(err)));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return close();
    timer = setTimeout(() => void query(text), 180);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!hits.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      choose(hits[Math.max(active, 0)]);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return h('div', { class: 'pick-box', style: 'position:relative' }, input, list);
}
