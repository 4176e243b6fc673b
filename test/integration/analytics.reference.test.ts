import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { gql, startTestService } from '../helpers/db.js';
import { randomDigraph } from '../helpers/random.js';

/**
 * The service's measures against the reference implementations on this machine — R's sna (Debian
 * r-cran-sna) and networkx (Debian python3-networkx) — on a random digraph of 250 actors and 1,000 arcs,
 * stored in the real Neo4j and measured through GraphQL.
 */
const PREFIX = 'firm:test-ref-';
const g = randomDigraph({ n: 250, m: 1000, groups: ['solo', 'pair', 'A', 'B', 'C'], seed: 2026, prefix: PREFIX });
const index = new Map(g.nodes.map((n, i) => [n, i]));
let service: Service;

beforeAll(async () => {
  service = await startTestService({ MAX_QUERY_COST: '1000000' });
  await service.executor.runText(`UNWIND $rows AS r CREATE (n:Entity:Firm {id: r.id, kind: 'Firm', name: r.id, grp: r.grp})`, { rows: g.nodes.map((id, i) => ({ id, grp: g.group[i] })) });
  await service.executor.runText(`UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:SUPPLIES {id: 'link:test-ref-' + a[0] + '-' + a[1]}]->(t)`, { arcs: g.arcs });
}, 120_000);

