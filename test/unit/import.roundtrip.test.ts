import { describe, expect, it } from 'vitest';
import { edgeValues, nodeValues, type ExportEdge, type ExportNode } from '../../server/src/modules/export/columns.js';
import { mapEdgeRow, mapNodeRow } from '../../server/src/modules/import/columns.js';
import type { Cell, RawRow } from '../../server/src/modules/import/model.js';
import { exportedRow, isExportHeader } from '../../server/src/modules/import/parsers/exported.js';
import { structuralLinks } from '../../server/src/modules/import/plan.js';

/**
 * An export's rows read back into the import's row model (parsers/exported.ts), without a database: the rows
 * are made by the export's own `nodeValues` / `edgeValues` from entities shaped as the seed loader stores
 * them (seeds/merge.ts: flattened `a_b` keys, `source_*` provenance), so what is checked is the file as written.
 */
const chain: ExportNode = {
  id: 'valuechain:test-shoes-us', kind: 'ValueChain', name: 'US shoe chain',
  properties: {
    id: 'valuechain:test-shoes-us', kind: 'ValueChain', name: 'US shoe chain', origin: 'seed', aliases: ['US chain'], aliasText: 'US chain',
    sources: ['schmitz1995', 'pietrobelli2004'], cluster: 'cluster:test-sinos', governanceHS: 'quasi_hierarchy', market: 'global', validFrom: 1970,
    conflicts: ['market: "global" vs "domestic" (002.yaml)'],
  },
  country: 'place:brazil', cluster: 'cluster:test-sinos',
  statements: [{ key: 's1', kind: 'declaration', doc: 'pietrobelli2004', lines: [412, 413], quote: 'the US chain', finding: 'cited', cites: 'Schmitz 1995' }, { key: 's2', kind: 'claim', doc: 'schmitz1995', lines: [3], quote: 'x' }],
};
const cluster: ExportNode = {
  id: 'cluster:test-sinos', kind: 'Cluster', name: 'Sinos', country: null, cluster: 'cluster:test-sinos', statements: [],
  properties: { id: 'cluster:test-sinos', kind: 'Cluster', name: 'Sinos', externalEconomies_labourMarket: 3, printed_ce: 10, printed_degree: 'High', exports: 'most', exports_value: 65, computed_ce: 9.5, ceFlags: ['x'], ceDisagrees: false },
};
const tie: ExportEdge = {
  id: 'link:sells-to.test', type: 'SELLS_TO', source: 'firm:test-a', target: 'buyer:test-b',
  properties: { id: 'link:sells-to.test', origin: 'seed', market: 'global', validFrom: 1990, source_doc: 'pietrobelli2004', source_lines: [7], source_quote: 'sells to', source_finding: 'own' },
};

