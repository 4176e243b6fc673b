/**
 * A loaded scope as graphology graphs, and the small whole-graph figures the analytics report. Pure:
 * no database, no request state.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { Projection } from './projection.js';

/** The scope's digraph: every actor, one edge per arc. */
export function directedGraph(p: Pick<Projection, 'nodes' | 'arcs'>): DirectedGraph {
  const g = new DirectedGraph();
  for (const n of p.nodes) g.addNode(n);
  for (const [a, b] of p.arcs) g.mergeEdge(a, b);
  return g;
}

/** The scope's undirected graph: every actor, one edge per tied pair whatever its direction(s). */
export function undirectedGraph(p: Pick<Projection, 'nodes' | 'arcs'>): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of p.nodes) g.addNode(n);
  for (const [a, b] of p.arcs) g.mergeEdge(a, b);
  return g;
}

/** Digraph density m / (N(N−1)), as sna::gden and networkx.density on a DiGraph; 0 below two actors. */
export function density(actors: number, arcs: number): number {
  return actors > 1 ? arcs / (actors * (actors - 1)) : 0;
}

/** Share of arcs a→b whose reverse b→a is an arc too, as networkx.overall_reciprocity; 0 without arcs. */
export function reciprocity(arcs: readonly [string, string][]): number {
  if (!arcs.length) return 0;
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const all = new Set(arcs.map(([a, b]) => key(a, b)));
  return arcs.filter(([a, b]) => all.has(key(b, a))).length / arcs.length;
}

/** Every node reachable from `from` along arcs, `from` included (breadth-first). */
export function reachableFrom(g: DirectedGraph, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    for (const y of g.outNeighbors(queue[i]!)) {
      if (!seen.has(y)) {
        seen.add(y);
        queue.push(y);
      }
    }
  }
  return seen;
}
