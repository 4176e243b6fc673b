/**
 * Betweenness centrality on a CSR (domain/csr.ts), exact or from sampled sources, with the sources split
 * across worker threads. Reference: networkx.betweenness_centrality (2.8): Brandes (2001) sums over ordered
 * pairs, then for normalized=True a factor 1/((n−1)(n−2)) whether the graph is directed or not (undirected
 * sums count every pair twice, so this is the usual 2/((n−1)(n−2)) per unordered pair); with k sampled
 * sources the factor is multiplied by n/k (networkx's `k`). Results are deterministic for a given worker
 * count: worker i takes sources i, i+W, i+2W… and the partial sums are added in worker order.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { accumulateSource, brandesScratch, type BrandesRows } from './betweennessKernel.js';
import type { BetweennessMessage, BetweennessTask } from './betweennessWorker.js';
import type { Csr } from './csr.js';

export interface BetweennessRun {
  /** Directed (out-rows) or undirected (either-way rows) shortest paths. */
  directed: boolean;
  /** Sources to run from, each once (default: every node, the exact measure). */
  sources?: Int32Array;
  /** Worker threads (default: the machine's cores); 1, or a small graph, runs in the calling thread. */
  workers?: number;
  /**
   * Called with the share of sources done, from the calling thread, a few times a second; throwing from it
   * (e.g. AnalysisCancelledError from `checkpoint`) stops the workers and rejects with that error.
   */
  progress?: (fraction: number) => void;
  /** Aborting it stops the workers at once; `progress` is then called once more so that it can throw. */
  signal?: AbortSignal;
  /** Runs in the calling thread below this many steps, sources × (nodes + rows) (default 20 million). */
  inThreadBelow?: number;
}

/** Below this many steps (sources × (nodes + rows)) threads cost more than they save. */
const IN_THREAD_STEPS = 20_000_000;

function rowsOf(csr: Csr, directed: boolean): BrandesRows {
  return directed ? { n: csr.n, offsets: csr.outOffsets, targets: csr.outTargets } : { n: csr.n, offsets: csr.undOffsets, targets: csr.undTargets };
}

function allNodes(n: number): Int32Array {
  const s = new Int32Array(n);
  for (let i = 0; i < n; i += 1) s[i] = i;
  return s;
}

/** Un-normalised Brandes sums from the given sources (networkx's raw values before `_rescale`). */
export async function betweennessSums(csr: Csr, run: BetweennessRun): Promise<Float64Array> {
  const rows = rowsOf(csr, run.directed);
  const sources = run.sources ?? allNodes(csr.n);
  const workers = Math.max(1, Math.min(run.workers ?? availableParallelism(), sources.length));
  if (workers === 1 || sources.length * (csr.n + rows.targets.length) < (run.inThreadBelow ?? IN_THREAD_STEPS)) return inThread(rows, sources, run);
  return inWorkers(rows, sources, workers, run);
}

function inThread(rows: BrandesRows, sources: Int32Array, run: BetweennessRun): Float64Array {
  const sums = new Float64Array(rows.n);
  const scratch = brandesScratch(rows.n);
  let steps = 0;
  for (let i = 0; i < sources.length; i += 1) {
    steps += accumulateSource(rows, sources[i]!, sums, scratch);
    if (steps > 200_000) {
      steps = 0;
      run.progress?.(i / sources.length);
      if (run.signal?.aborted) throw new Error('betweenness: aborted');
    }
  }
  return sums;
}

/**
 * The worker's entry. From dist/ it is the compiled betweennessWorker.js. Under tsx or vitest this module is
 * TypeScript: the worker then starts from a two-line ES module that loads the .ts file through tsx's
 * scoped loader (tsImport), since `--import tsx` in a worker's execArgv fails on a second batch of workers
 * under Node 20 (ERR_UNKNOWN_FILE_EXTENSION).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./betweennessWorker.js', import.meta.url);
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const file = new URL('./betweennessWorker.ts', import.meta.url).href;
  const code = `const { tsImport } = await import(${JSON.stringify(api)}); await tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Copies an array onto a SharedArrayBuffer unless it already is on one. */
function shared(a: Int32Array): Int32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new Int32Array(new SharedArrayBuffer(Math.max(1, a.length) * 4)).subarray(0, a.length);
  s.set(a);
  return s;
}

function inWorkers(rows: BrandesRows, sources: Int32Array, count: number, run: BetweennessRun): Promise<Float64Array> {
  const entry = workerEntry();
  const base = { n: rows.n, offsets: shared(rows.offsets), targets: shared(rows.targets), sources: shared(sources), stride: count };
  const partial: (Float64Array | undefined)[] = new Array(count).fill(undefined);
  const threads: Worker[] = [];
  let done = 0;
  let finished = 0;
  let lastReport = 0;
  return new Promise<Float64Array>((resolve, reject) => {
    let settled = false;
    const stop = (error: unknown) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      for (const t of threads) void t.terminate();
      reject(error);
    };
    const report = (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastReport < 200) return;
      lastReport = now;
      try {
        run.progress?.(done / sources.length);
      } catch (e) {
        stop(e);
      }
    };
    function onAbort() {
      report(true);
      stop(new Error('betweenness: aborted'));
    }
    run.signal?.addEventListener('abort', onAbort, { once: true });
    if (run.signal?.aborted) return onAbort();
    for (let first = 0; first < count; first += 1) {
      const task: BetweennessTask = { ...base, first };
      const t = new Worker(entry, { workerData: task });
      threads.push(t);
      t.on('message', (m: BetweennessMessage) => {
        if (m.type === 'progress') {
          done += m.sources;
          report(false);
          return;
        }
        partial[first] = m.sums;
        finished += 1;
        if (finished < count || settled) return;
        settled = true;
        run.signal?.removeEventListener('abort', onAbort);
        // Fixed order: worker 0's sums, then worker 1's…, so that a run gives the same floats every time.
        const sums = new Float64Array(rows.n);
        for (const p of partial) for (let v = 0; v < rows.n; v += 1) sums[v]! += p![v]!;
        resolve(sums);
      });
      t.on('error', (e) => stop(e));
      t.on('exit', (code) => {
        if (code !== 0 && !settled) stop(new Error(`betweenness: worker ${first} stopped with exit code ${code}.`));
      });
    }
  });
}

/** networkx's `_rescale` for normalized=True, endpoints=False: 1/((n−1)(n−2)), times n/k for k sampled sources. */
export function betweennessScale(n: number, sampled?: number): number {
  if (n <= 2) return 1;
  const scale = 1 / ((n - 1) * (n - 2));
  return sampled === undefined ? scale : (scale * n) / sampled;
}

/** Exact betweenness of every node, normalised as networkx.betweenness_centrality(normalized=True). */
export async function betweennessCentrality(csr: Csr, run: Omit<BetweennessRun, 'sources'>): Promise<Float64Array> {
  const sums = await betweennessSums(csr, run);
  const scale = betweennessScale(csr.n);
  for (let v = 0; v < sums.length; v += 1) sums[v]! *= scale;
  return sums;
}

/** The exact measure computed at once in the calling thread (small graphs, or a value asked for outside a precomputed set). */
export function betweennessInThread(csr: Csr, directed: boolean): Float64Array {
  const sums = inThread(rowsOf(csr, directed), allNodes(csr.n), { directed });
  const scale = betweennessScale(csr.n);
  for (let v = 0; v < sums.length; v += 1) sums[v]! *= scale;
  return sums;
}
