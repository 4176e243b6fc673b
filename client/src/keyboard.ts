// Keyboard use: "/" search, E expand, C collapse, H hide, P pin, Ctrl+Z undo, F fit, [ ] step through actors,
// 1–4 views, T table, ← → previous/next path, ? help, Escape closes the panel. Keys are ignored while typing.
import type { App } from './app.js';
import type { Store, View } from './state.js';

const VIEWS: View[] = ['network', 'chain', 'joint', 'paths'];

export function bindKeyboard(app: App, store: Store): void {
  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    if (ev.altKey || (ev.metaKey && ev.key !== 'z')) return;
    const key = ev.key;
    if ((ev.ctrlKey || ev.metaKey) && key.toLowerCase() === 'z') {
      ev.preventDefault();
      app.undo();
      return;
    }
    if (ev.ctrlKey) return;
    const act: Record<string, () => void> = {
      '/': () => document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus(),
      e: () => { const [id] = app.graph.selected(); if (id) void app.expand(id); },
      c: () => app.collapse(),
      h: () => app.hide(),
      p: () => app.pin(),
      f: () => app.graph.fit(),
      t: () => store.update({ table: !store.state.table }),
      '[': () => { const id = app.graph.step(-1); if (id) store.update({ selected: id }); },
      ']': () => { const id = app.graph.step(1); if (id) store.update({ selected: id }); },
      '?': () => app.openPanel('help'),
      Escape: () => app.openPanel('details'),
      ArrowLeft: () => store.state.view === 'paths' && document.querySelector<HTMLButtonElement>('[data-testid="path-prev"]')?.click(),
      ArrowRight: () => store.state.view === 'paths' && document.querySelector<HTMLButtonElement>('[data-testid="path-next"]')?.click(),
    };
    const n = Number(key);
    const fn = act[key] ?? act[key.toLowerCase()] ?? (n >= 1 && n <= 4 ? () => app.switchView(VIEWS[n - 1]!) : undefined);
    if (!fn) return;
    ev.preventDefault();
    fn();
  });
}