afterAll(async () => {
  await service?.executor.runText(`MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: PREFIX });
  await service?.stop();
});

const scope = { ids: g.nodes, kinds: ['FIRM'], types: ['SUPPLIES'] };

/**
 * Runs a reference program and returns its output. Asynchronous on purpose: the service under test runs in
 * this process, and blocking its event loop for seconds (execFileSync) let its keep-alive timer close the
 * connection the next request was already reusing (ECONNRESET).
 */
function reference(cmd: string, args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin?.end(input);
  });
}
const chunks = [g.nodes.slice(0, 125), g.nodes.slice(125)];

function close(actual: number | null, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('brokerage equals sna::brokerage', () => {
  it('matches raw.nli, exp.nli and z.nli for every actor, and the whole-network figures', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sna-'));
    const file = path.join(dir, 'g.txt');
    writeFileSync(file, [String(g.nodes.length), ...g.group, ...g.arcs.map(([a, b]) => `${index.get(a)! + 1} ${index.get(b)! + 1}`)].join('\n'));
    const ref = JSON.parse(await reference('Rscript', [path.resolve('test/reference/sna_brokerage.R'), file])) as {
      raw: number[][]; exp: number[][]; z: (number | null)[][]; rawG: number[]; expG: number[]; zG: (number | null)[];
    };
    const roles = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'total'] as const;
    type R = Record<(typeof roles)[number], number | null>;
    let seen = 0;
    for (const ids of chunks) {
      const r = await gql<{ brokerage: { actors: number; arcs: number; network: { raw: R; expected: R; z: R }; scores: { actor: { id: string }; raw: R; expected: R; z: R }[] } }>(
        service,
        `query($scope: NetworkScope, $ids: [ID!]) { brokerage(scope: $scope, partition: {by: PROPERTY, property: "grp"}, ids: $ids, first: 200) {
          actors arcs network { raw { ...roles } expected { ...roles } z { ...roles } }
          scores { actor { id } raw { ...roles } expected { ...roles } z { ...roles } } } }
         fragment roles on BrokerageRoles { coordinator itinerant representative gatekeeper liaison total }`,
        { scope, ids },
      );
      expect(r.errors).toBeUndefined();
      const b = r.data!.brokerage;
      expect(b.actors).toBe(250);
      expect(b.arcs).toBe(1000);
      roles.forEach((role, k) => {
        close(b.network.raw[role], ref.rawG[k]!, `raw.gli ${role}`);
        close(b.network.expected[role], ref.expG[k]!, `exp.gli ${role}`);
        close(b.network.z[role], ref.zG[k]!, `z.gli ${role}`);
      });
      for (const s of b.scores) {
        const i = index.get(s.actor.id)!;
        roles.forEach((role, k) => {
          expect(s.raw[role], `${s.actor.id} raw ${role}`).toBe(ref.raw[i]![k]);
          close(s.expected[role], ref.exp[i]![k]!, `${s.actor.id} exp ${role}`);
          close(s.z[role], ref.z[i]![k]!, `${s.actor.id} z ${role}`);
        });
        seen += 1;
      }
    }
    expect(seen).toBe(250);
    // The singleton and the pair groups give undefined z for coordinators, as in sna (NaN there).
    expect(ref.z[0]![0]).toBeNull();
  }, 120_000);
});

describe('structural holes and centrality equal networkx', () => {
  it('matches constraint, effective size, betweenness (directed, undirected), closeness, PageRank, density, reciprocity and components', async () => {
    const ref = JSON.parse(
      await reference('/usr/bin/python3', [path.resolve('test/reference/nx_measures.py')], JSON.stringify({ nodes: g.nodes, arcs: g.arcs, root: null })),
    ) as Record<string, Record<string, number | null>> & { density: number; reciprocity: number; weak: number; strong: number };
    const outDegree = new Map<string, number>();
    for (const [a] of g.arcs) outDegree.set(a, (outDegree.get(a) ?? 0) + 1);
    for (const ids of chunks) {
      const r = await gql<{
        structuralHoles: { actor: { id: string }; constraint: number | null; effectiveSize: number | null }[];
        centrality: { actor: { id: string }; betweenness: number; betweennessUndirected: number; closeness: number; pagerank: number }[];
      }>(
        service,
        `query($scope: NetworkScope, $ids: [ID!]) {
          structuralHoles(scope: $scope, ids: $ids, first: 200) { actor { id } constraint effectiveSize }
          centrality(scope: $scope, ids: $ids, first: 200) { actor { id } betweenness betweennessUndirected closeness pagerank } }`,
        { scope, ids },
      );
      expect(r.errors).toBeUndefined();
      for (const s of r.data!.structuralHoles) {
        // networkx reports NaN for actors without out-neighbours (it tests successors only); compare where defined.
        if ((outDegree.get(s.actor.id) ?? 0) === 0) continue;
        close(s.constraint, ref.constraint![s.actor.id]!, `${s.actor.id} constraint`);
        close(s.effectiveSize, ref.effective_size![s.actor.id]!, `${s.actor.id} effective size`);
      }
      expect(r.data!.centrality).toHaveLength(ids.length);
      for (const c of r.data!.centrality) {
        close(c.betweenness, ref.betweenness![c.actor.id]!, `${c.actor.id} betweenness`);
        close(c.betweennessUndirected, ref.betweenness_undirected![c.actor.id]!, `${c.actor.id} undirected betweenness`);
        close(c.closeness, ref.closeness![c.actor.id]!, `${c.actor.id} closeness`);
        expect(Math.abs(c.pagerank - ref.pagerank![c.actor.id]!), `${c.actor.id} pagerank`).toBeLessThan(1e-6);
      }
    }
    const cm = await gql<{ communities: { density: number; reciprocity: number; weakComponents: number; strongComponents: number } }>(
      service,
      `query($scope: NetworkScope) { communities(scope: $scope) { density reciprocity weakComponents strongComponents } }`,
      { scope },
    );
    close(cm.data!.communities.density, ref.density, 'density');
    close(cm.data!.communities.reciprocity, ref.reciprocity, 'reciprocity');
    expect(cm.data!.communities.weakComponents).toBe(ref.weak);
    expect(cm.data!.communities.strongComponents).toBe(ref.strong);
  }, 120_000);

  it('finds the same dominators as networkx.immediate_dominators', async () => {
    const root = g.nodes[3]!;
    const ref = JSON.parse(await reference('/usr/bin/python3', [path.resolve('test/reference/nx_measures.py')], JSON.stringify({ nodes: g.nodes, arcs: g.arcs, root }))) as { idom: Record<string, string> };
    const targets = Object.keys(ref.idom).filter((t) => t !== root).slice(0, 40);
    const r = await gql<{ dependency: { perTarget: { target: { id: string }; mustPassThrough: { id: string }[] }[] } }>(
      service,
      `query($id: ID!, $scope: NetworkScope, $t: [ID!]) { dependency(id: $id, scope: $scope, targets: { ids: $t }) { perTarget { target { id } mustPassThrough { id } } } }`,
      { id: root, scope, t: targets },
    );
    expect(r.errors).toBeUndefined();
    const chain = (t: string) => {
      const out: string[] = [];
      for (let x = ref.idom[t]!; x !== root; x = ref.idom[x]!) out.unshift(x);
      return out;
    };
    expect(r.data!.dependency.perTarget).toHaveLength(targets.length);
    for (const p of r.data!.dependency.perTarget) expect(p.mustPassThrough.map((x) => x.id), p.target.id).toEqual(chain(p.target.id));
  }, 120_000);
});
