import neo4j from 'neo4j-driver';

/**
 * Turns driver values into plain JSON: integers are already numbers (the driver runs with
 * disableLosslessIntegers), temporal values become ISO strings, nodes and relationships become their
 * properties plus labels / type. Driver types never leave the executor.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value)) {
    const n = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { labels: n.labels, ...plainMap(n.properties) };
  }
  if (neo4j.isRelationship(value)) {
    const r = value as unknown as { type: string; properties: Record<string, unknown> };
    return { type: r.type, ...plainMap(r.properties) };
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}
