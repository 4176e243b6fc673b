import { z } from 'zod';

/**
 * A named Cypher statement (the file `cypher/<name>.cypher`) with the shape of the rows it returns. The
 * executor checks every row against `row`, so a renamed or retyped column fails loudly at its statement
 * instead of surfacing as `undefined` in a resolver; TypeScript sees the same shape.
 */
export interface Statement<R> {
  readonly name: string;
  readonly row: z.ZodType<R>;
}

export function statement<S extends z.ZodType>(name: string, row: S): Statement<z.output<S>> {
  return { name, row: row as z.ZodType<z.output<S>> };
}

/** Every statement a module declares, for the start-up check against the registry. */
export type StatementSet = Record<string, Statement<unknown>>;

/**
 * A map of stored properties in a statement's row: checked to be a map, not copied key by key as
 * `z.record(z.string(), z.unknown())` would (the driver only ever gives string keys). Every relationship of a
 * result carries one: on a 2-hop neighbourhood of ~110 relationships the record check was a third of the time
 * spent checking rows (bench/RESULTS.md).
 */
export const propertyMap = z.custom<Record<string, unknown>>((v) => isPropertyMap(v), 'expected a map of properties');

/** No stored properties: what a relationship's `__LINK_REST__` of null reads as (shared, never written to). */
export const NO_PROPERTIES: Record<string, unknown> = Object.freeze({});

/**
 * A relationship's properties besides its id as a statement projects them with `__LINK_REST__` (executor.ts): a
 * map, or null when the request reads none, read as NO_PROPERTIES.
 */
export const propertiesBesidesId = z
  .custom<Record<string, unknown> | null>((v) => v === null || isPropertyMap(v), 'expected a map of properties or null')
  .transform((v) => v ?? NO_PROPERTIES);

/** Whether `v` is a map (an object, not a list) as the driver decodes one: propertyMap's test. */
export const isPropertyMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
