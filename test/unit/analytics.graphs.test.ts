import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { csrOf } from '../../server/src/domain/csr.js';
import { lazyMeasures } from '../../server/src/modules/analytics/centrality.js';
import { louvainCommunities, seededRandom } from '../../server/src/modules/analytics/communities.js';
import { density, directedGraph, reachableFrom, reciprocity, undirectedGraph } from '../../server/src/modules/analytics/graphs.js';
import { arcsFromRows } from '../../server/src/modules/analytics/projection.js';

describe('a scope’s arcs', () => {
  it('counts a symmetric tie both ways and each ordered pair once', () => {
    const rows = [
      { source: 'a', target: 'b', symmetric: false },
      { source: 'b', target: 'c', symmetric: true },
      { source: 'c', target: 'b', symmetric: false }, // already there through the symmetric b–c tie
    ];
    expect(arcsFromRows(rows)).toEqual([['a', 'b'], ['b', 'c'], ['c', 'b']]);
  });

  it('builds the digraph with every actor, isolates included, and the undirected graph with one edge per pair', () => {
    const p = { nodes: ['a', 'b', 'c', 'z'], arcs: [['a', 'b'], ['b', 'a'], ['b', 'c']] as [string, string][] };
    expect(directedGraph(p).order).toBe(4);
    expect(directedGraph(p).size).toBe(3);
    expect(undirectedGraph(p).size).toBe(2); // a–b (both ways) and b–c
    expect(undirectedGraph(p).degree('z')).toBe(0);
  });
});

describe('whole-network figures (hand computation)', () => {
  it('gives the digraph density m / (N(N−1)) and 0 below two actors', () => {
    expect(density(4, 3)).toBe(0.25); // 3 / 12
    expect(density(1, 0)).toBe(0);
    expect(density(0, 0)).toBe(0);
  });

  it('gives the share of arcs whose reverse exists (networkx.overall_reciprocity)', () => {
    // a→b and b→a are reciprocated, b→c is not: 2 of 3 arcs.
    expect(reciprocity([['a', 'b'], ['b', 'a'], ['b', 'c']])).toBeCloseTo(2 / 3, 15);
    expect(reciprocity([])).toBe(0);
  });

  it('reaches along arcs only, the start included', () => {
    const g = directedGraph({ nodes: ['a', 'b', 'c', 'd'], arcs: [['a', 'b'], ['b', 'c'], ['d', 'a']] });
    expect([...reachableFrom(g, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...reachableFrom(g, 'c')]).toEqual(['c']);
  });
});

describe('centrality measures computed on demand', () => {
  it('gives the middle of a directed path a → b → c betweenness 1/2 and computes each measure once', () => {
    // b lies on the only a→c path; directed normalisation 1/((n−1)(n−2)) = 1/2 (as networkx).
    const p = { nodes: ['a', 'b', 'c'], arcs: [['a', 'b'], ['b', 'c']] as [string, string][] };
    const measures = lazyMeasures(p, csrOf(p));
    expect(measures('betweenness')[1]).toBeCloseTo(0.5, 15); // values in node order: b is node 1
    // Undirected: b is on the a–c path, normalised by (n−1)(n−2)/2 = 1.
    expect(measures('betweennessUndirected')[1]).toBeCloseTo(1, 15);
    expect(measures('betweenness')).toBe(measures('betweenness'));
  });

  it('gives PageRank nothing to rank in an empty network instead of failing', () => {
    const p = { nodes: [], arcs: [] };
    expect(lazyMeasures(p, csrOf(p))('pagerank')).toEqual(new Float64Array(0));
  });
});

describe('Louvain communities', () => {
  /** Two triangles a-b-c and d-e-f joined by the bridge c–d. */
  function twoTriangles(): UndirectedGraph {
    const g = new UndirectedGraph();
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) g.addNode(n);
    for (const [x, y] of [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd']]) g.addEdge(x, y);
    return g;
  }

  it('splits two triangles joined by a bridge into the two triangles, with modularity 5/14', () => {
    // m = 7; each triangle holds 3 edges and degree sum 7: Q = 2·(3/7 − (7/14)²) = 5/14 (hand computation).
    const r = louvainCommunities(twoTriangles());
    expect(r.communities).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('puts each actor of a network without ties in its own community, with modularity 0', () => {
    const g = new UndirectedGraph();
    g.addNode('b');
    g.addNode('a');
    expect(louvainCommunities(g)).toEqual({ communities: [['a'], ['b']], modularity: 0 });
  });

  it('repeats its random sequence for the same seed', () => {
    // First draw for seed 42: (42·1664525 + 1013904223) mod 2³² / 2³² = 1083814273 / 4294967296.
    const r = seededRandom(42);
    expect(r()).toBe(1083814273 / 4294967296);
    const [x, y] = [seededRandom(7), seededRandom(7)];
    expect([x(), x(), x()]).toEqual([y(), y(), y()]);
  });
});
