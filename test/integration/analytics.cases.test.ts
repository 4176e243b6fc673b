import { describe, expect, it } from 'vitest';
import { gql, serviceForFile } from '../helpers/db.js';

/** The network measures on the cases the source documents describe. */
const service = serviceForFile({ MAX_QUERY_COST: '100000' });

describe('Espírito Santo metalworking (Pietrobelli & Rabellotti 2004, Annex 2)', () => {
  it('shows CDMEC as the leading broker between the SMEs and the anchor customers', async () => {
    const r = await gql<{ brokerage: { scores: { actor: { id: string }; group: string; raw: Record<string, number>; z: Record<string, number | null> }[] } }>(
      service(),
      '{ brokerage(scope: { clusterId: "cluster:espirito-santo-metalworking" }, partition: { by: KIND }, first: 3) { scores { actor { id } group raw { itinerant total } z { total } } } }',
    );
    expect(r.errors).toBeUndefined();
    const top = r.data!.brokerage.scores[0]!;
    expect(top.actor.id).toBe('institution:cdmec');
    expect(top.group).toBe('Institution');
    // An institution between firms: the itinerant (consultant) role, far above chance.
    expect(top.raw.itinerant).toBeGreaterThan(0);
    expect(top.z.total).toBeGreaterThan(2);
  });
});

describe('Chipilo furniture: the what-if of Segusino’s bankruptcy (January 2003)', () => {
  it('lists the subcontractors that lose their only route to US buyers when Segusino is removed', async () => {
    const r = await gql<{ whatIf: { affected: { actor: { id: string }; lost: { id: string }[]; cutOff: boolean }[]; brokerageChanges: { actor: { id: string }; before: number; after: number }[] } }>(
      service(),
      '{ whatIf(remove: ["firm:segusino"], targets: { ids: ["buyer:chipilo-us-buyers"] }) { affected { actor { id } lost { id } cutOff } brokerageChanges { actor { id } before after } } }',
    );
    expect(r.errors).toBeUndefined();
    const cut = r.data!.whatIf.affected.filter((a) => a.cutOff).map((a) => a.actor.id);
    expect(cut).toContain('firm:chipilo-subcontractors');
    expect(r.data!.whatIf.affected.find((a) => a.actor.id === 'firm:chipilo-subcontractors')!.lost.map((b) => b.id)).toEqual(['buyer:chipilo-us-buyers']);
    expect(r.data!.whatIf.brokerageChanges.every((c) => c.after !== c.before)).toBe(true);
  });

  it('names Segusino as the single point of failure of the subcontractors’ access to US buyers', async () => {
    const r = await gql<{ dependency: { reachableTargets: { id: string }[]; mustPassThrough: { id: string }[] } }>(
      service(),
      '{ dependency(id: "firm:chipilo-subcontractors", targets: { ids: ["buyer:chipilo-us-buyers"] }) { reachableTargets { id } mustPassThrough { id } } }',
    );
    expect(r.data!.dependency).toEqual({ reachableTargets: [{ id: 'buyer:chipilo-us-buyers' }], mustPassThrough: [{ id: 'firm:segusino' }] });
  });
});

describe('other measures on the seed data', () => {
  it('reports institutions that link firms of different clusters (two-mode brokerage)', async () => {
    const r = await gql<{ twoModeBrokerage: { institution: { id: string; kind: string }; clusters: { id: string }[]; crossClusterPairs: number }[] }>(
      service(),
      '{ twoModeBrokerage(first: 10) { institution { id kind } clusters { id } crossClusterPairs } }',
    );
    expect(r.errors).toBeUndefined();
    for (const b of r.data!.twoModeBrokerage) {
      expect(b.institution.kind).toBe('INSTITUTION');
      expect(b.clusters.length).toBeGreaterThanOrEqual(2);
      expect(b.crossClusterPairs).toBeGreaterThan(0);
    }
  });

  it('partitions by cluster, country and chain position, and scopes by year', async () => {
    for (const by of ['CLUSTER', 'COUNTRY', 'CHAIN_POSITION']) {
      const r = await gql<{ brokerage: { actors: number; groups: { group: string; size: number }[] } }>(service(), `{ brokerage(partition: { by: ${by} }, first: 1) { actors groups { group size } } }`);
      expect(r.errors, by).toBeUndefined();
      expect(r.data!.brokerage.groups.reduce((s, g) => s + g.size, 0)).toBe(r.data!.brokerage.actors);
    }
    const y = await gql<{ a: { arcs: number }; b: { arcs: number } }>(service(), '{ a: brokerage(partition: { by: KIND }, first: 0) { arcs } b: brokerage(scope: { year: 1980 }, partition: { by: KIND }, first: 0) { arcs } }');
    expect(y.data!.b.arcs).toBeLessThan(y.data!.a.arcs);
  });

  it('refuses a partition property that is not a plain property name', async () => {
    const r = await gql(service(), '{ brokerage(partition: { by: PROPERTY, property: "x) DETACH DELETE n //" }) { actors } }');
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'partition.property' } });
  });
});
