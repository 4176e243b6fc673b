import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clustersStatements as S } from '../../server/src/modules/clusters/statements.js';
import { expand } from '../../server/src/modules/network/expand.js';
import { gql, serviceForFile } from '../helpers/db.js';

/**
 * The clusters module against the seeded database, plus one small fixture this file writes and deletes
 * (every id carries `test-<run>`). The fixture, and the answers expected from it by hand:
 *
 *   cluster C with members A, B, D; X an outside partner; V a quasi-hierarchical value chain.
 *   COOPERATES_WITH: A→B and B→A (one tie stated twice), A→X, A→A (the SMEs among themselves).
 *   PARTICIPATES_IN: A→V as producer (stated twice), X→V as buyer; LEADS: B→V; HAS_CHAIN: C→V; SELLS_TO: A→X.
 *
 *   joint action of C: actors C, A, B, D (4); ties among them: A–B only → density 1 / (4·3/2) = 1/6;
 *   forms: forward_vertical 1, horizontal_bilateral 2, horizontal_multilateral 1; one self-link.
 */
const service = serviceForFile();

const run = `test-${randomUUID().slice(0, 8)}`;
const id = (kind: string, name: string) => `${kind}:${run}-${name}`;
const [C, A, B, D, X, V] = [id('cluster', 'c'), id('firm', 'a'), id('firm', 'b'), id('firm', 'd'), id('firm', 'x'), id('chain', 'v')];

/** [from, type, to, properties] of each fixture relationship, between the variables of FIXTURE_NODES. */
const FIXTURE_LINKS: [string, string, string, Record<string, string>][] = [
  ['a', 'MEMBER_OF', 'c', {}], ['b', 'MEMBER_OF', 'c', {}], ['d', 'MEMBER_OF', 'c', {}],
  ['a', 'COOPERATES_WITH', 'b', { form: 'horizontal_bilateral' }], ['b', 'COOPERATES_WITH', 'a', { form: 'horizontal_bilateral' }],
  ['a', 'COOPERATES_WITH', 'x', { form: 'forward_vertical' }], ['a', 'COOPERATES_WITH', 'a', { form: 'horizontal_multilateral' }],
  ['a', 'PARTICIPATES_IN', 'v', { position: 'producer' }], ['a', 'PARTICIPATES_IN', 'v', { position: 'producer' }],
  ['x', 'PARTICIPATES_IN', 'v', { position: 'buyer' }], ['b', 'LEADS', 'v', {}], ['c', 'HAS_CHAIN', 'v', {}], ['a', 'SELLS_TO', 'x', {}],
];
const FIXTURE_NODES = `
CREATE (c:Entity:Cluster {id: $C, kind: 'Cluster', name: 'Test cluster'})
CREATE (a:Entity:Firm {id: $A, kind: 'Firm', name: 'Test firm A'}), (b:Entity:Firm {id: $B, kind: 'Firm', name: 'Test firm B'}),
       (d:Entity:Firm {id: $D, kind: 'Firm', name: 'Test firm D'}), (x:Entity:Firm {id: $X, kind: 'Firm', name: 'Test firm X'})
CREATE (v:Entity:ValueChain {id: $V, kind: 'ValueChain', name: 'Test chain', governanceHS: 'quasi_hierarchy'})`;
// Relationship types cannot be parameters: the fixture's own constants are written into the text, each
// relationship's properties travel as a parameter.
const FIXTURE = [FIXTURE_NODES, ...FIXTURE_LINKS.map(([from, type, to], i) => `CREATE (${from})-[:${type} $l${i}]->(${to})`)].join('\n');
const linkParams = Object.fromEntries(
  FIXTURE_LINKS.map(([, , , props], i) => [`l${i}`, { id: `link:${run}-${i}`, ...props, source_doc: 'test', source_lines: [1], source_quote: 'test fixture', source_finding: 'own' }]),
);

beforeAll(async () => {
  await service().executor.runText(FIXTURE, { C, A, B, D, X, V, ...linkParams });
});
afterAll(async () => {
  await service().executor.runText('MATCH (n:Entity) WHERE n.id CONTAINS $run DETACH DELETE n', { run });
});

describe('a cluster’s joint-action network', () => {
  it('counts the density among the cluster and its members only, isolated members included', async () => {
    const r = await gql<{ jointAction: { actors: number; density: number; withinGroup: number; byForm: { form: string; count: number }[]; subgraph: { nodes: { id: string }[] } } }>(
      service(),
      'query($c: ID!) { jointAction(clusterId: $c) { actors density withinGroup byForm { form count } subgraph { nodes { id } } } }',
      { c: C },
    );
    expect(r.errors).toBeUndefined();
    const j = r.data!.jointAction;
    expect(j.actors).toBe(4);
    expect(j.density).toBeCloseTo(1 / 6, 12);
    expect(j.withinGroup).toBe(1);
    expect(j.byForm).toEqual([
      { form: 'forward_vertical', count: 1 },
      { form: 'horizontal_bilateral', count: 2 },
      { form: 'horizontal_multilateral', count: 1 },
    ]);
    // The outside partner is in the network shown, though not in the density.
    expect(j.subgraph.nodes.map((n) => n.id).sort()).toEqual([A, B, C, D, X].sort());
  });

  it('refuses an entity that is not a cluster, naming the argument', async () => {
    const r = await gql(service(), 'query($c: ID!) { jointAction(clusterId: $c) { actors } }', { c: A });
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'clusterId' } });
  });
});

