import type { Section } from '../model.js';

const has = (header: string[], names: string[]) => header.some((h) => names.includes(h.trim().toLowerCase()));

/**
 * Whether a table (a CSV file, an XLSX sheet) holds edges or nodes: edges have from and to columns (or
 * source and target, as Gephi and networkx name them); a sheet or file named like "edges" or "links" counts too.
 */
export function sectionOfHeader(header: string[], name: string): Section {
  if (has(header, ['from', 'source']) && has(header, ['to', 'target'])) return 'edges';
  return /(^|[^a-z])(edges?|links?|relationships?)([^a-z]|$)/i.test(name) && !has(header, ['kind']) ? 'edges' : 'nodes';
}
