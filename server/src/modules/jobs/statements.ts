import { z } from 'zod';
import { statement } from '../../neo4j/statement.js';

export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** An AnalysisJob node's properties as stored (see createJob.cypher); unset ones come back missing. */
export const jobProps = z.object({
  id: z.string(),
  measure: z.string(),
  args: z.string(),
  key: z.string(),
  graphVersion: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  stage: z.string(),
  owner: z.string(),
  startedBy: z.string(),
  startedByRole: z.string(),
  cached: z.boolean(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
  error: z.string().nullish(),
  result: z.string().nullish(),
});
export type JobProps = z.infer<typeof jobProps>;
const jobRow = z.object({ job: jobProps });

export const jobsStatements = {
  readGraphVersion: statement(
    'jobs/readGraphVersion',
    z.object({ epoch: z.string().nullable(), value: z.number(), entities: z.number(), relationships: z.number() }),
  ),
  ensureGraphVersion: statement('jobs/ensureGraphVersion', z.object({ epoch: z.string() })),
  bumpGraphVersion: statement('jobs/bumpGraphVersion', z.object({})),
  createJob: statement('jobs/createJob', jobRow),
  readJob: statement('jobs/readJob', jobRow),
  beginJob: statement('jobs/beginJob', z.object({ status: z.enum(JOB_STATUSES) })),
  reportJob: statement('jobs/reportJob', z.object({ status: z.enum(JOB_STATUSES) })),
  finishJob: statement('jobs/finishJob', jobRow),
  cancelJob: statement('jobs/cancelJob', jobRow),
  failLostJobs: statement('jobs/failLostJobs', z.object({ failed: z.number(), expired: z.number() })),
  doneResult: statement('jobs/doneResult', z.object({ result: z.string() })),
};
