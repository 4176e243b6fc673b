import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../server/src/domain/betweenness.js';
import { approximateBetweenness, errorBound, sampleSources, samplesFor } from '../../server/src/domain/betweennessSample.js';
import { buildCsr, csrOf } from '../../server/src/domain/csr.js';
import { structuralHoles, structuralHolesOf } from '../../server/src/domain/structuralHoles.js';
import { rng } from '../helpers/random.js';

/** networkx 2.8 (Debian python3-networkx) on the same digraph: the reference for every figure compared here. */
const NX = String.raw`
import json, math, sys
import networkx as nx
d = json.load(sys.stdin)
G = nx.DiGraph(); G.add_nodes_from(range(d["n"])); G.add_edges_from(d["arcs"])
G.remove_edges_from(list(nx.selfloop_edges(G)))  # the service's projections have none; the CSR drops them
nan = lambda m: {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in m.items()}
print(json.dumps({
  "directed": nx.betweenness_centrality(G, normalized=True),
  "undirected": nx.betweenness_centrality(G.to_undirected(), normalized=True),
  "constraint": nan(nx.constraint(G)),
  "effective_size": nan(nx.effective_size(G)),
}))
`;
type Ref = Record<'directed' | 'undirected' | 'constraint' | 'effective_size', Record<string, number | null>>;

