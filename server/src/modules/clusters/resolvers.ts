import type { Context } from '../context.js';
import { clusterFacts } from '../entities/facts.js';
import { requireEntity } from '../entities/loaders.js';
import type { Resolvers } from '../resolvers.generated.js';
import { chainsOfEntity, membersOf, participantsOf } from './chainRoles.js';
import { collectiveEfficiencyAverages } from './collectiveEfficiencyAverages.js';
import { chainAgreesWithPrediction, ghsDeterminants, governanceTypologies, hsAsGHS, predictedGHS } from './governance.js';
import { jointAction } from './jointAction.js';
import { timeline } from './timeline.js';
import { traceValueChain } from './traceValueChain.js';

export const clusterResolvers: Resolvers<Context> = {
  Entity: {
    chains: (n, _, ctx) => chainsOfEntity(ctx, n),
    participants: (n, _, ctx) => participantsOf(ctx, n),
    members: (n, _, ctx) => membersOf(ctx, n),
  },
  ChainRole: {
    chain: (r, _, ctx) => requireEntity(ctx.loaders, r.chainId, 'chain'),
    actor: (r, _, ctx) => requireEntity(ctx.loaders, r.actorId, 'actor'),
  },
  ChainFacts: {
    predictedGHS: (c) => predictedGHS(c),
    agreesWithPrediction: (c) => chainAgreesWithPrediction(c),
    hsAsGHS: (c) => hsAsGHS(c),
  },
  // Computed from the cluster's stored figures only when asked for.
  JointActionNetwork: {
    scores: (j) => (j.cluster ? clusterFacts(j.cluster) : null),
  },
  TimelineItem: {
    subject: (t, _, ctx) => requireEntity(ctx.loaders, t.subjectId, 'subject'),
  },
  Query: {
    governanceTypologies: () => governanceTypologies(),
    ghsDeterminants: () => ghsDeterminants(),
    traceValueChain: (_, args, ctx) => traceValueChain(ctx, args),
    jointAction: (_, args, ctx) => jointAction(ctx, args),
    collectiveEfficiencyAverages: (_, args, ctx) => collectiveEfficiencyAverages(ctx, args),
    timeline: (_, args, ctx) => timeline(ctx, args),
  },
};
