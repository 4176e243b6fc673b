import { describe, expect, it } from 'vitest';
import { countBrokerage, ROLES, type RoleValues } from '../../server/src/domain/brokerage.js';
import { brokerageReport, roleNamed, type BrokerageCounts } from '../../server/src/modules/analytics/brokerage.js';
import { groupName } from '../../server/src/modules/analytics/partition.js';
import { brokerageChanges } from '../../server/src/modules/analytics/whatIf.js';

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
const counts: BrokerageCounts = {
  actors: 5,
  arcs: 5,
  density: 0.25,
  sizes: new Map([['X', 2], ['Y', 2], ['Z', 1]]),
  raw: countBrokerage(nodes, arcs, (n) => groupOf.get(n)!),
  group: groupOf,
};
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
