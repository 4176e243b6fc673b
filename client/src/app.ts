// The page: wires the store (state in the URL), the graph controller and the panels. It loads what the
// current view needs from the server, and re-applies filters, sizes and marks when only those change.
import { errorMessage, gql } from './api/client.js';
import { FILTER_OPTIONS } from './api/queries.js';
import { ACTOR_KINDS, type Path } from './api/types.js';
import { loadMeasures } from './analytics.js';
import { hideJobProgress, showJobProgress } from './panels/progress.js';
import { $, h } from './dom.js';
import { exportView, type ExportKind } from './export/index.js';
import { GraphController, MAX_DRAWN_EDGES, MAX_DRAWN_NODES } from './graph/controller.js';
import type { NodeData } from './graph/elements.js';
import { buildFilter } from './graph/filtering.js';
import { LANGUAGES, setLang, t, term, translatePage, type Lang } from './i18n/index.js';
import { openConsole } from './panels/console.js';
import { openImport } from './panels/importer.js';
import { renderFilters, type FilterOptions } from './panels/filters.js';
import { renderLegend } from './panels/legend.js';
import { marks } from './panels/prospects.js';
import { SidePanel, type Panel } from './panels/side.js';
import { suggestInput } from './panels/suggest.js';
import { renderTable } from './panels/table.js';
import { renderToolbar } from './panels/toolbar.js';
import { renderViewbar } from './panels/viewbar.js';
import type { PageState, Store, View } from './state.js';
import { loadChain } from './views/chain.js';
import { loadJoint, type JointSummary } from './views/joint.js';
import { loadNeighbourhood } from './views/network.js';
import { loadPaths } from './views/paths.js';
import type { ViewResult } from './views/types.js';

/** The part of the state that needs the server: when it changes, the view is loaded again. */
function dataKey(s: PageState): string {
  const common = [s.view, s.year, s.filters.types.join(',')];
  if (s.view === 'network') return JSON.stringify([...common, s.expanded, s.hops, s.direction]);
  if (s.view === 'chain') return JSON.stringify([...common, s.chain]);
  if (s.view === 'joint') return JSON.stringify([...common, s.joint]);
  return JSON.stringify([...common, s.paths.from, s.paths.to, s.paths.maxLength]);
}

export class App {
  readonly graph: GraphController;
  readonly names = new Map<string, string>();
  private side: SidePanel;
  private options: FilterOptions & { sources: { key: string; title: string }[] } = { clusters: [], countries: [], sources: [] };
  private loadedKey = '';
  private joint: JointSummary | null = null;
  private paths: Path[] = [];
  private truncatedBy: string | null = null;
  private clusterMembers = new Set<string>();
  private loadSeq = 0;
  /** Guards against an older, slower answer for sizes overwriting a newer one (paged requests take a while). */
  private measureSeq = 0;
  /** The measures error on show, so that a later success can take it away again. */
  private measureError = '';
  private measureAbort: AbortController | null = null;
  private lastRendered: PageState;

  constructor(private store: Store) {
    this.lastRendered = store.state;
    this.graph = new GraphController($('cy'), {
      select: (ids) => this.onSelect(ids),
      expand: (id) => void this.expand(id),
      hover: (text, x, y) => {
        const tip = $('tooltip');
        tip.hidden = !text;
        if (text) {
          tip.textContent = text;
          tip.style.left = `${x}px`;
          tip.style.top = `${y}px`;
        }
      },
    });
    this.side = new SidePanel({
      store, graph: this.graph, names: this.names, sources: () => this.options.sources, selection: () => this.sel(),
      expand: (id) => void this.expand(id), load: () => this.load(), refreshMarks: () => void this.decorate(false), status: (x) => this.status(x), error: (x) => this.error(x),
    });
    store.onChange((s) => void this.onState(s));
  }

