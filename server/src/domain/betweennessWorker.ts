/**
 * Worker thread of domain/betweenness.ts: runs Brandes from every `stride`-th source of `sources`, starting
 * at `first`, on rows shared with the main thread (SharedArrayBuffer, no copy), and posts its partial sums.
 * Progress goes back every few dozen sources; the main thread stops the worker (terminate) to cancel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateSource, brandesScratch } from './betweennessKernel.js';

export interface BetweennessTask {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  sources: Int32Array;
  first: number;
  stride: number;
}

export type BetweennessMessage = { type: 'progress'; sources: number } | { type: 'done'; sums: Float64Array };

const task = workerData as BetweennessTask;
const g = { n: task.n, offsets: task.offsets, targets: task.targets };
const sums = new Float64Array(task.n);
const scratch = brandesScratch(task.n);
let pending = 0;
let last = Date.now();
for (let i = task.first; i < task.sources.length; i += task.stride) {
  accumulateSource(g, task.sources[i]!, sums, scratch);
  pending += 1;
  if (pending >= 16 && Date.now() - last > 100) {
    parentPort!.postMessage({ type: 'progress', sources: pending } satisfies BetweennessMessage);
    pending = 0;
    last = Date.now();
  }
}
if (pending) parentPort!.postMessage({ type: 'progress', sources: pending } satisfies BetweennessMessage);
parentPort!.postMessage({ type: 'done', sums } satisfies BetweennessMessage, [sums.buffer]);
