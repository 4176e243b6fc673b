import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../server/src/errors.js';
import { ACTOR_LINK_TYPES, SYMMETRIC_LINK_TYPES } from '../../server/src/modules/network/expand.js';
import { networkStatements as S } from '../../server/src/modules/network/statements.js';
import { gql, serviceForFile } from '../helpers/db.js';

/**
 * The network module against the seeded database. Seed facts used (pietrobelli2004, lines 423 and 2079–2083):
 * Chipilo's subcontractors work for Segusino (SUBCONTRACTOR_OF, stated three times, each with what they make),
 * and Segusino sells to US buyers (SELLS_TO).
 */
const service = serviceForFile();

const SUBS = 'firm:chipilo-subcontractors';
const US_BUYERS = 'buyer:chipilo-us-buyers';

interface EdgeView {
  id: string;
  type: string;
  qualifier: string | null;
  properties: Record<string, unknown>;
}

describe('paths', () => {
  it('weighs a path by its length outside WEIGHTED mode, whatever weights are passed', async () => {
    const r = await gql<{ shortest: { paths: { length: number; weight: number }[] }; weighted: { paths: { length: number; weight: number }[] } }>(
      service(),
      `query($from: ID!, $to: ID!) {
         shortest: paths(from: $from, to: { ids: [$to] }, direction: OUT, maxLength: 3, weights: [{ type: SELLS_TO, weight: 2.5 }]) { paths { length weight } }
         weighted: paths(from: $from, to: { ids: [$to] }, direction: OUT, maxLength: 3, mode: WEIGHTED, k: 1, weights: [{ type: SELLS_TO, weight: 2.5 }]) { paths { length weight } } }`,
      { from: SUBS, to: US_BUYERS },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.shortest.paths).toEqual([{ length: 2, weight: 2 }]);
    expect(r.data!.weighted.paths).toEqual([{ length: 2, weight: 3.5 }]); // SUBCONTRACTOR_OF 1 + SELLS_TO 2.5
  });

  it('pages paths shortest first, then by target, then by the ids along them: a short page is the start of a long one in every mode', async () => {
    type P = { paths: { count: number; paths: { length: number; nodes: { id: string }[]; edges: { id: string }[] }[] } };
    const q = 'query($from: ID!, $mode: PathMode!, $first: Int!) { paths(from: $from, to: { kinds: [BUYER, INSTITUTION] }, mode: $mode, k: 3, maxLength: 4, first: $first) { count paths { length nodes { id } edges { id } } } }';
    for (const from of [SUBS, 'firm:segusino', 'cluster:sinos-valley-footwear']) {
      for (const mode of ['K_SHORTEST', 'ALL_SHORTEST', 'ALL_SIMPLE']) {
        const all = await gql<P>(service(), q, { from, mode, first: 100 });
        expect(all.errors, `${from} ${mode}`).toBeUndefined();
        const paths = all.data!.paths.paths;
        expect(paths.length, `${from} ${mode}`).toBeGreaterThan(3);
        const key = (p: (typeof paths)[number]) => [p.length, p.nodes.at(-1)!.id, p.nodes.map((n) => n.id).join(' '), p.edges.map((e) => e.id).join(' ')] as const;
        for (let i = 1; i < paths.length; i += 1) {
          const [a, b] = [key(paths[i - 1]!), key(paths[i]!)];
          expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] + '|' + a[3] <= b[2] + '|' + b[3]))), `${from} ${mode}: ${a.join(' / ')} before ${b.join(' / ')}`).toBe(true);
        }
        for (const first of [1, 2, 3, 5]) {
          const page = await gql<P>(service(), q, { from, mode, first });
          expect(page.data!.paths.paths, `${from} ${mode} first ${first}`).toEqual(paths.slice(0, first));
        }
      }
    }
  });

  it('finds the same paths to targets given by kind (their labels in the pattern) as to the same targets given by kind and id', async () => {
    const q = (to: string) => `{ paths(from: "${SUBS}", to: ${to}, mode: K_SHORTEST, k: 2, maxLength: 4, first: 20) { count paths { length nodes { id } edges { id } } } }`;
    for (const mode of ['K_SHORTEST', 'ALL_SHORTEST', 'ALL_SIMPLE']) {
      const byKind = await gql<{ paths: { count: number } }>(service(), q('{ kinds: [BUYER] }').replace('K_SHORTEST', mode));
      // An id of a buyer among the targets already: the same targets, searched without the label.
      const byKindAndId = await gql<{ paths: { count: number } }>(service(), q(`{ kinds: [BUYER], ids: ["${US_BUYERS}"] }`).replace('K_SHORTEST', mode));
      expect(byKind.errors, mode).toBeUndefined();
      expect(byKind.data!.paths.count, mode).toBeGreaterThan(0);
      expect(byKind.data, mode).toEqual(byKindAndId.data);
    }
  });

  it('still tests via, target types, relationship types and the year when they are given (the statements leave those tests out only when unset)', async () => {
    type P = { paths: { count: number; paths: { nodes: { id: string; kind: string; type: string[] }[] }[] } };
    for (const mode of ['SHORTEST', 'K_SHORTEST', 'ALL_SHORTEST', 'ALL_SIMPLE']) {
      for (const to of ['{ kinds: [BUYER] }', `{ ids: ["${US_BUYERS}"] }`]) {
        const q = (extra: string) => `{ paths(from: "${SUBS}", to: ${to}, mode: ${mode}, maxLength: 4, first: 50${extra}) { count paths { nodes { id kind type } } } }`;
        const free = await gql<P>(service(), q(''));
        const viaFirms = await gql<P>(service(), q(', via: [FIRM]'));
        const viaPrograms = await gql<P>(service(), q(', via: [PROGRAM]'));
        expect([free.errors, viaFirms.errors, viaPrograms.errors], `${mode} ${to}`).toEqual([undefined, undefined, undefined]);
        expect(free.data!.paths.count, `${mode} ${to}`).toBeGreaterThan(0);
        for (const p of viaFirms.data!.paths.paths) expect(p.nodes.slice(1, -1).every((n) => n.kind === 'FIRM'), `${mode} ${to}`).toBe(true);
        expect(viaPrograms.data!.paths.count, `${mode} ${to}`).toBeLessThan(free.data!.paths.count);
      }
      // Relationship types and a year: every edge of every path is of those types and valid in that year.
      type E = { paths: { paths: { edges: { type: string; validFrom: number | null; validUntil: number | null }[] }[] } };
      const edges = '{ count paths { edges { type validFrom validUntil } } }';
      const dated = await gql<E>(service(), `{ paths(from: "${SUBS}", to: { kinds: [BUYER] }, mode: ${mode}, maxLength: 4, first: 50, year: 1996, types: [SUBCONTRACTOR_OF, SELLS_TO, SUPPLIES]) ${edges} }`);
      expect(dated.errors, mode).toBeUndefined();
      for (const e of dated.data!.paths.paths.flatMap((p) => p.edges)) {
        expect(['SUBCONTRACTOR_OF', 'SELLS_TO', 'SUPPLIES'], mode).toContain(e.type);
        expect((e.validFrom ?? 0) <= 1996 && (e.validUntil ?? 9999) >= 1996, `${mode} ${JSON.stringify(e)}`).toBe(true);
      }
      const typed = await gql<P>(service(), `{ paths(from: "${SUBS}", to: { kinds: [BUYER], types: ["retailer"] }, mode: ${mode}, maxLength: 4, first: 50) { count paths { nodes { id kind type } } } }`);
      const any = await gql<P>(service(), `{ paths(from: "${SUBS}", to: { kinds: [BUYER] }, mode: ${mode}, maxLength: 4, first: 50) { count paths { nodes { id kind type } } } }`);
      expect(typed.errors, mode).toBeUndefined();
      expect(typed.data!.paths.count, mode).toBeGreaterThan(0);
      for (const p of typed.data!.paths.paths) expect(p.nodes.at(-1)!.type, mode).toContain('retailer');
      expect(any.data!.paths.paths.some((p) => !p.nodes.at(-1)!.type.includes('retailer')), mode).toBe(true);
    }
  });

  it('still tests relationship types, direction and the year in neighbourhoods when they are given', async () => {
    type N = { neighbourhood: { nodes: { id: string }[]; edges: { type: string; source: string; target: string; validFrom: number | null; validUntil: number | null }[] } };
    const C = 'cluster:sinos-valley-footwear';
    const q = (args: string) => `{ neighbourhood(ids: ["${C}"]${args}) { nodes { id } edges { type source target validFrom validUntil } } }`;
    const directed = ', hops: 1, types: [MEMBER_OF, SUPPORTS, SELLS_TO, HAS_CHAIN, TARGETS, PARTICIPATES_IN]';
    const [free, typed, out, into] = await Promise.all([
      gql<N>(service(), q(', hops: 2')),
      gql<N>(service(), q(', hops: 2, types: [MEMBER_OF, SUPPORTS]')),
      gql<N>(service(), q(`${directed}, direction: OUT`)),
      gql<N>(service(), q(`${directed}, direction: IN`)),
    ]);
    for (const r of [free, typed, out, into]) expect(r.errors).toBeUndefined();
    // The year before the latest start of a relationship around the cluster: that one at least is left out.
    const year = Math.max(...free.data!.neighbourhood.edges.map((e) => e.validFrom ?? 0)) - 1;
    expect(year).toBeGreaterThan(1900);
    const dated = await gql<N>(service(), q(`, hops: 2, year: ${year}`));
    expect(dated.errors).toBeUndefined();
    expect(dated.data!.neighbourhood.edges.length).toBeGreaterThan(0);
    for (const e of dated.data!.neighbourhood.edges) expect((e.validFrom ?? 0) <= year && (e.validUntil ?? 9999) >= year, JSON.stringify(e)).toBe(true);
    expect(new Set(typed.data!.neighbourhood.edges.map((e) => e.type))).toEqual(new Set(['MEMBER_OF', 'SUPPORTS']));
    // One hop of directed types: out of the cluster every edge starts at it, into it every edge ends at it.
    expect(out.data!.neighbourhood.edges.length).toBeGreaterThan(0);
    expect(into.data!.neighbourhood.edges.length).toBeGreaterThan(0);
    for (const e of out.data!.neighbourhood.edges) expect(e.source, JSON.stringify(e)).toBe(C);
    for (const e of into.data!.neighbourhood.edges) expect(e.target, JSON.stringify(e)).toBe(C);
  });

  it('takes up to three hops in one round trip and answers as a hop per round trip would, cut short in any hop or not at all', async () => {
    // The oracle: breadth-first, a hop at a time, each hop's relationships in id order and cut at 4 × maxNodes
    // (the per-hop limit), entities added in that order until maxNodes; every relationship between two
    // entities kept. It reads the whole actor network of the seeds (a few thousand relationships).
    const all = await service().executor.runText(`MATCH (s:Entity)-[r:${ACTOR_LINK_TYPES.join('|')}]->(t:Entity) RETURN r.id AS id, s.id AS source, t.id AS target`, {}, 'READ');
    const rels = (all as { id: string; source: string; target: string }[]).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const oracle = (start: string, hops: number, maxNodes: number) => {
      const seen = new Set([start]);
      const edges = new Set<string>();
      let frontier = new Set([start]);
      let truncated = false;
      for (let hop = 0; hop < hops && frontier.size > 0 && !truncated; hop += 1) {
        const rows = rels.filter((r) => frontier.has(r.source) || frontier.has(r.target));
        if (rows.length > 4 * maxNodes) truncated = true;
        const next = new Set<string>();
        for (const r of rows.slice(0, 4 * maxNodes)) {
          for (const end of [r.source, r.target]) {
            if (seen.has(end)) continue;
            if (seen.size >= maxNodes) {
              truncated = true;
              continue;
            }
            seen.add(end);
            next.add(end);
          }
          if (seen.has(r.source) && seen.has(r.target)) edges.add(r.id);
        }
        frontier = next;
      }
      return { nodes: [...seen].sort(), edges: [...edges].sort(), truncated };
    };
    type N = { neighbourhood: { truncated: boolean; nodes: { id: string }[]; edges: { id: string }[] } };
    // Where the cut happened, for 2 and 3 hops: in hop 1, 2, 3, or nowhere (0).
    const cutAt = new Map<string, number>();
    for (const hops of [2, 3]) {
      for (const id of ['firm:segusino', 'cluster:sinos-valley-footwear', SUBS]) {
        for (const maxNodes of [2, 4, 8, 15, 40, 90, 200, 5000]) {
          const r = await gql<N>(service(), `query($id: ID!, $hops: Int!, $max: Int!) { neighbourhood(ids: [$id], hops: $hops, maxNodes: $max) { truncated nodes { id } edges { id } } }`, { id, hops, max: maxNodes });
          expect(r.errors).toBeUndefined();
          expect(r.extensions!.dbQueries).toBe(1);
          const got = { nodes: r.data!.neighbourhood.nodes.map((n) => n.id).sort(), edges: r.data!.neighbourhood.edges.map((e) => e.id).sort(), truncated: r.data!.neighbourhood.truncated };
          expect(got, `${id}, ${hops} hops, maxNodes ${maxNodes}`).toEqual(oracle(id, hops, maxNodes));
          const at = [1, 2, 3].find((h) => h <= hops && oracle(id, h, maxNodes).truncated) ?? 0;
          cutAt.set(`${hops}/${at}`, (cutAt.get(`${hops}/${at}`) ?? 0) + 1);
        }
      }
    }
    // The cases cover every place a cut can happen, and none.
    for (const k of ['2/0', '2/1', '2/2', '3/0', '3/1', '3/2', '3/3']) expect(cutAt.get(k) ?? 0, `cases cut short as ${k}`).toBeGreaterThan(0);
  });

  it('names the argument that holds an unknown id: `from` or `to.ids`', async () => {
    const q = 'query($from: ID!, $to: ID!) { paths(from: $from, to: { ids: [$to] }) { count } }';
    const badTarget = await gql(service(), q, { from: SUBS, to: 'buyer:nobody' });
    expect(badTarget.errors![0]).toMatchObject({ message: 'to.ids: no entity buyer:nobody.', extensions: { code: 'NOT_FOUND', field: 'to.ids' } });
    const badStart = await gql(service(), q, { from: 'firm:nobody', to: US_BUYERS });
    expect(badStart.errors![0]).toMatchObject({ message: 'from: no entity firm:nobody.', extensions: { code: 'NOT_FOUND', field: 'from' } });
  });

  it('gives a path’s relationships the same Edge as a neighbourhood: stored properties only, qualifier from `what`', async () => {
    const r = await gql<{ paths: { paths: { edges: EdgeView[] }[] }; neighbourhood: { edges: EdgeView[] } }>(
      service(),
      `query($from: ID!) {
         paths(from: $from, to: { ids: ["firm:segusino"] }, types: [SUBCONTRACTOR_OF], direction: OUT, maxLength: 1, mode: ALL_SIMPLE) { paths { edges { id type qualifier properties } } }
         neighbourhood(ids: [$from], types: [SUBCONTRACTOR_OF], direction: OUT) { edges { id type qualifier properties } } }`,
      { from: SUBS },
    );
    expect(r.errors).toBeUndefined();
    const fromPaths = r.data!.paths.paths.flatMap((p) => p.edges);
    expect(fromPaths.length).toBeGreaterThan(0);
    const byId = new Map(r.data!.neighbourhood.edges.map((e) => [e.id, e]));
    for (const e of fromPaths) {
      expect(e).toEqual(byId.get(e.id));
      expect(e.properties).not.toHaveProperty('type');
      expect(e.qualifier).toBe(e.properties.what);
    }
  });
});

