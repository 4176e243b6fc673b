import { describe, expect, it } from 'vitest';
import { countBrokerage, ROLES, type RoleValues } from '../../server/src/domain/brokerage.js';
import { adjacency, roleCounter } from '../../server/src/domain/brokerageCount.js';
import { AnalysisCancelledError } from '../../server/src/errors.js';
import { brokerageReport, countOnProjection, roleNamed, type BrokerageCounts } from '../../server/src/modules/analytics/brokerage.js';
import { groupName, labelsOf } from '../../server/src/modules/analytics/partition.js';
import { brokerageChanges } from '../../server/src/modules/analytics/whatIf.js';
import { rng } from '../helpers/random.js';

/** Raw counts of a small graph by the typed-array counter the service uses. */
function countsOf(nodes: string[], arcs: [string, string][], groupOf: ReadonlyMap<string, string>): BrokerageCounts {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const src = Int32Array.from(arcs, ([a]) => index.get(a)!);
  const dst = Int32Array.from(arcs, ([, b]) => index.get(b)!);
  const groups = labelsOf(nodes.length, (i) => groupOf.get(nodes[i]!)!);
  const counter = roleCounter({ group: groups.label, groups: groups.names.length, ...adjacency(nodes.length, src, dst) });
  counter.countRange(0, nodes.length);
  return { nodes, arcs: arcs.length, density: arcs.length / (nodes.length * (nodes.length - 1)), groups, raw: counter.raw };
}

/**
 * Five actors in three groups (a, b: X; c, d: Y; e: Z) on the cycle a→c→d→e→a plus the arc c→b:
 * N = 5, m = 5, density 5/20 = 0.25. The expected figures come from R's sna::brokerage (sna 2.7.1) on this
 * graph (test/reference/sna_brokerage.R); the raw counts by hand: a brokers e→a→c (Z, X, Y: liaison),
 * c brokers a→c→b (X, Y, X: itinerant) and a→c→d (X, Y, Y: gatekeeper), d brokers c→d→e (Y, Y, Z:
 * representative), e brokers d→e→a (Y, Z, X: liaison), b brokers nothing.
 */
const nodes = ['a', 'b', 'c', 'd', 'e'];
const groupOf = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y'], ['d', 'Y'], ['e', 'Z']]);
const arcs: [string, string][] = [['a', 'c'], ['c', 'b'], ['c', 'd'], ['d', 'e'], ['e', 'a']];
const counts = countsOf(nodes, arcs, groupOf);
const all = { sortBy: 'total' as const, first: 10 };

/** Compares the six role values with a row of sna's output (coordinator … total; NaN written as null). */
function matchesSna(actual: RoleValues, row: (number | null)[]): void {
  ROLES.forEach((role, i) => {
    const expected = row[i]!;
    if (expected === null) expect(actual[role], role).toBeNull();
    else expect(actual[role], role).toBeCloseTo(expected, 12);
  });
}

describe('brokerageReport (sna::brokerage closed forms on raw counts)', () => {
  it('gives every actor sna’s raw.nli, exp.nli and z.nli row', () => {
    const c = brokerageReport(counts, all).scores.find((s) => s.actorId === 'c')!;
    matchesSna(c.raw, [0, 1, 0, 1, 0, 2]);
    matchesSna(c.expected, [0, 0.09375, 0.140625, 0.140625, 0.1875, 0.5625]);
    matchesSna(c.z, [null, 3.03170856623803653, -0.33752637027780719, 2.06266115169771069, -0.41403933560541256, 1.55686411987154916]);
  });

  it('leaves z null where sna divides by a zero standard deviation (the representative and gatekeeper roles of a one-actor group)', () => {
    const e = brokerageReport(counts, all).scores.find((s) => s.actorId === 'e')!;
    matchesSna(e.expected, [0, 0.1875, 0, 0, 0.375, 0.5625]);
    matchesSna(e.z, [null, -0.44353276257274371, null, null, 0.9186304243492508, 0.47382821039568884]);
  });

  it('gives the whole network sna’s raw.gli, exp.gli and z.gli', () => {
    const { network } = brokerageReport(counts, all);
    matchesSna(network.raw, [0, 1, 1, 1, 2, 5]);
    matchesSna(network.expected, [0, 0.5625, 0.5625, 0.5625, 1.125, 2.8125]);
    matchesSna(network.z, [null, 0.53886025124365067, 0.52504102043214451, 0.52504102043214451, 0.6969574522240628, 0.91874910278451738]);
  });

  it('ranks actors by the chosen role, then by id, and cuts the list at first', () => {
    expect(brokerageReport(counts, all).scores.map((s) => s.actorId)).toEqual(['c', 'a', 'd', 'e', 'b']);
    expect(brokerageReport(counts, { sortBy: 'liaison', first: 2 }).scores.map((s) => s.actorId)).toEqual(['a', 'e']);
  });

  it('lists only the requested actors while the network figures still cover everyone', () => {
    const r = brokerageReport(counts, { ...all, only: ['d', 'b'] });
    expect(r.scores.map((s) => s.actorId)).toEqual(['d', 'b']);
    expect(r.network.raw.total).toBe(5);
  });

  it('lists the groups largest first, then by name', () => {
    expect(brokerageReport(counts, all).groups).toEqual([{ group: 'X', size: 2 }, { group: 'Y', size: 2 }, { group: 'Z', size: 1 }]);
  });
});

