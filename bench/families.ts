/**
 * The query families of bench/queries.ts: for each, the GraphQL request, the single hand-written Cypher statement
 * that answers the same question, how to draw seeded arguments on the benchmark network, and how to read both
 * answers into one comparable form (`answer`), so that the benchmark can check, argument by argument, that the
 * two sides return the same thing before it times them.
 *
 * "The same question" includes what the API promises beyond the rows: a deterministic order where it pages
 * (an entity's links by type, name and id; a cluster's members by name; paths by length, target and ids), the
 * caps a neighbourhood applies (MAX_SUBGRAPH_NODES entities, 4 × that many relationships a hop, cut in
 * relationship-id order) and the distinct routes of a path search. Where a family's statement of an earlier
 * benchmark answered a looser question (no order, no caps, no distinct routes), it is kept as `loose` and timed
 * too, so the effect of the stricter baseline stays visible.
 */
import { luceneQuery } from '../server/src/modules/entities/search.js';
import { ACTOR_LINK_TYPES } from '../server/src/modules/network/expand.js';
import { buyerId, clusterId, firmId, type NetworkSize } from './network.js';

/** The relationship-type alternation of the actor network, for hand-written patterns. */
const ACTOR_TYPES = ACTOR_LINK_TYPES.join('|');
/** The API's caps as the service runs here (MAX_SUBGRAPH_NODES, and 4 × that many relationships a hop). */
const MAX_NODES = 5000;
const HOP_LIMIT = 4 * MAX_NODES;

export type Args = Record<string, unknown>;
type Row = Record<string, unknown>;

export interface Graph {
  size: NetworkSize;
  read: (text: string, params: Args) => Promise<Row[]>;
}

export interface Family {
  name: string;
  /** The < 50 ms median target applies. */
  latencyTarget?: boolean;
  /** Requests per run when not the command line's (a family too slow for it). */
  requests?: number;
  /** Draws one request's arguments (may look the graph up, e.g. for a reachable target). */
  draw: (r: () => number, g: Graph) => Promise<Args> | Args;
  graphql: string;
  cypher: string;
  /** The statement of an earlier benchmark, which answered a looser question (see the file's comment). */
  loose?: string;
  /** Cypher parameters from the drawn arguments (default: the arguments themselves). */
  params?: (a: Args) => Args;
  /** Both answers in one comparable form: from the GraphQL `data` and from the statement's rows. */
  answer: { graphql: (data: Record<string, unknown>) => unknown; cypher: (rows: Row[]) => unknown };
}

const randomActor = (r: () => number, n: NetworkSize) => {
  const x = r();
  if (x < 0.85) return firmId(Math.floor(r() * n.firms));
  if (x < 0.95) return buyerId(Math.floor(r() * n.buyers));
  return `institution:bench-${Math.floor(r() * n.institutions)}`;
};

/** A target 2 to 4 hops from `from` (a random walk over the actor network), for path queries that find something. */
async function reachable(r: () => number, g: Graph, from: string): Promise<string> {
  const steps = 2 + Math.floor(r() * 3);
  const rows = await g.read(
    `MATCH (a:Entity {id: $from}) MATCH p = (a)-[:${ACTOR_TYPES}]-{${steps}}(b:Entity) WHERE b <> a WITH b LIMIT 200 RETURN collect(b.id) AS ids`,
    { from },
  );
  const ids = (rows[0]?.ids as string[]) ?? [];
  return ids.length ? ids[Math.floor(r() * ids.length)]! : clusterId(0);
}

/** A trace's tiers by hand: tier 0, the cluster and its members; tier t, first reached downstream at hop t. */
const TRACE_TIERS = `MATCH (c:Entity {id: $id})
WITH c, [c] + COLLECT { MATCH (m:Entity)-[:MEMBER_OF]->(c) RETURN m } AS tier0
CALL (tier0) {
  UNWIND tier0 AS s
  MATCH p = (s)-[:SUPPLIES|SUBCONTRACTOR_OF|SELLS_TO]->{1,3}(t:Entity)
  WHERE NOT t IN tier0
  RETURN t, min(length(p)) AS tier
}
WITH tier0, collect({n: t, tier: tier}) AS reached
WITH [x IN tier0 | {n: x, tier: 0}] + reached AS all
`;

