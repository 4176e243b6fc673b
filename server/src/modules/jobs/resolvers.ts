import type { Resolvers } from '../resolvers.generated.js';
import { analysisJob, analysisStatus, cancelAnalysis, startAnalysis, type JobView } from './service.js';

/** A job's result field: its measure's answer once DONE, null before. */
const answer = (name: keyof JobView['answer']) => (job: unknown) => ((job as JobView).answer?.[name] ?? null) as never;

export const jobsResolvers: Resolvers = {
  Query: {
    analysisJob: (_, a, ctx) => analysisJob(ctx, a.id) as never,
    analysisStatus: (_, __, ctx) => analysisStatus(ctx),
  },
  Mutation: {
    // Anyone who may read may run an analysis, as with the analytics queries themselves.
    startAnalysis: (_, a, ctx) => startAnalysis(ctx, a.input as Record<string, unknown>) as never,
    cancelAnalysis: (_, a, ctx) => cancelAnalysis(ctx, a.id) as never,
  },
  AnalysisJob: {
    brokerage: answer('brokerage'),
    centrality: answer('centrality'),
    structuralHoles: answer('structuralHoles'),
    approximateBetweenness: answer('approximateBetweenness'),
  },
};
