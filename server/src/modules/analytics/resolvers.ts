import { DirectedGraph, UndirectedGraph } from 'graphology';
import { connectedComponents, stronglyConnectedComponents } from 'graphology-components';
import { actorExpectations, networkExpectations, toRoles, zScores, type Role } from '../../domain/brokerage.js';
import { dominatorsOf, immediateDominators } from '../../domain/dominators.js';
import { betweenness, closeness, louvain, pagerank } from '../../domain/graphology.js';
import { structuralHoles } from '../../domain/structuralHoles.js';
import { BadInputError, LimitError, NotFoundError } from '../../errors.js';
import type { Context } from '../context.js';
import type { Row } from '../../neo4j/executor.js';
import { project, scopeParams, type NetworkScope, type Projection, type ScopeParams } from './projection.js';

interface PartitionArg {
  by: 'KIND' | 'CLUSTER' | 'COUNTRY' | 'CHAIN_POSITION' | 'PROPERTY';
  property?: string | null;
}
interface Target {
  ids?: string[];
  kinds?: string[];
  types?: string[];
}

const GROUP_QUERIES = { CLUSTER: 'analytics/groupsByCluster', COUNTRY: 'analytics/groupsByCountry', CHAIN_POSITION: 'analytics/groupsByChainPosition' } as const;

function checkFirst(ctx: Context, first: number): void {
  if (first < 0) throw new BadInputError('first must be ≥ 0.', 'first');
  if (first > ctx.config.limits.pageSize) throw new LimitError('first', ctx.config.limits.pageSize, first, '(MAX_PAGE_SIZE)');
}

/** Each actor's group under a partition. */
async function groupsOf(ctx: Context, p: ScopeParams, partition: PartitionArg): Promise<{ nodes: string[]; group: Map<string, string>; prop: string | null }> {
  if (partition.by === 'PROPERTY' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(partition.property ?? '')) {
    throw new BadInputError('partition.property: name a stored property (letters, digits, _), e.g. institutionType.', 'partition.property');
  }
  const prop = partition.by === 'KIND' ? 'kind' : partition.by === 'PROPERTY' ? partition.property! : null;
  const rows = await ctx.executor.read('analytics/scopeNodes', { kinds: p.kinds, ids: p.ids, exclude: p.exclude, prop });
  const nodes = rows.map((r) => String(r.id));
  if (prop) {
    // Lists are grouped in the server by their text; the count query would need the same rule, so they travel as a map.
    const listValued = rows.some((r) => Array.isArray(r.value));
    const text = (v: unknown) => (v === null || v === undefined ? '(none)' : Array.isArray(v) ? v.join('+') : String(v));
    return { nodes, group: new Map(rows.map((r) => [String(r.id), text(r.value)])), prop: listValued ? null : prop };
  }
  const g = await ctx.executor.read(GROUP_QUERIES[partition.by as keyof typeof GROUP_QUERIES], { ids: nodes });
  return { nodes, group: new Map(g.map((r) => [String(r.id), String(r.grp)])), prop: null };
}

interface BrokerageComputation {
  N: number;
  m: number;
  d: number;
  sizes: Map<string, number>;
  raw: Map<string, number[]>;
  group: Map<string, string>;
}

/** Raw counts from Neo4j (one pattern-count query) plus what the closed forms need (N, m, group sizes). */
async function computeBrokerage(ctx: Context, p: ScopeParams, partition: PartitionArg): Promise<BrokerageComputation> {
  const { nodes, group, prop } = await groupsOf(ctx, p, partition);
  // A property partition is read inside the count query; other partitions travel as an id → group map.
  const groupsParam = prop ? {} : Object.fromEntries(group);
  const [[arcRow], counts] = await Promise.all([
    ctx.executor.read('analytics/scopeArcCount', p as unknown as Record<string, unknown>),
    ctx.executor.read('analytics/brokerage', { ...p, prop, groups: groupsParam }),
  ]);
  const m = Number(arcRow?.arcs ?? 0);
  const N = nodes.length;
  const sizes = new Map<string, number>();
  for (const n of nodes) sizes.set(group.get(n)!, (sizes.get(group.get(n)!) ?? 0) + 1);
  const raw = new Map<string, number[]>(nodes.map((n) => [n, [0, 0, 0, 0, 0, 0]]));
  for (const r of counts) {
    const c = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'].map((k) => Number(r[k]));
    raw.set(String(r.id), [...c, c.reduce((a, b) => a + b, 0)]);
  }
  return { N, m, d: N > 1 ? m / (N * (N - 1)) : 0, sizes, raw, group };
}

