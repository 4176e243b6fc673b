import { randomUUID } from 'node:crypto';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { cacheKey, cacheOf, graphVersion } from '../analytics/cache.js';
import type { Context } from '../context.js';
import { ANALYSES, type Analysis, type AnalysisName } from './measures.js';
import { runnerOf } from './runner.js';
import { jobsStatements as S, type JobProps } from './statements.js';

/** A job as the API shows it: its node's properties, and its answer as the parent of its measure's result field. */
export type JobView = Omit<JobProps, 'result' | 'args' | 'key' | 'owner' | 'startedByRole'> & { answer: Partial<Record<AnalysisName, unknown>> };

function view(job: JobProps): JobView {
  const { result, args: _a, key: _k, owner: _o, startedByRole: _r, ...rest } = job;
  const name = (Object.keys(ANALYSES) as AnalysisName[]).find((n) => ANALYSES[n].name === job.measure);
  const analysis = name && (ANALYSES[name] as Analysis<unknown, unknown>);
  return { ...rest, answer: analysis && result ? { [name]: analysis.revive(JSON.parse(result)) } : {} };
}

/** The one analysis an AnalysisInput names, with its checked arguments. */
export function analysisOf(input: Record<string, unknown>, ctx: Pick<Context, 'limits'>) {
  const named = (Object.keys(ANALYSES) as AnalysisName[]).filter((n) => input[n] !== undefined && input[n] !== null);
  if (named.length !== 1) {
    const choices = Object.keys(ANALYSES).join(', ');
    throw new BadInputError(`input must name exactly one analysis (one of ${choices}), ${named.length ? `not ${named.length}: ${named.join(', ')}` : 'got none'}.`, 'input');
  }
  const name = named[0]!;
  const analysis = ANALYSES[name] as Analysis<unknown, unknown>;
  return { name, analysis, args: analysis.prepare(input[name] as Record<string, unknown>, ctx.limits, `input.${name}.`) };
}

/** The answer (JSON text) of a finished job with this key, computed by any instance. */
export async function storedAnswer(ctx: Pick<Context, 'executor'>, key: string): Promise<string | undefined> {
  return (await ctx.executor.read(S.doneResult, { key }))[0]?.result;
}

/** Fails jobs whose instance went silent and deletes finished ones past JOB_TTL_MS (cheap: few job nodes). */
async function sweep(ctx: Context): Promise<void> {
  if (!runnerOf(ctx.config).sweepDue()) return;
  const { leaseMs, ttlMs } = ctx.config.jobs;
  const reason = `The service instance running this job stopped answering (no heartbeat for ${leaseMs / 1000} s, JOB_LEASE_MS): it crashed or was stopped. Start the analysis again.`;
  await ctx.executor.writeRecordsTx((tx) => tx.run(S.failLostJobs, { leaseMs, ttlMs, reason }), 'jobs.sweep');
}

/**
 * Starts a job: answered at once (DONE, cached) when this graph version was already answered by this
 * instance's cache or by any instance's finished job; otherwise queued here and run in the background.
 */
export async function startAnalysis(ctx: Context, input: Record<string, unknown>): Promise<JobView> {
  const { name, analysis, args } = analysisOf(input, ctx);
  const runner = runnerOf(ctx.config);
  await sweep(ctx);
  const version = await graphVersion(ctx);
  const key = cacheKey(name, args, version);
  const cache = cacheOf(ctx.config);
  const memory = cache.get(key);
  const stored = memory === undefined ? await storedAnswer(ctx, key) : undefined;
  if (stored !== undefined) cache.set(key, JSON.parse(stored));
  const result = memory !== undefined ? JSON.stringify(memory) : stored;
  if (result === undefined) runner.assertRoom();
  const id = randomUUID();
  const props = {
    measure: analysis.name,
    args: JSON.stringify(args),
    key,
    graphVersion: version,
    status: result === undefined ? 'QUEUED' : 'DONE',
    progress: result === undefined ? 0 : 1,
    stage: result === undefined ? 'queued' : 'done (from the cache)',
    owner: runner.instance,
    startedBy: ctx.identity.name,
    startedByRole: ctx.identity.role,
    cached: result !== undefined,
    result: result ?? null,
  };
  const [row] = await ctx.executor.writeRecordsTx((tx) => tx.run(S.createJob, { id, props }), 'jobs.create');
  if (result === undefined) runner.submit({ id, key, analysis, args, deps: { executor: ctx.executor, limits: ctx.limits, loaders: ctx.loaders } });
  return view(row!.job);
}

export async function analysisJob(ctx: Context, id: string): Promise<JobView> {
  await sweep(ctx);
  const [row] = await ctx.executor.read(S.readJob, { id });
  if (!row) throw new NotFoundError(`No analysis job with id ${id}: check the id startAnalysis returned (finished jobs are deleted JOB_TTL_MS after they end).`, 'id');
  return view(row.job);
}

/** Cancels a job: who started it may, and admins may; it is CANCELLED at once on every instance. */
export async function cancelAnalysis(ctx: Context, id: string): Promise<JobView> {
  const [found] = await ctx.executor.read(S.readJob, { id });
  if (!found) throw new NotFoundError(`No analysis job with id ${id}: check the id startAnalysis returned.`, 'id');
  const own = found.job.startedBy === ctx.identity.name && found.job.startedByRole === ctx.identity.role;
  if (!own && ctx.identity.role !== 'admin') throw new ForbiddenError(`Analysis job ${id} was started by someone else: only they or an admin may cancel it.`);
  const [row] = await ctx.executor.writeRecordsTx((tx) => tx.run(S.cancelJob, { id }), 'jobs.cancel');
  runnerOf(ctx.config).abortLocal(id);
  return view(row!.job);
}

/** The graph version answers are cached under, and this instance's jobs and cache. */
export async function analysisStatus(ctx: Context) {
  const cache = cacheOf(ctx.config);
  const runner = runnerOf(ctx.config);
  return {
    graphVersion: await graphVersion(ctx),
    instance: runner.instance,
    runningJobs: runner.counts.running,
    queuedJobs: runner.counts.queued,
    cacheEntries: cache.size.entries,
    cacheBytes: cache.size.bytes,
    cacheHits: cache.hits,
    cacheMisses: cache.misses,
  };
}
