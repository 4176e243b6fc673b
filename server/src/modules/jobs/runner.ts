/**
 * Runs analysis jobs on one service instance, keeping everything another instance needs in Neo4j: the
 * job node holds status, progress, stage and (when done) the answer, so behind a round-robin balancer any
 * instance answers `analysisJob`, and `cancelAnalysis` on any instance marks the job CANCELLED, which the
 * running instance learns on its next heartbeat and turns into `AbortController.abort()`.
 *
 * The owner writes a heartbeat with the progress at most every HEARTBEAT_MS, and between the stages of a
 * measure (JobControl.pause). A job whose owner has been silent for JOB_LEASE_MS (the process died, or
 * was stopped) is failed by whoever next looks at jobs, with the reason, so nothing stays RUNNING forever.
 *
 * At most JOBS_MAX_RUNNING jobs run at once on an instance; up to JOBS_MAX_QUEUED more wait (QUEUED,
 * with heartbeats too), in order. Measures run on the event loop: a stretch without an `await` (one
 * synchronous pass of an engine) delays heartbeats and cancels until it ends, which is why the lease is
 * long and why engines report between stages.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import { AnalysisCancelledError, AppError, LimitError } from '../../errors.js';
import type { Executor } from '../../neo4j/executor.js';
import { cacheOf } from '../analytics/cache.js';
import type { ServiceDeps } from '../context.js';
import type { Analysis, JobControl } from './measures.js';
import { jobsStatements as S, type JobStatus } from './statements.js';

/** Longest time between two progress reports of a running job (the brief's ~500 ms). */
export const HEARTBEAT_MS = 500;

export interface JobTask {
  id: string;
  key: string;
  analysis: Analysis<unknown, unknown>;
  args: unknown;
  deps: ServiceDeps;
}

export class JobRunner {
  /** This instance, as job nodes name their owner. */
  readonly instance = randomUUID();
  private readonly running = new Map<string, AbortController>();
  private readonly queue: JobTask[] = [];

  constructor(private readonly config: Config) {}

  private lastSweep = 0;

  /** True at most once a second: lost and expired jobs need not be looked for on every poll. */
  sweepDue(): boolean {
    if (Date.now() - this.lastSweep < 1000) return false;
    this.lastSweep = Date.now();
    return true;
  }

