// Owns the Cytoscape instance: what is drawn, how it is laid out, and the reversible edits on it
// (expand, collapse, hide, pin, undo). Panels ask it; it asks nobody (no GraphQL here).
import cytoscape from 'cytoscape';
import { toDefinitions, validIn, type EdgeData, type ElementSet, type NodeData } from './elements.js';
import { registerExtensions } from './extensions.js';
import { LARGE_GRAPH_NODES, largeLayoutPositions, networkLayout, runChainLayout, runLargeLayout } from './layouts.js';
import { BASE_NODE_SIZE, largeGraphStylesheet, stylesheet } from './style.js';

/** Beyond these the viewer refuses to draw and asks for a filter instead of freezing the page. */
export const MAX_DRAWN_NODES = 6000;
export const MAX_DRAWN_EDGES = 12000;

export type LayoutKind = 'network' | 'chain' | 'keep';

export interface GraphEvents {
  select(ids: string[], group: 'nodes' | 'edges' | null): void;
  expand(id: string): void;
  hover(text: string | null, x: number, y: number): void;
}

export interface NodeFilter {
  year: number | null;
  keepNode(d: NodeData): boolean;
  keepEdge(d: EdgeData): boolean;
}

export class GraphController {
  readonly cy: cytoscape.Core;
  private undoStack: cytoscape.ElementDefinition[][] = [];
  private selectionOrder: string[] = [];
  private large = false;

