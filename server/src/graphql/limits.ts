import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, Kind, type DocumentNode, type Source, type ValidationContext, type ValidationRule } from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';

export interface RequestLimits {
  depth: number;
  cost: number;
  aliases: number;
  tokens: number;
  directives: number;
  /** MAX_PAGE_SIZE: the largest `first` of a root field. */
  pageSize: number;
}

/** The error every refused request gets: the limit's configuration variable, its value and what was found. */
function limitError(limit: string, max: number, actual: number | undefined, advice: string): GraphQLError {
  const found = actual === undefined ? '' : ` (found ${actual})`;
  return new GraphQLError(`Request refused: over the ${limit} limit of ${max}${found}. ${advice}`, {
    extensions: { code: 'LIMIT_EXCEEDED', limit, max, ...(actual === undefined ? {} : { actual }) },
  });
}

/**
 * GraphQL Armor reports a rejection by throwing out of the validator, which graphql-js does not catch; its
 * `onReject` hook with `propagateOnRejection: false` lets us report the refusal as an ordinary validation
 * error instead, in our words.
 */
function armorReject(limit: string, max: number, advice: string) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) => {
        const actual = Number(/found (\d+)/.exec(err.message)?.[1]);
        ctx?.reportError(limitError(limit, max, Number.isFinite(actual) ? actual : undefined, advice));
      },
    ],
  };
}

/**
 * What one call of an expensive root field (of Query or Mutation) costs, whatever it returns: network measures load and walk a
 * whole network (betweenness is O(N·m)), paths and neighbourhoods expand in the database. Every alias is a
 * separate call, so 30 aliases of `centrality` cost 30 times as much and are refused under MAX_QUERY_COST.
 */
export const ROOT_FIELD_COSTS: Readonly<Record<string, number>> = {
  centrality: 1000,
  approximateBetweenness: 1000,
  // A job runs in the background, but each alias starts one: as dear as the dearest measure it may run.
  startAnalysis: 1000,
  whatIf: 1000,
  brokerage: 500,
  structuralHoles: 500,
  communities: 500,
  dependency: 500,
  twoModeBrokerage: 500,
  cypher: 500,
  paths: 200,
  exportNetwork: 200,
  neighbourhood: 100,
  traceValueChain: 100,
  jointAction: 100,
  collectiveEfficiencyAverages: 50,
};

/**
 * Cost of a field: its own cost (1, or ROOT_FIELD_COSTS for an expensive root field), plus its children's
 * cost multiplied by the page size it asks for (`first`, `limit`), so that a wide nested request costs what
 * it would really cost the database.
 */
const pageAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own = type.name === 'Query' || type.name === 'Mutation' ? (ROOT_FIELD_COSTS[field.name] ?? 1) : 1;
  const n = Number(args.first ?? args.limit ?? args.k ?? 1);
  return own + (Number.isFinite(n) && n > 1 ? n : 1) * Math.max(childComplexity, 0);
};

/**
 * Page sizes of root fields (`first`) over MAX_PAGE_SIZE are refused before the cost is even estimated,
 * naming the argument: a cost of two billion says less than "first is 2147483647". The resolvers check the
 * same bound (and per-field ones such as MAX_PATHS); this rule only answers early. Hand-written: GraphQL
 * Armor and graphql-query-complexity bound a request's shape and cost, not an argument's value.
 */
function pageSizeRule(max: number, variables: Record<string, unknown>): ValidationRule {
  return (context) => ({
    OperationDefinition(op) {
      for (const sel of op.selectionSet.selections) {
        if (sel.kind !== Kind.FIELD) continue;
        const first = sel.arguments?.find((a) => a.name.value === 'first');
        if (!first) continue;
        const v = first.value;
        const value = v.kind === Kind.INT ? Number(v.value) : v.kind === Kind.VARIABLE ? variables[v.name.value] : undefined;
        if (typeof value === 'number' && value > max) {
          context.reportError(
            new GraphQLError(`${sel.name.value}(first): ${value} is over the MAX_PAGE_SIZE limit of ${max}. Page through the results with \`after\` or ask for fewer.`, {
              nodes: [first],
              extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', max, actual: value, field: 'first' },
            }),
          );
        }
      }
    },
  });
}

/** The limits on a request's shape (depth, aliases, directives), which depend on the document alone. */
export function shapeRules(limits: RequestLimits): ValidationRule[] {
  return [
    maxDepthRule({ ...armorReject('MAX_QUERY_DEPTH', limits.depth, 'Ask for fewer nested levels.'), flattenFragments: true }),
    // __typename aliases count too: 2,000 of them are 2,000 fields to resolve.
    maxAliasesRule({ ...armorReject('MAX_QUERY_ALIASES', limits.aliases, 'Send fewer aliased fields per request.'), allowList: [] }),
    maxDirectivesRule(armorReject('MAX_QUERY_DIRECTIVES', limits.directives, 'Use fewer @include / @skip directives.')),
  ];
}

/** The limits that read the request's variables: page sizes and cost. */
export function variableRules(limits: RequestLimits, variables: Record<string, unknown> | undefined): ValidationRule[] {
  return [
    pageSizeRule(limits.pageSize, variables ?? {}),
    createComplexityRule({
      maximumComplexity: limits.cost,
      variables: variables ?? {},
      estimators: [pageAwareEstimator],
      createError: (max, actual) => limitError('MAX_QUERY_COST', max, actual, 'Ask for fewer items per page or fewer nested fields.'),
    }),
  ];
}

/** Validation rules for depth, aliases, directives, page sizes and cost; each refusal names its variable and value. */
export function limitRules(limits: RequestLimits, variables: Record<string, unknown> | undefined): ValidationRule[] {
  return [...shapeRules(limits), ...variableRules(limits, variables)];
}

/** A parser that stops reading a document past MAX_QUERY_TOKENS tokens (GraphQL Armor's token limit). */
export function limitedParser(maxTokens: number): (source: string | Source) => DocumentNode {
  return (source) => {
    try {
      return new MaxTokensParserWLexer(source, { n: maxTokens, propagateOnRejection: true }).parseDocument();
    } catch (err) {
      if (err instanceof GraphQLError && /Token limit/i.test(err.message)) {
        throw limitError('MAX_QUERY_TOKENS', maxTokens, undefined, 'Send a shorter request (fewer fields, arguments or literals).');
      }
      throw err;
    }
  };
}
