import type { Context } from '../context.js';
import type { Resolvers } from '../resolvers.generated.js';
import { neighbourhood } from './neighbourhood.js';
import { findPaths } from './paths.js';

export const networkResolvers: Resolvers<Context> = {
  Query: {
    neighbourhood: (_, args, ctx) => neighbourhood(ctx, args),
    paths: (_, args, ctx) => findPaths(ctx, args),
  },
};
