/**
 * Approximate betweenness from k sources drawn uniformly without replacement (Brandes & Pich 2007,
 * "Centrality estimation in large networks"; networkx.betweenness_centrality(k=…) is the same estimator,
 * with its own random generator), on the same Brandes engine as the exact measure, with a stated error bound.
 *
 * The bound. For a node v let X_s = δ_s(v)/(n−2), where δ_s(v) = Σ_{t≠s,v} σ_st(v)/σ_st is source s's
 * dependency on v: a sum of at most n−2 terms each in [0,1], so X_s ∈ [0,1]. Normalised betweenness is
 * b(v) = Σ_s δ_s(v)/((n−1)(n−2)) = n/(n−1) · X̄ (X̄ the mean of X_s over all n sources) and the estimate is
 * b̂(v) = n/(n−1) · X̄_S (the mean over the k sampled sources S). Hoeffding's inequality, which holds for
 * sampling without replacement too (Hoeffding 1963, §6), gives P(|X̄_S − X̄| ≥ ε) ≤ 2·exp(−2kε²); a union
 * bound over the n nodes gives P(some v has |X̄_S − X̄| ≥ ε) ≤ 2n·exp(−2kε²). Hence with
 *   k ≥ ln(2n/δ) / (2ε²)
 * sources, with probability at least 1 − δ every node's normalised betweenness is within ε·n/(n−1) of the
 * exact value; conversely k sources guarantee ε = √(ln(2n/δ)/(2k)). With k = n every source is taken and
 * the result is exact (bound 0).
 */
import { betweennessScale, betweennessSums, type BetweennessRun } from './betweenness.js';
import type { Csr } from './csr.js';

/** mulberry32: a small, fast, seedable generator, uniform on [0,1); the tests and benchmarks draw their random graphs with it too. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct nodes of 0…n−1, uniformly, by a partial Fisher–Yates shuffle driven by the seed. */
export function sampleSources(n: number, k: number, seed: number): Int32Array {
  const random = mulberry32(seed);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i += 1) pool[i] = i;
  const take = Math.min(k, n);
  for (let i = 0; i < take; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const x = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = x;
  }
  return pool.slice(0, take);
}

/** Sources needed so that every node is within ε·n/(n−1) with probability 1 − δ: ⌈ln(2n/δ)/(2ε²)⌉, at most n. */
export function samplesFor(n: number, epsilon: number, delta: number): number {
  if (n <= 0) return 0;
  return Math.min(n, Math.ceil(Math.log((2 * n) / delta) / (2 * epsilon * epsilon)));
}

/** The largest error on any node's normalised betweenness that k of n sources guarantee with probability 1 − δ. */
export function errorBound(n: number, k: number, delta: number): number {
  if (n <= 2 || k >= n) return 0;
  return Math.sqrt(Math.log((2 * n) / delta) / (2 * k)) * (n / (n - 1));
}

export interface ApproximateBetweenness {
  /** Estimated normalised betweenness of every node (networkx's scale, times n/k). */
  scores: Float64Array;
  /** Sources used. */
  samples: number;
  /** With probability ≥ 1 − δ no node's estimate is further than this from its exact value. */
  bound: number;
}

/** Estimates betweenness from `samples` sources drawn with `seed`; exact when samples ≥ n. */
export async function approximateBetweenness(
  csr: Csr,
  run: Omit<BetweennessRun, 'sources'> & { samples: number; seed: number; delta: number },
): Promise<ApproximateBetweenness> {
  const k = Math.min(run.samples, csr.n);
  const sources = sampleSources(csr.n, k, run.seed);
  const scores = await betweennessSums(csr, { ...run, sources });
  const scale = k >= csr.n ? betweennessScale(csr.n) : betweennessScale(csr.n, k);
  for (let v = 0; v < scores.length; v += 1) scores[v]! *= scale;
  return { scores, samples: k, bound: errorBound(csr.n, k, run.delta) };
}
