import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gql, serviceForFile, type GqlResult } from '../helpers/db.js';

const service = serviceForFile();

/**
 * Tables 4, 8 and 12 of Pietrobelli & Rabellotti (2004) read straight from the document text (not from the
 * seed files), one row of four codes per cluster in printed order; "n.a." rows give nulls.
 */
function printedCodes(title: RegExp): (number | null)[][] {
  const lines = readFileSync('seeds/documents/pietrobelli2004.txt', 'utf8').split('\n');
  const start = lines.findIndex((l) => title.test(l));
  const rows: (number | null)[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^(Legend|Notes):/.test(line)) break;
    const cells = line.split('\t').slice(-4).map((c) => c.trim());
    if (cells.length === 4 && cells.every((c) => /^(\d|n\.a\.)$/.test(c))) rows.push(cells.map((c) => (c === 'n.a.' ? null : Number(c))));
  }
  return rows;
}

/** The clusters of each table in printed row order (the mapping from row labels to ids is ours, by hand). */
const TABLES = [
  {
    title: /^Table 4: Traditional Manufacturing\. The Pattern of Governance/,
    group: 'TRADITIONAL',
    ids: ['medellin-textiles', 'itajai-textiles', 'bucaramanga-garments', 'gamarra-garments', 'torreon-garments', 'sinos-valley-footwear', 'leon-footwear', 'guadalajara-footwear', 'campina-grande-footwear', 'serra-gaucha-furniture', 'uba-furniture', 'espirito-santo-furniture', 'sao-bento-do-sul-furniture', 'chipilo-furniture', 'santa-catarina-ceramic-tiles'],
  },
  {
    title: /^Table 8: Natural Resources-based Clusters: The Pattern Of Governance/,
    group: 'NATURAL_RESOURCE',
    ids: ['rio-pardo-tobacco', 'colchagua-wine', 'serra-gaucha-wine', 'valle-del-cauca-sugar', 'espirito-santo-marble', 'cuajone-toquepala-copper', 'austral-salmon', 'boaco-chontales-dairy', 'petrolina-juazeiro-fruit', 'rio-grande-do-norte-melons', 'santa-catarina-apples'],
  },
  {
    title: /^Table 12: Complex Product Systems: The Pattern of Governance/,
    group: 'COMPLEX_PRODUCT_SYSTEMS',
    ids: ['sao-jose-dos-campos-aeronautics', 'nova-serrana-automotive', 'caxias-do-sul-automotive', 'juarez-automotive', 'espirito-santo-metalworking', 'jalisco-electronics', 'baja-california-audiovisual', 'san-jose-ict', 'campinas-high-tech'],
  },
];
const COLUMNS = [
  ['market', 'MARKET'],
  ['network', 'NETWORK'],
  ['quasiHierarchy', 'QUASI_HIERARCHY'],
  ['hierarchy', 'HIERARCHY'],
] as const;
const LEGEND: Record<number, string> = { 0: 'absent', 1: 'domestic', 2: 'global', 3: 'domestic and global' };

type Code = { governance: string; code: number; label: string; meaning: string } | null;
type Codes = Record<(typeof COLUMNS)[number][0], Code> | null;

describe('governance codes and filters agree with the printed Tables 4, 8 and 12', () => {
  for (const table of TABLES) {
    it(`returns each ${table.group} cluster's codes with the legend's label and meaning`, async () => {
      const printed = printedCodes(table.title);
      expect(printed).toHaveLength(table.ids.length);
      const r = await gql<{ entitiesByIds: { id: string; cluster: { governanceCodes: Codes } }[] }>(
        service(),
        `query($ids: [ID!]!) { entitiesByIds(ids: $ids) { id cluster { governanceCodes {
          market { governance code label meaning } network { governance code label meaning }
          quasiHierarchy { governance code label meaning } hierarchy { governance code label meaning } } } } }`,
        { ids: table.ids.map((id) => `cluster:${id}`) },
      );
      expect(r.errors).toBeUndefined();
      r.data!.entitiesByIds.forEach((c, i) => {
        const row = printed[i]!;
        const codes = c.cluster.governanceCodes;
        if (row.every((x) => x === null)) return expect(codes, c.id).toBeNull();
        COLUMNS.forEach(([field, governance], j) => {
          expect(codes?.[field], `${c.id} ${field}`).toMatchObject({ governance, code: row[j], label: LEGEND[row[j]!] });
          expect(codes?.[field]?.meaning.length).toBeGreaterThan(20);
        });
      });
    });

    it(`lists a ${table.group} cluster under a governance filter exactly when its printed code is above 0`, async () => {
      const printed = printedCodes(table.title);
      for (const [j, [, governance]] of COLUMNS.entries()) {
        const r = await gql<{ clusters: { nodes: { id: string }[] } }>(
          service(),
          `query($g: Governance!, $s: SectorGroup!) { clusters(filter: { governance: $g, sectorGroup: $s }, first: 200) { nodes { id } } }`,
          { g: governance, s: table.group },
        );
        expect(r.errors).toBeUndefined();
        const listed = new Set(r.data!.clusters.nodes.map((n) => n.id));
        table.ids.forEach((id, i) => {
          const code = printed[i]![j];
          if (code === null || code === undefined) return;
          expect(listed.has(`cluster:${id}`), `${id} under ${governance} (printed ${code})`).toBe(code > 0);
        });
      }
    });
  }
});