  async start(): Promise<void> {
    setLang(this.store.state.lang);
    this.renderChrome();
    try {
      const o = await gql<{ clusters: { nodes: { id: string; name: string }[] }; places: { nodes: { id: string; name: string; type: string[] }[] }; sources: { key: string; title: string }[] }>(FILTER_OPTIONS);
      this.options = { clusters: o.clusters.nodes, countries: o.places.nodes.filter((p) => p.type.includes('country')), sources: o.sources };
      for (const c of o.clusters.nodes) this.names.set(c.id, c.name);
    } catch (err) {
      this.error(errorMessage(err));
    }
    this.renderChrome();
    await this.load();
  }

  // ——— state changes ———

  private async onState(s: PageState): Promise<void> {
    const prev = this.lastRendered;
    this.lastRendered = s;
    if (s.lang !== prev.lang) {
      setLang(s.lang);
      this.renderChrome();
    } else if (s.view !== prev.view || s.filters !== prev.filters || s.year !== prev.year || s.size !== prev.size || s.brokers !== prev.brokers || s.hops !== prev.hops || s.direction !== prev.direction) {
      this.renderChrome();
    }
    if (s.filters.cluster !== prev.filters.cluster) await this.loadClusterMembers(s.filters.cluster);
    if (dataKey(s) !== this.loadedKey) await this.load();
    else {
      if (s.paths.index !== prev.paths.index) {
        this.highlightPath();
        this.renderViewbar();
      }
      await this.decorate(s.size !== prev.size || s.brokers !== prev.brokers);
    }
    if (s.table !== prev.table) this.renderTable();
  }

  private async loadClusterMembers(id: string | null): Promise<void> {
    this.clusterMembers = new Set();
    if (!id) return;
    try {
      const data = await gql<{ entity: { members: { id: string }[] } | null }>('query Members($id: ID!) { entity(id: $id) { members { id } } }', { id });
      this.clusterMembers = new Set(data.entity?.members.map((m) => m.id) ?? []);
    } catch (err) {
      this.error(errorMessage(err));
    }
  }

  /** Loads the current view from the server and draws it. */
  async load(): Promise<void> {
    const s = this.store.state;
    const seq = ++this.loadSeq;
    this.loadedKey = dataKey(s);
    this.error('');
    $('busy').hidden = false;
    try {
      const result = await this.fetchView(s);
      if (seq !== this.loadSeq) return;
      this.truncatedBy = result?.truncatedBy ?? null;
      if (!result) {
        await this.graph.show({ nodes: [], edges: [] }, 'network');
        $('empty').textContent = this.hint(s.view);
      } else if (await this.showResult(result)) {
        if (s.hidden.length) this.graph.hide(s.hidden);
        if (s.view === 'paths') this.highlightPath();
      }
    } catch (err) {
      if (seq !== this.loadSeq) return;
      this.error(errorMessage(err));
    } finally {
      if (seq === this.loadSeq) $('busy').hidden = true;
    }
    if (seq !== this.loadSeq) return;
    if (s.selected && this.graph.has(s.selected)) this.graph.selectOnly(s.selected);
    else if (s.selected) this.side.selectionChanged(s.selected);
    await this.decorate(true);
    this.renderViewbar();
    this.renderTable();
  }

  /** Draws a view's result, unless it is empty or too large to draw smoothly (then it says so). */
  async showResult(result: ViewResult): Promise<boolean> {
    const { nodes, edges } = result.set;
    if (!nodes.length || !GraphController.fits(nodes.length, edges.length)) {
      await this.graph.show({ nodes: [], edges: [] }, 'network');
      $('empty').textContent = nodes.length ? t('tooLarge', { nodes: nodes.length, edges: edges.length, max: `${MAX_DRAWN_NODES} / ${MAX_DRAWN_EDGES}` }) : t('noResults');
      return false;
    }
    $('empty').textContent = '';
    for (const n of nodes) this.names.set(n.id, n.name);
    await this.graph.show(result.set, result.layout, result.extra);
    return true;
  }

