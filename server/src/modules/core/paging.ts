import { BadInputError, LimitError } from '../../errors.js';

/** Offset cursors, opaque to clients: base64url of `o:<offset>`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): number {
  if (!cursor) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new BadInputError(`"${cursor}" is not a cursor from this API: pass the pageInfo.endCursor of the previous page.`, field);
  return Number(m[1]);
}

/** Checks a page size against MAX_PAGE_SIZE; over the limit is an error that names it, never a silent cap. */
export function pageSize(first: number | null | undefined, max: number, field = 'first'): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0) throw new BadInputError(`${field} must be a whole number ≥ 0, got ${n}.`, field);
  if (n > max) throw new LimitError('page size (first)', max, n, 'Page through the results with `after` (MAX_PAGE_SIZE).');
  return n;
}
