import { describe, expect, it } from 'vitest';
import { collectiveEfficiency, degreeOf } from '../../server/src/domain/collectiveEfficiency.js';

describe('collective efficiency (Pietrobelli & Rabellotti 2004, fn. 11)', () => {
  it('sums the items and averages the two indices: Sinos Valley 12 + 8 → CE 10, High', () => {
    // Annex Table 1 row "Shoes: Sinos Valley" (3 3 3 3) and Table 3 (EE 12, JA 8, index 10, High).
    const r = collectiveEfficiency(
      { labourMarket: 3, inputs: 3, information: 3, marketAccess: 3 },
      { backward: 2, forward: 2, horizontalBilateral: 1, horizontalMultilateral: 3 },
      { eei: 12, jai: 8, ce: 10, degree: 'High' },
    );
    expect(r).toEqual({ eei: 12, jai: 8, ce: 10, degree: 'High', flags: [] });
  });

  it('keeps a printed index that contradicts its own row and flags it: Chipilo 6 and 5 printed as 5.00', () => {
    const r = collectiveEfficiency(undefined, undefined, { eei: 6, jai: 5, ce: 5, degree: 'Low' });
    expect(r.ce).toBe(5.5);
    expect(r.degree).toBe('Medium');
    expect(r.flags).toContain('ce: printed 5 ≠ recomputed 5.5');
    expect(r.flags).toContain('degree: printed Low ≠ recomputed Medium');
  });

  it('counts an n.a. item as 0, as the printed sums do, and says so (Bucaramanga: 3 + 1 + n.a. + 2 = 6)', () => {
    const r = collectiveEfficiency({ labourMarket: 3, inputs: 1, information: null, marketAccess: 2 }, undefined, { eei: 6 });
    expect(r.eei).toBe(6);
    expect(r.flags).toEqual(['externalEconomies.information: n.a. (counted as 0)']);
  });

  it('flags a printed EEI that its items do not sum to (Guadalajara footwear: items 3+2+2+2 = 9, printed 8)', () => {
    const r = collectiveEfficiency({ labourMarket: 3, inputs: 2, information: 2, marketAccess: 2 }, undefined, { eei: 8 });
    expect(r.flags).toContain('eei: printed 8 ≠ recomputed 9');
  });

  it('draws the degree boundaries where the tables do: ≥ 9.5 High, ≤ 5 Low, Medium between', () => {
    expect([degreeOf(9.5), degreeOf(9.25), degreeOf(5.25), degreeOf(5), degreeOf(2)]).toEqual(['High', 'Medium', 'Medium', 'Low', 'Low']);
  });
});