describe('round trips', () => {
  // What each family costs the database when its start exists, and what it answers when it does not: the
  // start is read with the search (the expansion's first hop, the path rows), not before it.
  const trips = async (query: string, variables: Record<string, unknown>) => {
    const r = await gql<Record<string, unknown>>(service(), query, variables);
    expect(r.errors, query).toBeUndefined();
    return r.extensions!.dbQueries;
  };

  it('a neighbourhood of up to three hops, a joint-action network, a three-tier trace and a shortest path found cost one round trip; k > 3 hops cost k − 2', async () => {
    const hood = 'query($id: ID!, $hops: Int!) { neighbourhood(ids: [$id], hops: $hops) { nodes { id name } edges { id source target } } }';
    expect(await trips(hood, { id: 'firm:segusino', hops: 1 })).toBe(1);
    expect(await trips(hood, { id: 'firm:segusino', hops: 2 })).toBe(1);
    expect(await trips(hood, { id: 'firm:segusino', hops: 3 })).toBe(1);
    expect(await trips(hood, { id: 'firm:segusino', hops: 4 })).toBe(2);
    const joint = 'query($id: ID!) { jointAction(clusterId: $id) { density actors byForm { form count } subgraph { nodes { id name } edges { id } } } }';
    expect(await trips(joint, { id: 'cluster:sinos-valley-footwear' })).toBe(1);
    const path = 'query($from: ID!, $to: ID!) { paths(from: $from, to: { ids: [$to] }, mode: SHORTEST) { paths { nodes { id name } edges { id } } } }';
    expect(await trips(path, { from: SUBS, to: US_BUYERS })).toBe(1);
    const toBuyers = 'query($from: ID!) { paths(from: $from, to: { kinds: [BUYER] }, mode: K_SHORTEST, k: 3) { paths { nodes { id name } } } }';
    expect(await trips(toBuyers, { from: SUBS })).toBe(1);
    // A trace from a cluster: its members with the first three tiers and their chains.
    const trace = 'query($id: ID!, $tiers: Int!) { traceValueChain(id: $id, direction: DOWNSTREAM, tiers: $tiers) { tiers { tier nodes { id } } edges { tier governanceHS } } }';
    expect(await trips(trace, { id: 'cluster:sinos-valley-footwear', tiers: 3 })).toBe(1);
  });

  it('names the unknown start of a neighbourhood, a joint-action network and a trace, and a start of the wrong kind', async () => {
    const hood = await gql(service(), '{ neighbourhood(ids: ["firm:segusino", "firm:nobody"], hops: 1) { nodes { id } } }');
    expect(hood.errors![0]).toMatchObject({ message: 'ids: no entity firm:nobody.', extensions: { code: 'NOT_FOUND', field: 'ids' } });
    const joint = await gql(service(), '{ jointAction(clusterId: "cluster:nowhere") { density } }');
    expect(joint.errors![0]).toMatchObject({ message: 'clusterId: no entity cluster:nowhere.', extensions: { code: 'NOT_FOUND', field: 'clusterId' } });
    const notCluster = await gql(service(), '{ jointAction(clusterId: "firm:segusino") { density } }');
    expect(notCluster.errors![0]).toMatchObject({ message: 'clusterId: firm:segusino is a Firm, not a Cluster.', extensions: { code: 'BAD_USER_INPUT', field: 'clusterId' } });
    const trace = await gql(service(), '{ traceValueChain(id: "firm:nobody", direction: DOWNSTREAM, tiers: 2) { truncated } }');
    expect(trace.errors![0]).toMatchObject({ message: 'id: no entity firm:nobody.', extensions: { code: 'NOT_FOUND', field: 'id' } });
  });
});

