import { describe, expect, it } from 'vitest';
import { adminHeaders, editorHeaders, gql, serviceForFile, testId } from '../helpers/db.js';

/** Every query family of the API against the seeded database, with answers from the source documents. */
const service = serviceForFile({ MAX_QUERY_COST: '20000' });

describe('lists and search', () => {
  it('filters, sorts by an allow-listed key and pages with cursors and a total', async () => {
    const q = `query($after: String) { clusters(filter: { sectorGroup: NATURAL_RESOURCE, country: "place:brazil" }, sort: CE, descending: true, first: 3, after: $after) {
      totalCount nodes { id cluster { printed { ce } } } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await gql<{ clusters: { totalCount: number; nodes: { id: string; cluster: { printed: { ce: number } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(service(), q);
    expect(p1.errors).toBeUndefined();
    const c = p1.data!.clusters;
    expect(c.totalCount).toBeGreaterThanOrEqual(6);
    // Table 7: Petrolina-Juazeiro fruit and Santa Catarina apples 10.5, then Serra Gaúcha wine and RN melons 8.
    expect(c.nodes.map((n) => n.cluster.printed?.ce)).toEqual([10.5, 10.5, 8]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    const p2 = await gql<typeof p1.data>(service(), q, { after: c.pageInfo.endCursor });
    const ids2 = p2.data!.clusters.nodes.map((n) => n.id);
    expect(ids2).toHaveLength(3);
    expect(ids2.some((id) => c.nodes.some((n) => n.id === id))).toBe(false);
  });

  it('finds "Espírito Santo" from "Espirito Santo" and "León" from "Leon", ranked, with each hit’s kind', async () => {
    const r = await gql<{ a: { kind: string; entity: { id: string } }[]; b: { kind: string; entity: { id: string } }[] }>(
      service(),
      '{ a: search(text: "Espirito Santo metalworking") { kind entity { id } } b: search(text: "Leon footwear", kinds: [CLUSTER]) { kind entity { id } } }',
    );
    expect(r.data!.a[0]).toEqual({ kind: 'CLUSTER', entity: { id: 'cluster:espirito-santo-metalworking' } });
    expect(r.data!.b.map((h) => h.entity.id)).toContain('cluster:leon-footwear');
    expect(r.data!.b.every((h) => h.kind === 'CLUSTER')).toBe(true);
  });
});

describe('search and places, as a reader types them', () => {
  it('ignores stop words and possessives that the index drops ("Segusino\'s network of subcontractors")', async () => {
    const r = await gql<{ search: { entity: { id: string } }[] }>(service(), '{ search(text: "Segusino\'s network of subcontractors") { entity { id } } }');
    expect(r.data!.search.map((h) => h.entity.id)).toContain('firm:chipilo-subcontractors');
  });

  it('lists each place of an entity once, nearest first', async () => {
    const r = await gql<{ entity: { places: { id: string }[] } }>(service(), '{ entity(id: "institution:cdmec") { places { id } } }');
    const ids = r.data!.entity.places.map((p) => p.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids.at(-1)).toBe('place:brazil');
  });
});

describe('neighbourhoods and paths', () => {
  it('returns a neighbourhood as nodes and edges with provenance, honouring types and direction', async () => {
    const r = await gql<{ neighbourhood: { nodes: { id: string }[]; edges: { type: string; source: string; target: string; provenance: { doc: string; quote: string } }[]; truncated: boolean } }>(
      service(),
      '{ neighbourhood(ids: ["firm:segusino"], hops: 1, types: [SUBCONTRACTOR_OF], direction: IN) { nodes { id } edges { type source target provenance { doc quote } } truncated } }',
    );
    const n = r.data!.neighbourhood;
    expect(n.truncated).toBe(false);
    expect(n.nodes.map((x) => x.id)).toContain('firm:chipilo-subcontractors');
    expect(n.edges.every((e) => e.type === 'SUBCONTRACTOR_OF' && e.target === 'firm:segusino' && e.provenance.quote.length > 5)).toBe(true);
  });

  it('says when a limit truncated the neighbourhood', async () => {
    const r = await gql<{ neighbourhood: { nodes: unknown[]; truncated: boolean; truncatedBy: string } }>(service(), '{ neighbourhood(ids: ["institution:cdmec"], hops: 2, maxNodes: 5) { nodes { id } truncated truncatedBy } }');
    expect(r.data!.neighbourhood.nodes).toHaveLength(5);
    expect(r.data!.neighbourhood).toMatchObject({ truncated: true, truncatedBy: 'MAX_SUBGRAPH_NODES (5)' });
  });

  it('shows the paths from Chipilo’s subcontractors to US buyers running through Segusino', async () => {
    const r = await gql<{ paths: { count: number; paths: { length: number; nodes: { id: string }[]; edges: { type: string; provenance: { doc: string } }[] }[] } }>(
      service(),
      '{ paths(from: "firm:chipilo-subcontractors", to: { ids: ["buyer:chipilo-us-buyers"] }, mode: ALL_SIMPLE, maxLength: 4, direction: OUT) { count paths { length nodes { id } edges { type provenance { doc } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const paths = r.data!.paths.paths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.nodes[0]!.id === 'firm:chipilo-subcontractors' && p.nodes.at(-1)!.id === 'buyer:chipilo-us-buyers')).toBe(true);
    expect(paths.every((p) => p.nodes.some((n) => n.id === 'firm:segusino'))).toBe(true);
    // Equally short routes come in no promised order: the subcontracting route is among them.
    expect(paths.filter((p) => p.length === paths[0]!.length).map((p) => p.edges.map((e) => e.type))).toContainEqual(['SUBCONTRACTOR_OF', 'SELLS_TO']);
    // Parallel relationships (the same tie stated by several sources) do not repeat a route.
    const routes = paths.map((p) => `${p.nodes.map((n) => n.id).join('>')}|${p.edges.map((e) => e.type).join('>')}`);
    expect(routes).toEqual([...new Set(routes)]);
  });

  it('crosses symmetric ties (joint ventures, cooperation) either way when the direction is OUT', async () => {
    // Segusino's joint ventures with US retailers are stored in one direction only (Segusino → partners).
    const r = await gql<{ out: { count: number }; back: { count: number } }>(
      service(),
      `{ out: paths(from: "buyer:segusino-us-retail-partners", to: { ids: ["firm:segusino"] }, types: [JOINT_VENTURE], direction: OUT, maxLength: 1) { count }
         back: paths(from: "buyer:segusino-us-retail-partners", to: { ids: ["firm:segusino"] }, types: [SELLS_TO], direction: OUT, maxLength: 1) { count } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.out.count).toBe(1);
    expect(r.data!.back.count).toBe(0); // SELLS_TO runs Segusino → buyers, not back
  });

  it('finds the k shortest, all shortest and weighted paths, and none once Segusino is excluded', async () => {
    const base = 'from: "firm:chipilo-subcontractors", to: { kinds: [BUYER], types: ["global_buyer", "importer", "retailer"] }, maxLength: 3, direction: OUT';
    const r = await gql<{ k: { paths: { length: number }[] }; all: { paths: { length: number }[] }; w: { paths: { weight: number }[] }; none: { count: number } }>(
      service(),
      `{ k: paths(${base}, mode: K_SHORTEST, k: 2) { paths { length } }
         all: paths(${base}, mode: ALL_SHORTEST) { paths { length } }
         w: paths(from: "firm:chipilo-subcontractors", to: { ids: ["buyer:chipilo-us-buyers"] }, maxLength: 3, direction: OUT, mode: WEIGHTED, k: 1, weights: [{ type: SELLS_TO, weight: 2.5 }]) { paths { weight } }
         none: paths(${base}, mode: SHORTEST, exclude: ["firm:segusino", "firm:chipilo-other-leading-firms"]) { count } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.k.paths.length).toBeGreaterThan(0);
    expect(r.data!.all.paths.every((p) => p.length === r.data!.all.paths[0]!.length)).toBe(true);
    expect(r.data!.w.paths[0]!.weight).toBe(3.5); // SUBCONTRACTOR_OF (1) + SELLS_TO (2.5)
    expect(r.data!.none.count).toBe(0);
  });
});

describe('value chains, governance, joint action, timelines', () => {
  it('traces the Sinos Valley chain downstream: export agents in tier 1, US buyers in tier 2, with governance', async () => {
    const r = await gql<{ traceValueChain: { tiers: { tier: number; nodes: { id: string }[] }[]; edges: { tier: number; edge: { source: string; target: string }; governanceHS: string[] }[] } }>(
      service(),
      '{ traceValueChain(id: "cluster:sinos-valley-footwear", direction: DOWNSTREAM, tiers: 3) { tiers { tier nodes { id } } edges { tier edge { source target } governanceHS } } }',
    );
    expect(r.errors).toBeUndefined();
    const tier = (n: number) => r.data!.traceValueChain.tiers.find((t) => t.tier === n)?.nodes.map((x) => x.id) ?? [];
    expect(tier(1)).toContain('buyer:sinos-valley-export-agents');
    expect(tier(2)).toContain('buyer:sinos-valley-us-buyers');
    const toUs = r.data!.traceValueChain.edges.find((e) => e.edge.target === 'buyer:sinos-valley-us-buyers');
    expect(toUs?.governanceHS).toContain('QUASI_HIERARCHY');
  });

  it('maps the two governance typologies and the GHS determinants', async () => {
    const r = await gql<{ governanceTypologies: { humphreySchmitz: string; gereffiHumphreySturgeon: string[] }[]; ghsDeterminants: unknown[] }>(
      service(),
      '{ governanceTypologies { humphreySchmitz gereffiHumphreySturgeon } ghsDeterminants { governance complexity codifiability supplierCapability } }',
    );
    expect(r.data!.governanceTypologies).toContainEqual({ humphreySchmitz: 'QUASI_HIERARCHY', gereffiHumphreySturgeon: ['CAPTIVE'] });
    expect(r.data!.ghsDeterminants).toContainEqual({ governance: 'CAPTIVE', complexity: 'high', codifiability: 'high', supplierCapability: 'low' });
  });

  it('gives a cluster’s joint-action network by form, its density and its scores', async () => {
    const r = await gql<{ jointAction: { byForm: { form: string; count: number }[]; density: number; actors: number; scores: { printed: { ce: number } } } }>(
      service(),
      '{ jointAction(clusterId: "cluster:espirito-santo-metalworking") { byForm { form count } density actors scores { printed { ce } } } }',
    );
    const j = r.data!.jointAction;
    expect(j.scores.printed.ce).toBe(8.5);
    expect(j.byForm.reduce((s, f) => s + f.count, 0)).toBeGreaterThan(0);
    expect(j.density).toBeGreaterThan(0);
    expect(j.density).toBeLessThanOrEqual(1);
  });

  it('lists Chipilo’s events and upgrading in time order, the 2003 bankruptcy after the 1987 founding', async () => {
    const r = await gql<{ timeline: { year: number | null; item: { id: string } }[] }>(service(), '{ timeline(id: "cluster:chipilo-furniture") { year item { id } } }');
    const ids = r.data!.timeline.map((t) => t.item.id);
    expect(ids.indexOf('event:segusino-bankruptcy-2003')).toBeGreaterThan(ids.indexOf('event:segusino-founding-1987'));
    const years = r.data!.timeline.map((t) => t.year).filter((y): y is number => y !== null);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});

describe('costs and limits', () => {
  it('costs a bounded number of database round trips however many rows are nested', async () => {
    const q = (n: number) => `{ clusters(first: ${n}) { nodes { name sources { doc } links(first: 5) { type other { name places { name } } } chains { chain { name } } } } }`;
    const small = await gql(service(), q(3));
    const large = await gql(service(), q(30));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.extensions!.dbQueries).toBe(small.extensions!.dbQueries);
    expect(large.extensions!.dbQueries).toBeLessThanOrEqual(12);
  });

  it('reads an entity with its links in one round trip, and with members and places answers as the loaders do', async () => {
    type E = { id: string; name: string; links: { type: string; direction: string; other: { id: string; name: string } }[]; members: { id: string }[]; places: { id: string }[] };
    const fields = 'id name links(first: 200) { type direction other { id name } } members { id } places { id }';
    for (const id of ['cluster:sinos-valley-footwear', 'firm:segusino']) {
      const direct = await gql<{ entity: E }>(service(), `{ entity(id: "${id}") { ${fields} } }`);
      // The same fields through entitiesByIds: the entity and its links by their own loaders.
      const loaded = await gql<{ entitiesByIds: E[] }>(service(), `{ entitiesByIds(ids: ["${id}"]) { ${fields} } }`);
      expect(direct.errors).toBeUndefined();
      expect(direct.data!.entity.links.length).toBeGreaterThan(0);
      expect(direct.data!.entity).toEqual(loaded.data!.entitiesByIds[0]);
      // Members and places need more than the entity's own links (a cluster's member list, the places'
      // own places): the entity and its links are one round trip of them, not two.
      expect(direct.extensions!.dbQueries).toBeLessThan(loaded.extensions!.dbQueries!);
      const linksOnly = await gql<{ entity: E }>(service(), `{ entity(id: "${id}") { id name links(first: 200) { type direction other { id name } } } }`);
      expect(linksOnly.data!.entity.links).toEqual(direct.data!.entity.links);
      expect(linksOnly.extensions!.dbQueries).toBe(1);
    }
    const missing = await gql<{ entity: E | null }>(service(), `{ entity(id: "firm:no-such-firm") { ${fields} } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.entity).toBeNull();
    expect(missing.extensions!.dbQueries).toBe(1);
  });

  it('refuses a page over MAX_PAGE_SIZE, too many hops and too long paths, naming the limit and its value', async () => {
    const r = await gql(service(), '{ a: clusters(first: 500) { totalCount } }');
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/clusters\(first\): 500 is over the MAX_PAGE_SIZE limit of 200/), extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', max: 200, field: 'first' } });
    const h = await gql(service(), '{ neighbourhood(ids: ["firm:segusino"], hops: 9) { truncated } }');
    expect(h.errors![0]).toMatchObject({ message: 'hops is 9, over the maximum of 4. (MAX_HOPS)', extensions: { code: 'LIMIT_EXCEEDED' } });
    const p = await gql(service(), '{ paths(from: "firm:segusino", to: { kinds: [BUYER] }, maxLength: 12) { count } }');
    expect(p.errors![0]!.message).toBe('maxLength is 12, over the maximum of 6. (MAX_PATH_LENGTH)');
  });

  it('refuses a request deeper than MAX_QUERY_DEPTH or costlier than MAX_QUERY_COST before running it', async () => {
    const deep = await gql(service(), '{ entity(id: "firm:segusino") { links { other { links { other { links { other { links { other { links { other { links { other { id } } } } } } } } } } } } } }');
    expect(deep.errors![0]).toMatchObject({ message: expect.stringMatching(/MAX_QUERY_DEPTH limit of 10 \(found \d+\)/), extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_DEPTH', max: 10 } });
    const costly = await gql(service(), '{ clusters(first: 200) { nodes { links(first: 100) { other { links(first: 100) { type } } } } } }');
    expect(costly.errors![0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_COST', max: 20000 } });
    expect(costly.extensions?.dbQueries ?? 0).toBe(0);
  });
});

describe('bad input and editing', () => {
  it('answers an unknown id with null, a malformed cursor and an unknown enum value with clear errors', async () => {
    const r = await gql(service(), '{ entity(id: "firm:nobody") { id } }');
    expect(r.data).toEqual({ entity: null });
    const c = await gql(service(), '{ clusters(after: "nonsense") { totalCount } }');
    expect(c.errors![0]).toMatchObject({ message: expect.stringMatching(/not a cursor from this API/), extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    const e = await gql(service(), '{ clusters(filter: { sectorGroup: SHOES }) { totalCount } }');
    expect(e.errors!.map((x) => x.message)).toContain('Value "SHOES" does not exist in "SectorGroup" enum.');
    expect(e.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses mutations without the editor token', async () => {
    const r = await gql(service(), 'mutation { deleteEntity(id: "firm:segusino") { deleted } }');
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const still = await gql<{ entity: { id: string } }>(service(), '{ entity(id: "firm:segusino") { id } }');
    expect(still.data!.entity.id).toBe('firm:segusino');
  });

  it('validates each edit (enumerations, provenance, dangling ends) and writes nothing when it fails', async () => {
    const id = testId('firm');
    const mk = (input: Record<string, unknown>) => gql(service(), 'mutation($input: EntityInput!) { createEntity(input: $input) { id } }', { input }, editorHeaders);
    const prov = { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' };
    const badEnum = await mk({ id, kind: 'FIRM', name: 'X', properties: { roles: ['giant'] }, provenance: prov });
    expect(badEnum.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.properties.roles.0' } });
    const badQuote = await mk({ id, kind: 'FIRM', name: 'X', provenance: { ...prov, quote: 'words that are not in that line' } });
    expect(badQuote.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.provenance.quote' } });
    const badSource = await mk({ id, kind: 'FIRM', name: 'X', provenance: { source: 'nosuchsource', quote: 'a note' } });
    expect(badSource.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'provenance.source' } });
    const link = await gql(service(), 'mutation($input: LinkInput!) { createLink(input: $input) { id } }', { input: { type: 'SUPPLIES', from: 'firm:segusino', to: 'firm:nobody-here', provenance: prov } }, editorHeaders);
    expect(link.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.to' } });
    const none = await gql(service(), 'query($id: ID!) { entity(id: $id) { id } }', { id });
    expect(none.data).toEqual({ entity: null });
  });

  it('creates a source, an actor and a link citing it, updates and deletes them, and records each change', async () => {
    const key = `fieldnote-test-${Date.now()}`;
    const src = await gql(service(), 'mutation($i: SourceInput!) { createSource(input: $i) { key year } }', { i: { key, title: 'Interview with a Chipilo workshop owner', type: 'INTERVIEW', date: '2026-03-14' } }, editorHeaders);
    expect(src.data).toEqual({ createSource: { key, year: 2026 } });
    const id = testId('firm');
    const created = await gql<{ createEntity: { id: string } }>(service(), 'mutation($input: EntityInput!) { createEntity(input: $input) { id } }', { input: { id, kind: 'FIRM', name: 'Taller de prueba', properties: { roles: ['sme', 'subcontractor'] }, locatedIn: 'place:chipilo', provenance: { source: key, quote: 'owner says they work for two leading firms' } } }, editorHeaders);
    expect(created.errors).toBeUndefined();
    const link = await gql<{ createLink: { id: string; type: string; from: { id: string }; source: { doc: string } } }>(service(), 'mutation($input: LinkInput!) { createLink(input: $input) { id type from { id } source { doc } } }', { input: { type: 'SUBCONTRACTOR_OF', from: id, to: 'firm:segusino', validFrom: 1999, validUntil: 2002, provenance: { source: key, quote: 'worked for Segusino until 2002' } } }, editorHeaders);
    expect(link.data!.createLink).toMatchObject({ type: 'SUBCONTRACTOR_OF', from: { id }, source: { doc: key } });
    const upd = await gql<{ updateEntity: { name: string; sources: { doc: string }[] } }>(service(), 'mutation($id: ID!, $p: EntityPatch!) { updateEntity(id: $id, patch: $p) { name sources { doc } } }', { id, p: { name: 'Taller Uno', provenance: { source: key, quote: 'correct name given at the second visit' } } }, editorHeaders);
    expect(upd.data!.updateEntity.name).toBe('Taller Uno');
    expect(upd.data!.updateEntity.sources).toHaveLength(2);
    const found = await gql<{ search: { entity: { id: string } }[] }>(service(), '{ search(text: "Taller Uno") { entity { id } } }');
    expect(found.data!.search.map((h) => h.entity.id)).toContain(id);
    expect((await gql(service(), 'mutation($id: ID!) { deleteLink(id: $id) { deleted } }', { id: link.data!.createLink.id }, editorHeaders)).errors).toBeUndefined();
    expect((await gql(service(), 'mutation($id: ID!) { deleteEntity(id: $id) { deleted } }', { id }, editorHeaders)).errors).toBeUndefined();
    const log = await gql<{ changes: { who: string; action: string; target: string }[] }>(service(), '{ changes(first: 10) { who action target } }', {}, adminHeaders);
    const mine = log.data!.changes.filter((c) => c.target === id || c.target === link.data!.createLink.id || c.target === `source:${key}`).map((c) => c.action).sort();
    expect(mine).toEqual(['createEntity', 'createLink', 'createSource', 'deleteEntity', 'deleteLink', 'updateEntity']);
    expect(log.data!.changes.filter((c) => c.target === id).every((c) => c.who === 'test-suite')).toBe(true);
    await service().executor.runText('MATCH (s:Source {key: $key}) DETACH DELETE s', { key });
  });
});
