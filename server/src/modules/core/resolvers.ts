import type { Context } from '../context.js';
import { health } from './service.js';

export const coreResolvers = {
  Query: {
    health: (_: unknown, __: unknown, ctx: Context) => health(ctx),
  },
};