describe('entities read with only the properties a request shows', () => {
  // Each query as asked (its statements read id, kind, name and what its Entity fields need) and with a root
  // field that reads every property (sources): the answers must be the same.
  const queries: [string, string][] = [
    ['neighbourhood', '{ neighbourhood(ids: ["firm:segusino"], hops: 2) { truncated nodes { id name kind type validFrom } edges { id type source target qualifier } } }'],
    ['paths', `{ paths(from: "${SUBS}", to: { kinds: [BUYER] }, mode: K_SHORTEST, k: 3) { count paths { length nodes { id name aliases } edges { id type } } } }`],
    ['traceValueChain', '{ traceValueChain(id: "cluster:sinos-valley-footwear", direction: DOWNSTREAM, tiers: 3) { truncated start { id name type } tiers { tier nodes { id name kind } } edges { tier edge { id source target } governanceHS governanceGHS } chains { role } } }'],
    ['jointAction', '{ jointAction(clusterId: "cluster:sinos-valley-footwear") { density actors byForm { form count } cluster { name } subgraph { nodes { id name type } edges { id form } } } }'],
    ['entity', '{ entity(id: "cluster:sinos-valley-footwear") { id name type documents links(first: 20) { type direction other { id name kind validFrom } } members { id name type } places { id name } } }'],
    ['entity', '{ entity(id: "institution:cdmec") { id places { id } } }'],
    ['entity', '{ entity(id: "firm:segusino") { chains { role } links(first: 30) { id form qualifier validFrom source { doc quote lines } } } }'],
    ['neighbourhood', '{ neighbourhood(ids: ["cluster:sinos-valley-footwear"], hops: 1) { edges { id form qualifier validFrom validUntil provenance { doc quote finding } } } }'],
    ['entitiesByIds', '{ entitiesByIds(ids: ["firm:segusino", "cluster:sinos-valley-footwear", "nobody"]) { id name kind type date description links(types: [SELLS_TO]) { other { name } } } }'],
  ];
  for (const [name, query] of queries) {
    it(`answers ${name} (${query.length} characters) the same as with every property read`, async () => {
      const light = await gql<Record<string, unknown>>(service(), query);
      const full = await gql<Record<string, unknown>>(service(), query.replace(/^\{/, '{ sources { key } '));
      expect(light.errors, name).toBeUndefined();
      expect(full.errors, name).toBeUndefined();
      expect(light.data![name]).toEqual(full.data![name]);
    });
  }

  it('projects id, kind, name and the keys asked for in the statements that read entities', async () => {
    const [row] = await service().executor.forRequest({ entity: ['validFrom'], link: ['id'] }).read(S.expandStart, { ids: ['firm:segusino'], membersOf: null, types: ['SELLS_TO'], dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 100, hops: 1, idCount: 1, maxNodes: 5000 });
    expect(row!.rows.length).toBeGreaterThan(0);
    expect(row!.nodes.length).toBeGreaterThan(0);
    for (const n of [...row!.starts, ...row!.nodes]) expect(Object.keys(n).every((k) => ['id', 'kind', 'name', 'validFrom'].includes(k))).toBe(true);
    const [all] = await service().executor.read(S.expandStart, { ids: ['firm:segusino'], membersOf: null, types: ['SELLS_TO'], dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 100, hops: 1, idCount: 1, maxNodes: 5000 });
    // The relationships' ids beside them, and no other property read: none sent (`__LINK_REST__`).
    expect(row!.rows.every((r) => typeof r.id === 'string' && Object.keys(r.props).length === 0)).toBe(true);
    const [withForm] = await service().executor.forRequest({ entity: [], link: ['form', 'id'] }).read(S.expandStart, { ids: ['cluster:sinos-valley-footwear'], membersOf: 'cluster:sinos-valley-footwear', types: ['COOPERATES_WITH'], dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 1000, hops: 1, idCount: 1, maxNodes: 5000 });
    expect(withForm!.rows.some((r) => typeof r.props.form === 'string')).toBe(true);
    expect(withForm!.rows.every((r) => Object.keys(r.props).every((k) => k === 'form'))).toBe(true);
    expect(Object.keys(all!.starts[0]!)).toContain('sources');
    expect(all!.rows.some((r) => 'source_quote' in r.props)).toBe(true);
  });
});

describe('the network module’s statements', () => {
  it('fail as the project’s errors, with the stack-trace limit the statement was run under restored', async () => {
    const limit = Error.stackTraceLimit;
    // A negative LIMIT: Neo4j refuses the statement once it runs.
    const failing = service().executor.read(S.expandFrontier, { ids: [SUBS], types: ['SUBCONTRACTOR_OF'], dir: 'OUT', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: -1 });
    expect(Error.stackTraceLimit).toBe(limit);
    const err = await failing.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as Error).message).toMatch(/LIMIT/i);
    expect((err as Error).stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('return rows of their declared shapes on the seeded data (the executor checks every row)', async () => {
    const x = service().executor;
    const params = { from: SUBS, toIds: [US_BUYERS], toKinds: [], toTypes: [], types: ['SUBCONTRACTOR_OF', 'SELLS_TO'], via: null, exclude: [], year: null, dir: 'OUT', sym: SYMMETRIC_LINK_TYPES, limit: 10 };
    const [frontier] = await x.read(S.expandFrontier, { ids: [SUBS], types: ['SUBCONTRACTOR_OF'], dir: 'OUT', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 10 });
    expect(frontier!.rows.length).toBeGreaterThan(0);
    expect(frontier!.rows.every((e) => e.source === SUBS && e.type === 'SUBCONTRACTOR_OF' && typeof e.props.source_doc === 'string')).toBe(true);
    // The entities reached, once each: the far ends of those relationships.
    expect(frontier!.nodes.map((n) => n.id).sort()).toEqual([...new Set(frontier!.rows.map((e) => e.target))].sort());
    const [start] = await x.read(S.expandStart, { ids: ['cluster:sinos-valley-footwear', 'cluster:nowhere'], membersOf: 'cluster:sinos-valley-footwear', types: ['COOPERATES_WITH'], dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 1000, hops: 1, idCount: 2, maxNodes: 5000 });
    expect(start!.starts.map((n) => n.id)).toEqual(['cluster:sinos-valley-footwear']);
    expect(start!.members.length).toBeGreaterThan(0);
    // The members in no order (the expansion sorts them by id): each once.
    expect(new Set(start!.members.map((n) => n.id)).size).toBe(start!.members.length);
    const core = new Set([...start!.starts, ...start!.members].map((n) => n.id));
    expect(start!.rows.length).toBeGreaterThan(0);
    expect(start!.rows.every((e) => e.type === 'COOPERATES_WITH' && (core.has(e.source) || core.has(e.target)))).toBe(true);
    for (const [s, variant] of [[S.paths, { maxLength: 3, k: 1 }], [S.allShortestPaths, { maxLength: 3 }], [S.simplePaths, { maxLength: 3 }]] as const) {
      const rows = await x.read(s, params, variant);
      expect(rows.length, s.name).toBeGreaterThan(0);
      expect(rows.every((p) => p.nodeIds[0] === SUBS && p.nodeIds.at(-1) === US_BUYERS && p.rels.length === p.nodeIds.length - 1), s.name).toBe(true);
    }
  });
});
