import { describe, expect, it } from 'vitest';
import { countByForm } from '../../server/src/modules/clusters/jointAction.js';
import { yearOf } from '../../server/src/modules/clusters/timeline.js';
import { tiersFrom } from '../../server/src/modules/clusters/traceValueChain.js';

/**
 * Hand-computed fixtures. The chain: two producers P1, P2 (tier 0) supply an assembler A; A sells to an
 * agent G and to a buyer B directly; G sells to B as well.  P1 → A → G → B, and A → B.
 */
const flows = [
  { source: 'P1', target: 'A' },
  { source: 'P2', target: 'A' },
  { source: 'A', target: 'G' },
  { source: 'G', target: 'B' },
  { source: 'A', target: 'B' },
];

describe('tiers of a value-chain trace', () => {
  it('puts each entity in the tier where the flow first reaches it, downstream', () => {
    expect(Object.fromEntries(tiersFrom(['P1', 'P2'], flows, { direction: 'DOWNSTREAM', tiers: 3 }))).toEqual({ P1: 0, P2: 0, A: 1, G: 2, B: 2 });
  });

  it('stops at the number of tiers asked for', () => {
    expect([...tiersFrom(['P1'], flows, { direction: 'DOWNSTREAM', tiers: 1 }).keys()]).toEqual(['P1', 'A']);
  });

  it('follows the flows backwards upstream', () => {
    expect(Object.fromEntries(tiersFrom(['B'], flows, { direction: 'UPSTREAM', tiers: 3 }))).toEqual({ B: 0, G: 1, A: 1, P1: 2, P2: 2 });
  });
});

describe('joint action and timelines', () => {
  it('counts cooperation links by form in form order, links without a form as unspecified', () => {
    const links = [{ props: { form: 'horizontal_bilateral' } }, { props: {} }, { props: { form: 'backward_vertical' } }, { props: { form: 'horizontal_bilateral' } }];
    expect(countByForm(links)).toEqual([
      { form: 'backward_vertical', count: 1 },
      { form: 'horizontal_bilateral', count: 2 },
      { form: 'unspecified', count: 1 },
    ]);
  });

  it('dates an item by its year, else its first year, else the first year written in its date or period', () => {
    const item = (props: Record<string, unknown>) => ({ id: 'event:x', kind: 'Event' as const, name: 'x', ...props });
    expect(yearOf(item({ year: 2003, date: '2003-01' }))).toBe(2003);
    expect(yearOf(item({ validFrom: 1987 }))).toBe(1987);
    expect(yearOf(item({ date: 'end of the 1980s' }))).toBe(1980);
    expect(yearOf(item({ period: 'c. 2000-2002' }))).toBe(2000);
    expect(yearOf(item({ date: 'mid-century' }))).toBeNull();
  });
});
