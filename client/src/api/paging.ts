// Questions about many actors, asked in pages the server accepts. The server caps how much one request may ask
// for (MAX_PAGE_SIZE for `first`, MAX_QUERY_COST for the whole request) and names the cap when it refuses, so the
// viewer learns the page size from the refusal instead of hard-coding a number the server may change.
import { GqlError } from './client.js';

/** Limits that grow with the page asked for (the server names MAX_PAGE_SIZE when it checks a request, first when a resolver does): a smaller page gets under them. A refusal over any other limit is final. */
const PAGE_BOUND_LIMITS = new Set(['MAX_PAGE_SIZE', 'first', 'MAX_QUERY_COST']);

/** The largest page worth trying for one kind of question; shrinks when the server refuses a page. */
export interface PageMemory {
  size: number;
}

/** No refusal seen yet: the first request asks for everything at once. */
export const newPageMemory = (): PageMemory => ({ size: Infinity });

/**
 * The page size to try after `err` refused a page of `page` ids, or null when a smaller page would not help.
 * Both limits grow in proportion to the page (`first` is the page; the cost is about the page times the cost of
 * one row), so `page × max / actual` gets under either.
 */
export function smallerPage(err: unknown, page: number): number | null {
  if (!(err instanceof GqlError) || err.code !== 'LIMIT_EXCEEDED') return null;
  const { limit, max, actual } = err.extensions;
  // A job's page size is named by its place in the input (input.centrality.first).
  if (typeof limit !== 'string' || !(PAGE_BOUND_LIMITS.has(limit) || limit.endsWith('.first')) || typeof max !== 'number' || typeof actual !== 'number' || actual <= max) return null;
  const next = Math.floor((page * max) / actual);
  return next >= 1 && next < page ? next : null;
}

/**
 * Asks `ask` about every id, in consecutive pages, and returns the answers in order. A page the server refuses
 * as too large is asked again in the smaller pages its error names; `memory` keeps that size for the next call,
 * so only the first question of a session pays for a refusal. Any other error is thrown: the caller shows it.
 */
export async function inPages<T>({ ids, ask, memory }: { ids: string[]; ask: (page: string[]) => Promise<T[]>; memory: PageMemory }): Promise<T[]> {
  const answers: T[] = [];
  let start = 0;
  while (start < ids.length) {
    const page = ids.slice(start, start + memory.size);
    try {
      answers.push(...(await ask(page)));
      start += page.length;
    } catch (err) {
      // Each retry asks for strictly fewer ids than the refused page, so this loop ends.
      const next = smallerPage(err, page.length);
      if (next === null) throw err;
      memory.size = next;
    }
  }
  return answers;
}
