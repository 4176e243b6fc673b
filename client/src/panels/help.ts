// The help panel: what the page is and how to use it, in the current language.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

export function renderHelp(root: HTMLElement, close: () => void): void {
  const body = h('div', { class: 'help', 'data-testid': 'help' });
  body.innerHTML = t('helpBody'); // our own translated text, not user or server data
  root.replaceChildren(h('div', { style: 'display:flex;justify-content:space-between;align-items:center' }, h('h2', { class: 'title' }, t('helpTitle')),
    h('button', { onclick: close, 'data-testid': 'close-help' }, t('close'))), body);
}