function networkx(n: number, arcs: [number, number][]): Ref {
  const r = spawnSync('/usr/bin/python3', ['-c', NX], { input: JSON.stringify({ n, arcs }), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Ref;
}

/** A seeded random digraph; `reciprocal` is the share of arcs also added the other way; self-loops and repeats kept (the CSR drops them). */
function digraph(opts: { n: number; m: number; seed: number; reciprocal?: number; components?: number }): [number, number][] {
  const r = rng(opts.seed);
  const parts = opts.components ?? 1;
  const size = Math.floor(opts.n / parts);
  const arcs: [number, number][] = [];
  for (let i = 0; i < opts.m; i += 1) {
    const c = Math.floor(r() * parts) * size; // both ends in one component: disconnected when parts > 1
    const a = c + Math.floor(r() * size);
    const b = c + Math.floor(r() * size);
    arcs.push([a, b]);
    if (r() < (opts.reciprocal ?? 0)) arcs.push([b, a]);
  }
  return arcs;
}

/**
 * networkx's constraint and effective_size alone, with normalized_mutual_weight memoised: networkx recomputes
 * each p_uw's normaliser over u's neighbours on every call, O(deg³) for a hub (minutes at 600 alters); the
 * function is pure on an unchanged graph, so the cache changes the time, not the figures.
 */
const NX_HOLES = String.raw`
import functools, json, math, sys
import networkx as nx
import networkx.algorithms.structuralholes as sh
sh.normalized_mutual_weight = functools.lru_cache(maxsize=None)(sh.normalized_mutual_weight)
d = json.load(sys.stdin)
G = nx.DiGraph(); G.add_nodes_from(range(d["n"])); G.add_edges_from(d["arcs"])
G.remove_edges_from(list(nx.selfloop_edges(G)))
nan = lambda m: {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in m.items()}
print(json.dumps({"constraint": nan(nx.constraint(G)), "effective_size": nan(nx.effective_size(G))}))
`;

function networkxHoles(n: number, arcs: [number, number][]): Pick<Ref, 'constraint' | 'effective_size'> {
  const r = spawnSync('/usr/bin/python3', ['-c', NX_HOLES], { input: JSON.stringify({ n, arcs }), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Pick<Ref, 'constraint' | 'effective_size'>;
}

const csrFrom = (n: number, arcs: [number, number][]) => buildCsr(n, Int32Array.from(arcs, (a) => a[0]), Int32Array.from(arcs, (a) => a[1]));

const CASES = [
  { name: 'sparse', n: 80, m: 160, seed: 1 },
  { name: 'dense', n: 30, m: 500, seed: 2 },
  { name: 'disconnected with isolates', n: 90, m: 120, seed: 3, components: 3 },
  { name: 'mostly reciprocal', n: 50, m: 120, seed: 4, reciprocal: 0.7 },
];

describe('CSR', () => {
  it('drops self-loops and repeated arcs and keeps out, in and either-way rows sorted', () => {
    // 0→1 twice, 1→1 (loop), 2→1, 1→0: out(0)=[1], out(1)=[0], out(2)=[1]; in(1)=[0,2]; und(1)=[0,2].
    const g = buildCsr(3, Int32Array.of(0, 0, 1, 2, 1), Int32Array.of(1, 1, 1, 1, 0));
    expect(g.arcs).toBe(3);
    expect([...g.outOffsets]).toEqual([0, 1, 2, 3]);
    expect([...g.outTargets]).toEqual([1, 0, 1]);
    expect([...g.inTargets.subarray(g.inOffsets[1], g.inOffsets[2])]).toEqual([0, 2]);
    expect([...g.undTargets.subarray(g.undOffsets[0], g.undOffsets[1])]).toEqual([1]);
    expect([...g.undTargets.subarray(g.undOffsets[1], g.undOffsets[2])]).toEqual([0, 2]);
  });

  it('refuses an arc naming a node that does not exist, saying which', () => {
    expect(() => buildCsr(2, Int32Array.of(0), Int32Array.of(2))).toThrow(/arc 0 \(0 → 2\) names a node outside 0…1/);
    expect(() => buildCsr(2, Int32Array.of(0), Int32Array.of())).toThrow(/one source and one target per arc/);
    expect(() => csrOf({ nodes: ['a'], arcs: [['a', 'b']] })).toThrow(/arc 0 \(a → b\) names an actor that is not among the nodes/);
  });
});

describe('exact betweenness equals networkx.betweenness_centrality to 1e-9', () => {
  for (const c of CASES) {
    it(`on a ${c.name} random digraph, directed and undirected, in this thread and in two workers`, async () => {
      const arcs = digraph(c);
      const ref = networkx(c.n, arcs);
      const g = csrFrom(c.n, arcs);
      for (const directed of [true, false]) {
        const want = directed ? ref.directed : ref.undirected;
        const single = await betweennessCentrality(g, { directed, workers: 1 });
        const threaded = await betweennessCentrality(g, { directed, workers: 2, inThreadBelow: 0 });
        for (let v = 0; v < c.n; v += 1) {
          expect(Math.abs(single[v]! - want[v]!), `${c.name} ${directed ? 'directed' : 'undirected'} node ${v}`).toBeLessThan(1e-9);
          expect(Math.abs(threaded[v]! - want[v]!), `${c.name} threaded node ${v}`).toBeLessThan(1e-9);
        }
        expect(Math.max(...single)).toBeGreaterThan(0); // the graphs do have brokers
      }
    }, 60_000);
  }

  it('gives the same floats on every run with the same worker count', async () => {
    const g = csrFrom(200, digraph({ n: 200, m: 600, seed: 9 }));
    const a = await betweennessCentrality(g, { directed: true, workers: 2, inThreadBelow: 0 });
    const b = await betweennessCentrality(g, { directed: true, workers: 2, inThreadBelow: 0 });
    expect([...a]).toEqual([...b]);
  }, 60_000);
});

describe('Burt measures equal networkx.constraint and effective_size to 1e-9', () => {
  for (const c of CASES) {
    it(`on a ${c.name} random digraph (every actor networkx measures)`, () => {
      const arcs = digraph(c);
      const ref = networkx(c.n, arcs);
      const nodes = Array.from({ length: c.n }, (_, i) => String(i));
      const holes = structuralHoles(nodes, arcs.map(([a, b]) => [String(a), String(b)]));
      let compared = 0;
      for (const v of nodes) {
        const want = ref.constraint[v];
        if (want === null || want === undefined) continue; // networkx's NaN: no successors (see domain/structuralHoles.ts)
        compared += 1;
        expect(Math.abs(holes.get(v)!.constraint! - want), `constraint ${v}`).toBeLessThan(1e-9);
        expect(Math.abs(holes.get(v)!.effectiveSize! - ref.effective_size[v]!), `effective size ${v}`).toBeLessThan(1e-9);
      }
      expect(compared).toBeGreaterThan(c.n / 4);
    });
  }

  it('on a digraph with a hub of 600 alters, half of them tied both ways', () => {
    // Node 0 sends to every j in 1…600 and hears back from the even ones; 1,500 random arcs among the others.
    const arcs = digraph({ n: 800, m: 1500, seed: 6, reciprocal: 0.3 });
    for (let j = 1; j <= 600; j += 1) {
      arcs.push([0, j]);
      if (j % 2 === 0) arcs.push([j, 0]);
    }
    const ref = networkxHoles(800, arcs);
    const holes = structuralHolesOf(csrFrom(800, arcs));
    let compared = 0;
    for (let v = 0; v < 800; v += 1) {
      const want = ref.constraint[String(v)];
      if (want === null || want === undefined) continue; // networkx's NaN: no successors
      compared += 1;
      expect(Math.abs(holes.constraint[v]! - want), `constraint ${v}`).toBeLessThan(1e-9);
      expect(Math.abs(holes.effectiveSize[v]! - ref.effective_size[String(v)]!), `effective size ${v}`).toBeLessThan(1e-9);
    }
    expect(holes.degree[0]).toBeGreaterThanOrEqual(600);
    expect(ref.constraint['0']).not.toBeNull();
    expect(compared).toBeGreaterThan(400);
  }, 60_000);
});

describe('approximate betweenness from sampled sources', () => {
  it('is exact when every node is a source', async () => {
    const g = csrFrom(120, digraph({ n: 120, m: 400, seed: 5, reciprocal: 0.3 }));
    const exact = await betweennessCentrality(g, { directed: true, workers: 1 });
    const all = await approximateBetweenness(g, { directed: true, samples: 120, seed: 7, delta: 0.1, workers: 1 });
    expect(all.bound).toBe(0);
    for (let v = 0; v < 120; v += 1) expect(Math.abs(all.scores[v]! - exact[v]!)).toBeLessThan(1e-12);
  });

  it('stays within its stated bound on seeded graphs, and a seed gives the same answer twice', async () => {
    for (const seed of [11, 12, 13]) {
      const n = 2000;
      const g = csrFrom(n, digraph({ n, m: 6000, seed, reciprocal: 0.2 }));
      for (const directed of [true, false]) {
        const exact = await betweennessCentrality(g, { directed, workers: 1 });
        const k = samplesFor(n, 0.1, 0.05);
        const a = await approximateBetweenness(g, { directed, samples: k, seed, delta: 0.05, workers: 2, inThreadBelow: 0 });
        expect(a.samples).toBe(k);
        expect(a.bound).toBeLessThanOrEqual(0.1 * (n / (n - 1)));
        expect(a.bound).toBeGreaterThan(0.099);
        const worst = Math.max(...exact.map((x, v) => Math.abs(x - a.scores[v]!)));
        expect(worst).toBeLessThanOrEqual(a.bound);
        expect(worst).toBeGreaterThan(0); // really sampled
        const again = await approximateBetweenness(g, { directed, samples: k, seed, delta: 0.05, workers: 2, inThreadBelow: 0 });
        expect([...again.scores]).toEqual([...a.scores]);
      }
    }
  }, 120_000);

  it('derives the sample size and bound from Hoeffding and a union bound', () => {
    // k = ⌈ln(2n/δ)/(2ε²)⌉: n = 1e6, ε = 0.01, δ = 0.1 → ln(2e7)/2e-4 = 16.8112/2e-4 = 84,056.
    expect(samplesFor(1e6, 0.01, 0.1)).toBe(Math.ceil(Math.log(2e7) / 2e-4));
    expect(samplesFor(100, 0.01, 0.1)).toBe(100); // never more sources than nodes
    expect(errorBound(1e6, samplesFor(1e6, 0.01, 0.1), 0.1)).toBeLessThanOrEqual(0.01 * (1e6 / (1e6 - 1)));
    expect(new Set(sampleSources(50, 50, 3)).size).toBe(50);
    expect([...sampleSources(1000, 5, 3)]).toEqual([...sampleSources(1000, 5, 3)]);
  });
});

describe('cancellation', () => {
  it('stops the workers and rejects with the error the progress callback throws once the signal is aborted', async () => {
    const g = csrFrom(3000, digraph({ n: 3000, m: 12000, seed: 8 }));
    const abort = new AbortController();
    const seen: number[] = [];
    const started = Date.now();
    const run = betweennessCentrality(g, {
      directed: true,
      workers: 2,
      inThreadBelow: 0,
      signal: abort.signal,
      progress: (f) => {
        seen.push(f);
        if (abort.signal.aborted) throw new Error(`cancelled at ${f}`);
      },
    });
    setTimeout(() => abort.abort(), 300);
    await expect(run).rejects.toThrow(/cancelled at/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(seen.at(-1)!).toBeLessThan(1);
  }, 30_000);

  it('stops a run in the calling thread at its next checkpoint', async () => {
    const g = csrFrom(3000, digraph({ n: 3000, m: 12000, seed: 8 }));
    const abort = new AbortController();
    abort.abort();
    await expect(
      betweennessCentrality(g, {
        directed: true,
        workers: 1,
        signal: abort.signal,
        progress: () => {
          if (abort.signal.aborted) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
  });
});
