import { ACTOR_KINDS } from '../../domain/enums.js';
import type { Executor, Row } from '../../neo4j/executor.js';

/** Sort keys → stored property (allow-list: user text never reaches Cypher structure). */
export const SORT_KEYS = {
  NAME: 'name',
  KIND: 'kind',
  CE: 'printed_ce',
  EEI: 'printed_eei',
  JAI: 'printed_jai',
  FOUNDED: 'founded',
  VALID_FROM: 'validFrom',
} as const;

export interface ListArgs {
  kinds?: string[] | null;
  country?: string | null;
  place?: string | null;
  sector?: string | null;
  sectorGroup?: string | null;
  governance?: string | null;
  ceDegree?: string | null;
  year?: number | null;
  aggregate?: boolean | null;
  sort: keyof typeof SORT_KEYS;
  descending: boolean;
  skip: number;
  limit: number;
}

/** One page of entity ids and the total count. */
export async function listEntities(executor: Executor, a: ListArgs): Promise<{ total: number; ids: string[] }> {
  const [row] = await executor.read('entities/listEntities', {
    kinds: a.kinds?.length ? a.kinds : [...ACTOR_KINDS],
    country: a.country ?? null,
    place: a.place ?? null,
    sector: a.sector ?? null,
    sectorGroup: a.sectorGroup ?? null,
    governance: a.governance ?? null,
    ceDegree: a.ceDegree ?? null,
    year: a.year ?? null,
    aggregate: a.aggregate ?? null,
    sortKey: SORT_KEYS[a.sort],
    desc: a.descending,
    skip: a.skip,
    limit: a.limit,
  });
  return { total: Number(row?.total ?? 0), ids: (row?.page as string[] | undefined) ?? [] };
}

/** Folds accents and case the way the index's standard-folding analyzer does, for prefix terms. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Builds the Lucene query: every word must match, as a whole word or as a prefix (so "Espir" and
 * "Espirito" both find "Espírito Santo"). Words are reduced to letters and digits, so no Lucene syntax
 * from the user reaches the index.
 */
/**
 * English stop words that the index's standard analyzer drops: a query word among them could never match,
 * so it is left out of the query ("network of subcontractors", "Segusino's network" still find).
 */
const STOP_WORDS = new Set('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with s'.split(' '));

export function luceneQuery(text: string): string | null {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w))
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `+(${w} OR ${w}*)`).join(' ');
}

export async function searchEntities(executor: Executor, args: { text: string; kinds?: string[] | null; limit: number }): Promise<Row[]> {
  const q = luceneQuery(args.text);
  if (!q) return [];
  return executor.read('entities/searchEntities', { q, kinds: args.kinds?.length ? args.kinds : null, limit: args.limit });
}
