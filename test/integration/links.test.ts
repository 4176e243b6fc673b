import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, serviceForFile } from '../helpers/db.js';

/**
 * An entity's relationships at national scale: a hub with more relationships than any page. Filters (types,
 * direction, year) and `first` apply in the database before the cap, so what is asked for is found however
 * many other relationships the hub has, and `members` lists every member. The hub is written for this file
 * and removed after it (files run one after another).
 */
const service = serviceForFile();

const HUB = 'cluster:test-links-hub';
const MEMBERS = 700;

beforeAll(async () => {
  await service().executor.runText(
    `CREATE (c:Entity:Cluster {id: $hub, kind: 'Cluster', name: 'Test hub cluster'})
     WITH c
     UNWIND range(0, $n - 1) AS i
     CREATE (f:Entity:Firm {id: 'firm:test-links-member-' + i, kind: 'Firm', name: 'Member ' + right('000' + toString(i), 3)})-[:MEMBER_OF {id: 'link:test-links-member-' + i}]->(c)
     WITH c, count(*) AS made
     CREATE (p:Entity:Institution {id: 'institution:test-links-supporter', kind: 'Institution', name: 'Zz supporter'})-[:SUPPORTS {id: 'link:test-links-support', validFrom: 1990, validUntil: 1999}]->(c)
     CREATE (q:Entity:Institution {id: 'institution:test-links-later', kind: 'Institution', name: 'Zz later supporter'})-[:SUPPORTS {id: 'link:test-links-support-later', validFrom: 2005}]->(c)
     // Two namesakes, written in the reverse of their ids' order, each with two parallel links to the hub.
     CREATE (y:Entity:Institution {id: 'institution:test-links-twin-b', kind: 'Institution', name: 'Zz twin'})
     CREATE (y)-[:RUNS {id: 'link:test-links-twin-b2'}]->(c)
     CREATE (y)-[:RUNS {id: 'link:test-links-twin-b1'}]->(c)
     CREATE (x:Entity:Institution {id: 'institution:test-links-twin-a', kind: 'Institution', name: 'Zz twin'})-[:RUNS {id: 'link:test-links-twin-a1'}]->(c)`,
    { hub: HUB, n: MEMBERS },
    'WRITE',
  );
});

afterAll(async () => {
  await service().executor.runText("MATCH (n:Entity) WHERE n.id = $hub OR n.id STARTS WITH 'firm:test-links-' OR n.id STARTS WITH 'institution:test-links-' DETACH DELETE n", { hub: HUB }, 'WRITE');
});