  private hint(view: View): string {
    return view === 'chain' ? t('chainHint') : view === 'joint' ? t('jointHint') : view === 'paths' ? t('pathsHint') : t('emptyGraph');
  }

  private async fetchView(s: PageState): Promise<ViewResult | null> {
    this.joint = null;
    this.paths = [];
    if (s.view === 'network') return s.expanded.length ? loadNeighbourhood({ ids: s.expanded, hops: s.hops, types: s.filters.types, direction: s.direction, year: s.year }) : null;
    if (s.view === 'chain') return s.chain.id ? loadChain({ id: s.chain.id, direction: s.chain.direction, tiers: s.chain.tiers, year: s.year }) : null;
    if (s.view === 'joint') {
      if (!s.joint) return null;
      const r = await loadJoint(s.joint, s.year);
      this.joint = r.summary;
      return r;
    }
    if (!s.paths.from || !s.paths.to) return null;
    const r = await loadPaths({ from: s.paths.from, to: s.paths.to, maxLength: s.paths.maxLength, year: s.year, types: s.filters.types });
    this.paths = r.paths;
    return r;
  }

  /** Filters, marks, sizes and broker rings: everything drawn from the state without a new subgraph. */
  async decorate(measures: boolean): Promise<void> {
    const s = this.store.state;
    const shownAll = this.graph.shown();
    this.graph.applyFilter(buildFilter(s.filters, s.year, shownAll, this.clusterMembers));
    this.graph.setMarks('prospect', new Set(marks.prospects().map((p) => p.id)));
    const me = marks.me();
    this.graph.setMarks('me', new Set(me ? [me.id] : []));
    const shown = this.graph.shown();
    this.status(t('shown', { nodes: shown.nodes.length, edges: shown.edges.length }));
    if (!measures) return;
    const ids = shown.nodes.filter((n) => (ACTOR_KINDS as readonly string[]).includes(n.kind)).map((n) => n.id);
    const seq = ++this.measureSeq;
    // A newer decoration replaces this one: its jobs are cancelled on the server, not left to run.
    this.measureAbort?.abort();
    const abort = (this.measureAbort = new AbortController());
    const progress = (fraction: number, stage: string, jobId: string) => {
      if (seq === this.measureSeq) showJobProgress({ fraction, stage, jobId, cancel: () => abort.abort() });
    };
    const m = await loadMeasures({ ids, year: s.year, size: s.size, brokers: s.brokers, watch: { signal: abort.signal, progress } });
    if (seq !== this.measureSeq) return;
    hideJobProgress();
    if (m.cancelled) this.status(t('jobCancelled'));
    this.graph.setSizes(m.sizes);
    this.graph.setBrokerRoles(m.roles);
    const message = m.error ? t('analyticsUnavailable', { msg: m.error }) : '';
    // A measures error goes once the measures load again; an unrelated error shown since then stays.
    if (message || $('error').textContent === this.measureError) this.error(message);
    this.measureError = message;
  }

  private highlightPath(): void {
    const p = this.paths[this.store.state.paths.index];
    this.graph.highlight(p ? p.nodes.map((n) => n.id) : [], p ? p.edges.map((e) => e.id) : []);
  }

  // ——— graph edits ———