  constructor(container: HTMLElement, private events: GraphEvents) {
    registerExtensions();
    this.cy = cytoscape({
      container,
      style: stylesheet,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
    });
    this.cy.on('select unselect', (ev) => {
      const id = ev.target.id() as string;
      this.selectionOrder = this.selectionOrder.filter((s) => s !== id);
      if (ev.type === 'select') this.selectionOrder.push(id);
      this.selectionOrder = this.selectionOrder.filter((s) => this.cy.getElementById(s).selected());
      queueMicrotask(() => {
        const first = this.selectionOrder[0];
        this.events.select([...this.selectionOrder], first ? (this.cy.getElementById(first).isNode() ? 'nodes' : 'edges') : null);
      });
    });
    this.cy.on('dbltap', 'node', (ev) => this.events.expand(ev.target.id() as string));
    this.cy.on('mouseover', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      const p = n.renderedPosition();
      const role = n.data('roleName') as string | undefined;
      this.events.hover(`${n.data('name') as string}${role ? ` — ${role}` : ''}`, p.x, p.y - (n.renderedHeight() / 2));
    });
    this.cy.on('mouseout', 'node', () => this.events.hover(null, 0, 0));
    this.cy.on('viewport', () => this.events.hover(null, 0, 0));
  }

  /** Whether a set is small enough to draw smoothly. */
  static fits(nodes: number, edges: number): boolean {
    return nodes <= MAX_DRAWN_NODES && edges <= MAX_DRAWN_EDGES;
  }

  get isLarge(): boolean {
    return this.large;
  }

  /** Replaces the drawing with a new element set and lays it out. */
  async show(set: ElementSet, layout: LayoutKind, extra: cytoscape.ElementDefinition[] = []): Promise<void> {
    this.pushUndo();
    const large = set.nodes.length > LARGE_GRAPH_NODES;
    // Large graphs are laid out before Cytoscape sees them (see largeLayoutPositions) and drawn once, in place.
    const positions = large ? await largeLayoutPositions(set.nodes.map((n) => n.id), set.edges) : null;
    this.setLarge(large);
    this.cy.batch(() => {
      this.cy.elements().remove();
      const defs = toDefinitions(set).map((d) => (positions && d.group === 'nodes' ? { ...d, position: positions.get(String(d.data.id)) } : d));
      this.cy.add([...defs, ...extra]);
    });
    if (large) this.fit();
    else await this.layout(layout === 'keep' ? 'network' : layout, true);
  }

  /** Adds a subgraph (a neighbourhood) to what is drawn; existing nodes keep roughly their place. */
  async merge(set: ElementSet): Promise<number> {
    this.pushUndo();
    const fresh = toDefinitions(set).filter((d) => this.cy.getElementById(String(d.data.id)).empty());
    const anchor = this.cy.nodes(':selected').first();
    const at = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const added = this.cy.add(fresh.map((d) => (d.group === 'nodes' ? { ...d, position: { x: at.x + Math.random() * 40 - 20, y: at.y + Math.random() * 40 - 20 } } : d)));
    this.setLarge(this.cy.nodes().length > LARGE_GRAPH_NODES);
    await this.layout('network', this.cy.nodes().length === added.nodes().length);
    return added.nodes().length;
  }

  private async layout(kind: 'network' | 'chain', randomize: boolean): Promise<void> {
    if (this.cy.nodes().empty()) return;
    if (kind === 'chain') {
      await runChainLayout(this.cy);
    } else if (this.large) {
      await runLargeLayout(this.cy);
    } else {
      const layout = this.cy.layout(networkLayout({ randomize, animate: false }));
      const done = new Promise<void>((r) => layout.one('layoutstop', () => r()));
      layout.run();
      await done;
    }
    this.fit();
  }

  relayout(): Promise<void> {
    return this.layout(this.cy.nodes('.tier-label').nonempty() ? 'chain' : 'network', true);
  }

  fit(): void {
    if (this.large) this.fitPositions(30);
    else this.cy.fit(this.cy.elements(':visible'), 30);
  }

  /** Fits the view to node centres without asking Cytoscape for bounding boxes, which on a large graph means
   * computing the style of every element first (seconds for 15,000 elements). */
  private fitPositions(padding: number): void {
    const xs: number[] = [];
    const ys: number[] = [];
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      xs.push(p.x);
      ys.push(p.y);
    });
    if (!xs.length) return;
    // The central 98 %: a few flung-out outliers should not shrink the whole picture.
    xs.sort((a, b) => a - b);
    ys.sort((a, b) => a - b);
    const q = (v: number[], f: number) => v[Math.min(v.length - 1, Math.floor(f * (v.length - 1)))]!;
    const [x1, x2, y1, y2] = [q(xs, 0.01), q(xs, 0.99), q(ys, 0.01), q(ys, 0.99)];
    const w = this.cy.width();
    const h = this.cy.height();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), Math.min((w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1))));
    this.cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
  }

  private setLarge(large: boolean): void {
    if (large === this.large) return;
    this.large = large;
    this.cy.style(large ? largeGraphStylesheet : stylesheet);
    // Large graphs: draw a cached texture and skip edges while panning or zooming.
    const r = (this.cy as unknown as { renderer(): unknown }).renderer() as { hideEdgesOnViewport: boolean; textureOnViewport: boolean };
    r.hideEdgesOnViewport = large;
    r.textureOnViewport = large;
  }

  // ——— reversible edits ———

  private pushUndo(): void {
    if (this.cy.elements().length > LARGE_GRAPH_NODES) return; // snapshots of huge graphs cost more than they help
    this.undoStack.push(this.cy.elements().jsons() as unknown as cytoscape.ElementDefinition[]);
    if (this.undoStack.length > 30) this.undoStack.shift();
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  undo(): boolean {
    const snap = this.undoStack.pop();
    if (!snap) return false;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(snap);
    });
    return true;
  }

  /** Removes the neighbours that hang only on this node (and are neither pinned nor themselves expanded). */
  collapse(id: string, keep: ReadonlySet<string>): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.pushUndo();
    node.neighborhood().nodes().filter((n) => n.degree(false) <= n.edgesWith(node).length && !n.hasClass('pinned') && !keep.has(n.id())).remove();
  }

  hide(ids: string[]): void {
    this.pushUndo();
    for (const id of ids) this.cy.getElementById(id).remove();
  }

  togglePin(ids: string[]): void {
    for (const id of ids) {
      const n = this.cy.getElementById(id);
      if (n.empty() || !n.isNode()) continue;
      if (n.hasClass('pinned')) n.removeClass('pinned').unlock();
      else n.addClass('pinned').lock();
    }
  }

  selectOnly(id: string | null): void {
    this.cy.elements(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  addToSelection(id: string): void {
    this.cy.getElementById(id).select();
  }

  selected(): string[] {
    return [...this.selectionOrder];
  }

  /** Selects the next (+1) or previous (−1) visible node, for keyboard stepping. */
  step(delta: number): string | null {
    const nodes = this.cy.nodes(':visible').not('.tier-label').sort((a, b) => String(a.data('name')).localeCompare(String(b.data('name'))));
    if (nodes.empty()) return null;
    const cur = nodes.toArray().findIndex((n) => n.selected());
    const next = nodes[(cur + delta + nodes.length) % nodes.length] as cytoscape.NodeSingular;
    this.selectOnly(next.id());
    this.cy.animate({ center: { eles: next } }, { duration: 200 });
    return next.id();
  }

  // ——— meaning carried by style ———

  applyFilter(f: NodeFilter): void {
    this.cy.batch(() => {
      this.cy.nodes().not('.tier-label').forEach((n) => {
        const d = n.data() as NodeData;
        n.toggleClass('filtered', !(validIn(d, f.year) && f.keepNode(d)));
      });
      this.cy.edges().forEach((e) => {
        const d = e.data() as EdgeData;
        e.toggleClass('filtered', !(validIn(d, f.year) && f.keepEdge(d)));
      });
    });
  }

  setMarks(cls: 'me' | 'prospect', ids: ReadonlySet<string>): void {
    this.cy.nodes().forEach((n) => {
      n.toggleClass(cls, ids.has(n.id()));
    });
  }

  /** Node sizes from a measure (null: same size for all); values are scaled to 24–80 px by square root. */
  setSizes(values: Map<string, number> | null): void {
    const max = values ? Math.max(0, ...values.values()) : 0;
    this.cy.batch(() => {
      this.cy.nodes().not('.tier-label').forEach((n) => {
        const base = n.data('kind') === 'CLUSTER' ? BASE_NODE_SIZE * 1.5 : BASE_NODE_SIZE;
        const v = values?.get(n.id());
        // Actors outside the measure's scope (clusters are left out by default) keep their usual size.
        n.data('size', values && max > 0 && v !== undefined ? 24 + 56 * Math.sqrt(v / max) : base);
      });
    });
  }

  /** Rings brokers by their strongest role; the role name shows on hover. */
  setBrokerRoles(roles: Map<string, { role: string; name: string }> | null): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const r = roles?.get(n.id());
        n.toggleClass('broker', Boolean(r));
        n.data('role', r?.role ?? null);
        n.data('roleName', r?.name ?? null);
      });
    });
  }

  highlight(nodeIds: string[], edgeIds: string[]): void {
    this.cy.batch(() => {
      const on = this.cy.collection();
      for (const id of [...nodeIds, ...edgeIds]) on.merge(this.cy.getElementById(id));
      this.cy.elements().removeClass('path-on faded');
      if (on.empty()) return;
      on.addClass('path-on');
      this.cy.elements().not(on).not('.tier-label').addClass('faded');
    });
  }

  // ——— what is shown (tables, exports) ———

  shown(): ElementSet & { positions: Map<string, { x: number; y: number }> } {
    const nodes = this.cy.nodes(':visible').not('.tier-label');
    const positions = new Map<string, { x: number; y: number }>();
    nodes.forEach((n) => {
      positions.set(n.id(), { ...n.position() });
    });
    return {
      nodes: nodes.map((n) => n.data() as NodeData),
      edges: this.cy.edges(':visible').map((e) => e.data() as EdgeData),
      positions,
    };
  }

  ids(): string[] {
    return this.cy.nodes().not('.tier-label').map((n) => n.id());
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  data(id: string): NodeData | EdgeData | null {
    const el = this.cy.getElementById(id);
    return el.nonempty() ? (el.data() as NodeData | EdgeData) : null;
  }

  destroy(): void {
    this.cy.destroy();
  }
}
