/**
 * Density of an undirected simple graph: m / (n(n−1)/2), parallel ties merged and self-loops ignored
 * (as networkx.density on an undirected Graph, and sna::gden with mode "graph"). 0 for n < 2.
 */
export function undirectedDensity(nodes: string[], edges: { source: string; target: string }[]): number {
  const inside = new Set(nodes);
  const n = inside.size;
  if (n < 2) return 0;
  const pairs = new Set<string>();
  for (const e of edges) {
    if (e.source === e.target || !inside.has(e.source) || !inside.has(e.target)) continue;
    pairs.add(e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`);
  }
  return pairs.size / ((n * (n - 1)) / 2);
}
