import type { Context } from '../../graphql/context.js';

export const coreResolvers = {
  Query: {
    health: async (_: unknown, __: unknown, ctx: Context) => {
      const [row] = await ctx.executor.read('core/health');
      return { ok: true, neo4j: String(row?.version ?? 'unknown'), entities: Number(row?.entities ?? 0) };
    },
  },
};
