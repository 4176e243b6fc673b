import { z } from 'zod';
import { ConflictError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { lookup, writtenRow } from './lookup.js';
import { editingStatements as S } from './statements.js';
import { parseOrThrow } from './validate.js';

/** Whether `YYYY`, `YYYY-MM` or `YYYY-MM-DD` names a real month and day (no 2026-02-30). */
function isCalendarDate(date: string): boolean {
  const [y, m = 1, d = 1] = date.split('-').map(Number) as [number, number?, number?];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const sourceInput = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'use lower-case letters, digits and dashes (2–61 characters)'),
  title: z.string().trim().min(3, 'give the source a title'),
  type: z.enum(['DOCUMENT', 'INTERVIEW', 'FIELD_NOTE', 'DATASET', 'WEBSITE']),
  authors: z.array(z.string().trim().min(1, 'an author cannot be empty')).nullish(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isCalendarDate, 'not a date on the calendar')
    .nullish(),
});

/** A source as an editor describes it; checked here, whatever the caller. */
export type NewSource = z.input<typeof sourceInput>;

/** Registers a source (an interview, a field note, a document) that edits can then cite. */
export async function createSource({ executor }: ServiceDeps, { input, editor }: { input: NewSource; editor: string }) {
  const s = parseOrThrow(sourceInput, input, 'input');
  return executor.writeTx(async (tx) => {
    const { sourceExists } = await lookup(tx, { ids: [], source: s.key });
    if (sourceExists) throw new ConflictError(`input.key: a source "${s.key}" already exists.`, 'input.key');
    const props = { key: s.key, title: s.title, type: s.type.toLowerCase(), authors: s.authors ?? [], date: s.date ?? null };
    const year = s.date ? Number(s.date.slice(0, 4)) : new Date().getFullYear();
    return writtenRow(await tx.run(S.createSource, { props, year, who: editor }), 'createSource');
  }, 'createSource');
}
