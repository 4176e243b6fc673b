import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { modules } from '../modules/index.js';

/** Merges every module's SDL and resolvers; resolver validation is on, so a typo fails start-up. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: modules.map((m) => readFileSync(m.sdl, 'utf8')),
    resolvers: modules.map((m) => m.resolvers),
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}

/**
 * Cost of a field: 1, plus its children's cost multiplied by the page size it asks for (`first`, `limit`)
 * so that a wide nested request costs what it would really cost the database.
 */
const pageAwareEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n = Number(args.first ?? args.limit ?? args.k ?? 1);
  return 1 + (Number.isFinite(n) && n > 1 ? n : 1) * Math.max(childComplexity, 0);
};

/** The request limits, each naming its configuration variable and value when exceeded. */
export function limitRules(limits: { depth: number; cost: number }, variables: Record<string, unknown> | undefined): ValidationRule[] {
  return [
    depthLimit(limits.depth),
    createComplexityRule({
      maximumComplexity: limits.cost,
      variables: variables ?? {},
      estimators: [pageAwareEstimator],
      createError: (max, actual) =>
        new GraphQLError(`Query cost is ${actual}, over the maximum of ${max} (MAX_QUERY_COST). Ask for fewer items per page or fewer nested fields.`, {
          extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_COST', max, actual },
        }),
    }),
  ];
}
