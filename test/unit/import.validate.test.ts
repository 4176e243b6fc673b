import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkImport } from '../../server/src/modules/import/check.js';
import { mapEdgeRow, mapNodeRow } from '../../server/src/modules/import/columns.js';
import { fileInMemory } from '../../server/src/modules/import/files.js';
import { formatIssue, type Cell, type RawRow } from '../../server/src/modules/import/model.js';
import { planNodes, restoreProps, type Existing } from '../../server/src/modules/import/plan.js';
import type { Lookups } from '../../server/src/modules/import/validate.js';

/** A database holding two entities, as the validator asks it. */
const DB = new Map([
  ['place:mexico', { kind: 'Place', aggregate: false }],
  ['firm:stored', { kind: 'Firm', aggregate: false }],
]);
const lookups: Lookups = {
  entities: async (ids) => new Map(ids.filter((i) => DB.has(i)).map((i) => [i, DB.get(i)!])),
  links: async (ids) => new Map(ids.filter((i) => i === 'link:taken').map((i) => [i, { type: 'SUPPLIES', from: 'firm:x', to: 'firm:y' }])),
};
const raw = (section: 'nodes' | 'edges', cells: Record<string, Cell>): RawRow => ({ file: 'f.csv', fileIndex: 0, section, row: 2, cells: new Map(Object.entries(cells)) });

async function check(nodes: string, edges?: string) {
  const files = [fileInMemory('nodes.csv', Buffer.from(nodes)), ...(edges ? [fileInMemory('edges.csv', Buffer.from(edges))] : [])];
  const { validator } = await checkImport({ files, lookups });
  return validator.issues.map(formatIssue);
}

describe('mapping cells to the row model', () => {
  it('reads kinds and types in any case, lists split on |, years and numbers, dotted columns as nested properties', () => {
    const { row, issues } = mapNodeRow(raw('nodes', { ID: 'cluster:x', Kind: 'cluster', name: 'X', 'externalEconomies.labourMarket': '2.5', 'printed.ce': 'n.a.', validFrom: '1990', aliases: 'A | B', employees: '250', code: '0012' }));
    expect(issues).toEqual([]);
    expect(row).toMatchObject({ id: 'cluster:x', kind: 'Cluster', aliases: ['A', 'B'], validFrom: 1990, props: { externalEconomies: { labourMarket: 2.5 }, printed: { ce: null }, employees: 250, code: '0012' } });
    const edge = mapEdgeRow(raw('edges', { source: 'firm:a', target: 'firm:b', relationship: 'subcontractor of', weight: '2' }));
    expect(edge.row).toMatchObject({ type: 'SUBCONTRACTOR_OF', from: 'firm:a', to: 'firm:b', props: { weight: 2 } });
  });

  it('refuses properties the service keeps for itself', () => {
    expect(mapNodeRow(raw('nodes', { id: 'firm:a', kind: 'Firm', name: 'A', origin: 'seed' })).issues.map((i) => i.reason)).toEqual(['origin is kept by the service and cannot be imported']);
    expect(mapEdgeRow(raw('edges', { type: 'SUPPLIES', from: 'firm:a', to: 'firm:b', source_doc: 'x' })).issues.map((i) => i.reason)).toEqual(['source_doc is kept by the service and cannot be imported']);
  });
});

describe('checking an import', () => {
  it('accepts references to the database and to rows before or after, in the same or another file', async () => {
    expect(await check('id,kind,name,locatedIn\nfirm:a,Firm,A,place:later\nplace:later,Place,Later,\nfirm:b,Firm,B,place:mexico\n', 'type,from,to\nSUPPLIES,firm:a,firm:stored\n')).toEqual([]);
  });

  it('rejects a row that refers to a row rejected later, and rows that refer to that one in turn', async () => {
    // place:p (row 3) is rejected only once its own reference is settled; firm:a (row 2) came before it.
    const issues = await check('id,kind,name,locatedIn,country\nfirm:a,Firm,A,place:p,\nplace:p,Place,P,,place:ghost\nfirm:b,Firm,B,,\n', 'type,from,to\nSUPPLIES,firm:b,firm:a\n');
    expect(issues).toEqual([
      'nodes.csv row 3, column country: refers to place:ghost, which is neither in this import nor in the database [REFERENCE]',
      'nodes.csv row 2, column locatedIn: refers to place:p, whose row (nodes.csv row 3) was rejected [REFERENCE]',
      'edges.csv row 2, column to: refers to firm:a, whose row (nodes.csv row 2) was rejected [REFERENCE]',
    ]);
  });

  it('refuses an id the database holds as another kind, and a link id taken by another relationship', async () => {
    expect(await check('id,kind,name\nfirm:stored,Buyer,Stored\n', 'id,type,from,to\nlink:taken,SUPPLIES,firm:stored,place:mexico\n')).toEqual([
      'nodes.csv row 2, column kind: firm:stored is a Firm in the database but a Buyer here: one id, one thing [IDENTITY]',
      'edges.csv row 2, column from: refers to firm:stored, whose row (nodes.csv row 2) was rejected [REFERENCE]',
      'edges.csv row 2, column id: link id link:taken already names SUPPLIES firm:x → firm:y in the database: one id, one relationship [IDENTITY]',
    ]);
  });

  it('allows a link from a group to itself, not from a single actor', async () => {
    const issues = await check('id,kind,name,aggregate\nfirm:smes,Firm,SMEs,true\nfirm:one,Firm,One,false\n', 'type,from,to\nCOOPERATES_WITH,firm:smes,firm:smes\nCOOPERATES_WITH,firm:one,firm:one\n');
    expect(issues).toEqual(['edges.csv row 3, column to: a link from an actor to itself says nothing: check from and to (allowed only for aggregate nodes and clusters) [REFERENCE]']);
  });
});