describe('value-chain lists answer place and sector filters through their clusters', () => {
  const chains = async (filter: Record<string, unknown>) => {
    const r = await gql<{ valueChains: { totalCount: number; nodes: { id: string }[] } }>(
      service(),
      `query($f: EntityFilter) { valueChains(filter: $f, first: 200) { totalCount nodes { id } } }`,
      { f: filter },
    );
    expect(r.errors).toBeUndefined();
    return { total: r.data!.valueChains.totalCount, ids: r.data!.valueChains.nodes.map((n) => n.id) };
  };

  it('finds the Sinos Valley chains by country, place, sector and sector group', async () => {
    const sinos = 'chain:sinos-valley-footwear-us-quasi-hierarchy';
    for (const filter of [{ country: 'place:brazil' }, { sector: 'footwear' }, { sectorGroup: 'TRADITIONAL' }, { country: 'place:brazil', sector: 'foot' }]) {
      const { ids } = await chains(filter);
      expect(ids, JSON.stringify(filter)).toContain(sinos);
    }
  });

  it('keeps out chains whose clusters do not match', async () => {
    const { ids } = await chains({ country: 'place:mexico' });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('chain:sinos-valley-footwear-us-quasi-hierarchy');
    const { total } = await chains({ sectorGroup: 'NATURAL_RESOURCE', sector: 'footwear' });
    expect(total).toBe(0);
  });
});

describe('one reading of a relationship', () => {
  it('gives the same qualifier for a link read from an entity and as an edge of its neighbourhood', async () => {
    const r = await gql<{
      entity: { links: { id: string; qualifier: string | null }[] };
      neighbourhood: { edges: { id: string; qualifier: string | null }[] };
    }>(
      service(),
      `{ entity(id: "firm:sinos-valley-service-firms") { links(types: [SUBCONTRACTOR_OF], direction: OUT) { id qualifier } }
         neighbourhood(ids: ["firm:sinos-valley-service-firms"], hops: 1, types: [SUBCONTRACTOR_OF]) { edges { id qualifier } } }`,
    );
    expect(r.errors).toBeUndefined();
    const link = r.data!.entity.links[0]!;
    // Albaladejo (2001) line 108: service firms work for the shoe producers; the link stores `what`.
    expect(link.qualifier).toBe('services to shoe manufacturing');
    expect(r.data!.neighbourhood.edges.find((e) => e.id === link.id)?.qualifier).toBe(link.qualifier);
  });
});

describe('lists by kind alone (listEntitiesByKind, without the filter tests)', () => {
  type Page = { entities: { totalCount: number; nodes: { id: string; cluster: { printed: { ce: number | null } | null } | null }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const q = `query($sort: EntitySort!, $desc: Boolean!, $first: Int!, $after: String) {
    entities(filter: { kinds: [CLUSTER] }, sort: $sort, descending: $desc, first: $first, after: $after) {
      totalCount nodes { id cluster { printed { ce } } } pageInfo { hasNextPage endCursor } } }`;
  /** Every page of 7, through the cursors. */
  async function pages(sort: string, desc: boolean) {
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i += 1) {
      const r: GqlResult<Page> = await gql<Page>(service(), q, { sort, desc, first: 7, after });
      expect(r.errors).toBeUndefined();
      total = r.data!.entities.totalCount;
      ids.push(...r.data!.entities.nodes.map((n) => n.id));
      if (!r.data!.entities.pageInfo.hasNextPage) break;
      after = r.data!.entities.pageInfo.endCursor;
    }
    return { ids, total };
  }

  it('orders by the sort key either way with the entities lacking it last, then by id, across pages', async () => {
    const all = await gql<Page>(service(), q, { sort: 'NAME', desc: false, first: 200, after: null });
    const clusters = all.data!.entities.nodes;
    expect(clusters.length).toBe(all.data!.entities.totalCount);
    const ce = new Map(clusters.map((c) => [c.id, c.cluster?.printed?.ce ?? null]));
    expect([...ce.values()].filter((v) => v === null).length).toBeGreaterThan(0); // some clusters print no CE
    for (const desc of [false, true]) {
      const want = [...ce.keys()].sort((a, b) => {
        const x = ce.get(a)!;
        const y = ce.get(b)!;
        if ((x === null) !== (y === null)) return x === null ? 1 : -1;
        if (x !== null && y !== null && x !== y) return desc ? y - x : x - y;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      const got = await pages('CE', desc);
      expect(got.total).toBe(clusters.length);
      expect(got.ids).toEqual(want);
    }
  });
});