  async expand(id: string): Promise<void> {
    const s = this.store.state;
    if (s.view !== 'network') {
      this.store.update({ view: 'network', expanded: [...new Set([...s.expanded, id])], selected: id });
      return;
    }
    $('busy').hidden = false;
    try {
      const r = await loadNeighbourhood({ ids: [id], hops: s.hops, types: s.filters.types, direction: s.direction, year: s.year });
      for (const n of r.set.nodes) this.names.set(n.id, n.name);
      if (!GraphController.fits(this.graph.ids().length + r.set.nodes.length, r.set.edges.length + this.graph.shown().edges.length)) {
        this.error(t('tooLarge', { nodes: this.graph.ids().length + r.set.nodes.length, edges: r.set.edges.length, max: `${MAX_DRAWN_NODES} / ${MAX_DRAWN_EDGES}` }));
        return;
      }
      $('empty').textContent = '';
      await this.graph.merge(r.set);
      const next = { ...this.store.state, expanded: [...new Set([...s.expanded, id])], selected: id };
      this.loadedKey = dataKey(next);
      this.store.update({ expanded: next.expanded, selected: id });
      this.graph.selectOnly(id);
      await this.decorate(true);
      this.renderTable();
    } catch (err) {
      this.error(errorMessage(err));
    } finally {
      $('busy').hidden = true;
    }
  }

  sel(): string[] {
    return this.graph.selected().filter((id) => this.graph.data(id) && 'kind' in (this.graph.data(id) as object));
  }

  collapse(): void {
    const [id] = this.sel();
    if (!id) return;
    this.graph.collapse(id, new Set(this.store.state.expanded.filter((x) => x !== id)));
    const expanded = this.store.state.expanded.filter((x) => x !== id);
    this.loadedKey = dataKey({ ...this.store.state, expanded });
    this.store.update({ expanded });
    void this.decorate(false);
  }

  hide(): void {
    const ids = this.graph.selected();
    if (!ids.length) return;
    this.graph.hide(ids);
    const expanded = this.store.state.expanded.filter((x) => !ids.includes(x));
    this.loadedKey = dataKey({ ...this.store.state, expanded });
    this.store.update({ hidden: [...new Set([...this.store.state.hidden, ...ids])], expanded, selected: null });
    void this.decorate(false);
  }

  pin(): void {
    this.graph.togglePin(this.sel());
  }

  undo(): void {
    if (!this.graph.undo()) return;
    const present = new Set(this.graph.ids());
    const hidden = this.store.state.hidden.filter((x) => !present.has(x));
    const expanded = this.store.state.expanded.filter((x) => present.has(x));
    this.loadedKey = dataKey({ ...this.store.state, expanded });
    this.store.update({ hidden, expanded });
    void this.decorate(false);
    this.renderToolbar();
  }

  clear(): void {
    this.store.update({ expanded: [], hidden: [], selected: null, view: 'network' });
  }

  // ——— selection and the side panel ———

  private onSelect(ids: string[]): void {
    const first = ids[0] ?? null;
    if (first !== this.store.state.selected) this.store.update({ selected: first });
    this.renderToolbar();
    this.side.selectionChanged(first);
    this.renderTable();
  }

  openPanel(panel: Panel): void {
    this.side.open(panel);
  }

  // ——— chrome ———