/** A page of entities of one kind by name, with the total: the hand-written form of `entities`. */
const ENTITY_PAGE = `MATCH (n:Entity) WHERE n.kind = $kind
WITH n ORDER BY n.name, n.id LIMIT 50
WITH collect(n {.*}) AS page
RETURN page, COUNT { MATCH (m:Entity) WHERE m.kind = $kind } AS total`;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (xs: string[]) => [...xs].sort(byString);
const ids = (xs: unknown) => (xs as { id: string }[]).map((x) => x.id);
/** GraphQL's kinds are the stored ones in capitals (FIRM for Firm). */
const kindOf = (k: unknown) => String(k).toUpperCase();
const first = (rows: Row[]) => rows[0] ?? {};

/** A subgraph as a set of entities, a set of relationships and whether it was cut short. */
const subgraph = (nodes: string[], edges: string[], truncated: boolean) => ({ nodes: sorted(nodes), edges: sorted(edges), truncated });

/**
 * A neighbourhood by hand, as the API defines it: breadth-first from `a`, each hop's relationships in id order
 * and cut at HOP_LIMIT (the first hop's cut stops the expansion), entities taken in that order up to MAX_NODES,
 * every relationship kept between two entities kept. The second hop is written only for `hops` 2.
 */
const neighbourhoodStatement = (hops: 1 | 2) => `MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH (a)-[r:${ACTOR_TYPES}]-(:Entity)
  WITH DISTINCT r ORDER BY r.id LIMIT ${HOP_LIMIT + 1}
  RETURN collect(r) AS rels1
}
CALL (a, rels1) {
  UNWIND rels1[..${HOP_LIMIT}] AS r
  WITH a, CASE WHEN startNode(r) = a THEN endNode(r) ELSE startNode(r) END AS b WHERE b <> a
  RETURN collect(DISTINCT b) AS hop1
}
${hops === 2 ? `CALL (a, rels1, hop1) {
  WITH hop1, rels1 WHERE size(rels1) <= ${HOP_LIMIT} AND 1 + size(hop1) <= ${MAX_NODES}
  UNWIND hop1 AS b
  MATCH (b)-[r:${ACTOR_TYPES}]-(:Entity)
  WITH DISTINCT r ORDER BY r.id LIMIT ${HOP_LIMIT + 1}
  RETURN collect(r) AS rels2
}
CALL (a, hop1, rels2) {
  UNWIND rels2[..${HOP_LIMIT}] AS r
  UNWIND [startNode(r), endNode(r)] AS c
  WITH a, hop1, c WHERE c <> a AND NOT c IN hop1
  RETURN collect(DISTINCT c) AS hop2
}` : 'WITH a, rels1, hop1, [] AS rels2, [] AS hop2'}
// The second hop reads the relationships back to the start again: kept once.
WITH [a] + hop1 + hop2 AS reached, rels1[..${HOP_LIMIT}] + [x IN rels2[..${HOP_LIMIT}] WHERE startNode(x) <> a AND endNode(x) <> a] AS rels,
     size(rels1) > ${HOP_LIMIT} OR size(rels2) > ${HOP_LIMIT} AS cutEdges
WITH reached[..${MAX_NODES}] AS nodes, cutEdges OR size(reached) > ${MAX_NODES} AS truncated, size(reached) > ${MAX_NODES} AS cutNodes, rels
RETURN truncated, [n IN nodes | n {.id, .name, .kind}] AS nodes,
       [x IN rels WHERE NOT cutNodes OR (startNode(x) IN nodes AND endNode(x) IN nodes) | {id: x.id, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS edges`;

