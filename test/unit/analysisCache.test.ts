import { describe, expect, it } from 'vitest';
import { AnalysisCache, cacheKey, normalisedArguments } from '../../server/src/modules/analytics/cache.js';

describe('the analysis cache', () => {
  it('gives equal keys to equal requests written differently (key order, null fields, order of id lists)', () => {
    const a = normalisedArguments({ scope: { ids: ['b', 'a', 'a'], kinds: null }, first: 5 });
    const b = normalisedArguments({ first: 5, scope: { ids: ['a', 'b'] } });
    expect(a).toBe(b);
    expect(cacheKey('centrality', { first: 5 }, 'e:1:10:20')).not.toBe(cacheKey('centrality', { first: 5 }, 'e:2:10:20'));
    expect(cacheKey('centrality', { first: 5 }, 'v')).not.toBe(cacheKey('brokerage', { first: 5 }, 'v'));
  });

  it('drops the least recently used entry past its entry limit', () => {
    const c = new AnalysisCache({ entries: 2, bytes: 1e6 });
    c.set('a', [1]);
    c.set('b', [2]);
    expect(c.get('a')).toEqual([1]); // a is now the most recently used
    c.set('c', [3]);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toEqual([1]);
    expect(c.get('c')).toEqual([3]);
    expect(c.size.entries).toBe(2);
    expect([c.hits, c.misses]).toEqual([3, 1]);
  });

  it('keeps its estimated bytes under the byte limit and refuses a value larger than the whole budget', () => {
    const c = new AnalysisCache({ entries: 100, bytes: 1000 });
    for (let i = 0; i < 20; i += 1) c.set(`k${i}`, 'x'.repeat(100)); // about 204 bytes each
    expect(c.size.bytes).toBeLessThanOrEqual(1000);
    expect(c.size.entries).toBe(4);
    expect(c.get('k19')).toBeDefined();
    c.set('huge', 'x'.repeat(5000));
    expect(c.get('huge')).toBeUndefined();
  });

  it('keeps nothing with 0 entries (the cache turned off)', () => {
    const c = new AnalysisCache({ entries: 0, bytes: 1e6 });
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
  });
});
