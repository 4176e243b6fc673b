/**
 * How a long analysis is watched and stopped. Every engine that can run for seconds (betweenness, brokerage
 * at scale, structural holes, the projection of a large scope) takes an optional `AnalysisControl` and
 * calls `checkpoint` now and then (every few thousand steps, never per step). A job (modules/jobs) supplies
 * one whose `progress` feeds the job's figure and whose `signal` is aborted by `cancelJob`; a plain GraphQL
 * request supplies none and runs as before.
 */
import { AnalysisCancelledError } from '../../errors.js';

export interface AnalysisControl {
  /** Aborted when the analysis should stop (a cancelled job, a closed request). */
  signal?: AbortSignal;
  /** Called with the share done (0–1) and what is being done ("betweenness: 1,200 of 20,000 sources"). */
  progress?: (fraction: number, stage: string) => void;
}

/** Reports progress and throws AnalysisCancelledError once the signal is aborted. */
export function checkpoint(control: AnalysisControl | undefined, fraction: number, stage: string): void {
  if (!control) return;
  if (control.signal?.aborted) throw new AnalysisCancelledError(stage);
  control.progress?.(Math.min(1, Math.max(0, fraction)), stage);
}

/** A sub-range of the progress bar: stage k of a pipeline maps its own 0–1 onto [from, to]. */
export function subControl(control: AnalysisControl | undefined, from: number, to: number): AnalysisControl | undefined {
  if (!control) return undefined;
  return { signal: control.signal, progress: control.progress && ((f, stage) => control.progress!(from + (to - from) * f, stage)) };
}
