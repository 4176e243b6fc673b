/**
 * Name folding and comparison for the duplicate check: two spellings of one actor ("Muebles Segusino S.A.",
 * "Segusino") should compare equal, two different actors that share a place name should not.
 */

/** Words that carry no identity in the documents' English, Spanish, Portuguese and Italian names. */
const STOP_WORDS = new Set([
  'the', 'of', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'its', 'an',
  'de', 'del', 'la', 'las', 'el', 'los', 'y', 'en', 'por', 'para', 'con',
  'do', 'da', 'dos', 'das', 'e', 'em', 'com', 'ao', 'as', 'os', 'o',
  'di', 'della', 'dei', 'des', 'du', 'le', 'les', 'et',
]);

/** Legal-form suffixes: "S.A. de C.V." and "Ltda." name no one. */
const LEGAL_SUFFIXES = new Set(['sa', 'cv', 'ac', 'sc', 'companhia', 'compania', 'cia', 'ltd', 'ltda', 'inc', 'corp', 'corporation', 'co', 'company', 'srl', 'spa', 'gmbh', 'plc', 'llc', 'ag', 'bv', 'nv', 'limited']);

/** Lower case, accents and punctuation removed, tokens split on anything but letters and digits. */
export function plainTokens(name: string): string[] {
  return name
    // Dotted initials are one word: "S.A. de C.V." → "SA de CV", "D.F." → "DF".
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The tokens that identify a name: folded, without stop words, legal suffixes and one-letter leftovers. */
export function nameTokens(name: string): string[] {
  return plainTokens(name).filter((t) => t.length > 1 && !STOP_WORDS.has(t) && !LEGAL_SUFFIXES.has(t));
}

/** The folded form two spellings of one name share: "Muebles Segusino, S.A." → "muebles segusino". */
export function foldName(name: string): string {
  return nameTokens(name).join(' ');
}

/**
 * The spellings a name stands for: itself, the name without its parenthesised parts, and a parenthesised
 * acronym of three or more letters ("Centro … (CDMEC)"). Other parenthesised text is a qualifier
 * ("(Mexico)", "(unnamed)") and names nothing by itself.
 */
export function nameVariants(name: string): string[] {
  const out = [name];
  const paren = /\(([^()]+)\)/g;
  for (const m of name.matchAll(paren)) {
    const inner = m[1]!.trim();
    if ((asAcronym(inner)?.length ?? 0) >= 3) out.push(inner);
  }
  const outside = name.replace(paren, ' ').replace(/\s+/g, ' ').trim();
  if (outside && outside !== name) out.push(outside);
  return out;
}

/** An acronym as printed: 2–10 capitals or digits, optionally with dots ("SEBRAE", "S.E.P."). */
export function asAcronym(name: string): string | undefined {
  const bare = name.replace(/\./g, '').trim();
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(bare) && /[A-Z].*[A-Z]/.test(bare) ? bare.toLowerCase().replace(/&/g, '') : undefined;
}

/**
 * True when `acronym` is formed by the initials of `name`'s words, with or without its stop words
 * ("CDMEC" of "Centro de Desenvolvimento Metal Mecânico Capixaba" skips "de"). Requires three letters,
 * since two-letter initials match too much by chance.
 */
export function isAcronymOf(acronym: string, name: string): boolean {
  if (acronym.length < 3) return false;
  const words = plainTokens(name.replace(/\([^()]*\)/g, ' '));
  if (words.length < 3) return false;
  const all = words.map((w) => w[0]).join('');
  const content = words.filter((w) => !STOP_WORDS.has(w)).map((w) => w[0]).join('');
  return acronym === all || acronym === content;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i += 1) out.push(s.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice coefficient of two words' letter pairs: 1 for equal words, near 1 for misspellings. */
export function diceCoefficient(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of x) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared += 1;
      pool.set(g, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Two tokens are the same word when equal, or long and spelled nearly alike ("Amerrisque" / "Amerrique"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 6 && b.length >= 6 && diceCoefficient(a, b) >= 0.8);
}

/**
 * The share of two token lists that match word for word (a Jaccard index where near-identical spellings
 * count as one word): 1 when every word of each has a partner in the other.
 */
export function tokenOverlap(a: string[], b: string[]): number {
  const x = [...new Set(a)];
  const y = [...new Set(b)];
  if (!x.length || !y.length) return 0;
  const used = new Set<number>();
  let shared = 0;
  for (const t of x) {
    const j = y.findIndex((u, i) => !used.has(i) && sameWord(t, u));
    if (j >= 0) {
      used.add(j);
      shared += 1;
    }
  }
  return shared / (x.length + y.length - shared);
}
