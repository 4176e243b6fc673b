import type { Row } from '../../neo4j/executor.js';

/** The Provenance shape from a STATED_IN relationship's or a link's flattened `source_*` properties. */
export function provenanceFromRow(r: Row, prefix = ''): Record<string, unknown> {
  const g = (k: string) => r[`${prefix}${k}`];
  return {
    doc: g('doc'),
    title: g('title') ?? null,
    lines: g('lines') ?? [],
    quote: g('quote'),
    finding: g('finding') ?? 'own',
    cites: g('cites') ?? null,
    table: g('table') ?? null,
    kind: g('kind') ?? null,
    claim: g('claim') ?? null,
    about: g('about') ?? null,
    also: Array.isArray(g('also')) ? g('also') : [],
  };
}