describe('links of a hub with more relationships than a page', () => {
  type E = { members: { id: string }[]; supporters: { id: string; other: { id: string } }[]; in1995: { id: string }[]; firstTwo: { id: string; type: string }[] };
  const fields = `members { id }
    supporters: links(types: [SUPPORTS], direction: IN) { id other { id } }
    in1995: links(types: [SUPPORTS], year: 1995) { id }
    firstTwo: links(first: 2) { id type }`;

  it('lists every member and finds the relationships of a type that sorts after hundreds of others, by the entity and by the loaders alike', async () => {
    const direct = await gql<{ entity: E }>(service(), `query($id: ID!) { entity(id: $id) { ${fields} } }`, { id: HUB });
    const loaded = await gql<{ entitiesByIds: E[] }>(service(), `query($id: ID!) { entitiesByIds(ids: [$id]) { ${fields} } }`, { id: HUB });
    expect(direct.errors).toBeUndefined();
    expect(loaded.errors).toBeUndefined();
    const e = direct.data!.entity;
    expect(e.members).toHaveLength(MEMBERS);
    expect(new Set(e.members.map((m) => m.id)).size).toBe(MEMBERS);
    expect(e.supporters.map((l) => l.other.id).sort()).toEqual(['institution:test-links-later', 'institution:test-links-supporter']);
    expect(e.in1995.map((l) => l.id)).toEqual(['link:test-links-support']);
    // By type, then the other end's name: MEMBER_OF before SUPPORTS, Member 000 before Member 001.
    expect(e.firstTwo).toEqual([
      { id: 'link:test-links-member-0', type: 'MEMBER_OF' },
      { id: 'link:test-links-member-1', type: 'MEMBER_OF' },
    ]);
    expect(loaded.data!.entitiesByIds[0]).toEqual(e);
    // The entity and the four relationship queries of its selection: one round trip.
    expect(direct.extensions!.dbQueries).toBe(1);
  });

  it('reads the other ends of links with only what Link.other shows, and keeps them from fields that read those entities in full', async () => {
    // The supporter, a link end of the hub, with properties the link's other end does not show.
    await service().executor.runText("MATCH (p:Entity {id: 'institution:test-links-supporter'}) SET p.aliases = ['Zz alias'], p.validFrom = 1987", {}, 'WRITE');
    const q = `query($id: ID!, $end: ID!) {
      entity(id: $id) { aliases validFrom supporters: links(types: [SUPPORTS], direction: IN) { other { id name } } }
      entitiesByIds(ids: [$end]) { id aliases validFrom }
    }`;
    const res = await gql<{ entity: { aliases: string[]; supporters: { other: { id: string; name: string } }[] }; entitiesByIds: { id: string; aliases: string[]; validFrom: number | null }[] }>(service(), q, { id: HUB, end: 'institution:test-links-supporter' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.supporters.map((l) => l.other)).toContainEqual({ id: 'institution:test-links-supporter', name: 'Zz supporter' });
    // Read by id in the same request: in full, not the link end's row (which has no aliases or validFrom).
    expect(res.data!.entitiesByIds).toEqual([{ id: 'institution:test-links-supporter', aliases: ['Zz alias'], validFrom: 1987 }]);
    // A field that reads an entity by id once its own statement is back (a joint action's cluster) finds it
    // in full, though the entity's statement, back first, read it as a link end with its id alone.
    await service().executor.runText('MATCH (c:Entity {id: $hub}) SET c.aliases = [\'Zz hub alias\']', { hub: HUB }, 'WRITE');
    const raced = await gql<{ entity: { links: { other: { id: string } }[] }; jointAction: { cluster: { id: string; aliases: string[] } } }>(
      service(),
      `query($end: ID!, $hub: ID!) { entity(id: $end) { links(types: [SUPPORTS]) { other { id } } } jointAction(clusterId: $hub) { cluster { id aliases } } }`,
      { end: 'institution:test-links-supporter', hub: HUB },
    );
    expect(raced.errors).toBeUndefined();
    expect(raced.data!.entity.links.map((l) => l.other.id)).toEqual([HUB]);
    expect(raced.data!.jointAction.cluster).toEqual({ id: HUB, aliases: ['Zz hub alias'] });
    // And a link end shown with more than the other entities still shows it.
    const more = await gql<{ entity: { links: { other: { id: string; aliases: string[] } }[] } }>(service(), `query($id: ID!) { entity(id: $id) { id links(types: [SUPPORTS], direction: IN) { other { id aliases } } } }`, { id: HUB });
    expect(more.data!.entity.links.map((l) => l.other)).toContainEqual({ id: 'institution:test-links-supporter', aliases: ['Zz alias'] });
  });

  it('reads the relationships each request\'s variables ask for, request after request of one document', async () => {
    const q = `query($id: ID!, $t: [LinkType!], $n: Int) { entity(id: $id) { links(types: $t, first: $n) { type } } }`;
    const types = async (t: string[], n: number) => {
      const res = await gql<{ entity: { links: { type: string }[] } }>(service(), q, { id: HUB, t, n });
      // Read with the entity in its one statement, not after it by the loader.
      expect(res.extensions!.dbQueries).toBe(1);
      return res.data!.entity.links.map((l) => l.type);
    };
    expect(await types(['SUPPORTS'], 10)).toEqual(['SUPPORTS', 'SUPPORTS']);
    expect(await types(['RUNS'], 10)).toEqual(['RUNS', 'RUNS', 'RUNS']);
    expect(await types(['RUNS'], 1)).toEqual(['RUNS']);
    // A literal argument is read once for its document and stays right.
    const fixed = `query($id: ID!) { entity(id: $id) { links(types: [SUPPORTS], first: 1) { type } } }`;
    for (let i = 0; i < 2; i += 1) expect((await gql<{ entity: { links: { type: string }[] } }>(service(), fixed, { id: HUB })).data!.entity.links).toEqual([{ type: 'SUPPORTS' }]);
  });

  it('orders relationships that tie on type and name by the other end\'s id, then their own, on every path to them', async () => {
    const twins = ['link:test-links-twin-a1', 'link:test-links-twin-b1', 'link:test-links-twin-b2'];
    const one = await gql<{ entity: { links: { id: string }[] } }>(service(), `query($id: ID!) { entity(id: $id) { links(types: [RUNS]) { id } } }`, { id: HUB });
    const two = await gql<{ entity: { members: { id: string }[]; links: { id: string }[] } }>(service(), `query($id: ID!) { entity(id: $id) { members { id } links(types: [RUNS]) { id } } }`, { id: HUB });
    const loaded = await gql<{ entitiesByIds: { links: { id: string }[] }[] }>(service(), `query($id: ID!) { entitiesByIds(ids: [$id]) { links(types: [RUNS]) { id } } }`, { id: HUB });
    // One links query (entityWithLinksOf), two (entityWithLinks), and the links loader (linksByIds).
    expect(one.data!.entity.links.map((l) => l.id)).toEqual(twins);
    expect(two.data!.entity.links.map((l) => l.id)).toEqual(twins);
    expect(loaded.data!.entitiesByIds[0]!.links.map((l) => l.id)).toEqual(twins);
  });
});