const neighbourhoodAnswer = {
  graphql: (d: Record<string, unknown>) => {
    const n = d.neighbourhood as { truncated: boolean; nodes: { id: string }[]; edges: { id: string }[] };
    return subgraph(ids(n.nodes), ids(n.edges), n.truncated);
  },
  cypher: (rows: Row[]) => {
    const r = first(rows);
    return subgraph(ids(r.nodes), ids(r.edges), Boolean(r.truncated));
  },
};

export const FAMILIES: Family[] = [
  {
    // The floor: what the HTTP + GraphQL path costs with no database work, next to one bare driver round trip.
    name: 'floor: no work (GraphQL __typename; Cypher RETURN 1)',
    draw: () => ({}),
    graphql: '{ __typename }',
    cypher: 'RETURN 1 AS ok',
    answer: { graphql: () => 'nothing', cypher: () => 'nothing' },
  },
  {
    name: 'search',
    draw: async (r, g) => {
      const [row] = await g.read('MATCH (n:Entity {id: $id}) RETURN n.name AS name', { id: randomActor(r, g.size) });
      const words = String(row?.name ?? 'Calzados').split(' ');
      return { text: `${words[0]} ${words[1]}` };
    },
    graphql: 'query($text: String!) { search(text: $text, first: 10) { kind score entity { id name } } }',
    cypher: `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
RETURN node.id AS id, node.kind AS kind, node.name AS name, score ORDER BY score DESC, name ASC LIMIT 10`,
    params: (a) => ({ q: luceneQuery(String(a.text)) }),
    answer: {
      graphql: (d) => (d.search as { entity: { id: string } }[]).map((h) => h.entity.id),
      cypher: (rows) => rows.map((r) => r.id),
    },
  },
  {
    name: 'entity (with 50 links)',
    draw: (r, g) => ({ id: randomActor(r, g.size) }),
    graphql: 'query($id: ID!) { entity(id: $id) { id kind name aliases type validFrom links(first: 50) { id type direction other { id name kind } } } }',
    cypher: `MATCH (n:Entity {id: $id})
CALL (n) { MATCH (n)-[r]-(m:Entity) RETURN r, m ORDER BY type(r), m.name, m.id, r.id LIMIT 50 }
RETURN n {.id, .kind, .name, .aliases, .roles, .buyerType, .institutionType, .validFrom} AS n,
       collect({id: r.id, type: type(r), out: startNode(r) = n, other: m {.id, .name, .kind}}) AS links`,
    loose: `MATCH (n:Entity {id: $id})
CALL (n) { MATCH (n)-[r]-(m:Entity) RETURN r, m ORDER BY type(r), m.name LIMIT 50 }
RETURN n {.id, .kind, .name, .aliases, .roles, .buyerType, .institutionType, .validFrom} AS n,
       collect({id: r.id, type: type(r), out: startNode(r) = n, other: m {.id, .name, .kind}}) AS links`,
    answer: {
      graphql: (d) => {
        const e = d.entity as { id: string; kind: string; name: string; links: { id: string; type: string; direction: string; other: { id: string } }[] };
        return { id: e.id, kind: e.kind, name: e.name, links: e.links.map((l) => [l.id, l.type, l.direction, l.other.id]) };
      },
      cypher: (rows) => {
        const { n, links } = first(rows) as { n: { id: string; kind: string; name: string }; links: { id: string; type: string; out: boolean; other: { id: string } }[] };
        return { id: n.id, kind: kindOf(n.kind), name: n.name, links: links.map((l) => [l.id, l.type, l.out ? 'OUT' : 'IN', l.other.id]) };
      },
    },
  },
  {
    name: 'entitiesByIds (50 ids)',
    draw: (r, g) => ({ ids: Array.from({ length: 50 }, () => randomActor(r, g.size)) }),
    graphql: 'query($ids: [ID!]!) { entitiesByIds(ids: $ids) { id kind name type } }',
    cypher: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n {.id, .kind, .name, .roles, .buyerType, .institutionType} AS n',
    answer: {
      graphql: (d) => (d.entitiesByIds as ({ id: string; name: string } | null)[]).filter((e) => e !== null).map((e) => [e!.id, e!.name]),
      cypher: (rows) => rows.map((r) => [(r.n as { id: string }).id, (r.n as { name: string }).name]),
    },
  },
  {
    name: 'cluster members',
    draw: (r, g) => ({ id: clusterId(Math.floor(r() * g.size.clusters)) }),
    graphql: 'query($id: ID!) { entity(id: $id) { id name members { id name kind } } }',
    cypher: `MATCH (c:Entity {id: $id})
OPTIONAL MATCH (m:Entity)-[:MEMBER_OF]->(c)
WITH c, m ORDER BY m.name, m.id
RETURN c {.id, .name} AS cluster, collect(DISTINCT m {.id, .name, .kind}) AS members`,
    loose: `MATCH (c:Entity {id: $id})
OPTIONAL MATCH (m:Entity)-[:MEMBER_OF]->(c)
RETURN c {.id, .name} AS cluster, collect(DISTINCT m {.id, .name, .kind}) AS members`,
    answer: {
      graphql: (d) => {
        const e = d.entity as { id: string; members: { id: string }[] };
        return { id: e.id, members: ids(e.members) };
      },
      cypher: (rows) => {
        const r = first(rows) as { cluster: { id: string }; members: { id: string }[] };
        return { id: r.cluster.id, members: ids(r.members) };
      },
    },
  },
  {
    name: 'neighbourhood (1 hop)',
    draw: (r, g) => ({ id: randomActor(r, g.size) }),
    graphql: 'query($id: ID!) { neighbourhood(ids: [$id], hops: 1) { truncated nodes { id name kind } edges { id type source target } } }',
    cypher: neighbourhoodStatement(1),
    loose: `MATCH (a:Entity {id: $id})
OPTIONAL MATCH (a)-[r:${ACTOR_TYPES}]-(b:Entity)
WITH a, collect(DISTINCT b {.id, .name, .kind}) AS bs, collect(DISTINCT r) AS rs
RETURN [a {.id, .name, .kind}] + bs AS nodes, [x IN rs | {id: x.id, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS edges`,
    answer: neighbourhoodAnswer,
  },
  {
    name: 'neighbourhood (2 hops)',
    latencyTarget: true,
    draw: (r, g) => ({ id: randomActor(r, g.size) }),
    graphql: 'query($id: ID!) { neighbourhood(ids: [$id], hops: 2) { truncated nodes { id name kind } edges { id type source target } } }',
    cypher: neighbourhoodStatement(2),
    loose: `MATCH (a:Entity {id: $id})
CALL (a) { OPTIONAL MATCH (a)-[r:${ACTOR_TYPES}]-(b:Entity) WITH r, b LIMIT 20000 RETURN collect(DISTINCT b) AS hop1, collect(DISTINCT r) AS rels1 }
CALL (a, hop1) { UNWIND hop1 AS b MATCH (b)-[r:${ACTOR_TYPES}]-(c:Entity) WITH r, c LIMIT 20000 RETURN collect(DISTINCT c) AS hop2, collect(DISTINCT r) AS rels2 }
WITH [a] + hop1 + [c IN hop2 WHERE c <> a AND NOT c IN hop1] AS reached, rels1 + rels2 AS rels
WITH reached[..5000] AS nodes, size(reached) > 5000 AS cut, rels
RETURN [n IN nodes | n {.id, .name, .kind}] AS nodes,
       [x IN rels WHERE NOT cut OR (startNode(x) IN nodes AND endNode(x) IN nodes) | {id: x.id, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS edges`,
    answer: neighbourhoodAnswer,
  },
  {
    name: 'shortest path',
    latencyTarget: true,
    draw: async (r, g) => {
      const from = randomActor(r, g.size);
      return { from, to: await reachable(r, g, from) };
    },
    graphql: 'query($from: ID!, $to: ID!) { paths(from: $from, to: { ids: [$to] }, mode: SHORTEST, maxLength: 4) { count paths { length nodes { id name } edges { id type source target } } } }',
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)-[:${ACTOR_TYPES}]-{1,4}(b)
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, [x IN relationships(p) | {id: x.id, type: type(x), source: startNode(x).id, target: endNode(x).id}] AS edges`,
    // Which of several shortest paths SHORTEST 1 returns is Neo4j's choice, on both sides: compared, their
    // number, length and ends.
    answer: {
      graphql: (d) => (d.paths as { paths: { length: number; nodes: { id: string }[] }[] }).paths.map((p) => [p.length, p.nodes[0]!.id, p.nodes.at(-1)!.id]),
      cypher: (rows) => rows.map((r) => [(r.edges as unknown[]).length, ids(r.nodes)[0], ids(r.nodes).at(-1)]),
    },
  },
  {
    name: 'paths to any buyer (k = 3)',
    draw: (r, g) => ({ from: firmId(Math.floor(r() * g.size.firms)) }),
    graphql: 'query($from: ID!) { paths(from: $from, to: { kinds: [BUYER] }, mode: K_SHORTEST, k: 3, maxLength: 4, first: 10) { count paths { length nodes { id name } } } }',
    // The API's paths: the 3 shortest to each buyer, shortest first, then by buyer, then by the ids along them;
    // paths that differ only in which of two parallel relationships they take are one route; the first 10 routes.
    cypher: `MATCH (a:Entity {id: $from})
MATCH p = SHORTEST 3 (a)-[:${ACTOR_TYPES}]-{1,4}(b:Buyer)
WITH p, length(p) AS len, b.id AS target, [n IN nodes(p) | n.id] AS nodeIds, [x IN relationships(p) | type(x)] AS types
ORDER BY len, target, nodeIds, [x IN relationships(p) | x.id]
WITH len, target, nodeIds, types, collect(p)[0] AS p
ORDER BY len, target, nodeIds, [x IN relationships(p) | x.id]
LIMIT 10
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, len AS length`,
    loose: `MATCH (a:Entity {id: $from})
MATCH p = SHORTEST 3 (a)-[:${ACTOR_TYPES}]-{1,4}(b:Buyer)
WITH p ORDER BY length(p) LIMIT 10
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, length(p) AS length`,
    answer: {
      graphql: (d) => (d.paths as { paths: { length: number; nodes: { id: string }[] }[] }).paths.map((p) => [p.length, ...ids(p.nodes)]),
      cypher: (rows) => rows.map((r) => [r.length, ...ids(r.nodes)]),
    },
  },
  {
    name: 'traceValueChain (cluster, 3 tiers)',
    draw: (r, g) => ({ id: clusterId(Math.floor(r() * g.size.clusters)) }),
    graphql: 'query($id: ID!) { traceValueChain(id: $id, direction: DOWNSTREAM, tiers: 3) { truncated tiers { tier nodes { id name } } edges { tier edge { id source target } governanceHS governanceGHS } } }',
    // Tier 0: the cluster and its members; tier t: first reached downstream at hop t. Edges: the supply links
    // out of tiers 0–2 (those the trace crosses), each with the tier it leads to and the governance of the
    // chains both its ends take part in.
    cypher: `${TRACE_TIERS}CALL (all) {
  UNWIND [x IN all WHERE x.tier < 3] AS x
  WITH x.n AS s, x.tier AS tier
  MATCH (s)-[r:SUPPLIES|SUBCONTRACTOR_OF|SELLS_TO]->(t)
  WITH r, s, t, tier, COLLECT { MATCH (s)-[:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(ch:ValueChain)<-[:PARTICIPATES_IN|LEADS|HAS_CHAIN]-(t) RETURN DISTINCT ch } AS shared
  RETURN collect({id: r.id, source: s.id, target: t.id, tier: tier + 1, hs: [x IN shared | x.governanceHS], ghs: [x IN shared | x.governanceGHS]}) AS edges
}
RETURN [x IN all | {id: x.n.id, name: x.n.name, tier: x.tier}] AS nodes, edges`,
    loose: `${TRACE_TIERS}WITH all, [x IN all | x.n] AS ns
CALL (ns) {
  UNWIND ns AS s MATCH (s)-[r:SUPPLIES|SUBCONTRACTOR_OF|SELLS_TO]->(t) WHERE t IN ns
  WITH r, s, t, COLLECT { MATCH (s)-[:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(ch:ValueChain)<-[:PARTICIPATES_IN|LEADS|HAS_CHAIN]-(t) RETURN DISTINCT ch } AS shared
  RETURN collect({id: r.id, source: s.id, target: t.id, hs: [x IN shared | x.governanceHS], ghs: [x IN shared | x.governanceGHS]}) AS edges
}
RETURN [x IN all | {id: x.n.id, name: x.n.name, tier: x.tier}] AS nodes, edges`,
    answer: {
      graphql: (d) => {
        const t = d.traceValueChain as { truncated: boolean; tiers: { tier: number; nodes: { id: string }[] }[]; edges: { tier: number; edge: { id: string }; governanceHS: string[]; governanceGHS: string[] }[] };
        return {
          nodes: sorted(t.tiers.flatMap((x) => x.nodes.map((n) => `${x.tier} ${n.id}`))),
          edges: sorted(t.edges.map((e) => `${e.edge.id} ${e.tier} ${sorted(e.governanceHS).join(',')} ${sorted(e.governanceGHS).join(',')}`)),
          truncated: t.truncated,
        };
      },
      cypher: (rows) => {
        const r = first(rows) as { nodes: { id: string; tier: number }[]; edges: { id: string; tier: number; hs: (string | null)[]; ghs: (string | null)[] }[] };
        // Stored governance types are lower case (quasi_hierarchy), GraphQL's enum values upper case.
        const set = (xs: (string | null)[]) => sorted([...new Set(xs.filter((x): x is string => x !== null).map((x) => x.toUpperCase()))]).join(',');
        return {
          nodes: sorted(r.nodes.map((n) => `${n.tier} ${n.id}`)),
          edges: sorted(r.edges.map((e) => `${e.id} ${e.tier} ${set(e.hs)} ${set(e.ghs)}`)),
          truncated: false,
        };
      },
    },
  },
  {
    name: 'jointAction (cluster)',
    draw: (r, g) => ({ clusterId: clusterId(Math.floor(r() * g.size.clusters)) }),
    graphql: 'query($clusterId: ID!) { jointAction(clusterId: $clusterId) { density actors byForm { form count } subgraph { nodes { id name } edges { id source target form } } } }',
    cypher: `MATCH (c:Entity {id: $clusterId})
WITH [c] + COLLECT { MATCH (m:Entity)-[:MEMBER_OF]->(c) RETURN DISTINCT m } AS core
CALL (core) { UNWIND core AS x MATCH (x)-[r:COOPERATES_WITH]-(y:Entity) RETURN collect(DISTINCT r) AS rels, collect(DISTINCT y) AS partners }
// Density among the cluster and its members: pairs tied, parallel ties merged, self-ties ignored.
CALL (core, rels) {
  UNWIND rels AS r
  WITH r WHERE startNode(r) IN core AND endNode(r) IN core AND startNode(r) <> endNode(r)
  RETURN count(DISTINCT CASE WHEN startNode(r).id < endNode(r).id THEN [startNode(r).id, endNode(r).id] ELSE [endNode(r).id, startNode(r).id] END) AS within
}
WITH core, rels, partners, size(core) AS n, within
RETURN [x IN core + [p IN partners WHERE NOT p IN core] | x {.id, .name}] AS nodes,
       [r IN rels | {id: r.id, source: startNode(r).id, target: endNode(r).id, form: r.form}] AS edges,
       CASE WHEN n < 2 THEN 0.0 ELSE toFloat(within) / (n * (n - 1) / 2) END AS density, n AS actors`,
    loose: `MATCH (c:Entity {id: $clusterId})
WITH [c] + COLLECT { MATCH (m:Entity)-[:MEMBER_OF]->(c) RETURN DISTINCT m } AS core
CALL (core) { UNWIND core AS x MATCH (x)-[r:COOPERATES_WITH]-(y:Entity) RETURN collect(DISTINCT r) AS rels, collect(DISTINCT y) AS partners }
WITH core, rels, partners, size(core) AS n,
     size([r IN rels WHERE startNode(r) IN core AND endNode(r) IN core AND startNode(r) <> endNode(r)]) AS within
RETURN [x IN core + [p IN partners WHERE NOT p IN core] | x {.id, .name}] AS nodes,
       [r IN rels | {id: r.id, source: startNode(r).id, target: endNode(r).id, form: r.form}] AS edges,
       CASE WHEN n < 2 THEN 0.0 ELSE toFloat(within) / (n * (n - 1) / 2) END AS density`,
    answer: {
      graphql: (d) => {
        const j = d.jointAction as { density: number; actors: number; byForm: { form: string; count: number }[]; subgraph: { nodes: { id: string }[]; edges: { id: string; form: string | null }[] } };
        return { nodes: sorted(ids(j.subgraph.nodes)), edges: sorted(j.subgraph.edges.map((e) => `${e.id} ${e.form ?? ''}`)), density: j.density.toFixed(9), actors: j.actors, byForm: j.byForm.map((f) => `${f.form} ${f.count}`) };
      },
      cypher: (rows) => {
        const r = first(rows) as { nodes: { id: string }[]; edges: { id: string; form: string | null }[]; density: number; actors: number };
        const forms = new Map<string, number>();
        for (const e of r.edges) forms.set(e.form ?? 'unspecified', (forms.get(e.form ?? 'unspecified') ?? 0) + 1);
        return { nodes: sorted(ids(r.nodes)), edges: sorted(r.edges.map((e) => `${e.id} ${e.form ?? ''}`)), density: Number(r.density).toFixed(9), actors: Number(r.actors), byForm: [...forms].sort(([a], [b]) => byString(a, b)).map(([f, c]) => `${f} ${c}`) };
      },
    },
  },
  {
    name: 'entities (buyers or institutions by name, page of 50)',
    draw: (r) => ({ kind: r() < 0.5 ? 'BUYER' : 'INSTITUTION' }),
    graphql: 'query($kind: Kind!) { entities(filter: { kinds: [$kind] }, first: 50) { totalCount nodes { id name kind } pageInfo { hasNextPage endCursor } } }',
    cypher: ENTITY_PAGE,
    params: (a) => ({ kind: { BUYER: 'Buyer', INSTITUTION: 'Institution' }[String(a.kind)] }),
    answer: entityPageAnswer(),
  },
  {
    // 850,000 firms: seconds a request on both sides (every firm is read to count and rank them), so fewer requests.
    name: 'entities (firms by name, page of 50)',
    requests: 5,
    draw: () => ({ kind: 'FIRM' }),
    graphql: 'query($kind: Kind!) { entities(filter: { kinds: [$kind] }, first: 50) { totalCount nodes { id name kind } pageInfo { hasNextPage endCursor } } }',
    cypher: ENTITY_PAGE,
    params: () => ({ kind: 'Firm' }),
    answer: entityPageAnswer(),
  },
];

function entityPageAnswer(): Family['answer'] {
  return {
    graphql: (d) => {
      const e = d.entities as { totalCount: number; nodes: { id: string }[] };
      return { total: e.totalCount, ids: ids(e.nodes) };
    },
    cypher: (rows) => {
      const r = first(rows) as { total: number; page: { id: string }[] };
      return { total: Number(r.total), ids: ids(r.page) };
    },
  };
}
