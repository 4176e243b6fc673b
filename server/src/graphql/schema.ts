import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { modules } from '../modules/index.js';

/** Merges every module's SDL and resolvers; resolver validation is on, so a typo fails start-up. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: modules.map((m) => readFileSync(m.sdl, 'utf8')),
    resolvers: modules.map((m) => m.resolvers),
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}
