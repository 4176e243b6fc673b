import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../server/src/domain/enums.js';
import { AnalysisCancelledError, LimitError } from '../../server/src/errors.js';
import type { ServiceDeps } from '../../server/src/modules/context.js';
import { brokerage } from '../../server/src/modules/analytics/brokerage.js';
import { project, projectCompact, scopeParams, type NetworkScope } from '../../server/src/modules/analytics/projection.js';
import { createLoaders } from '../../server/src/modules/entities/loaders.js';
import { gql, serviceForFile, testConfig } from '../helpers/db.js';
import { rng } from '../helpers/random.js';

/**
 * Brokerage at scale, checked against its references on the real Neo4j: the typed-array projection gives
 * the same actors and arcs as `project()` for every kind of scope; the service's brokerage equals R's
 * sna::brokerage (Debian r-cran-sna) on the seed data under every partition and on a random digraph with
 * reciprocal arcs, symmetric ties, isolated actors and a group of one; a cancelled count stops.
 */
const service = serviceForFile({ MAX_QUERY_COST: '10000000', MAX_PAGE_SIZE: '5000' });
const deps = (): ServiceDeps => ({ executor: service().executor, limits: testConfig().limits, loaders: createLoaders(service().executor) });

const ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'total'] as const;
type Roles = Record<(typeof ROLES)[number], number | null>;
interface Sna { raw: number[][]; exp: number[][]; z: (number | null)[][]; rawG: number[]; expG: number[]; zG: (number | null)[] }

/** sna::brokerage(el, cl) on actors 0 … n − 1 (test/reference/sna_brokerage.R). Asynchronous: the service runs in this process. */
async function sna(groups: string[], arcs: [number, number][]): Promise<Sna> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sna-')), 'g.txt');
  writeFileSync(file, [String(groups.length), ...groups, ...arcs.map(([a, b]) => `${a + 1} ${b + 1}`)].join('\n'));
  const out = await new Promise<string>((resolve, reject) =>
    execFile('Rscript', [path.resolve('test/reference/sna_brokerage.R'), file], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
  );
  return JSON.parse(out) as Sna;
}

