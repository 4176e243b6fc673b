import { describe, expect, it } from 'vitest';
import { groupAverages, roundsTo, type ClusterFigures } from '../../server/src/domain/aggregates.js';

const cluster = (id: string, eei: number, jai: number, items?: Record<string, number | null>): ClusterFigures => ({
  id,
  group: 'g',
  items: items ?? {},
  hasItems: Boolean(items),
  recomputed: { eei, jai, ce: 0.5 * eei + 0.5 * jai },
  printed: { eei, jai, ce: 0.5 * eei + 0.5 * jai },
  upgrading: null,
});

describe('group averages', () => {
  it('compares at the printed precision, accepting rounding or truncation as the source does', () => {
    expect(roundsTo(23 / 9, 2.56)).toBe(true); // CPS labour market: 2.555… printed 2.56 (rounded)
    expect(roundsTo(35.5 / 15, 2.36)).toBe(true); // traditional labour market: 2.366… printed 2.36 (truncated)
    expect(roundsTo(29 / 11, 2.55)).toBe(false); // NR labour market: 2.636… printed 2.55 (a misprint)
    expect(roundsTo(0.7, 0.7)).toBe(true);
  });

  it('averages over the group, an n.a. item counting as 0', () => {
    const avg = groupAverages(
      [cluster('a', 6, 4, { labourMarket: 3, information: null }), cluster('b', 8, 6, { labourMarket: 2, information: 2 })],
      [{ table: 'T', group: 'g', values: { information: 1, eei: 7, ce: 6 } }],
      'g',
    );
    const by = Object.fromEntries(avg.map((m) => [m.measure, m]));
    expect(by.information).toMatchObject({ n: 2, mean: 1, printed: 1, agrees: true });
    expect(by.labourMarket).toMatchObject({ n: 2, mean: 2.5, printed: null, agrees: null });
    expect(by.ce).toMatchObject({ mean: 6, meanOfPrinted: 6, agrees: true, agreesWithPrintedRows: true });
  });
});
