/**
 * The inner loop of Brandes (2001), "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2),
 * on one adjacency of a CSR (out-rows for directed betweenness, undirected rows for undirected): for each
 * source s a breadth-first search counts shortest paths σ_sv, then the dependencies
 * δ_s(v) = Σ_{w: v is a predecessor of w} σ_sv/σ_sw · (1 + δ_s(w)) are accumulated in reverse BFS order and added
 * to `into[v]` (v ≠ s). The sums are networkx's un-normalised ones (each ordered pair s,t counted once per
 * direction, so an undirected graph counts every pair twice, as networkx does before rescaling).
 *
 * Hand-written rather than graphology-metrics' betweenness because that one works on string keys and
 * objects (47.7 s at 10,000 actors / 30,000 arcs) and cannot run in worker threads; no maintained npm
 * package computes betweenness on typed arrays (see bench/RESULTS.md, 2026-12-06). Predecessors are not
 * stored: in reverse BFS order, v's successors on shortest paths are the neighbours w with d(w) = d(v) + 1,
 * so one pass over the same rows replaces the predecessor lists (less memory, the same sums).
 * This file imports nothing, so that the worker thread loads it alone.
 */
export interface BrandesRows {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
}

/** Reusable per-search arrays (one set per thread). */
export interface BrandesScratch {
  sigma: Float64Array;
  delta: Float64Array;
  dist: Int32Array;
  order: Int32Array;
}

export function brandesScratch(n: number): BrandesScratch {
  return { sigma: new Float64Array(n), delta: new Float64Array(n), dist: new Int32Array(n).fill(-1), order: new Int32Array(n) };
}

/** Adds source s's dependencies to `into`; returns the nodes reached (a measure of the work done). */
export function accumulateSource(g: BrandesRows, s: number, into: Float64Array, scratch: BrandesScratch): number {
  const { offsets, targets } = g;
  const { sigma, delta, dist, order } = scratch;
  sigma[s] = 1;
  dist[s] = 0;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e += 1) {
      const w = targets[e]!;
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = dv;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (dw === dv) {
        sigma[w]! += sv;
      }
    }
  }
  for (let i = tail - 1; i >= 0; i -= 1) {
    const v = order[i]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    let d = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e += 1) {
      const w = targets[e]!;
      if (dist[w] === dv) d += (sv / sigma[w]!) * (1 + delta[w]!);
    }
    delta[v] = d;
    if (v !== s) into[v]! += d;
  }
  // Reset only what this search touched.
  for (let i = 0; i < tail; i += 1) {
    const v = order[i]!;
    sigma[v] = 0;
    delta[v] = 0;
    dist[v] = -1;
  }
  return tail;
}