describe('chain roles', () => {
  it('gives each participant its stated chain position, once however many sources state it', async () => {
    const r = await gql<{ a: { chains: { role: string; chain: { id: string } }[] }; c: { chains: { role: string; chain: { id: string } }[]; members: { id: string }[] }; v: { participants: { role: string; actor: { id: string } }[] } }>(
      service(),
      'query($a: ID!, $c: ID!, $v: ID!) { a: entity(id: $a) { chains { role chain { id } } } c: entity(id: $c) { chains { role chain { id } } members { id } } v: entity(id: $v) { participants { role actor { id } } } }',
      { a: A, c: C, v: V },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.a.chains).toEqual([{ role: 'producer', chain: { id: V } }]);
    expect(r.data!.c.chains).toEqual([{ role: 'cluster', chain: { id: V } }]);
    expect(r.data!.c.members.map((m) => m.id).sort()).toEqual([A, B, D].sort());
    const roles = r.data!.v.participants.map((p) => `${p.actor.id} ${p.role}`).sort();
    expect(roles).toEqual([`${A} producer`, `${B} lead`, `${X} buyer`].sort());
  });

  it('traces the fixture downstream: the members in tier 0, the buyer in tier 1 over a quasi-hierarchical chain', async () => {
    const r = await gql<{ traceValueChain: { tiers: { tier: number; nodes: { id: string }[] }[]; edges: { tier: number; edge: { source: string; target: string }; governanceHS: string[] }[]; chains: { role: string }[] } }>(
      service(),
      'query($c: ID!) { traceValueChain(id: $c, tiers: 2) { tiers { tier nodes { id } } edges { tier edge { source target } governanceHS } chains { role } } }',
      { c: C },
    );
    expect(r.errors).toBeUndefined();
    const t = r.data!.traceValueChain;
    expect(t.tiers.map((x) => [x.tier, x.nodes.map((n) => n.id).sort()])).toEqual([[0, [A, B, C, D].sort()], [1, [X]]]);
    expect(t.edges).toEqual([{ tier: 1, edge: { source: A, target: X }, governanceHS: ['QUASI_HIERARCHY'] }]);
    expect(t.chains).toEqual([{ role: 'cluster' }]);
  });
});

describe('the clusters module’s statements', () => {
  it('return rows of their declared shapes on the seeded data (the executor checks every row)', async () => {
    const x = service().executor;
    // A trace's expansion reads the chains of every entity it holds, in its own round trips: the same as
    // asking for them by id afterwards.
    const C = 'cluster:sinos-valley-footwear';
    const traced = await expand({ executor: x }, { ids: [C], membersOf: C, hops: 3, types: ['SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO'], direction: 'OUT', maxNodes: 5000, chains: true });
    const byId = await x.runText(
      `MATCH (e:Entity)-[r:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(c:ValueChain) WHERE e.id IN $ids
       RETURN DISTINCT e.id AS id, c.id AS chain, CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'HAS_CHAIN' THEN 'cluster' ELSE coalesce(r.position, 'participant') END AS role`,
      { ids: traced.nodeIds },
      'READ',
    );
    const key = (r: { id: unknown; chain: unknown; role: unknown }) => `${String(r.id)} ${String(r.chain)} ${String(r.role)}`;
    const seen = new Set(traced.nodeIds);
    expect(traced.nodeIds.length).toBeGreaterThan(3);
    expect(byId.length).toBeGreaterThan(0);
    expect(new Set(traced.chains.roles.filter((r) => seen.has(r.id)).map(key))).toEqual(new Set(byId.map((r) => key(r as { id: unknown; chain: unknown; role: unknown }))));
    expect(new Set(traced.chains.chains.map((c) => c.id))).toEqual(new Set(traced.chains.roles.map((r) => r.chain)));
    expect(traced.chains.roles).toContainEqual(expect.objectContaining({ id: C, role: 'cluster' }));
    // Without `chains`, none are read.
    expect((await expand({ executor: x }, { ids: [C], membersOf: C, hops: 3, types: ['SUPPLIES'], direction: 'OUT', maxNodes: 5000 })).chains).toEqual({ roles: [], chains: [] });
    expect((await x.read(S.members, { ids: ['cluster:espirito-santo-metalworking'] }))[0]!.members.length).toBeGreaterThan(0);
    const figures = await x.read(S.clusterFigures, { ids: null });
    expect(figures.length).toBeGreaterThanOrEqual(40);
    expect(figures.find((f) => f.id === 'cluster:sinos-valley-footwear')).toMatchObject({ sectorGroup: 'traditional', printed: { eei: 12, jai: 8, ce: 10 }, hasItems: true });
    expect((await x.read(S.printedTables, { ids: ['table:pietrobelli2004-17'] }))[0]!.title).toMatch(/^Table 17:/);
    expect((await x.read(S.timeline, { ids: ['cluster:chipilo-furniture'] })).length).toBeGreaterThan(0);
  });
});