  get counts(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.queue.length };
  }

  /** Refuses a job when this instance has no room to run or queue it (the node is not created then). */
  assertRoom(): void {
    const { maxRunning, maxQueued } = this.config.jobs;
    if (this.running.size < maxRunning) return;
    if (this.queue.length >= maxQueued) {
      throw new LimitError('analysis jobs waiting on this instance', maxQueued, this.queue.length + 1, `(JOBS_MAX_QUEUED; ${maxRunning} run at once, JOBS_MAX_RUNNING). Wait for one to finish or cancel one.`);
    }
  }

  /** Runs the task now or once a running job ends. */
  submit(task: JobTask): void {
    this.queue.push(task);
    this.next();
    this.beatQueued();
  }

  private queueTimer: NodeJS.Timeout | undefined;

  /** Waiting jobs keep their lease too: a heartbeat for each, a few times per JOB_LEASE_MS, while any waits. */
  private beatQueued(): void {
    if (this.queueTimer || !this.queue.length) return;
    this.queueTimer = setInterval(() => {
      if (!this.queue.length) {
        clearInterval(this.queueTimer);
        this.queueTimer = undefined;
        return;
      }
      for (const t of this.queue) {
        const params = { id: t.id, owner: this.instance, progress: 0, stage: 'waiting for a free slot' };
        void t.deps.executor.writeRecordsTx((tx) => tx.run(S.reportJob, params), 'jobs.report').catch(() => undefined);
      }
    }, Math.max(HEARTBEAT_MS, this.config.jobs.leaseMs / 4));
    this.queueTimer.unref();
  }

  /** Stops the job at once if it runs or waits here (it is already CANCELLED in Neo4j). */
  abortLocal(id: string): void {
    this.running.get(id)?.abort();
    const i = this.queue.findIndex((t) => t.id === id);
    if (i >= 0) this.queue.splice(i, 1);
  }

  private next(): void {
    while (this.running.size < this.config.jobs.maxRunning && this.queue.length) {
      const task = this.queue.shift()!;
      const abort = new AbortController();
      this.running.set(task.id, abort);
      void this.run(task, abort).finally(() => {
        this.running.delete(task.id);
        this.next();
      });
    }
  }

  private async run(task: JobTask, abort: AbortController): Promise<void> {
    const executor = task.deps.executor;
    const state = { fraction: 0, stage: 'starting' };
    const report = async () => {
      const [row] = await executor.writeRecordsTx((tx) => tx.run(S.reportJob, { id: task.id, owner: this.instance, progress: state.fraction, stage: state.stage }), 'jobs.report');
      if (row?.status !== 'RUNNING' && row?.status !== 'QUEUED') abort.abort();
    };
    let reporting: Promise<void> | undefined;
    const beat = () => (reporting ??= report().catch(() => undefined).finally(() => (reporting = undefined)));
    const timer = setInterval(beat, HEARTBEAT_MS);
    timer.unref();
    const control: JobControl = {
      signal: abort.signal,
      // Progress only rises: stages that report on their own scale never move the bar back.
      progress: (f, stage) => {
        state.fraction = Math.max(state.fraction, f);
        state.stage = stage;
      },
      pause: async () => {
        await beat();
        if (abort.signal.aborted) throw new AnalysisCancelledError(state.stage);
      },
    };
    // A cancel that lands while the measure awaits the database ends the wait at once; the measure's
    // own work stops at its next checkpoint, and its answer, if it still comes, is dropped.
    const cancelled = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new AnalysisCancelledError(state.stage)), { once: true }));
    cancelled.catch(() => undefined);
    let work: Promise<unknown> | undefined;
    try {
      const [begun] = await executor.writeRecordsTx((tx) => tx.run(S.beginJob, { id: task.id, owner: this.instance }), 'jobs.begin');
      if (!begun) return; // cancelled while it waited
      work = task.analysis.run(task.deps, task.args, control);
      const answer = await Promise.race([work, cancelled]);
      cacheOf(this.config).set(task.key, answer);
      await this.finish(executor, task.id, { status: 'DONE', stage: 'done', error: null, result: JSON.stringify(answer) });
    } catch (err) {
      if (abort.signal.aborted || err instanceof AnalysisCancelledError) {
        await this.finish(executor, task.id, { status: 'CANCELLED', stage: `cancelled during ${state.stage}`, error: null, result: null });
      } else {
        // Our own errors say what went wrong and how to fix it; anything else is a bug the log holds.
        const error = err instanceof AppError && err.code !== 'INTERNAL' ? err.message : 'The analysis failed on an internal error (the server log has the details).';
        await this.finish(executor, task.id, { status: 'FAILED', stage: state.stage, error, result: null });
      }
    } finally {
      clearInterval(timer);
      await reporting;
      // The slot stays taken until the computation itself has stopped, so JOBS_MAX_RUNNING bounds the work
      // really running, even when an engine only notices the cancel at its next checkpoint.
      await work?.catch(() => undefined);
    }
  }

  private async finish(executor: Executor, id: string, end: { status: JobStatus; stage: string; error: string | null; result: string | null }): Promise<void> {
    // A lost database leaves the job RUNNING until its lease runs out; then whoever looks fails it.
    await executor.writeRecordsTx((tx) => tx.run(S.finishJob, { id, owner: this.instance, ...end }), 'jobs.finish').catch(() => undefined);
  }
}

const runners = new WeakMap<Config, JobRunner>();

/** The job runner of the service instance whose configuration this is (one per `startService`). */
export function runnerOf(config: Config): JobRunner {
  let r = runners.get(config);
  if (!r) runners.set(config, (r = new JobRunner(config)));
  return r;
}
