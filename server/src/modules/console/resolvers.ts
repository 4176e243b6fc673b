import type { Context } from '../context.js';
import type { Resolvers } from '../resolvers.generated.js';
import { requireConsoleAccess } from './access.js';
import { runConsole } from './service.js';

export const consoleResolvers: Resolvers<Context> = {
  Query: {
    cypher: (_, args, ctx) => {
      requireConsoleAccess(ctx);
      return runConsole(ctx, args);
    },
  },
};