/** A CSV row as the parser reads it: every cell text, as the file holds it. */
function csvRow(values: Record<string, string | number | boolean | null>, section: 'nodes' | 'edges'): RawRow {
  const cells = new Map<string, Cell>(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return { file: `${section}.csv`, fileIndex: 0, section, row: 2, cells };
}

describe('reading an export back', () => {
  it('recognises the export\'s CSV headers, and not an ordinary import\'s', () => {
    expect(isExportHeader(Object.keys(nodeValues(chain)), 'nodes')).toBe(true);
    expect(isExportHeader(Object.keys(edgeValues(tie)), 'edges')).toBe(true);
    expect(isExportHeader(['id', 'kind', 'name', 'country', 'sector'], 'nodes')).toBe(false);
    expect(isExportHeader(['from', 'to', 'type', 'source_doc'], 'edges')).toBe(false);
  });

  it('restores an entity from its stored properties with its link fields, keeps its provenance, and ignores the derived columns', () => {
    const raw = exportedRow(csvRow(nodeValues(chain), 'nodes'));
    const { row, issues } = mapNodeRow(raw);
    expect(issues).toEqual([]);
    expect(row).toMatchObject({ id: chain.id, kind: 'ValueChain', name: 'US shoe chain', aliases: ['US chain'], validFrom: 1970 });
    // Not `country` (derived, and it would draw a LOCATED_IN), not the service's own keys; `cluster` kept as stored.
    expect(row!.country).toBeUndefined();
    expect(row!.props).toEqual({
      cluster: 'cluster:test-sinos', governanceHS: 'quasi_hierarchy', market: 'global',
      statedIn: { doc: 'pietrobelli2004', lines: [412, 413], quote: 'the US chain', finding: 'cited', cites: 'Schmitz 1995', sources: ['schmitz1995', 'pietrobelli2004'], conflicts: ['market: "global" vs "domestic" (002.yaml)'] },
    });
    // The export's edges file carries HAS_CHAIN with its own id and provenance: the row draws no link of its own.
    expect(row!.exported).toBe(true);
    expect(structuralLinks(row!)).toEqual([]);
    expect(structuralLinks({ ...row!, exported: undefined })).toEqual([{ type: 'HAS_CHAIN', from: 'cluster:test-sinos', to: chain.id, field: 'cluster' }]);
  });

  it('nests flattened keys again, keeps a key whole when a shorter one is stored too, and drops computed figures', () => {
    const { row, issues } = mapNodeRow(exportedRow(csvRow(nodeValues(cluster), 'nodes')));
    expect(issues).toEqual([]);
    expect(row!.props).toEqual({ externalEconomies: { labourMarket: 3 }, printed: { ce: 10, degree: 'High' }, exports: 'most', exports_value: 65 });
  });

  it('restores a relationship with its own id, properties and years, its provenance kept beside the import\'s', () => {
    const { row, issues } = mapEdgeRow(exportedRow(csvRow(edgeValues(tie), 'edges')));
    expect(issues).toEqual([]);
    expect(row).toMatchObject({ id: tie.id, type: 'SELLS_TO', from: 'firm:test-a', to: 'buyer:test-b', validFrom: 1990 });
    expect(row!.props).toEqual({ market: 'global', statedIn: { doc: 'pietrobelli2004', lines: [7], quote: 'sells to', finding: 'own' } });
  });

  it('reads JSON export items (properties as objects, provenance lists) the same way', () => {
    const cells = new Map<string, Cell>(Object.entries({ id: tie.id, type: tie.type, source: tie.source, target: tie.target, properties: tie.properties as Cell, provenance: { doc: 'pietrobelli2004', lines: [7], quote: 'sells to', finding: 'own' } }));
    const { row } = mapEdgeRow(exportedRow({ file: 'graph.json', fileIndex: 0, section: 'edges', row: 1, cells }));
    expect(row!.props).toEqual({ market: 'global', statedIn: { doc: 'pietrobelli2004', lines: [7], quote: 'sells to', finding: 'own' } });
  });

  it('reports a properties cell that is not a JSON object, by row and column', () => {
    const values = { ...nodeValues(chain), properties: '{"sector": "shoes"' };
    const { issues } = mapNodeRow(exportedRow(csvRow(values, 'nodes')));
    expect(issues).toEqual([expect.objectContaining({ code: 'VALUE', file: 'nodes.csv', row: 2, column: 'properties', reason: expect.stringContaining('not a JSON object') })]);
  });

  it('exports the kept provenance again, so a second trip shows the document, not the import that carried it', () => {
    const imported: ExportEdge = { ...tie, properties: { id: tie.id, origin: 'import', market: 'global', source_doc: 'import:abc', source_lines: [3], source_quote: 'x', statedIn_doc: 'pietrobelli2004', statedIn_lines: [7], statedIn_quote: 'sells to', statedIn_finding: 'own' } };
    expect(edgeValues(imported)).toMatchObject({ doc: 'pietrobelli2004', lines: '7', quote: 'sells to', finding: 'own', cites: null });
    const node: ExportNode = { ...chain, properties: { ...chain.properties, sources: ['import:abc'], statedIn_sources: ['schmitz1995'], statedIn_doc: 'schmitz1995', statedIn_lines: [1] }, statements: [{ kind: 'declaration', doc: 'import:abc', lines: [2], quote: 'row' }] };
    expect(nodeValues(node)).toMatchObject({ doc: 'schmitz1995', lines: '1', quote: null, sources: 'schmitz1995;import:abc' });
  });
});