function close(actual: number | null, expected: number | null, label: string): void {
  if (expected === null) return void expect(actual, label).toBeNull();
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const QUERY = `query($scope: NetworkScope, $partition: Partition!) { brokerage(scope: $scope, partition: $partition, first: 5000) {
  actors arcs network { raw { ...roles } expected { ...roles } z { ...roles } }
  scores { actor { id } group raw { ...roles } expected { ...roles } z { ...roles } } } }
  fragment roles on BrokerageRoles { coordinator itinerant representative gatekeeper liaison total }`;
interface Answer { actors: number; arcs: number; network: { raw: Roles; expected: Roles; z: Roles }; scores: { actor: { id: string }; group: string; raw: Roles; expected: Roles; z: Roles }[] }

/** Compares a brokerage answer (every actor listed) with sna on the same arcs, actors in `nodes` order. */
function matches(b: Answer, ref: Sna, nodes: string[]): void {
  const index = new Map(nodes.map((n, i) => [n, i]));
  expect(b.scores).toHaveLength(nodes.length);
  ROLES.forEach((role, k) => {
    close(b.network.raw[role], ref.rawG[k]!, `raw.gli ${role}`);
    close(b.network.expected[role], ref.expG[k]!, `exp.gli ${role}`);
    close(b.network.z[role], ref.zG[k]!, `z.gli ${role}`);
  });
  for (const s of b.scores) {
    const i = index.get(s.actor.id)!;
    ROLES.forEach((role, k) => {
      expect(s.raw[role], `${s.actor.id} raw ${role}`).toBe(ref.raw[i]![k]);
      close(s.expected[role], ref.exp[i]![k]!, `${s.actor.id} exp ${role}`);
      close(s.z[role], ref.z[i]![k]!, `${s.actor.id} z ${role}`);
    });
  }
}

describe('projectCompact', () => {
  const scopes: [string, NetworkScope][] = [
    ['the default scope', {}],
    ['a year', { year: 1995 }],
    ['a cluster', { clusterId: 'cluster:espirito-santo-metalworking' }],
    ['some kinds and one symmetric type', { kinds: ['Firm', 'Institution'], types: ['COOPERATES_WITH', 'SUPPLIES'] }],
    ['ids with exclusions', { ids: ['firm:segusino', 'buyer:chipilo-us-buyers', 'institution:cdmec', 'firm:unknown'], exclude: ['institution:cdmec'] }],
  ];
  for (const [name, scope] of scopes) {
    it(`loads the same actors, kinds and arcs as project() for ${name}`, async () => {
      const p = await scopeParams(deps(), scope);
      const [full, compact] = await Promise.all([project({ ...deps(), limits: { ...deps().limits, analysisNodes: 1e6 } }, p), projectCompact(deps(), p)]);
      expect(compact.nodes).toEqual(full.nodes);
      expect(compact.nodes.map((_, i) => NODE_KINDS[compact.kinds[i]!])).toEqual(full.nodes.map((id) => full.kinds.get(id)));
      const arcs = Array.from(compact.src, (a, k) => `${compact.nodes[a]} ${compact.nodes[compact.dst[k]!]}`);
      expect(arcs.sort()).toEqual(full.arcs.map(([a, b]) => `${a} ${b}`).sort());
      // Sorted by source, then target (what CSR builders rely on).
      for (let k = 1; k < compact.src.length; k += 1) expect(compact.src[k - 1]! < compact.src[k]! || (compact.src[k - 1] === compact.src[k] && compact.dst[k - 1]! < compact.dst[k]!)).toBe(true);
    });
  }

  it('refuses a scope over MAX_BROKERAGE_NODES, saying which limit to raise', async () => {
    const p = await scopeParams(deps(), {});
    await expect(projectCompact({ ...deps(), limits: { ...deps().limits, brokerageNodes: 10 } }, p)).rejects.toThrow(LimitError);
    await expect(projectCompact({ ...deps(), limits: { ...deps().limits, brokerageNodes: 10 } }, p)).rejects.toThrow(/MAX_BROKERAGE_NODES/);
  });
});

describe('brokerage on the seed data equals sna::brokerage', () => {
  for (const by of ['KIND', 'CLUSTER', 'COUNTRY', 'CHAIN_POSITION', 'PROPERTY'] as const) {
    it(`under a ${by} partition, for every actor and the whole network`, async () => {
      const partition = by === 'PROPERTY' ? { by, property: 'institutionType' } : { by };
      const r = await gql<{ brokerage: Answer }>(service(), QUERY, { partition });
      expect(r.errors).toBeUndefined();
      const b = r.data!.brokerage;
      // The reference gets the arcs from project() (the scopeArcs statement), and each actor's group as the answer names it.
      const full = await project({ ...deps(), limits: { ...deps().limits, analysisNodes: 1e6 } }, await scopeParams(deps(), {}));
      const index = new Map(full.nodes.map((n, i) => [n, i]));
      const group = new Map(b.scores.map((s) => [s.actor.id, s.group]));
      expect(b.actors).toBe(full.nodes.length);
      expect(b.arcs).toBe(full.arcs.length);
      expect(new Set(group.values()).size).toBeGreaterThan(1);
      matches(b, await sna(full.nodes.map((n) => group.get(n)!), full.arcs.map(([x, y]) => [index.get(x)!, index.get(y)!])), full.nodes);
    }, 120_000);
  }
});

describe('brokerage on a random digraph equals sna::brokerage', () => {
  /**
   * 300 actors: Firms and Buyers, the first alone in its group; actors 200–299 isolated. 900 SUPPLIES arcs
   * among actors 0–199, a third of them with the reverse arc too, and 150 COOPERATES_WITH ties (symmetric:
   * both ways for sna). Property grp: 5 groups plus the solo one; property tier: missing for a third.
   */
  const PREFIX = 'firm:test-brk-';
  const r = rng(4242);
  const n = 300;
  const nodes = Array.from({ length: n }, (_, i) => `${PREFIX}${String(i).padStart(3, '0')}`);
  const kind = nodes.map((_, i) => (i % 7 === 3 ? 'Buyer' : 'Firm'));
  const grp = nodes.map((_, i) => (i === 0 ? 'solo' : `g${Math.floor(r() * 5)}`));
  const tier = nodes.map(() => (r() < 0.33 ? null : `t${Math.floor(r() * 3)}`));
  const supplies: [number, number][] = [];
  const cooperates: [number, number][] = [];
  const seen = new Set<string>();
  while (supplies.length < 900) {
    const a = Math.floor(r() * 200);
    const b = Math.floor(r() * 200);
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    supplies.push([a, b]);
    if (r() < 0.33 && !seen.has(`${b},${a}`)) {
      seen.add(`${b},${a}`);
      supplies.push([b, a]);
    }
  }
  while (cooperates.length < 150) {
    const a = Math.floor(r() * 200);
    const b = Math.floor(r() * 200);
    if (a !== b) cooperates.push([a, b]);
  }
  // sna's edge list: each ordered pair once (a symmetric tie both ways, parallel ties merged).
  const pairs = new Set<string>();
  for (const [a, b] of supplies) pairs.add(`${a} ${b}`);
  for (const [a, b] of cooperates) pairs.add(`${a} ${b}`).add(`${b} ${a}`);
  const arcs = [...pairs].map((p) => p.split(' ').map(Number) as [number, number]);
  const scope = { ids: nodes, kinds: ['FIRM', 'BUYER'], types: ['SUPPLIES', 'COOPERATES_WITH'] };

  beforeAll(async () => {
    const ex = service().executor;
    await ex.runText(`UNWIND $rows AS r CREATE (n:Entity:$(r.kind) {id: r.id, kind: r.kind, name: r.id, grp: r.grp, tier: r.tier})`, {
      rows: nodes.map((id, i) => ({ id, kind: kind[i], grp: grp[i], tier: tier[i] })),
    });
    await ex.runText(`UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:SUPPLIES]->(t)`, { arcs: supplies.map(([a, b]) => [nodes[a], nodes[b]]) });
    await ex.runText(`UNWIND $arcs AS a MATCH (s:Entity {id: a[0]}) MATCH (t:Entity {id: a[1]}) CREATE (s)-[:COOPERATES_WITH]->(t)`, { arcs: cooperates.map(([a, b]) => [nodes[a], nodes[b]]) });
  }, 120_000);

  afterAll(async () => {
    await service()?.executor.runText(`MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: PREFIX });
  });

  const partitions: [string, { by: 'PROPERTY' | 'KIND'; property?: string }, string[]][] = [
    ['a property with a group of one', { by: 'PROPERTY', property: 'grp' }, grp],
    ['a property missing for some actors', { by: 'PROPERTY', property: 'tier' }, tier.map((t) => t ?? '(none)')],
    ['the actors’ kinds', { by: 'KIND' }, kind],
  ];
  for (const [name, partition, groups] of partitions) {
    it(`matches sna for every actor and the network, grouped by ${name} (through GraphQL)`, async () => {
      const res = await gql<{ brokerage: Answer }>(service(), QUERY, { scope, partition });
      expect(res.errors).toBeUndefined();
      const b = res.data!.brokerage;
      expect(b.actors).toBe(n);
      expect(b.arcs).toBe(arcs.length);
      const ref = await sna(groups, arcs);
      matches(b, ref, nodes);
      // Reciprocal arcs and isolated actors are really there, and some two-paths are closed.
      expect(supplies.filter(([a, b2]) => seen.has(`${b2},${a}`)).length).toBeGreaterThan(100);
      expect(ref.raw.slice(200).every((row) => row.every((x) => x === 0))).toBe(true);
    }, 120_000);
  }

  it('gives the same answer through the service function, ranked by the chosen role then by id', async () => {
    const b = await brokerage(deps(), { scope: { ids: nodes, kinds: ['Firm', 'Buyer'], types: ['SUPPLIES', 'COOPERATES_WITH'] }, partition: { by: 'PROPERTY', property: 'grp' }, sortBy: 'liaison', first: 20 });
    const ref = await sna(grp, arcs);
    const expected = nodes
      .map((id, i) => ({ id, v: ref.raw[i]![4]! }))
      .sort((x, y) => y.v - x.v || x.id.localeCompare(y.id))
      .slice(0, 20);
    expect(b.scores.map((s) => [s.actorId, s.raw.liaison])).toEqual(expected.map((e) => [e.id, e.v]));
    ROLES.forEach((role, k) => close(b.network.z[role], ref.zG[k]!, `z.gli ${role}`));
  }, 120_000);

  it('stops with AnalysisCancelledError when cancelled while reading, and reports progress until then', async () => {
    const abort = new AbortController();
    const stages: string[] = [];
    const run = brokerage(deps(), { scope: { ids: nodes }, partition: { by: 'KIND' }, sortBy: 'total', first: 5 }, {
      signal: abort.signal,
      progress: (_, stage) => {
        stages.push(stage);
        abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelledError);
    expect(stages).toHaveLength(1);
    expect(stages[0]).toMatch(/^reading the network/);
  });

  it('reports progress from reading to counting, ending at 1', async () => {
    const seen: [number, string][] = [];
    await brokerage(deps(), { scope: { ids: nodes }, partition: { by: 'KIND' }, sortBy: 'total', first: 5 }, { progress: (f, s) => seen.push([f, s]) });
    expect(seen[0]![1]).toMatch(/^reading the network/);
    expect(seen.some(([, s]) => s.startsWith('counting brokerage roles'))).toBe(true);
    expect(seen.at(-1)![0]).toBe(1);
    for (let k = 1; k < seen.length; k += 1) expect(seen[k]![0]).toBeGreaterThanOrEqual(seen[k - 1]![0]);
  });
});