function brokerageResult(ctx: Context, b: BrokerageComputation, sortBy: Role, first: number, only?: string[]) {
  const clid = [...b.sizes.keys()];
  const n = clid.map((g) => b.sizes.get(g)!);
  const perGroup = new Map(clid.map((g, i) => [g, actorExpectations(n, i, b.N, b.d)]));
  let ids = [...b.raw.keys()];
  if (only?.length) ids = ids.filter((x) => only.includes(x));
  const scores = ids.map((id) => {
    const raw = b.raw.get(id)!;
    const e = perGroup.get(b.group.get(id)!)!;
    return { actorId: id, group: b.group.get(id)!, raw: toRoles(raw), expected: toRoles(e.exp), z: toRoles(zScores(raw, e.exp, e.sd)) };
  });
  scores.sort((x, y) => (y.raw[sortBy] ?? 0) - (x.raw[sortBy] ?? 0) || x.actorId.localeCompare(y.actorId));
  const gbr = [0, 1, 2, 3, 4, 5].map((i) => [...b.raw.values()].reduce((s, r) => s + r[i]!, 0));
  const net = networkExpectations(n, b.N, b.d);
  return {
    actors: b.N,
    arcs: b.m,
    density: b.d,
    groups: clid.map((g) => ({ group: g, size: b.sizes.get(g)! })).sort((x, y) => y.size - x.size || x.group.localeCompare(y.group)),
    network: { raw: toRoles(gbr), expected: toRoles(net.exp), z: toRoles(zScores(gbr, net.exp, net.sd)) },
    scores: scores.slice(0, first).map((s) => ({ ...s, actor: () => ctx.loaders.entity.load(s.actorId) })),
  };
}

function directed(p: Projection): DirectedGraph {
  const g = new DirectedGraph();
  for (const n of p.nodes) g.addNode(n);
  for (const [a, b] of p.arcs) g.mergeEdge(a, b);
  return g;
}

function undirected(p: Projection): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of p.nodes) g.addNode(n);
  for (const [a, b] of p.arcs) g.mergeEdge(a, b);
  return g;
}

/** Targets of dependency and what-if: the given ids, or actors of the given kinds and types (default: buyers). */
function targetSet(p: Projection, entities: Map<string, Row>, t: Target | null | undefined): Set<string> {
  const kinds = t?.kinds?.length ? t.kinds : t?.ids?.length ? [] : ['Buyer'];
  const types = t?.types ?? [];
  const out = new Set<string>(t?.ids ?? []);
  for (const n of p.nodes) {
    const e = entities.get(n);
    if (!kinds.includes(p.kinds.get(n)!)) continue;
    if (types.length && !(e && [e.buyerType, e.institutionType, ...((e.roles as string[] | undefined) ?? [])].some((x) => types.includes(String(x))))) continue;
    out.add(n);
  }
  return out;
}

function reachable(g: DirectedGraph, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const x = queue.shift()!;
    for (const y of g.outNeighbors(x)) if (!seen.has(y)) (seen.add(y), queue.push(y));
  }
  return seen;
}

async function loadEntities(ctx: Context, ids: string[]): Promise<Map<string, Row>> {
  const rows = await ctx.loaders.entity.loadMany(ids);
  return new Map(rows.flatMap((r, i) => (r && !(r instanceof Error) ? [[ids[i]!, r] as [string, Row]] : [])));
}

const entity = (ctx: Context) => (id: string) => ctx.loaders.entity.load(id);

