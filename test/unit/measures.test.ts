import { describe, expect, it } from 'vitest';
import { actorExpectations, countBrokerage, zScores } from '../../server/src/domain/brokerage.js';
import { dominatorsOf, immediateDominators } from '../../server/src/domain/dominators.js';
import { undirectedDensity } from '../../server/src/domain/density.js';
import { predictGovernance } from '../../server/src/domain/governance.js';
import { structuralHoles } from '../../server/src/domain/structuralHoles.js';

describe('Gould–Fernandez brokerage counts (hand-checked)', () => {
  it('returns the gatekeeper count of a two-group triad', () => {
    // a (group X) → v (Y) → b (Y), no a→b: v is a gatekeeper (v and b share a group, a does not).
    const c = countBrokerage(['a', 'v', 'b'], [['a', 'v'], ['v', 'b']], (n) => (n === 'a' ? 'X' : 'Y'));
    expect(c.get('v')).toEqual([0, 0, 0, 1, 0, 1]);
    expect(c.get('a')).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('does not count a two-path closed by a→b, but does when only b→a exists', () => {
    const g = (n: string) => n;
    expect(countBrokerage(['a', 'v', 'b'], [['a', 'v'], ['v', 'b'], ['a', 'b']], g).get('v')![5]).toBe(0);
    expect(countBrokerage(['a', 'v', 'b'], [['a', 'v'], ['v', 'b'], ['b', 'a']], g).get('v')).toEqual([0, 0, 0, 0, 1, 1]); // liaison
  });

  it('scores 2 for a ↔ v ↔ b with no a–b tie (both directions)', () => {
    const c = countBrokerage(['a', 'v', 'b'], [['a', 'v'], ['v', 'a'], ['v', 'b'], ['b', 'v']], () => 'G');
    expect(c.get('v')).toEqual([2, 0, 0, 0, 0, 2]); // coordinator twice
  });

  it('names each role by the group pattern of a → v → b', () => {
    const roles = (ga: string, gv: string, gb: string) => countBrokerage(['a', 'v', 'b'], [['a', 'v'], ['v', 'b']], (n) => ({ a: ga, v: gv, b: gb })[n]!).get('v')!.slice(0, 5);
    expect(roles('X', 'X', 'X')).toEqual([1, 0, 0, 0, 0]); // coordinator
    expect(roles('X', 'Y', 'X')).toEqual([0, 1, 0, 0, 0]); // itinerant
    expect(roles('X', 'X', 'Y')).toEqual([0, 0, 1, 0, 0]); // representative
    expect(roles('X', 'Y', 'Y')).toEqual([0, 0, 0, 1, 0]); // gatekeeper
    expect(roles('X', 'Y', 'Z')).toEqual([0, 0, 0, 0, 1]); // liaison
  });

  it('computes sna’s expected coordinator count and leaves z undefined where sd is 0', () => {
    // Group sizes [3, 2], N = 5, d = 0.25: E[w_I] for the size-3 group = d²(1−d)(2)(1) = 0.09375.
    const e = actorExpectations([3, 2], 0, 5, 0.25);
    expect(e.exp[0]).toBeCloseTo(0.09375, 12);
    const small = actorExpectations([3, 2], 1, 5, 0.25); // size-2 group: (n−1)(n−2) = 0 → exp 0, sd 0
    expect(zScores([0, 0, 0, 0, 0, 0], small.exp, small.sd)[0]).toBeNull();
  });
});

describe('Burt structural holes (hand-checked)', () => {
  it('gives a star centre constraint 1/n and effective size n', () => {
    // Centre c tied out to 3 leaves: p = 1/3 each, no indirect paths → c = 3·(1/3)² = 1/3; effective size 3.
    const r = structuralHoles(['c', 'x', 'y', 'z'], [['c', 'x'], ['c', 'y'], ['c', 'z']]).get('c')!;
    expect(r.constraint).toBeCloseTo(1 / 3, 12);
    expect(r.effectiveSize).toBeCloseTo(3, 12);
    expect(r.efficiency).toBeCloseTo(1, 12);
    expect(r.hierarchy).toBeCloseTo(0, 12); // equal constraint on every alter
  });

  it('gives a closed triangle member constraint 1.125 and effective size 1', () => {
    // Undirected triangle as reciprocal arcs: p_ij = 1/2; c_ij = (1/2 + 1/2·1/2)² = 0.5625; two alters → 1.125.
    const arcs: [string, string][] = [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b'], ['a', 'c'], ['c', 'a']];
    const r = structuralHoles(['a', 'b', 'c'], arcs).get('a')!;
    expect(r.constraint).toBeCloseTo(1.125, 12);
    expect(r.effectiveSize).toBeCloseTo(1, 12); // n − 2t/n = 2 − 2·1/2
  });

  it('computes Burt’s hierarchy for unequal constraint (hand computation)', () => {
    // Ego i with alters j, k, l (reciprocal ties), and j–k tied. p_i· = 1/3 each; p_kj = p_jk = 1/2.
    // c_ij = c_ik = (1/3 + 1/3·1/2)² = 1/4; c_il = (1/3)² = 1/9; C = 11/18; mean C/3 = 11/54.
    // H = [2·(1/4 ÷ 11/54)·ln(1/4 ÷ 11/54) + (1/9 ÷ 11/54)·ln(1/9 ÷ 11/54)] / (3 ln 3).
    const both = (a: string, b: string): [string, string][] => [[a, b], [b, a]];
    const r = structuralHoles(['i', 'j', 'k', 'l'], [...both('i', 'j'), ...both('i', 'k'), ...both('i', 'l'), ...both('j', 'k')]).get('i')!;
    const mean = 11 / 54;
    const expected = (2 * (0.25 / mean) * Math.log(0.25 / mean) + ((1 / 9) / mean) * Math.log((1 / 9) / mean)) / (3 * Math.log(3));
    expect(r.constraint).toBeCloseTo(11 / 18, 12);
    expect(r.hierarchy).toBeCloseTo(expected, 12);
    expect(r.hierarchy).toBeCloseTo(0.0522, 4); // = (2·1.2273·0.2048 − 0.5455·0.6061) / 3.2958
  });

  it('weighs a reciprocal tie twice and measures an actor whose ties all point in (hand computation)', () => {
    // i ⇄ j (m = 2), i → k, j → k (m = 1). p_ij = 2/3, p_ik = 1/3; p_jk = 1/3; p_ki = p_kj = 1/2.
    // c_i = (2/3 + 1/3·1/2)² + (1/3 + 2/3·1/3)² = 25/36 + 25/81 = 325/324.
    // Effective size of i: max m_j· = 2, max m_k· = 1 → (1 − 1/3·1/2) + (1 − 2/3·1) = 7/6.
    // k has in-ties only (networkx gives NaN there): c_k = 2·(1/2 + 1/2·2/3)² = 25/18; redundancy 1/2 each → 1.
    const arcs: [string, string][] = [['i', 'j'], ['j', 'i'], ['i', 'k'], ['j', 'k']];
    const r = structuralHoles(['i', 'j', 'k'], arcs);
    expect(r.get('i')!.constraint).toBeCloseTo(325 / 324, 12);
    expect(r.get('i')!.effectiveSize).toBeCloseTo(7 / 6, 12);
    expect(r.get('k')!.constraint).toBeCloseTo(25 / 18, 12);
    expect(r.get('k')!.effectiveSize).toBeCloseTo(1, 12);
    expect(r.get('k')!.hierarchy).toBeCloseTo(0, 12); // both alters constrain k equally
  });

  it('leaves an isolate undefined rather than 0', () => {
    expect(structuralHoles(['a'], []).get('a')).toEqual({ degree: 0, effectiveSize: null, efficiency: null, constraint: null, hierarchy: null });
  });
});

describe('dominators', () => {
  it('finds the single point of failure on every path from an SME to a buyer', () => {
    // sme → lead → agent → buyer and sme → lead → buyer: lead dominates buyer; agent does not.
    const succ: Record<string, string[]> = { sme: ['lead'], lead: ['agent', 'buyer'], agent: ['buyer'], buyer: [] };
    const idom = immediateDominators('sme', (n) => succ[n] ?? []);
    expect(dominatorsOf(idom, 'sme', 'buyer')).toEqual(['lead']);
    expect(idom.has('nowhere')).toBe(false);
  });
});

describe('governance prediction and density', () => {
  it('predicts GHS types from the three determinants (Gereffi, Humphrey & Sturgeon 2005, Table 1)', () => {
    expect(predictGovernance('low', 'high', 'high')).toBe('market');
    expect(predictGovernance('high', 'high', 'high')).toBe('modular');
    expect(predictGovernance('high', 'low', 'high')).toBe('relational');
    expect(predictGovernance('high', 'high', 'low')).toBe('captive');
    expect(predictGovernance('high', 'low', 'low')).toBe('hierarchy');
    expect(predictGovernance('low', 'low', 'low')).toBeNull();
  });

  it('computes undirected density with parallel ties merged and self-loops ignored', () => {
    expect(undirectedDensity(['a', 'b', 'c'], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }, { source: 'c', target: 'c' }])).toBeCloseTo(1 / 3, 12);
  });
});
