import neo4j from 'neo4j-driver';

/**
 * Turns driver values into plain JSON: integers are already numbers (the driver runs with
 * disableLosslessIntegers), temporal values become ISO strings, nodes and relationships become their
 * properties plus labels / type. Driver types never leave the executor.
 *
 * Lists and maps are converted in place: the driver decodes every record afresh and the executor is its only
 * reader, so copying them would only make garbage (a trace of 350 entities decodes thousands of maps). A plain
 * map is recognised by its prototype before the driver's type tests, which cost nine property look-ups each.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
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
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined || (v !== null && typeof v === 'object')) obj[k] = toPlain(v);
  }
  return obj;
}
