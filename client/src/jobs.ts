// Long analyses run as jobs on the server (startAnalysis): the viewer polls the job, shows its progress, and
// cancels it when asked (or when a newer question replaces it), instead of holding one request open.
import { GqlError, gql } from './api/client.js';
import { ANALYSIS_JOB, CANCEL_ANALYSIS, START_ANALYSIS } from './api/queries.js';

/** How often a running job is asked for its progress (the server updates it at most every 500 ms). */
const POLL_MS = 500;

export interface JobWatch {
  /** Aborting it cancels the job on the server. */
  signal: AbortSignal;
  /** The job's share done (0–1), its stage, and its id. */
  progress: (fraction: number, stage: string, id: string) => void;
}

/** Thrown when the job was cancelled (by the user, or replaced by a newer question). */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

interface Job {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
  progress: number;
  stage: string;
  error: string | null;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Runs one analysis as a job and returns its answer: `input` is an AnalysisInput (one measure), `field` the
 * job's result field (`centrality`, `brokerage`…) and `selection` what to read of it.
 */
export async function runJob<T>(input: Record<string, unknown>, field: string, selection: string, watch: JobWatch): Promise<T> {
  if (watch.signal.aborted) throw new JobCancelled();
  const result = `${field} ${selection}`;
  let job = (await gql<{ startAnalysis: Job & Record<string, unknown> }>(START_ANALYSIS(result), { input })).startAnalysis;
  while (job.status === 'QUEUED' || job.status === 'RUNNING') {
    watch.progress(job.progress, job.stage, job.id);
    await pause(POLL_MS, watch.signal);
    if (watch.signal.aborted) {
      await gql(CANCEL_ANALYSIS, { id: job.id }).catch(() => undefined);
      throw new JobCancelled();
    }
    job = (await gql<{ analysisJob: Job & Record<string, unknown> }>(ANALYSIS_JOB(result), { id: job.id })).analysisJob;
  }
  if (job.status === 'CANCELLED') throw new JobCancelled();
  if (job.status === 'FAILED') throw new GqlError(job.error ?? 'The analysis failed.', 'FAILED');
  watch.progress(1, job.stage, job.id);
  return job[field] as T;
}
