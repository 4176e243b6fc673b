// A synthetic network for the large-graph benchmark (no server): n actors in clusters of ~50 with m ties,
// mostly inside a cluster and some across, so that the layout has structure to find. Deterministic by seed.
import type { EdgeData, ElementSet, NodeData } from '../graph/elements.js';
import type { GraphController } from '../graph/controller.js';

const KINDS = ['FIRM', 'FIRM', 'FIRM', 'BUYER', 'INSTITUTION', 'PROGRAM'];
const TYPES = ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO', 'COOPERATES_WITH', 'SUPPORTS', 'MEMBER_OF'];

export function syntheticGraph(n: number, m: number, seed = 7): ElementSet {
  let s = seed;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const nodes: NodeData[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `n${i}`, label: `Actor ${i}`, name: `Actor ${i}`, kind: KINDS[i % KINDS.length]!, aggregate: false, types: '', validFrom: null, validUntil: null, country: null, countryName: null, sectorGroup: null, governance: null, size: 30 });
  }
  const edges: EdgeData[] = [];
  const group = 50;
  for (let j = 0; j < m; j++) {
    const a = Math.floor(rand() * n);
    const local = rand() < 0.9;
    let b = local ? Math.floor(a / group) * group + Math.floor(rand() * group) : Math.floor(rand() * n);
    if (b >= n || b === a) b = (a + 1) % n;
    const type = TYPES[j % TYPES.length]!;
    edges.push({ id: `e${j}`, source: `n${a}`, target: `n${b}`, type, form: null, qualifier: null, validFrom: null, validUntil: null, symmetric: type === 'COOPERATES_WITH' });
  }
  return { nodes, edges };
}

export interface BenchResult {
  nodes: number;
  edges: number;
  firstLayoutMs: number;
  /** Frames per second while the user's gesture pans (mouse drag on the background: texture and hidden edges apply). */
  dragPanFps: number;
  /** Frames per second while panning through the API (cy.panBy each frame: every frame is a full redraw). */
  apiPanFps: number;
  frames: number;
}

/** Counts animation frames for `ms` while `step(elapsed)` moves the view each frame. */
async function countFrames(ms: number, step: (elapsed: number) => void): Promise<{ frames: number; fps: number }> {
  let frames = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      frames++;
      const elapsed = performance.now() - start;
      step(elapsed);
      if (elapsed < ms) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  return { frames, fps: Math.round((frames / (performance.now() - start)) * 10000) / 10 };
}

/** Pans the way a user does: mouse down on empty background, moves, mouse up (dispatched events). */
async function dragPan(graph: GraphController, ms: number): Promise<{ frames: number; fps: number }> {
  const cy = graph.cy;
  const container = cy.container()!;
  const rect = container.getBoundingClientRect();
  cy.zoom({ level: cy.zoom() * 0.6, renderedPosition: { x: rect.width / 2, y: rect.height / 2 } }); // leaves empty corners
  const canvas = container.querySelector('canvas') ?? container;
  const x0 = rect.left + 6;
  const y0 = rect.top + 6;
  const mouse = (type: string, x: number, y: number, target: EventTarget) =>
    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }));
  mouse('mousedown', x0, y0, canvas);
  const result = await countFrames(ms, (t) => mouse('mousemove', x0 + 60 + Math.sin(t / 250) * 50, y0 + 60 + Math.cos(t / 250) * 50, window));
  mouse('mouseup', x0 + 60, y0 + 60, window);
  return result;
}

/** Draws the synthetic graph, then pans for `panMs` by a drag gesture and again through the API, counting frames. */
export async function runBench(graph: GraphController, n: number, m: number, panMs = 3000): Promise<BenchResult> {
  const set = syntheticGraph(n, m);
  const t0 = performance.now();
  await graph.show(set, 'network');
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const firstLayoutMs = Math.round(performance.now() - t0);
  const drag = await dragPan(graph, panMs);
  const api = await countFrames(panMs, (t) => graph.cy.panBy({ x: Math.sin(t / 300) * 12, y: Math.cos(t / 300) * 12 }));
  return { nodes: n, edges: m, firstLayoutMs, dragPanFps: drag.fps, apiPanFps: api.fps, frames: drag.frames + api.frames };
}
