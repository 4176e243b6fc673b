import { groupAverages, type ClusterFigures, type PrintedRow } from '../../domain/aggregates.js';
import { HS_TO_GHS, predictGovernance, type HsType, type Level } from '../../domain/governance.js';
import { undirectedDensity } from '../../domain/density.js';
import { BadInputError, LimitError, NotFoundError } from '../../errors.js';
import type { Context } from '../context.js';
import type { Executor, Row } from '../../neo4j/executor.js';
import { listEntities, type ListArgs } from '../entities/queries.js';
import { toEdge } from '../network/resolvers.js';
import { expand, type EdgeRow } from '../network/queries.js';

const FLOW_TYPES = ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO'];
const num = (v: unknown) => (typeof v === 'number' ? v : null);

async function entityOrThrow(ctx: Context, id: string, field: string, kind?: string): Promise<Row> {
  const e = await ctx.loaders.entity.load(id);
  if (!e) throw new NotFoundError(`${field}: no entity ${id}.`, field);
  if (kind && e.kind !== kind) throw new BadInputError(`${field}: ${id} is a ${String(e.kind)}, not a ${kind}.`, field);
  return e;
}

async function membersOf(executor: Executor, clusterId: string): Promise<string[]> {
  const [row] = await executor.read('clusters/members', { ids: [clusterId] });
  return (row?.members as string[] | undefined) ?? [];
}

async function chainsOf(executor: Executor, ids: string[]): Promise<Map<string, { chain: string; role: string }[]>> {
  const rows = ids.length ? await executor.read('clusters/chainsOf', { ids }) : [];
  return new Map(rows.map((r) => [String(r.id), r.chains as { chain: string; role: string }[]]));
}

const roleView = (ctx: Context, chain: string, actor: string, role: string) => ({ chain: () => ctx.loaders.entity.load(chain), actor: () => ctx.loaders.entity.load(actor), role });

/** A cluster's figures in the shape the averaging function takes. */
function figures(c: Row, group: string): ClusterFigures {
  const items = Object.fromEntries(['labourMarket', 'inputs', 'information', 'marketAccess'].map((k) => [k, num(c[`externalEconomies_${k}`])]).concat(
    ['backward', 'forward', 'horizontalBilateral', 'horizontalMultilateral'].map((k) => [k, num(c[`jointAction_${k}`])]),
  ));
  const hasItems = Object.keys(c).some((k) => k.startsWith('externalEconomies_') || k.startsWith('jointAction_'));
  const upKeys = Object.keys(c).filter((k) => k.startsWith('upgradingScores_'));
  return {
    id: String(c.id),
    group,
    items,
    hasItems,
    recomputed: { eei: num(c.computed_eei), jai: num(c.computed_jai), ce: num(c.computed_ce) },
    printed: { eei: num(c.printed_eei), jai: num(c.printed_jai), ce: num(c.printed_ce) },
    upgrading: upKeys.length ? Object.fromEntries(upKeys.map((k) => [k.replace('upgradingScores_', ''), num(c[k])])) : null,
  };
}