export const analyticsResolvers = {
  Query: {
    brokerage: async (_: unknown, a: { scope?: NetworkScope; partition: PartitionArg; ids?: string[]; sortBy: string; first: number }, ctx: Context) => {
      checkFirst(ctx, a.first);
      const p = await scopeParams(ctx, a.scope);
      return brokerageResult(ctx, await computeBrokerage(ctx, p, a.partition), a.sortBy.toLowerCase() as Role, a.first, a.ids);
    },
    twoModeBrokerage: async (_: unknown, a: { scope?: NetworkScope; first: number }, ctx: Context) => {
      checkFirst(ctx, a.first);
      const p = await scopeParams(ctx, a.scope);
      const rows = await ctx.executor.read('analytics/twoModeBrokerage', { types: p.types, year: p.year });
      return rows.slice(0, a.first).map((r) => ({
        institution: () => ctx.loaders.entity.load(String(r.id)),
        clusters: () => ctx.loaders.entity.loadMany(r.clusters as string[]),
        crossClusterPairs: r.pairs,
        firms: r.firms,
      }));
    },
    structuralHoles: async (_: unknown, a: { scope?: NetworkScope; ids?: string[]; first: number }, ctx: Context) => {
      checkFirst(ctx, a.first);
      const proj = await project(ctx, await scopeParams(ctx, a.scope));
      const res = structuralHoles(proj.nodes, proj.arcs);
      const ids = a.ids?.length ? a.ids.filter((x) => res.has(x)) : [...res.keys()].filter((x) => res.get(x)!.degree > 0);
      return ids
        .map((id) => ({ actorId: id, ...res.get(id)! }))
        .sort((x, y) => (x.constraint ?? Infinity) - (y.constraint ?? Infinity) || x.actorId.localeCompare(y.actorId))
        .slice(0, a.first)
        .map((r) => ({ ...r, actor: () => ctx.loaders.entity.load(r.actorId) }));
    },
    centrality: async (_: unknown, a: { scope?: NetworkScope; ids?: string[]; sortBy: string; first: number }, ctx: Context) => {
      checkFirst(ctx, a.first);
      const proj = await project(ctx, await scopeParams(ctx, a.scope));
      const g = directed(proj);
      const u = undirected(proj);
      // Each measure is computed once, and only when the request selects it or sorts by it: exact
      // betweenness is O(N·m), far dearer than the others.
      const memo = <T>(f: () => T) => {
        let v: T | undefined;
        return () => (v ??= f());
      };
      const bd = memo(() => betweenness(g, { normalized: true }));
      const bu = memo(() => betweenness(u, { normalized: true }));
      // Wasserman–Faust closeness on the undirected graph, as networkx.closeness_centrality(wf_improved=True).
      const cl = memo(() => closeness(u, { wassermanFaust: true }));
      const pr = memo(() => (proj.nodes.length ? pagerank(g, { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000, getEdgeWeight: null }) : {}) as Record<string, number>);
      const rows = proj.nodes.map((id) => ({
        actorId: id,
        inDegree: g.inDegree(id),
        outDegree: g.outDegree(id),
        degree: u.degree(id),
        betweenness: () => bd()[id] ?? 0,
        betweennessUndirected: () => bu()[id] ?? 0,
        closeness: () => cl()[id] ?? 0,
        pagerank: () => pr()[id] ?? 0,
      }));
      const key = { DEGREE: 'degree', IN_DEGREE: 'inDegree', OUT_DEGREE: 'outDegree', BETWEENNESS: 'betweenness', BETWEENNESS_UNDIRECTED: 'betweennessUndirected', CLOSENESS: 'closeness', PAGERANK: 'pagerank' }[a.sortBy] as keyof (typeof rows)[number];
      const value = (v: number | string | (() => number)) => Number(typeof v === 'function' ? v() : v);
      const only = a.ids?.length ? rows.filter((r) => a.ids!.includes(r.actorId)) : rows;
      return only
        .sort((x, y) => value(y[key]) - value(x[key]) || x.actorId.localeCompare(y.actorId))
        .slice(0, a.first)
        .map((r) => ({ ...r, actor: () => ctx.loaders.entity.load(r.actorId) }));
    },
    communities: async (_: unknown, a: { scope?: NetworkScope }, ctx: Context) => {
      const proj = await project(ctx, await scopeParams(ctx, a.scope));
      const u = undirected(proj);
      const g = directed(proj);
      // Louvain is randomised: a fixed seed makes the answer repeatable for the same network.
      let seed = 42;
      const rng = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
      const detail = u.size > 0 ? louvain.detailed(u, { rng }) : { communities: Object.fromEntries(proj.nodes.map((n, i) => [n, i])), modularity: 0 };
      const byCommunity = new Map<number, string[]>();
      for (const [n, c] of Object.entries(detail.communities)) byCommunity.set(c, [...(byCommunity.get(c) ?? []), n]);
      const N = proj.nodes.length;
      const m = proj.arcs.length;
      const arcSet = new Set(proj.arcs.map(([x, y]) => `${x}\u0000${y}`));
      const mutual = proj.arcs.filter(([x, y]) => arcSet.has(`${y}\u0000${x}`)).length;
      return {
        communities: [...byCommunity.values()]
          .sort((x, y) => y.length - x.length || x[0]!.localeCompare(y[0]!))
          .map((members, i) => ({ id: i, size: members.length, members: () => ctx.loaders.entity.loadMany(members) })),
        modularity: detail.modularity,
        weakComponents: connectedComponents(u).length,
        strongComponents: stronglyConnectedComponents(g).length,
        density: N > 1 ? m / (N * (N - 1)) : 0,
        reciprocity: m ? mutual / m : 0,
        actors: N,
        arcs: m,
      };
    },
    dependency: async (_: unknown, a: { id: string; targets?: Target; scope?: NetworkScope }, ctx: Context) => {
      const proj = await project(ctx, await scopeParams(ctx, a.scope));
      if (!proj.kinds.has(a.id)) throw new NotFoundError(`id: ${a.id} is not an actor of the analysed network (check scope.kinds and scope.types).`, 'id');
      const g = directed(proj);
      const ents = await loadEntities(ctx, proj.nodes);
      const targets = targetSet(proj, ents, a.targets);
      const idom = immediateDominators(a.id, (n) => g.outNeighbors(n));
      const reach = [...targets].filter((t) => t !== a.id && idom.has(t)).sort();
      const perTarget = reach.map((t) => ({ targetId: t, must: dominatorsOf(idom, a.id, t) }));
      const common = perTarget.length ? perTarget.map((x) => new Set(x.must)).reduce((acc, s) => new Set([...acc].filter((y) => s.has(y)))) : new Set<string>();
      const load = entity(ctx);
      return {
        actor: () => load(a.id),
        reachableTargets: () => ctx.loaders.entity.loadMany(reach),
        mustPassThrough: () => ctx.loaders.entity.loadMany(perTarget[0]?.must.filter((x) => common.has(x)) ?? []),
        perTarget: perTarget.map((x) => ({ target: () => load(x.targetId), mustPassThrough: () => ctx.loaders.entity.loadMany(x.must) })),
      };
    },
    whatIf: async (_: unknown, a: { remove: string[]; targets?: Target; scope?: NetworkScope; partition?: PartitionArg }, ctx: Context) => {
      if (!a.remove.length) throw new BadInputError('remove: name at least one actor to remove.', 'remove');
      const before = await scopeParams(ctx, a.scope);
      const proj = await project(ctx, before);
      const missing = a.remove.filter((x) => !proj.kinds.has(x));
      if (missing.length) throw new NotFoundError(`remove: ${missing.join(', ')} not in the analysed network.`, 'remove');
      const after: ScopeParams = { ...before, exclude: [...before.exclude, ...a.remove] };
      const removed = new Set(a.remove);
      const g = directed(proj);
      const gAfter = g.copy();
      for (const r of a.remove) gAfter.dropNode(r);
      const ents = await loadEntities(ctx, proj.nodes);
      const targets = targetSet(proj, ents, a.targets);
      const affected: { actorId: string; lost: string[]; kept: string[] }[] = [];
      // One BFS per actor before and after; bounded by MAX_ANALYSIS_NODES through the projection.
      for (const n of proj.nodes) {
        if (removed.has(n) || targets.has(n)) continue;
        const r0 = [...reachable(g, n)].filter((t) => targets.has(t) && t !== n);
        if (!r0.length) continue;
        const r1 = reachable(gAfter, n);
        const lost = r0.filter((t) => !r1.has(t));
        if (lost.length) affected.push({ actorId: n, lost: lost.sort(), kept: r0.filter((t) => r1.has(t)).sort() });
      }
      const partition = a.partition ?? { by: 'KIND' };
      const [b0, b1] = [await computeBrokerage(ctx, before, partition), await computeBrokerage(ctx, after, partition)];
      const changes = [...b0.raw.keys()]
        .filter((id) => !removed.has(id))
        .map((id) => ({ actorId: id, before: b0.raw.get(id)![5]!, after: b1.raw.get(id)?.[5] ?? 0 }))
        .filter((c) => c.before !== c.after)
        .sort((x, y) => y.before - y.after - (x.before - x.after) || x.actorId.localeCompare(y.actorId));
      const load = entity(ctx);
      return {
        removed: () => ctx.loaders.entity.loadMany(a.remove),
        affected: affected
          .sort((x, y) => y.lost.length - x.lost.length || x.actorId.localeCompare(y.actorId))
          .map((x) => ({ actor: () => load(x.actorId), lost: () => ctx.loaders.entity.loadMany(x.lost), kept: () => ctx.loaders.entity.loadMany(x.kept), cutOff: x.kept.length === 0 })),
        brokerageChanges: changes.map((c) => ({ actor: () => load(c.actorId), before: c.before, after: c.after })),
        densityBefore: b0.d,
        densityAfter: b1.d,
      };
    },
  },
};

