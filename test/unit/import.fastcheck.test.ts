/**
 * The validator settles most rows with hand-written checks (validate.ts `plainNode`, `plainEdge`) and runs
 * the seed format's whole record schemas only on the others. Those checks must never accept a row the
 * schema refuses: here, thousands of rows with valid and invalid kinds, ids, names, years, counts and
 * properties, each mapped as an import maps it, are put to both.
 */
import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES, NODE_KINDS } from '../../server/src/domain/enums.js';
import { linkRecord, nodeRecord } from '../../server/src/modules/seeds/format.js';
import { mapEdgeRow, mapNodeRow } from '../../server/src/modules/import/columns.js';
import type { Cell, RawRow } from '../../server/src/modules/import/model.js';
import { edgeInput, nodeInput, plainEdge, plainNode } from '../../server/src/modules/import/validate.js';
import { rng } from '../helpers/random.js';

const raw = (section: 'nodes' | 'edges', cells: Record<string, Cell | undefined>): RawRow => ({ file: 'f.csv', fileIndex: 0, section, row: 2, cells: new Map(Object.entries(cells).filter((e): e is [string, Cell] => e[1] !== undefined)) });
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const IDS = ['firm:a', 'firm:bench-12', 'firm:b', 'place:x', 'Firm:A', 'firm a', 'firm:', ':x', 'place:são-paulo', 'x:y.z_1'];
const YEARS = [undefined, undefined, undefined, undefined, '1950', '1800', '2100', '1799', '2101', '1990.5', '-5'];
const VALUES = [undefined, 'furniture', 'global', 'domestic', 'sme|supplier', 'lead', 'quasi_hierarchy', 'nonsense', '3', '2.5', '-1', '7', 'n.a.', 'upstream'];
const NODE_PROPS = ['sector', 'roles', 'market', 'governanceHS', 'employees', 'externalEconomies.labourMarket', 'printed.ce', 'form', 'position', 'year', 'supportType'];
const EDGE_PROPS = ['what', 'market', 'form', 'supportType', 'position', 'between', 'weight'];

describe('the check pass settling rows without the record schemas', () => {
  it('never accepts a node row that nodeRecord refuses, and settles plain rows itself', () => {
    const r = rng(101);
    let settled = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const cells: Record<string, Cell | undefined> = { id: pick(r, IDS), kind: pick(r, [...NODE_KINDS, 'Firm', 'Firm']), name: pick(r, ['A', 'Bench Firm 1', ' ']), validFrom: pick(r, YEARS), validUntil: pick(r, YEARS), count: pick(r, [undefined, '3', '-1', '0', 'many']), aggregate: pick(r, [undefined, 'yes', 'no']), aliases: pick(r, [undefined, 'A|B']) };
      for (let k = 0; k < 3; k += 1) cells[pick(r, NODE_PROPS)] = pick(r, VALUES);
      const { row, issues } = mapNodeRow(raw('nodes', cells));
      if (!row || issues.length) continue;
      const ok = nodeRecord.safeParse(nodeInput(row)).success;
      if (plainNode(row)) {
        expect(ok, JSON.stringify(cells)).toBe(true);
        settled += 1;
      }
      if (!ok) refused += 1;
    }
    expect(settled).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    const bench = mapNodeRow(raw('nodes', { id: 'firm:bench-1', kind: 'Firm', name: 'Bench Firm 1', sector: 'furniture', validFrom: '1951', roles: 'sme|supplier' })).row!;
    expect(plainNode(bench)).toBe(true);
  });

  it('never accepts an edge row that linkRecord refuses, and settles plain rows itself', () => {
    const r = rng(202);
    let settled = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const cells: Record<string, Cell | undefined> = { type: pick(r, [...LINK_TYPE_NAMES, 'SUPPLIES']), from: pick(r, IDS), to: pick(r, IDS), validFrom: pick(r, YEARS), validUntil: pick(r, YEARS), id: pick(r, [undefined, undefined, 'link:x', 'Link X']) };
      for (let k = 0; k < 2; k += 1) cells[pick(r, EDGE_PROPS)] = pick(r, VALUES);
      const { row, issues } = mapEdgeRow(raw('edges', cells));
      if (!row || issues.length) continue;
      const ok = linkRecord.safeParse(edgeInput(row)).success;
      if (plainEdge(row)) {
        expect(ok, JSON.stringify(cells)).toBe(true);
        settled += 1;
      }
      if (!ok) refused += 1;
    }
    expect(settled).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    expect(plainEdge(mapEdgeRow(raw('edges', { type: 'SUPPLIES', from: 'firm:bench-1', to: 'firm:bench-2', what: 'parts', validFrom: '1960' })).row!)).toBe(true);
  });
});