export const clusterResolvers = {
  Entity: {
    chains: async (n: Row, _: unknown, ctx: Context) => {
      // Batched through the links loader: the chains are the other ends of PARTICIPATES_IN, LEADS and HAS_CHAIN.
      const links = await ctx.loaders.links.load(String(n.id));
      // Several sources may state the same role: one entry per chain and role.
      const roles = new Map<string, [string, string]>();
      for (const l of links) {
        if (!l.outgoing || !['PARTICIPATES_IN', 'LEADS', 'HAS_CHAIN'].includes(String(l.type))) continue;
        const role = l.type === 'LEADS' ? 'lead' : l.type === 'HAS_CHAIN' ? 'cluster' : String(l.position ?? 'participant');
        roles.set(`${String(l.otherId)}|${role}`, [String(l.otherId), role]);
      }
      return [...roles.values()].map(([chain, role]) => roleView(ctx, chain, String(n.id), role));
    },
    participants: async (n: Row, _: unknown, ctx: Context) => {
      if (n.kind !== 'ValueChain') return [];
      const links = await ctx.loaders.links.load(String(n.id));
      const roles = new Map<string, [string, string]>();
      for (const l of links) {
        if (l.outgoing || !['PARTICIPATES_IN', 'LEADS'].includes(String(l.type))) continue;
        const role = l.type === 'LEADS' ? 'lead' : String(l.position ?? 'participant');
        roles.set(`${String(l.otherId)}|${role}`, [String(l.otherId), role]);
      }
      return [...roles.values()].map(([actor, role]) => roleView(ctx, String(n.id), actor, role));
    },
    members: async (n: Row, _: unknown, ctx: Context) => {
      const links = await ctx.loaders.links.load(String(n.id));
      const ids = [...new Set(links.filter((l) => !l.outgoing && l.type === 'MEMBER_OF').map((l) => String(l.otherId)))];
      return (await ctx.loaders.entity.loadMany(ids)).filter((x) => x && !(x instanceof Error));
    },
  },
  ChainFacts: {
    predictedGHS: (n: Row) => predictGovernance(n.determinants_complexity as Level, n.determinants_codifiability as Level, n.determinants_supplierCapability as Level),
    agreesWithPrediction: (n: Row) => {
      const p = predictGovernance(n.determinants_complexity as Level, n.determinants_codifiability as Level, n.determinants_supplierCapability as Level);
      if (!p) return null;
      if (n.governanceGHS) return n.governanceGHS === p;
      if (n.governanceHS) return HS_TO_GHS[n.governanceHS as HsType]?.includes(p) ?? null;
      return null;
    },
    hsAsGHS: (n: Row) => (n.governanceHS ? HS_TO_GHS[n.governanceHS as HsType] ?? [] : []),
  },
  Query: {
    governanceTypologies: () => Object.entries(HS_TO_GHS).map(([hs, ghs]) => ({ humphreySchmitz: hs, gereffiHumphreySturgeon: ghs })),
    ghsDeterminants: () => {
      const levels: Level[] = ['low', 'high'];
      const out: Row[] = [];
      for (const complexity of levels) for (const codifiability of levels) for (const supplierCapability of levels) {
        const g = predictGovernance(complexity, codifiability, supplierCapability);
        if (g) out.push({ governance: g, complexity, codifiability, supplierCapability });
      }
      return out;
    },
    traceValueChain: async (_: unknown, a: { id: string; direction: 'UPSTREAM' | 'DOWNSTREAM'; tiers: number; year?: number; includeMembers: boolean }, ctx: Context) => {
      if (a.tiers < 1) throw new BadInputError('tiers must be ≥ 1.', 'tiers');
      if (a.tiers > ctx.config.limits.hops) throw new LimitError('tiers', ctx.config.limits.hops, a.tiers, '(MAX_HOPS)');
      const start = await entityOrThrow(ctx, a.id, 'id');
      const tier0 = start.kind === 'Cluster' && a.includeMembers ? [a.id, ...(await membersOf(ctx.executor, a.id))] : [a.id];
      const r = await expand(ctx.executor, { ids: tier0, hops: a.tiers, types: FLOW_TYPES, direction: a.direction === 'DOWNSTREAM' ? 'OUT' : 'IN', year: a.year, maxNodes: ctx.config.limits.subgraphNodes });
      // Tier of each node = the hop at which the expansion first reached it (nearest first).
      const tierOf = new Map(tier0.map((id) => [id, 0]));
      let frontier = new Set(tier0);
      for (let t = 1; t <= a.tiers; t += 1) {
        const next = new Set<string>();
        for (const e of r.edges) {
          const [from, to] = a.direction === 'DOWNSTREAM' ? [e.source, e.target] : [e.target, e.source];
          if (frontier.has(from) && !tierOf.has(to)) {
            tierOf.set(to, t);
            next.add(to);
          }
        }
        frontier = next;
      }
      const chains = await chainsOf(ctx.executor, [...tierOf.keys()]);
      const chainEntities = new Map<string, Row>();
      const allChainIds = [...new Set([...chains.values()].flat().map((c) => c.chain))];
      (await ctx.loaders.entity.loadMany(allChainIds)).forEach((c, i) => c && !(c instanceof Error) && chainEntities.set(allChainIds[i]!, c));
      const edges = r.edges
        .filter((e) => tierOf.has(e.source) && tierOf.has(e.target))
        .map((e: EdgeRow) => {
          const near = a.direction === 'DOWNSTREAM' ? e.source : e.target;
          const a1 = new Set((chains.get(e.source) ?? []).map((c) => c.chain));
          const shared = (chains.get(e.target) ?? []).map((c) => c.chain).filter((c) => a1.has(c));
          const cs = [...new Set(shared)].map((id) => chainEntities.get(id)).filter((c): c is Row => Boolean(c));
          return {
            edge: toEdge(e),
            tier: (tierOf.get(near) ?? 0) + 1,
            chains: cs,
            governanceHS: [...new Set(cs.map((c) => c.governanceHS).filter(Boolean))],
            governanceGHS: [...new Set(cs.map((c) => c.governanceGHS).filter(Boolean))],
          };
        });
      const byTier = new Map<number, string[]>();
      for (const [id, t] of tierOf) byTier.set(t, [...(byTier.get(t) ?? []), id]);
      const tiers = await Promise.all(
        [...byTier.entries()].sort((x, y) => x[0] - y[0]).map(async ([tier, ids]) => ({ tier, nodes: (await ctx.loaders.entity.loadMany(ids)).filter((x) => x && !(x instanceof Error)) })),
      );
      return {
        start,
        direction: a.direction,
        tiers,
        edges,
        chains: (chains.get(a.id) ?? []).map((c) => roleView(ctx, c.chain, a.id, c.role)),
        truncated: r.truncatedBy !== null,
      };
    },
    jointAction: async (_: unknown, a: { clusterId: string; year?: number }, ctx: Context) => {
      const cluster = await entityOrThrow(ctx, a.clusterId, 'clusterId', 'Cluster');
      const core = [a.clusterId, ...(await membersOf(ctx.executor, a.clusterId))];
      const r = await expand(ctx.executor, { ids: core, hops: 1, types: ['COOPERATES_WITH'], direction: 'BOTH', year: a.year, maxNodes: ctx.config.limits.subgraphNodes });
      const coop = r.edges;
      const forms = new Map<string, number>();
      for (const e of coop) {
        const f = String((e.props as Row | undefined)?.form ?? 'unspecified');
        forms.set(f, (forms.get(f) ?? 0) + 1);
      }
      const actors = [...new Set(coop.flatMap((e) => [e.source, e.target]).concat(a.clusterId))];
      const nodes = (await ctx.loaders.entity.loadMany(r.nodeIds)).filter((x) => x && !(x instanceof Error));
      return {
        cluster,
        subgraph: { nodes, edges: coop.map(toEdge), truncated: r.truncatedBy !== null, truncatedBy: r.truncatedBy },
        byForm: [...forms.entries()].sort().map(([form, count]) => ({ form, count })),
        density: undirectedDensity(actors, coop),
        actors: actors.length,
        withinGroup: coop.filter((e) => e.source === e.target).length,
        scores: cluster,
      };
    },
    collectiveEfficiencyAverages: async (_: unknown, a: { groupBy: 'SECTOR_GROUP' | 'COUNTRY' | 'ALL'; filter?: Omit<ListArgs, 'sort' | 'descending' | 'skip' | 'limit'> | null }, ctx: Context) => {
      let ids: string[] | null = null;
      if (a.filter) ids = (await listEntities(ctx.executor, { ...a.filter, kinds: ['Cluster'], sort: 'NAME', descending: false, skip: 0, limit: 100_000 })).ids;
      const [rows, tables] = await Promise.all([ctx.executor.read('clusters/clusterFigures', { ids }), ctx.executor.read('clusters/printedTables', { ids: null })]);
      const printed: PrintedRow[] = tables.flatMap((t) =>
        (JSON.parse(String(t.rowsJson)) as { group?: string; values: Record<string, number | null> }[])
          .filter((r) => r.group)
          .map((r) => ({ table: String(t.title), group: r.group!, values: r.values })),
      );
      // Only tables 17–19 print group averages of all four groups; per-group tables repeat them.
      const summary = printed.filter((p) => /^Table 1[789]:/.test(p.table));
      const keyOf = (r: Row) => (a.groupBy === 'SECTOR_GROUP' ? String((r.c as Row).sectorGroup ?? 'unknown') : a.groupBy === 'COUNTRY' ? String(r.country ?? 'unknown') : 'all');
      const figs = rows.map((r) => figures(r.c as Row, keyOf(r)));
      const groups = [...new Set(figs.map((f) => f.group))].sort();
      return groups.map((g) => ({
        key: g,
        clusters: figs.filter((f) => f.group === g).length,
        clusterIds: figs.filter((f) => f.group === g).map((f) => f.id),
        measures: groupAverages(figs, a.groupBy === 'SECTOR_GROUP' ? summary : [], g),
      }));
    },
    timeline: async (_: unknown, a: { id: string; includeMembers: boolean }, ctx: Context) => {
      const e = await entityOrThrow(ctx, a.id, 'id');
      const ids = e.kind === 'Cluster' && a.includeMembers ? [a.id, ...(await membersOf(ctx.executor, a.id))] : [a.id];
      const rows = await ctx.executor.read('clusters/timeline', { ids });
      const items = await ctx.loaders.entity.loadMany(rows.map((r) => String(r.id)));
      const yearOf = (x: Row) => num(x.year) ?? num(x.validFrom) ?? (() => {
        const m = /(1[89]\d\d|20\d\d)/.exec(String(x.date ?? x.period ?? ''));
        return m ? Number(m[1]) : null;
      })();
      return rows
        .map((r, i) => ({ item: items[i], subjectId: String(r.subject) }))
        .filter((x): x is { item: Row; subjectId: string } => Boolean(x.item) && !(x.item instanceof Error))
        .map((x) => ({ item: x.item, subject: () => ctx.loaders.entity.load(x.subjectId), year: yearOf(x.item) }))
        .sort((x, y) => (x.year ?? 9999) - (y.year ?? 9999) || String(x.item.name).localeCompare(String(y.item.name)));
    },
  },
};

