// Layout choices per view and size: fcose for the network, dagre left-to-right for value-chain tiers, and a
// worker-run force layout for large graphs (fcose would block the page for seconds on thousands of nodes).
import type cytoscape from 'cytoscape';
import { forceLayout } from './forceLayout.js';

/**
 * Above this many nodes the worker layout replaces fcose and the simplified style is used: fcose runs on the
 * page's thread and would block it for seconds on thousands of nodes, while the lighter drawing still pans at
 * 47–49 fps with 5,000 (bench/RESULTS.md). README's viewer paragraph states this number; a unit test checks both agree.
 */
export const LARGE_GRAPH_NODES = 1200;

/** fcose options. `randomize: false` keeps the existing picture when a neighbourhood is added. */
export function networkLayout(opts: { randomize: boolean; animate: boolean }): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: opts.randomize,
    animate: opts.animate,
    animationDuration: 400,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 9000,
    packComponents: true,
    padding: 30,
  } as cytoscape.LayoutOptions;
}

/**
 * Value chain tiers left to right: dagre (rankDir LR) orders the actors within each tier to reduce crossings,
 * then each node is put in its tier's column (dagre alone would pull nodes of one tier into different ranks
 * when links run inside a tier, e.g. subcontractors of a cluster's producers).
 */
export function runChainLayout(cy: cytoscape.Core, columnWidth = 280): Promise<void> {
  const nodes = cy.nodes().not('.tier-label').nodes();
  const forward = cy.edges().filter((e) => (e.target().data('tier') as number) > (e.source().data('tier') as number));
  const layout = nodes.union(forward).layout({
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 24,
    rankSep: 120,
    minLen: (e: cytoscape.EdgeSingular) => Math.max(1, (e.target().data('tier') as number) - (e.source().data('tier') as number)),
    fit: false,
    animate: false,
  } as cytoscape.LayoutOptions);
  return new Promise((resolve) => {
    layout.one('layoutstop', () => {
      const byTier = new Map<number, cytoscape.NodeSingular[]>();
      nodes.forEach((n) => {
        const t = n.data('tier') as number;
        byTier.set(t, [...(byTier.get(t) ?? []), n]);
      });
      const rowGap = 70;
      for (const [tier, col] of byTier) {
        col.sort((a, b) => a.position('y') - b.position('y'));
        const top = -((col.length - 1) * rowGap) / 2;
        col.forEach((n, i) => n.position({ x: tier * columnWidth, y: top + i * rowGap }));
      }
      const minY = Math.min(...nodes.map((n) => n.position('y')));
      cy.nodes('.tier-label').forEach((l) => {
        l.position({ x: (l.data('tier') as number) * columnWidth, y: minY - 60 });
      });
      resolve();
    });
    layout.run();
  });
}

/**
 * Positions for a large graph from forceLayout in a web worker (inline where workers are unavailable).
 * Takes plain ids and endpoint pairs, so it can run before the elements are handed to Cytoscape: the first
 * drawing is then the laid-out one, not thousands of nodes piled at the origin.
 */
export async function largeLayoutPositions(nodeIds: string[], links: { source: string; target: string }[]): Promise<Map<string, { x: number; y: number }>> {
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const edges = new Uint32Array(links.length * 2);
  links.forEach((e, i) => {
    edges[i * 2] = index.get(e.source) ?? 0;
    edges[i * 2 + 1] = index.get(e.target) ?? 0;
  });
  // Fewer iterations for the largest graphs: an overview that appears in about a second beats a tidier one later.
  const input = { n: nodeIds.length, edges, iterations: nodeIds.length > 3000 ? 35 : 50 };
  let pos: Float32Array;
  try {
    const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    pos = await new Promise<Float32Array>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<Float32Array>) => resolve(ev.data);
      worker.onerror = (ev) => reject(new Error(ev.message));
      worker.postMessage(input);
    }).finally(() => worker.terminate());
  } catch {
    pos = forceLayout(input);
  }
  return new Map(nodeIds.map((id, i) => [id, { x: pos[i * 2] ?? 0, y: pos[i * 2 + 1] ?? 0 }]));
}

/** Lays out the large graph already in Cytoscape (after a neighbourhood was added to it). */
export async function runLargeLayout(cy: cytoscape.Core): Promise<void> {
  const positions = await largeLayoutPositions(cy.nodes().map((n) => n.id()), cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = positions.get(n.id());
      if (p) n.position(p);
    });
  });
}
