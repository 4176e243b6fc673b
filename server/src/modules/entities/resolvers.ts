import { LimitError } from '../../errors.js';
import type { Context } from '../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../core/paging.js';
import type { Row } from '../../neo4j/executor.js';
import { provenanceFromRow } from '../core/provenance.js';
import { listEntities, searchEntities, type ListArgs } from './queries.js';

/** A link as seen from one of its ends (`selfId`). */
export interface LinkView extends Row {
  selfId: string;
  otherId: string;
  outgoing: boolean;
  type: string;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const pick = (n: Row, prefix: string, keys: string[]) =>
  keys.some((k) => n[`${prefix}_${k}`] !== undefined) ? Object.fromEntries(keys.map((k) => [k, num(n[`${prefix}_${k}`])])) : null;

/** Whether a link (or entity) is valid in a year: unknown bounds count as valid. */
export function validIn(r: Row, year: number | null | undefined): boolean {
  if (year === null || year === undefined) return true;
  return (num(r.validFrom) ?? -Infinity) <= year && (num(r.validUntil) ?? Infinity) >= year;
}

async function linksOf(ctx: Context, id: string): Promise<LinkView[]> {
  const rows = await ctx.loaders.links.load(id);
  return rows.map((r) => ({ ...r, selfId: id }) as LinkView);
}

interface ListFieldArgs {
  filter?: Omit<ListArgs, 'sort' | 'descending' | 'skip' | 'limit'> | null;
  sort: ListArgs['sort'];
  descending: boolean;
  first?: number | null;
  after?: string | null;
}

async function entityPage(ctx: Context, args: ListFieldArgs, kinds?: string[]) {
  const limit = pageSize(args.first, ctx.config.limits.pageSize);
  const skip = decodeCursor(args.after);
  const { total, ids } = await listEntities(ctx.executor, { ...(args.filter ?? {}), kinds: kinds ?? args.filter?.kinds, sort: args.sort, descending: args.descending, skip, limit });
  const nodes = (await ctx.loaders.entity.loadMany(ids)).filter((n): n is Row => Boolean(n) && !(n instanceof Error));
  const end = skip + ids.length;
  return { totalCount: total, nodes, pageInfo: { hasNextPage: end < total, endCursor: ids.length ? encodeCursor(end) : null } };
}

export const entityResolvers = {
  Query: {
    entity: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.entity.load(id),
    entitiesByIds: (_: unknown, { ids }: { ids: string[] }, ctx: Context) => {
      if (ids.length > ctx.config.limits.pageSize) throw new LimitError('number of ids', ctx.config.limits.pageSize, ids.length, 'Ask in several requests (MAX_PAGE_SIZE).');
      return ctx.loaders.entity.loadMany(ids).then((r) => r.map((x) => (x instanceof Error ? null : x)));
    },
    entities: (_: unknown, args: ListFieldArgs, ctx: Context) => entityPage(ctx, args),
    clusters: (_: unknown, args: ListFieldArgs, ctx: Context) => entityPage(ctx, args, ['Cluster']),
    valueChains: (_: unknown, args: ListFieldArgs, ctx: Context) => entityPage(ctx, args, ['ValueChain']),
    search: async (_: unknown, args: { text: string; kinds?: string[]; first?: number }, ctx: Context) => {
      const limit = pageSize(args.first ?? 20, ctx.config.limits.pageSize);
      const hits = await searchEntities(ctx.executor, { text: args.text, kinds: args.kinds, limit });
      const nodes = await ctx.loaders.entity.loadMany(hits.map((h) => String(h.id)));
      return hits.map((h, i) => ({ entity: nodes[i], kind: h.kind, score: h.score })).filter((h) => h.entity && !(h.entity instanceof Error));
    },
    sources: (_: unknown, __: unknown, ctx: Context) => ctx.executor.read('entities/listSources'),
  },
  Entity: {
    aliases: (n: Row) => n.aliases ?? [],
    aggregate: (n: Row) => n.aggregate === true,
    documents: (n: Row) => n.sources ?? [],
    conflicts: (n: Row) => n.conflicts ?? [],
    properties: (n: Row) => n,
    sources: async (n: Row, _: unknown, ctx: Context) => (await ctx.loaders.provenance.load(String(n.id))).map((p) => provenanceFromRow(p)),
    links: async (n: Row, args: { types?: string[]; direction: 'OUT' | 'IN' | 'BOTH'; year?: number; first: number }, ctx: Context) => {
      const all = await linksOf(ctx, String(n.id));
      return all
        .filter((l) => (!args.types?.length || args.types.includes(l.type)) && (args.direction === 'BOTH' || (args.direction === 'OUT') === l.outgoing) && validIn(l, args.year))
        .slice(0, Math.max(0, args.first));
    },
    places: async (n: Row, _: unknown, ctx: Context) => {
      // Walks LOCATED_IN upwards one batched level at a time; a place hierarchy is a handful of levels deep.
      const out: Row[] = [];
      const seen = new Set<string>([String(n.id)]);
      let frontier = [String(n.id)];
      for (let depth = 0; depth < 6 && frontier.length; depth += 1) {
        const next: string[] = [];
        for (const links of await ctx.loaders.links.loadMany(frontier)) {
          if (links instanceof Error) continue;
          for (const l of links) if (l.type === 'LOCATED_IN' && l.outgoing && !seen.has(String(l.otherId))) next.push(String(l.otherId));
        }
        const fresh = [...new Set(next)];
        fresh.forEach((id) => seen.add(id));
        const places = await ctx.loaders.entity.loadMany(fresh);
        out.push(...places.filter((p): p is Row => Boolean(p) && !(p instanceof Error)));
        frontier = fresh;
      }
      // Nearest first: an entity is often tied both to its town and, directly, to its country.
      const rank: Record<string, number> = { locality: 0, municipality: 1, region: 2, state: 3, country: 4, continent: 5 };
      return out.map((p, i) => ({ p, i })).sort((x, y) => (rank[String(x.p.placeType)] ?? 2.5) - (rank[String(y.p.placeType)] ?? 2.5) || x.i - y.i).map((x) => x.p);
    },
    cluster: (n: Row) => (n.kind === 'Cluster' ? n : null),
    chain: (n: Row) => (n.kind === 'ValueChain' ? n : null),
    type: (n: Row) => {
      const v = n.roles ?? n.buyerType ?? n.institutionType ?? n.programType ?? n.role ?? n.placeType ?? n.eventType ?? n.upgradingType;
      return v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
    },
    date: (n: Row) => {
      const v = n.date ?? n.year ?? n.period;
      return v === undefined || v === null ? null : String(v);
    },
  },
  ClusterFacts: {
    founded: (n: Row) => (n.founded === undefined ? null : String(n.founded)),
    firms: (n: Row) => (n.firms === undefined ? null : String(n.firms)),
    externalEconomies: (n: Row) => pick(n, 'externalEconomies', ['labourMarket', 'inputs', 'information', 'marketAccess']),
    jointAction: (n: Row) => pick(n, 'jointAction', ['backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral']),
    printed: (n: Row) => (n.printed_eei !== undefined || n.printed_ce !== undefined ? { eei: num(n.printed_eei), jai: num(n.printed_jai), ce: num(n.printed_ce), degree: n.printed_degree ?? null } : null),
    recomputed: (n: Row) => (n.computed_ce !== undefined ? { eei: num(n.computed_eei), jai: num(n.computed_jai), ce: num(n.computed_ce), degree: n.computed_degree ?? null } : null),
    flags: (n: Row) => n.ceFlags ?? [],
    disagrees: (n: Row) => n.ceDisagrees === true,
    governanceCodes: (n: Row) => pick(n, 'governanceCodes', ['market', 'network', 'quasiHierarchy', 'hierarchy']),
    upgradingScores: (n: Row) => pick(n, 'upgradingScores', ['product', 'process', 'functional', 'intersectoral']),
    figures: (n: Row) => Object.fromEntries(Object.entries(n).filter(([k]) => /^(production|exports|jobs|firms|founded|indirectJobs|table2)/.test(k))),
  },
  ChainFacts: {
    governanceHS: (n: Row) => n.governanceHS ?? null,
    governanceGHS: (n: Row) => n.governanceGHS ?? null,
    complexity: (n: Row) => n.determinants_complexity ?? null,
    codifiability: (n: Row) => n.determinants_codifiability ?? null,
    supplierCapability: (n: Row) => n.determinants_supplierCapability ?? null,
  },
  Link: {
    from: (l: LinkView, _: unknown, ctx: Context) => ctx.loaders.entity.load(l.outgoing ? l.selfId : l.otherId),
    to: (l: LinkView, _: unknown, ctx: Context) => ctx.loaders.entity.load(l.outgoing ? l.otherId : l.selfId),
    other: (l: LinkView, _: unknown, ctx: Context) => ctx.loaders.entity.load(l.otherId),
    direction: (l: LinkView) => (l.outgoing ? 'OUT' : 'IN'),
    form: (l: LinkView) => l.form ?? null,
    qualifier: (l: LinkView) => {
      const v = l.supportType ?? l.position ?? l.market ?? l.what ?? null;
      return Array.isArray(v) ? v.join(', ') : v;
    },
    source: (l: LinkView) => provenanceFromRow(l, 'source_'),
    properties: (l: LinkView) => l,
  },
};
