import { describe, expect, it } from 'vitest';
import { fold, luceneQuery, MAX_SEARCH_WORDS, MAX_WORD_LENGTH } from '../../server/src/modules/entities/search.js';

describe('the search-text builder', () => {
  it('requires every word, as a whole word or a prefix', () => {
    expect(luceneQuery('Sinos Valley')).toBe('+(sinos OR sinos*) +(valley OR valley*)');
  });

  it('folds accents and case as the index analyzer does', () => {
    expect(fold('Espírito SANTO São')).toBe('espirito santo sao');
    expect(luceneQuery('Espírito')).toBe('+(espirito OR espirito*)');
  });

  it('drops stop words and possessives that the index never holds', () => {
    expect(luceneQuery("Segusino's network of subcontractors")).toBe('+(segusino OR segusino*) +(network OR network*) +(subcontractors OR subcontractors*)');
  });

  it('lets no Lucene syntax through: quotes, wildcards, boolean operators, fields, escapes', () => {
    const q = luceneQuery('name:"CDMEC" AND (x* || y~2) -z \\ ^3 [a TO b] {c} / ?')!;
    expect(q).not.toMatch(/["\\:~^[\]{}/?|]|\bAND\b|\bTO\b/);
    expect(q).toMatch(/^\+\([\p{L}\p{N}]+ OR [\p{L}\p{N}]+\*\)( \+\([\p{L}\p{N}]+ OR [\p{L}\p{N}]+\*\))*$/u);
    // "and" and "to" are stop words; what is left are the letters and digits of the other words.
    expect(q).toBe('+(name OR name*) +(cdmec OR cdmec*) +(x OR x*) +(y OR y*) +(2 OR 2*) +(z OR z*) +(3 OR 3*) +(b OR b*) +(c OR c*)');
  });

  it('returns null when no word is left (empty, punctuation or stop words only)', () => {
    expect(luceneQuery('')).toBeNull();
    expect(luceneQuery('  ?!* ')).toBeNull();
    expect(luceneQuery('the of and')).toBeNull();
  });

  it(`uses at most ${MAX_SEARCH_WORDS} words of a long text`, () => {
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(luceneQuery(text)!.split(' +').length).toBe(MAX_SEARCH_WORDS);
  });

  it('keeps letters of other scripts and digits', () => {
    expect(luceneQuery('Jalisco 2003 Ñandú')).toBe('+(jalisco OR jalisco*) +(2003 OR 2003*) +(nandu OR nandu*)');
  });
});

describe('the search-text builder with overlong words', () => {
  it(`cuts each word to ${MAX_WORD_LENGTH} characters, so Lucene never builds an oversized prefix automaton`, () => {
    expect(luceneQuery('x'.repeat(100_000))).toBe(`+(${'x'.repeat(MAX_WORD_LENGTH)} OR ${'x'.repeat(MAX_WORD_LENGTH)}*)`);
  });
});