  renderChrome(): void {
    const s = this.store.state;
    translatePage();
    const lang = $('lang') as HTMLSelectElement;
    lang.replaceChildren(...Object.entries(LANGUAGES).map(([k, v]) => h('option', { value: k }, v)));
    lang.value = s.lang;
    lang.onchange = () => this.store.update({ lang: lang.value as Lang });
    document.querySelectorAll<HTMLButtonElement>('.views [data-view]').forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.view === s.view));
      b.onclick = () => this.switchView(b.dataset.view as View);
    });
    const tableBtn = $('btn-table');
    tableBtn.setAttribute('aria-pressed', String(s.table));
    tableBtn.onclick = () => this.store.update({ table: !this.store.state.table });
    $('btn-help').onclick = () => this.openPanel('help');
    $('btn-editor').onclick = () => this.openPanel('editor');
    $('btn-import').onclick = () => void openImport({ imported: () => void this.load() });
    $('btn-console').onclick = () => void openConsole({ showOnGraph: (ids) => this.store.update({ view: 'network', expanded: ids, hidden: [], selected: ids[0] ?? null }) });
    $('btn-left').onclick = () => {
      // The drawer starts under the top bar, whose height depends on how its items wrapped.
      $('left').style.top = `${document.querySelector('.topbar')?.getBoundingClientRect().height ?? 56}px`;
      $('left').classList.toggle('open');
    };
    $('search-box').replaceChildren(suggestInput({ placeholder: t('searchPlaceholder'), testid: 'search', onChoose: (hit) => this.open(hit.id, hit.kind, hit.name) }));
    renderFilters($('filters'), this.store, this.options);
    renderLegend($('legend'), s.view, s.brokers);
    this.renderToolbar();
    this.renderViewbar();
    this.side.render();
    this.renderTable();
  }

  /** Opens a search hit: a cluster shows its neighbourhood with its panel; anything else its neighbourhood. */
  open(id: string, _kind: string, name: string): void {
    this.names.set(id, name);
    const s = this.store.state;
    this.side.open('details');
    if (s.view === 'network') this.store.update({ expanded: [...new Set([...s.expanded, id])], selected: id });
    else if (s.view === 'chain') this.store.update({ chain: { ...s.chain, id }, selected: id });
    else if (s.view === 'joint') this.store.update({ joint: id, selected: id });
    else this.store.update({ paths: { ...s.paths, [s.paths.from ? 'to' : 'from']: id, index: 0 }, selected: id });
  }

  switchView(view: View): void {
    const s = this.store.state;
    const sel = s.selected && this.graph.data(s.selected) && 'kind' in (this.graph.data(s.selected) as object) ? s.selected : null;
    const kind = sel ? (this.graph.data(sel) as NodeData).kind : null;
    this.store.update({
      view,
      chain: view === 'chain' && sel && !s.chain.id ? { ...s.chain, id: sel } : s.chain,
      joint: view === 'joint' && sel && kind === 'CLUSTER' && !s.joint ? sel : s.joint,
      expanded: view === 'network' && !s.expanded.length && sel ? [sel] : s.expanded,
    });
  }

  renderToolbar(): void {
    renderToolbar($('toolbar'), this.store, {
      expand: () => { const [id] = this.sel(); if (id) void this.expand(id); },
      collapse: () => this.collapse(),
      hide: () => this.hide(),
      pin: () => this.pin(),
      undo: () => this.undo(),
      fit: () => this.graph.fit(),
      clear: () => this.clear(),
      copyLink: () => void navigator.clipboard?.writeText(location.href).then(() => this.status(t('linkCopied')), () => this.status(location.href)),
      exportAs: (k) => this.exportAs(k),
    }, { selection: this.sel().length > 0, undo: this.graph.canUndo() });
  }

  private renderViewbar(): void {
    const p = this.paths[this.store.state.paths.index];
    const pathText = p ? p.nodes.map((n, i) => {
      const e = i > 0 ? p.edges[i - 1] : undefined;
      const arrow = e ? (e.source === n.id ? ` ←${term(e.type)}— ` : ` —${term(e.type)}→ `) : '';
      return `${arrow}${n.name}`;
    }).join('') : '';
    renderViewbar($('viewbar'), this.store, { name: (id) => (id ? this.names.get(id) ?? id : ''), joint: this.joint, pathCount: this.paths.length, truncatedBy: this.truncatedBy, pathText });
  }

  private renderTable(): void {
    const root = $('table-view');
    root.hidden = !this.store.state.table;
    if (!root.hidden) renderTable(root, this.graph.shown(), this.store.state.selected, (id, additive) => (additive ? this.graph.addToSelection(id) : this.graph.selectOnly(id)));
  }

  exportAs(kind: ExportKind): void {
    const s = this.store.state;
    exportView({ kind, cy: this.graph.cy, shown: this.graph.shown(), meta: { view: s.view, year: s.year, url: location.href } });
  }

  status(text: string): void {
    $('status').textContent = text;
  }

  error(text: string): void {
    $('error').textContent = text;
  }
}
