import { BadInputError, LimitError } from '../../errors.js';

/**
 * Checks a count argument (hops, maxLength, k, first…): a whole number ≥ 1 and at most its configured
 * maximum, named by `variable` (MAX_HOPS…) in the error so the caller knows which setting bounds it.
 */
export function wholeNumberWithin(name: string, value: number, max: number, variable: string): number {
  if (!Number.isInteger(value) || value < 1) throw new BadInputError(`${name} must be a whole number ≥ 1, got ${value}.`, name);
  if (value > max) throw new LimitError(name, max, value, `(${variable})`);
  return value;
}
