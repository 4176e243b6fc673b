import { BadInputError, LimitError, NotFoundError } from '../../errors.js';
import type { Context } from '../context.js';
import type { Row } from '../../neo4j/executor.js';
import { provenanceFromRow } from '../core/provenance.js';
import { ACTOR_LINK_TYPES, expand, findPaths, type EdgeRow, type PathArgs } from './queries.js';

function within(name: string, value: number, max: number, variable: string): void {
  if (!Number.isInteger(value) || value < 1) throw new BadInputError(`${name} must be a whole number ≥ 1, got ${value}.`, name);
  if (value > max) throw new LimitError(name, max, value, `(${variable})`);
}

async function requireEntities(ctx: Context, ids: string[], field: string): Promise<void> {
  const found = await ctx.loaders.entity.loadMany(ids);
  const missing = ids.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (missing.length) throw new NotFoundError(`${field}: no entity ${missing.join(', ')}.`, field);
}

/** The GraphQL Edge shape from a relationship row (its properties plus source/target ids). */
export function toEdge(r: EdgeRow): Row {
  const props = (r.props as Row | undefined) ?? r;
  const q = props.supportType ?? props.position ?? props.market ?? null;
  return {
    id: r.id ?? props.id,
    type: r.type,
    source: r.source,
    target: r.target,
    form: props.form ?? null,
    qualifier: Array.isArray(q) ? q.join(', ') : q,
    validFrom: props.validFrom ?? null,
    validUntil: props.validUntil ?? null,
    provenance: provenanceFromRow(props, 'source_'),
    properties: props,
  };
}

async function entities(ctx: Context, ids: string[]): Promise<Row[]> {
  return (await ctx.loaders.entity.loadMany(ids)).filter((n): n is Row => Boolean(n) && !(n instanceof Error));
}

interface PathFieldArgs {
  from: string;
  to: { ids?: string[]; kinds?: string[]; types?: string[] };
  mode: PathArgs['mode'];
  k: number;
  maxLength: number;
  types?: string[];
  via?: string[];
  exclude?: string[];
  direction: PathArgs['direction'];
  year?: number;
  weights?: { type: string; weight: number }[];
  first: number;
}

export const networkResolvers = {
  Query: {
    neighbourhood: async (_: unknown, a: { ids: string[]; hops: number; types?: string[]; direction: 'OUT' | 'IN' | 'BOTH'; year?: number; maxNodes?: number }, ctx: Context) => {
      const { limits } = ctx.config;
      if (a.ids.length === 0) throw new BadInputError('ids: give at least one entity id.', 'ids');
      within('hops', a.hops, limits.hops, 'MAX_HOPS');
      const maxNodes = a.maxNodes ?? limits.subgraphNodes;
      within('maxNodes', maxNodes, limits.subgraphNodes, 'MAX_SUBGRAPH_NODES');
      await requireEntities(ctx, a.ids, 'ids');
      const r = await expand(ctx.executor, { ids: a.ids, hops: a.hops, types: a.types?.length ? a.types : ACTOR_LINK_TYPES, direction: a.direction, year: a.year, maxNodes });
      return { nodes: await entities(ctx, r.nodeIds), edges: r.edges.map(toEdge), truncated: r.truncatedBy !== null, truncatedBy: r.truncatedBy };
    },
    paths: async (_: unknown, a: PathFieldArgs, ctx: Context) => {
      const { limits } = ctx.config;
      within('maxLength', a.maxLength, limits.pathLength, 'MAX_PATH_LENGTH');
      within('k', a.k, limits.paths, 'MAX_PATHS');
      within('first', a.first, limits.paths, 'MAX_PATHS');
      if (!a.to.ids?.length && !a.to.kinds?.length) throw new BadInputError('to: give target ids, or kinds (and optionally types) of targets.', 'to');
      if (a.weights?.some((w) => !(w.weight > 0))) throw new BadInputError('weights: every weight must be a positive number.', 'weights');
      await requireEntities(ctx, [a.from, ...(a.to.ids ?? [])], 'from');
      const r = await findPaths(ctx.executor, {
        from: a.from,
        toIds: a.to.ids ?? [],
        toKinds: a.to.kinds ?? [],
        toTypes: a.to.types ?? [],
        types: a.types?.length ? a.types : ACTOR_LINK_TYPES,
        via: a.via?.length ? a.via : null,
        exclude: a.exclude ?? [],
        year: a.year ?? null,
        direction: a.direction,
        maxLength: a.maxLength,
        mode: a.mode,
        k: a.k,
        limit: a.first,
        weights: new Map((a.weights ?? []).map((w) => [w.type, w.weight])),
      });
      // One batched entity load for every node of every path.
      const ids = [...new Set(r.paths.flatMap((p) => p.nodeIds))];
      const byId = new Map((await entities(ctx, ids)).map((n) => [String(n.id), n]));
      const paths = r.paths.map((p) => ({ length: p.rels.length, weight: p.weight, nodes: p.nodeIds.map((id) => byId.get(id)), edges: p.rels.map((rel) => toEdge({ ...rel, props: rel })) }));
      return { paths, count: paths.length, truncated: r.truncated };
    },
  },
};
