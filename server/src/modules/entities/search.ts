/** Folds accents and case the way the index's standard-folding analyzer does, for prefix terms. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * English stop words that the index's standard analyzer drops: a query word among them could never match,
 * so it is left out of the query ("network of subcontractors", "Segusino's network" still find).
 */
const STOP_WORDS = new Set('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with s'.split(' '));

/** Most words of a search used in the query; the rest are ignored. */
export const MAX_SEARCH_WORDS = 12;

/**
 * Longest word kept, in characters: a prefix term becomes an automaton in Lucene, which refuses ones over
 * 1,000 states, and no name in any of the sources' languages comes near this.
 */
export const MAX_WORD_LENGTH = 40;

/**
 * Builds the Lucene query: every word must match, as a whole word or as a prefix (so "Espir" and
 * "Espirito" both find "Espírito Santo"). Words are reduced to letters and digits, so no Lucene syntax
 * from the user reaches the index. Null when no word is left to search for.
 */
export function luceneQuery(text: string): string | null {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w))
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  if (words.length === 0) return null;
  return words.map((w) => `+(${w} OR ${w}*)`).join(' ');
}
