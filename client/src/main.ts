// Viewer entry point: state from the URL (else localStorage's language, else the browser's), then the app.
import { App } from './app.js';
import { runBench, syntheticGraph } from './bench/synthetic.js';
import { isLang, storedLang, type Lang } from './i18n/index.js';
import { bindKeyboard } from './keyboard.js';
import { Store, stateFromQuery } from './state.js';

const browserLang = navigator.language.slice(0, 2);
const fallback: Lang = storedLang() ?? (isLang(browserLang) ? browserLang : 'en');
const store = new Store(stateFromQuery(location.search, fallback));
const app = new App(store);
bindKeyboard(app, store);

/** Hooks for tests and benchmarks (read-only views of the page, and the synthetic large-graph run). */
declare global {
  interface Window {
    __viewer: {
      ready: boolean;
      state: () => unknown;
      nodes: () => { id: string; kind: string; tier?: number; x: number; y: number; size: number; visible: boolean; classes: string }[];
      edges: () => { id: string; source: string; target: string; type: string; governance?: string; visible: boolean }[];
      bench: (n: number, m: number, panMs?: number) => ReturnType<typeof runBench>;
      /** Offers a synthetic graph to the normal drawing path (with its size check); true when drawn. */
      tryShow: (n: number, m: number) => Promise<boolean>;
    };
  }
}

window.__viewer = {
  ready: false,
  state: () => store.state,
  nodes: () => app.graph.cy.nodes().not('.tier-label').nodes().map((n) => ({ id: n.id(), kind: n.data('kind') as string, tier: n.data('tier') as number | undefined, x: n.position('x'), y: n.position('y'), size: n.data('size') as number, visible: n.visible(), classes: n.classes().join(' ') })),
  edges: () => app.graph.cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('type') as string, governance: e.data('governance') as string | undefined, visible: e.visible() })),
  bench: async (n, m, panMs) => {
    document.getElementById('empty')!.textContent = '';
    const r = await runBench(app.graph, n, m, panMs);
    app.status(`${r.nodes} actors, ${r.edges} relationships (synthetic)`);
    return r;
  },
  tryShow: (n, m) => app.showResult({ set: syntheticGraph(n, m), layout: 'network' }),
};

void app.start().then(() => {
  window.__viewer.ready = true;
  document.body.dataset.ready = 'true';
});
