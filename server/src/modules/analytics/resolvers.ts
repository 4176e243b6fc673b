import { BadInputError, LimitError } from '../../errors.js';
import type { Context, ServiceDeps } from '../context.js';
import { existingEntities, requireEntity } from '../entities/loaders.js';
import type { Resolvers } from '../resolvers.generated.js';
import { cachedQuery, selectedCentralityMeasures } from '../jobs/query.js';
import { twoModeBrokers } from './brokerage.js';
import { communityStructure } from './communities.js';
import { dependency } from './dependency.js';
import { whatIf } from './whatIf.js';

/** A page size within MAX_PAGE_SIZE (analytics answers are ranked lists without cursors). */
function pageFirst(first: number | null | undefined, limits: ServiceDeps['limits']): number {
  const n = first ?? 50;
  if (n < 0) throw new BadInputError('first must be ≥ 0.', 'first');
  if (n > limits.pageSize) throw new LimitError('first', limits.pageSize, n, '(MAX_PAGE_SIZE)');
  return n;
}

/** The actor a result row names, loaded through the request's batching loader. */
const actor = (ctx: Context, id: string) => requireEntity(ctx.loaders, id, 'actor');
/** The actors a result row lists, in order, loaded in one batch. */
const actors = (ctx: Context, ids: readonly string[]) => existingEntities(ctx.loaders, ids);

export const analyticsResolvers: Resolvers = {
  Query: {
    // Brokerage, structural holes and centrality go through the analysis cache (modules/jobs/query.ts).
    brokerage: (_, a, ctx) => cachedQuery(ctx, 'brokerage', a),
    twoModeBrokerage: (_, a, ctx) => {
      const first = pageFirst(a.first, ctx.limits);
      return twoModeBrokers(ctx, { scope: a.scope, first });
    },
    structuralHoles: (_, a, ctx) => cachedQuery(ctx, 'structuralHoles', a),
    centrality: (_, a, ctx, info) => cachedQuery(ctx, 'centrality', { ...a, measures: selectedCentralityMeasures(info) }),
    approximateBetweenness: (_, a, ctx) => cachedQuery(ctx, 'approximateBetweenness', a),
    communities: (_, a, ctx) => communityStructure(ctx, { scope: a.scope }),
    dependency: (_, a, ctx) => dependency(ctx, { id: a.id, targets: a.targets, scope: a.scope }),
    whatIf: (_, a, ctx) => {
      if (!a.remove.length) throw new BadInputError('remove: name at least one actor to remove.', 'remove');
      return whatIf(ctx, { remove: a.remove, targets: a.targets, scope: a.scope, partition: a.partition });
    },
  },
  BrokerageScore: {
    actor: (s, _, ctx) => actor(ctx, s.actorId),
  },
  TwoModeBroker: {
    institution: (b, _, ctx) => actor(ctx, b.institutionId),
    clusters: (b, _, ctx) => actors(ctx, b.clusterIds),
  },
  StructuralHoles: {
    actor: (h, _, ctx) => actor(ctx, h.actorId),
  },
  Centrality: {
    actor: (c, _, ctx) => actor(ctx, c.actorId),
    betweenness: (c) => c.measure('betweenness'),
    betweennessUndirected: (c) => c.measure('betweennessUndirected'),
    closeness: (c) => c.measure('closeness'),
    pagerank: (c) => c.measure('pagerank'),
  },
  BetweennessEstimate: {
    actor: (s, _, ctx) => actor(ctx, s.actorId),
  },
  Community: {
    members: (c, _, ctx) => actors(ctx, c.memberIds),
  },
  Dependency: {
    actor: (d, _, ctx) => actor(ctx, d.actorId),
    reachableTargets: (d, _, ctx) => actors(ctx, d.reachableTargetIds),
    mustPassThrough: (d, _, ctx) => actors(ctx, d.mustPassThroughIds),
  },
  TargetDependency: {
    target: (t, _, ctx) => actor(ctx, t.targetId),
    mustPassThrough: (t, _, ctx) => actors(ctx, t.mustPassThroughIds),
  },
  WhatIf: {
    removed: (w, _, ctx) => actors(ctx, w.removedIds),
  },
  LostAccess: {
    actor: (l, _, ctx) => actor(ctx, l.actorId),
    lost: (l, _, ctx) => actors(ctx, l.lostIds),
    kept: (l, _, ctx) => actors(ctx, l.keptIds),
  },
  BrokerageChange: {
    actor: (c, _, ctx) => actor(ctx, c.actorId),
  },
};
