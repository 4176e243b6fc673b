/**
 * Burt's (1992) structural-hole measures on a binary digraph, as networkx defines constraint and
 * effective_size for directed graphs (nx.constraint, nx.effective_size) and UCINET defines hierarchy.
 * With a_ij ∈ {0,1}: mutual weight m_ij = a_ij + a_ji; p_ij = m_ij / Σ_k m_ik over i's alters (in- and
 * out-neighbours, self excluded);
 *   constraint c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²  (q over i's alters);
 *   effective size = Σ_j (1 − Σ_q p_iq · m_jq / max_k m_jk);
 *   efficiency = effective size / n (n alters);
 *   hierarchy = Σ_j (c_ij / (c_i/n)) ln(c_ij / (c_i/n)) / (n ln n), null for n ≤ 1.
 * Unlike networkx — which returns NaN for every node without out-neighbours because it tests `G[v]`
 * (successors) — an actor with in-ties only is measured, as Burt's in-and-out definition implies; actors
 * with no alters at all get null.
 *
 * Written by hand on the typed-array CSR (domain/csr.ts) because no npm library computes these measures
 * for directed graphs, and a graph library's objects would cost what this replaces: the indirect terms are
 * walked as 2-paths i → q → j over the undirected rows, so the work is Σ_q deg(q)² additions into scratch
 * arrays, with no Map or Set look-up and no allocation per actor.
 */
import { csrOf, type Csr } from './csr.js';

export interface HolesResult {
  degree: number;
  effectiveSize: number | null;
  efficiency: number | null;
  constraint: number | null;
  hierarchy: number | null;
}

/** Every actor's measures, indexed like the CSR's nodes; NaN where a measure is undefined (null in HolesResult). */
export interface HolesArrays {
  /** Number of alters (in- and out-neighbours, each once). */
  degree: Int32Array;
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  constraint: Float64Array;
  hierarchy: Float64Array;
}

/** Actors measured between two calls of `progress`. */
const PROGRESS_EVERY = 4096;

/**
 * m_ij for each entry of `undTargets`: 1 for a tie one way, 2 for a reciprocal one. Merges i's sorted out-row
 * with its sorted either-way row (the in-row is what remains), so it costs one pass over the arcs.
 */
export function mutualWeights(g: Csr): Uint8Array {
  const w = new Uint8Array(g.undTargets.length);
  for (let i = 0; i < g.n; i += 1) {
    let o = g.outOffsets[i]!;
    const oEnd = g.outOffsets[i + 1]!;
    let k = g.inOffsets[i]!;
    const kEnd = g.inOffsets[i + 1]!;
    for (let u = g.undOffsets[i]!, uEnd = g.undOffsets[i + 1]!; u < uEnd; u += 1) {
      const j = g.undTargets[u]!;
      let m = 0;
      if (o < oEnd && g.outTargets[o] === j) {
        m += 1;
        o += 1;
      }
      if (k < kEnd && g.inTargets[k] === j) {
        m += 1;
        k += 1;
      }
      w[u] = m;
    }
  }
  return w;
}

/**
 * Burt's measures of every node of `g` (definitions in this file's header). `progress` is called with the
 * share done every few thousand actors; it may throw (a cancelled analysis) to stop the run.
 */
export function structuralHolesOf(g: Csr, opts: { progress?: (fraction: number) => void } = {}): HolesArrays {
  const { n, undOffsets: off, undTargets: adj } = g;
  const w = mutualWeights(g);
  // Σ_k m_ik and max_k m_ik per node.
  const total = new Float64Array(n);
  const maxW = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    let s = 0;
    let mx = 0;
    for (let u = off[i]!; u < off[i + 1]!; u += 1) {
      s += w[u]!;
      if (w[u]! > mx) mx = w[u]!;
    }
    total[i] = s;
    maxW[i] = mx;
  }
  const out: HolesArrays = {
    degree: new Int32Array(n),
    effectiveSize: new Float64Array(n).fill(NaN),
    efficiency: new Float64Array(n).fill(NaN),
    constraint: new Float64Array(n).fill(NaN),
    hierarchy: new Float64Array(n).fill(NaN),
  };
  // Scratch indexed by node, valid for j where alterOf[j] === i: p_ij, Σ_q p_iq p_qj and Σ_q p_iq m_qj.
  const alterOf = new Int32Array(n).fill(-1);
  const direct = new Float64Array(n);
  const indirect = new Float64Array(n);
  const redundant = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    if (i % PROGRESS_EVERY === 0) opts.progress?.(i / n);
    const start = off[i]!;
    const end = off[i + 1]!;
    const deg = end - start;
    out.degree[i] = deg;
    if (deg === 0) continue;
    const ti = total[i]!;
    for (let u = start; u < end; u += 1) {
      const j = adj[u]!;
      alterOf[j] = i;
      direct[j] = w[u]! / ti;
      indirect[j] = 0;
      redundant[j] = 0;
    }
    // 2-paths i → q → j with j an alter of i (j ≠ i: i is not its own alter; q ≠ j: no self-loops).
    for (let u = start; u < end; u += 1) {
      const q = adj[u]!;
      const piq = direct[q]!;
      const tq = total[q]!;
      for (let v = off[q]!, vEnd = off[q + 1]!; v < vEnd; v += 1) {
        const j = adj[v]!;
        if (alterOf[j] !== i) continue;
        indirect[j]! += piq * (w[v]! / tq);
        redundant[j]! += piq * w[v]!;
      }
    }
    let c = 0;
    let eff = 0;
    for (let u = start; u < end; u += 1) {
      const j = adj[u]!;
      const local = direct[j]! + indirect[j]!;
      c += local * local;
      eff += 1 - redundant[j]! / maxW[j]!; // maxW[j] ≥ 1: i is j's alter
    }
    out.constraint[i] = c;
    out.effectiveSize[i] = eff;
    out.efficiency[i] = eff / deg;
    if (deg > 1 && c > 0) {
      const mean = c / deg;
      let h = 0;
      for (let u = start; u < end; u += 1) {
        const j = adj[u]!;
        const local = direct[j]! + indirect[j]!;
        const r = (local * local) / mean;
        if (r > 0) h += r * Math.log(r);
      }
      out.hierarchy[i] = h / (deg * Math.log(deg));
    }
  }
  opts.progress?.(1);
  return out;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Node v's measures from the arrays, undefined ones as null. */
export function holesAt(h: HolesArrays, v: number): HolesResult {
  return {
    degree: h.degree[v]!,
    effectiveSize: orNull(h.effectiveSize[v]!),
    efficiency: orNull(h.efficiency[v]!),
    constraint: orNull(h.constraint[v]!),
    hierarchy: orNull(h.hierarchy[v]!),
  };
}

/**
 * The measures by actor id from string arcs (ordered pairs; self-loops, repeats and arcs naming an actor
 * not in `nodes` are ignored). A thin adapter over structuralHolesOf.
 */
export function structuralHoles(nodes: string[], arcs: [string, string][]): Map<string, HolesResult> {
  const known = new Set(nodes);
  const ids = [...known];
  const h = structuralHolesOf(csrOf({ nodes: ids, arcs: arcs.filter(([a, b]) => known.has(a) && known.has(b)) }));
  return new Map(ids.map((id, v) => [id, holesAt(h, v)]));
}