describe('brokerage arguments and group names', () => {
  it('maps the API role names to the measure’s role keys', () => {
    expect(roleNamed('TOTAL')).toBe('total');
    expect(roleNamed('GATEKEEPER')).toBe('gatekeeper');
    expect(() => roleNamed('BROKER')).toThrow(/not a brokerage role/);
  });

  it('names a group by the property value as text, lists by their items joined with +', () => {
    expect(groupName(null)).toBe('(none)');
    expect(groupName(['importer', 'retailer'])).toBe('importer+retailer');
    expect(groupName(3)).toBe('3');
    expect(groupName(false)).toBe('false');
  });
});

describe('brokerage changes of a what-if', () => {
  it('reports changed totals of the actors still present, largest drop first', () => {
    // Totals are index 5 of the raw counts; x drops 3 → 0, y drops 2 → 1, z is unchanged, r was removed.
    const before = new Map([['x', [0, 0, 0, 0, 3, 3]], ['y', [2, 0, 0, 0, 0, 2]], ['z', [1, 0, 0, 0, 0, 1]], ['r', [0, 4, 0, 0, 0, 4]]]);
    const after = new Map([['y', [1, 0, 0, 0, 0, 1]], ['z', [1, 0, 0, 0, 0, 1]]]);
    expect(brokerageChanges({ before, after, removed: new Set(['r']) })).toEqual([
      { actorId: 'x', before: 3, after: 0 },
      { actorId: 'y', before: 2, after: 1 },
    ]);
  });
});

/**
 * Random digraphs with what makes brokerage counting delicate: reciprocal arcs (a two-path a → v → a is
 * no brokerage), closed two-paths (an arc a → b blocks a → v → b, an arc b → a does not), a hub with more
 * neighbours than its partners (the counter then searches rows instead of walking them), a group of one
 * and isolated actors. The reference is the two-path definition enumerated path by path (domain
 * countBrokerage), whose figures the GraphQL tests check against R's sna::brokerage.
 */
function randomGraph(seed: number) {
  const r = rng(seed);
  const n = 80;
  const nodes = Array.from({ length: n }, (_, i) => `n${String(i).padStart(2, '0')}`);
  const groupOf = new Map(nodes.map((id, i) => [id, i === 0 ? 'solo' : `g${Math.floor(r() * 4)}`]));
  const seen = new Set<string>();
  const arcs: [string, string][] = [];
  const add = (a: number, b: number) => {
    if (a === b || seen.has(`${a},${b}`)) return;
    seen.add(`${a},${b}`);
    arcs.push([nodes[a]!, nodes[b]!]);
  };
  // Actors 70–79 stay isolated; actor 1 is a hub tied both ways to most others.
  for (let k = 0; k < 400; k += 1) {
    const a = Math.floor(r() * 70);
    const b = Math.floor(r() * 70);
    add(a, b);
    if (r() < 0.3) add(b, a);
  }
  for (let v = 2; v < 70; v += 1) {
    if (r() < 0.8) add(1, v);
    if (r() < 0.8) add(v, 1);
  }
  return { nodes, groupOf, arcs };
}

describe('the typed-array role counter', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`counts exactly the two-paths of the definition (seed ${seed}: reciprocal arcs, a hub, a group of one, isolated actors)`, () => {
      const g = randomGraph(seed);
      const expected = countBrokerage(g.nodes, g.arcs, (id) => g.groupOf.get(id)!);
      const c = countsOf(g.nodes, g.arcs, g.groupOf);
      g.nodes.forEach((id, i) => expect(Array.from(c.raw.subarray(6 * i, 6 * i + 6)), id).toEqual(expected.get(id)));
      expect(c.raw.subarray(6 * 70).every((x) => x === 0)).toBe(true);
      expect(Array.from(c.raw).reduce((s, x) => s + x, 0)).toBeGreaterThan(1000);
    });
  }

  it('gives the same counts whatever the order of the arcs', () => {
    const g = randomGraph(5);
    const shuffled = [...g.arcs].reverse();
    expect(Array.from(countsOf(g.nodes, shuffled, g.groupOf).raw)).toEqual(Array.from(countsOf(g.nodes, g.arcs, g.groupOf).raw));
  });
});

describe('counting on a projection', () => {
  /** A ring of n actors with chords, as a compact projection (arcs sorted by source, then target). */
  function ring(n: number) {
    const src = new Int32Array(2 * n);
    const dst = new Int32Array(2 * n);
    for (let i = 0; i < n; i += 1) {
      const [a, b] = [(i + 1) % n, (i + 7) % n].sort((x, y) => x - y) as [number, number];
      src[2 * i] = i;
      dst[2 * i] = a;
      src[2 * i + 1] = i;
      dst[2 * i + 1] = b;
    }
    const nodes = Array.from({ length: n }, (_, i) => `r${i}`);
    return { projection: { nodes, kinds: new Uint8Array(n), src, dst }, groups: labelsOf(n, (i) => `g${i % 3}`) };
  }

  it('reports progress from 0 to 1 and counts every two-path', async () => {
    const seen: number[] = [];
    const b = await countOnProjection(ring(50_000), { progress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(2);
    // Actor v brokers the 2 × 2 pairs of its in-neighbours (v − 1, v − 7) and out-neighbours (v + 1, v + 7); arcs go +1 and +7 only, so no pair is closed.
    expect(b.raw[5]).toBe(4);
  });

  it('stops with AnalysisCancelledError once the signal is aborted, between steps', async () => {
    const abort = new AbortController();
    let calls = 0;
    const run = countOnProjection(ring(100_000), {
      signal: abort.signal,
      progress: () => {
        calls += 1;
        if (calls === 2) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelledError);
    expect(calls).toBe(2);
  });
});