describe('checking a workbook', () => {
  it('tells rows of different sheets apart: a rejected row 2 of one sheet leaves row 2 of another valid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('firms').addRows([['id', 'kind', 'name'], ['firm:w', 'Firm', 'W']]);
    wb.addWorksheet('places').addRows([['id', 'kind', 'name', 'placeType'], ['place:w', 'Place', 'W town', 'village']]);
    wb.addWorksheet('ties').addRows([['type', 'from', 'to'], ['SUPPLIES', 'firm:w', 'firm:stored'], ['LOCATED_IN', 'firm:w', 'place:w']]);
    const file = fileInMemory('w.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const { validator } = await checkImport({ files: [file], lookups });
    expect(validator.issues.map(formatIssue)).toEqual([
      'w.xlsx [places] row 2, column placeType: "village" is not one of: country, region, state, municipality, locality, continent [VALUE]',
      'w.xlsx [ties] row 3, column to: refers to place:w, whose row (w.xlsx [places] row 2) was rejected [REFERENCE]',
    ]);
    expect(validator.counts).toMatchObject({ nodes: 2, edges: 2, rejected: 2 });
  });
});

describe('planning what a row changes on an existing entity', () => {
  const k = { key: 'import:abc', short: 'abc' };
  const row = mapNodeRow({ ...raw('nodes', { id: 'firm:s', kind: 'Firm', name: 'Other Name', sector: 'wood', roles: 'sme|supplier', size: '10' }), file: 'n.csv' }).row!;
  const existing = new Map<string, Existing>([['firm:s', { props: { id: 'firm:s', name: 'Stored', sector: 'furniture', roles: ['sme'], aliases: [], aliasText: '', sources: ['seed'] }, stated: false, structural: new Set() }]]);

  it('fills blanks, adds list values and aliases, records differing values as conflicts, and never overwrites', () => {
    const plan = planNodes({ rows: [row], existing, k, later: () => false });
    expect(plan.writes[0]!.set).toEqual({ size: 10, roles: ['sme', 'supplier'], aliases: ['Other Name'], aliasText: 'Other Name', sources: ['seed', 'import:abc'], conflicts: ['sector: "furniture" (stored) vs "wood" (import:abc n.csv row 2)'] });
    expect(plan.updated).toEqual([{ id: 'firm:s', properties: ['size', 'roles', 'aliases'] }]);
    expect(plan.writes[0]!.statement).toMatchObject({ created: false, filled: ['size', 'conflicts'], addedJson: JSON.stringify({ roles: ['supplier'], aliases: ['Other Name'], sources: ['import:abc'] }) });
  });

  it('restores the stored properties exactly when undone', () => {
    const plan = planNodes({ rows: [row], existing, k, later: () => false });
    const after = { ...existing.get('firm:s')!.props, ...plan.writes[0]!.set };
    const st = plan.writes[0]!.statement;
    expect(restoreProps(after, st.filled as string[], JSON.parse(st.addedJson as string) as Record<string, string[]>)).toEqual(existing.get('firm:s')!.props);
  });

  it('changes nothing for a row this import already stated (a repeated or resumed import)', () => {
    const stated = new Map([['firm:s', { ...existing.get('firm:s')!, stated: true }]]);
    expect(planNodes({ rows: [row], existing: stated, k, later: () => false }).writes).toEqual([]);
  });
});
