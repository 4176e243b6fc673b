import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { gql, startTestService } from '../helpers/db.js';
import { randomDigraph } from '../helpers/random.js';

/**
 * approximateBetweenness through GraphQL on a random digraph stored in the real Neo4j, against networkx
 * (Debian python3-networkx) on the same arcs: exact when every actor is a source, within its stated bound
 * otherwise, and clear refusals of bad arguments and of networks over MAX_APPROXIMATE_NODES.
 */
const PREFIX = 'firm:test-approx-';
const g = randomDigraph({ n: 300, m: 1200, groups: ['x', 'y', 'z'], seed: 77, prefix: PREFIX });
let service: Service;
let small: Service;

beforeAll(async () => {
  service = await startTestService({ MAX_QUERY_COST: '1000000' });
  await service.executor.runText(`UNWIND $ids AS id CREATE (:Entity:Firm {id: id, kind: 'Firm', name: id})`, { ids: g.nodes });
  await service.executor.runText(`UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:SUPPLIES {id: 'link:test-approx-' + a[0] + '-' + a[1]}]->(t)`, { arcs: g.arcs });
}, 120_000);

afterAll(async () => {
  await service?.executor.runText(`MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: PREFIX });
  await service?.stop();
  await small?.stop();
});

const scope = { ids: g.nodes, kinds: ['FIRM'], types: ['SUPPLIES'] };

function networkx(): Promise<{ directed: Record<string, number>; undirected: Record<string, number> }> {
  const script = `import json, sys, networkx as nx
d = json.load(sys.stdin); G = nx.DiGraph(); G.add_nodes_from(d["nodes"]); G.add_edges_from(d["arcs"])
print(json.dumps({"directed": nx.betweenness_centrality(G), "undirected": nx.betweenness_centrality(G.to_undirected())}))`;
  return new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/python3', ['-c', script], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, out) => (err ? reject(err) : resolve(JSON.parse(out))));
    child.stdin?.end(JSON.stringify({ nodes: g.nodes, arcs: g.arcs }));
  });
}

type Answer = { actors: number; arcs: number; samples: number; errorBound: number; exact: boolean; scores: { actor: { id: string }; betweenness: number }[] };
const QUERY = `query($scope: NetworkScope, $directed: Boolean, $epsilon: Float, $samples: Int, $seed: Int) {
  approximateBetweenness(scope: $scope, directed: $directed, epsilon: $epsilon, samples: $samples, seed: $seed, first: 200) {
    actors arcs samples errorBound exact scores { actor { id } betweenness } } }`;

async function ask(vars: Record<string, unknown>): Promise<Answer[]> {
  // Two pages of ids (first ≤ 200) cover all 300 actors.
  const pages: Answer[] = [];
  for (const ids of [g.nodes.slice(0, 150), g.nodes.slice(150)]) {
    const r = await gql<{ approximateBetweenness: Answer }>(service, QUERY.replace('first: 200', 'ids: $ids, first: 200').replace('$seed: Int)', '$seed: Int, $ids: [ID!])'), { scope, ids, ...vars });
    expect(r.errors).toBeUndefined();
    pages.push(r.data!.approximateBetweenness);
  }
  return pages;
}

describe('approximateBetweenness', () => {
  it('equals networkx exactly when every actor is a source, directed and undirected', async () => {
    const ref = await networkx();
    for (const directed of [true, false]) {
      const pages = await ask({ directed, samples: 300 });
      expect(pages[0]!.actors).toBe(300);
      expect(pages[0]!.arcs).toBe(1200);
      expect(pages[0]!.exact).toBe(true);
      expect(pages[0]!.errorBound).toBe(0);
      const scores = pages.flatMap((p) => p.scores);
      expect(scores).toHaveLength(300);
      const want = directed ? ref.directed : ref.undirected;
      for (const s of scores) expect(Math.abs(s.betweenness - want[s.actor.id]!), s.actor.id).toBeLessThan(1e-9);
    }
  }, 120_000);

  it('stays within the bound it states for a sample, and answers the same for the same seed', async () => {
    const ref = await networkx();
    const pages = await ask({ directed: true, samples: 120, seed: 5 });
    expect(pages[0]!.exact).toBe(false);
    expect(pages[0]!.samples).toBe(120);
    // √(ln(2n/δ)/(2k)) · n/(n−1) with n = 300, δ = 0.05, k = 120 (the derivation in domain/betweennessSample.ts).
    expect(pages[0]!.errorBound).toBeCloseTo(Math.sqrt(Math.log(600 / 0.05) / 240) * (300 / 299), 12);
    const worst = Math.max(...pages.flatMap((p) => p.scores).map((s) => Math.abs(s.betweenness - ref.directed[s.actor.id]!)));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(pages[0]!.errorBound);
    expect(await ask({ directed: true, samples: 120, seed: 5 })).toEqual(pages);
  }, 120_000);

  it('refuses epsilon and samples together, neither, or out of range, naming the argument', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ epsilon: 0.1, samples: 10 }, /either epsilon .* or samples/],
      [{}, /either epsilon .* or samples/],
      [{ epsilon: 1.5 }, /epsilon must be between 0 and 1/],
      [{ samples: 0 }, /samples must be a whole number ≥ 1/],
    ];
    for (const [vars, message] of cases) {
      const r = await gql(service, QUERY, { scope, ...vars });
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a network over MAX_APPROXIMATE_NODES, saying which setting to raise', async () => {
    small = await startTestService({ MAX_QUERY_COST: '1000000', MAX_APPROXIMATE_NODES: '100' });
    const r = await gql(small, QUERY, { scope, epsilon: 0.1 });
    expect(r.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/actors in the analysed network is 300, over the maximum of 100.*MAX_APPROXIMATE_NODES/);
  }, 120_000);
});
