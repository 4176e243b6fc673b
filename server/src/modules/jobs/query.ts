/**
 * The plain analytics queries (Query.brokerage, centrality, structuralHoles) answered through the same
 * analyses and cache as jobs: a repeated query on an unchanged graph is not computed again.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { cachedAnalysis } from '../analytics/cache.js';
import type { Context } from '../context.js';
import { ANALYSES, type Analysis, type AnalysisName } from './measures.js';
import { storedAnswer } from './service.js';

/** The answer of one analysis for a plain query's arguments, from the cache when it holds it. */
export async function cachedQuery(ctx: Context, name: AnalysisName, input: Record<string, unknown>): Promise<never> {
  const analysis = ANALYSES[name] as Analysis<unknown, unknown>;
  const args = analysis.prepare(input, ctx.limits, '');
  const { value } = await cachedAnalysis(ctx, { measure: name, args, compute: () => analysis.run(ctx, args), stored: (key) => storedAnswer(ctx, key) });
  return analysis.revive(value) as never;
}

/** The dearer Centrality fields a request selects (only those are computed), as CentralityMeasure names. */
export function selectedCentralityMeasures(info: GraphQLResolveInfo): string[] {
  const names: Record<string, string> = { betweenness: 'BETWEENNESS', betweennessUndirected: 'BETWEENNESS_UNDIRECTED', closeness: 'CLOSENESS', pagerank: 'PAGERANK' };
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && names[s.name.value]) out.add(names[s.name.value]!);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return [...out];
}
