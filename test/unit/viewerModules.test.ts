import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GqlError } from '../../client/src/api/client.js';
import { inPages, newPageMemory } from '../../client/src/api/paging.js';
import { toGexf } from '../../client/src/export/gexf.js';
import { edgesCsv } from '../../client/src/export/tabular.js';
import { buildFilter } from '../../client/src/graph/filtering.js';
import { forceLayout } from '../../client/src/graph/forceLayout.js';
import { LARGE_GRAPH_NODES } from '../../client/src/graph/layouts.js';
import { edgeData, nodeData, type ElementSet } from '../../client/src/graph/elements.js';
import { emptyFilters, initialState, stateFromQuery, stateToQuery } from '../../client/src/state.js';

// Pure modules of the viewer (client/src), tested without a browser. Fixtures are four hand-made actors.
const set: ElementSet = {
  nodes: [
    nodeData({ id: 'cluster:c', kind: 'CLUSTER', name: 'C & "D" <cluster>', aggregate: false, type: [], cluster: { sectorGroup: 'TRADITIONAL' }, places: [{ id: 'place:brazil', name: 'Brazil', type: ['country'] }] }),
    nodeData({ id: 'firm:a', kind: 'FIRM', name: 'A', aggregate: true, type: ['sme'], places: [{ id: 'place:brazil', name: 'Brazil', type: ['country'] }] }),
    nodeData({ id: 'buyer:b', kind: 'BUYER', name: 'B', aggregate: false, type: [], places: [{ id: 'place:usa', name: 'USA', type: ['country'] }] }),
    nodeData({ id: 'chain:x', kind: 'VALUE_CHAIN', name: 'X', aggregate: false, type: [], chain: { governanceHS: 'MARKET' } }),
  ],
  edges: [
    edgeData({ id: 'e1', type: 'MEMBER_OF', source: 'firm:a', target: 'cluster:c' }),
    edgeData({ id: 'e2', type: 'SELLS_TO', source: 'firm:a', target: 'buyer:b', validFrom: 1990 }),
    edgeData({ id: 'e3', type: 'COOPERATES_WITH', source: 'firm:a', target: 'cluster:c', form: 'horizontal_bilateral' }),
  ],
};

describe('GEXF export', () => {
  it('writes a GEXF 1.3 document with every node and edge, escaped, symmetric ties undirected', () => {
    const xml = toGexf({ nodes: set.nodes, edges: set.edges });
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('version="1.3"');
    expect(xml.match(/<node /g)).toHaveLength(4);
    expect(xml.match(/<edge /g)).toHaveLength(3);
    expect(xml).toContain('label="C &amp; &quot;D&quot; &lt;cluster&gt;"');
    expect(xml).toMatch(/<edge id="e3"[^>]*type="undirected"/);
    expect(xml).not.toMatch(/<edge id="e2"[^>]*type="undirected"/);
  });
});

describe('CSV export', () => {
  it('quotes cells that hold commas or quotes (RFC 4180)', () => {
    const csv = edgesCsv([{ ...set.edges[1]!, qualifier: 'US, "high end"' }]);
    expect(csv.split('\r\n')[1]).toBe('e2,firm:a,buyer:b,SELLS_TO,,"US, ""high end""",,1990,');
  });
});

describe('page state in the URL', () => {
  it('reads back every part of a state it wrote', () => {
    const s = { ...initialState('es'), view: 'paths' as const, expanded: ['cluster:c', 'firm:a'], hidden: ['buyer:b'], selected: 'firm:a', year: 1998, hops: 2, direction: 'OUT' as const,
      size: 'brokerage' as const, brokers: true, table: true, filters: { ...emptyFilters(), kinds: ['FIRM'], types: ['SELLS_TO'], cluster: 'cluster:c', country: 'place:brazil', sectorGroup: 'TRADITIONAL', governance: 'MARKET' },
      paths: { from: 'firm:a', to: 'buyer:b', maxLength: 3, index: 2 } };
    expect(stateFromQuery(stateToQuery(s), 'en')).toEqual(s);
  });

  it('ignores values it does not know and keeps the defaults', () => {
    const s = stateFromQuery('view=nonsense&lang=xx&hops=99&dir=UP&size=huge', 'pt');
    expect(s.view).toBe('network');
    expect(s.lang).toBe('pt');
    expect(s.hops).toBe(4);
    expect(s.direction).toBe('BOTH');
    expect(s.size).toBe('none');
  });
});

describe('filters', () => {
  it('keeps a cluster and its members (by MEMBER_OF), actors of the chosen country and ties of the chosen types', () => {
    const byCluster = buildFilter({ ...emptyFilters(), cluster: 'cluster:c' }, null, set, new Set());
    expect(set.nodes.filter(byCluster.keepNode).map((n) => n.id)).toEqual(['cluster:c', 'firm:a']);
    const byCountry = buildFilter({ ...emptyFilters(), country: 'place:usa' }, null, set, new Set());
    expect(set.nodes.filter(byCountry.keepNode).map((n) => n.id)).toEqual(['buyer:b', 'chain:x']);
    const byType = buildFilter({ ...emptyFilters(), types: ['SELLS_TO'] }, null, set, new Set());
    expect(set.edges.filter(byType.keepEdge).map((e) => e.id)).toEqual(['e2']);
    const bySector = buildFilter({ ...emptyFilters(), sectorGroup: 'TRADITIONAL' }, null, set, new Set());
    expect(set.nodes.filter(bySector.keepNode).map((n) => n.id)).toEqual(['cluster:c', 'firm:a', 'chain:x']);
  });
});

describe('force layout for large graphs', () => {
  it('is reproducible, finite, and puts tied nodes closer than untied ones', () => {
    // Two 20-node rings joined by one tie: nodes of a ring should end nearer each other than nodes of different rings.
    const pairs: number[] = [];
    for (let r = 0; r < 2; r++) for (let i = 0; i < 20; i++) pairs.push(r * 20 + i, r * 20 + ((i + 1) % 20));
    pairs.push(0, 20);
    const edges = new Uint32Array(pairs);
    const a = forceLayout({ n: 40, edges, iterations: 80 });
    expect(forceLayout({ n: 40, edges, iterations: 80 })).toEqual(a);
    expect([...a].every(Number.isFinite)).toBe(true);
    const dist = (i: number, j: number) => Math.hypot(a[i * 2]! - a[j * 2]!, a[i * 2 + 1]! - a[j * 2 + 1]!);
    let within = 0;
    let across = 0;
    for (let i = 0; i < 20; i++) {
      within += dist(i, (i + 10) % 20) + dist(20 + i, 20 + ((i + 10) % 20));
      across += dist(i, 20 + ((i + 10) % 20)) * 2;
    }
    expect(within).toBeLessThan(across);
  });
});

describe('questions asked in pages', () => {
  /**
   * A stand-in for the server: answers one row per id asked for, and refuses a page over `maxFirst` ids with
   * the error the real server gives (LIMIT_EXCEEDED naming limit, max and actual, as LimitError does).
   */
  function fakeServer(maxFirst: number) {
    const asked: number[] = [];
    const ask = async (page: string[]) => {
      asked.push(page.length);
      if (page.length > maxFirst) {
        throw new GqlError(`centrality(first): ${page.length} is over the MAX_PAGE_SIZE limit of ${maxFirst}.`, 'LIMIT_EXCEEDED', undefined, { code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', max: maxFirst, actual: page.length });
      }
      return page.map((id) => `measured ${id}`);
    };
    return { asked, ask };
  }
  const ids = Array.from({ length: 8 }, (_, i) => `firm:${i}`);

  it('asks again in pages of the maximum the refusal names, answers every id once, and remembers the size', async () => {
    const server = fakeServer(3);
    const memory = newPageMemory();
    expect(await inPages({ ids, ask: server.ask, memory })).toEqual(ids.map((id) => `measured ${id}`));
    expect(server.asked).toEqual([8, 3, 3, 2]);
    server.asked.length = 0;
    await inPages({ ids, ask: server.ask, memory });
    expect(server.asked).toEqual([3, 3, 2]);
  });

  it('asks once when the server accepts everything at once', async () => {
    const server = fakeServer(200);
    expect(await inPages({ ids, ask: server.ask, memory: newPageMemory() })).toHaveLength(8);
    expect(server.asked).toEqual([8]);
  });

  it('shrinks the page in proportion to a refused request cost', async () => {
    // Cost 1 + 11 per row (brokerage with its scores), at most 50: 8 rows cost 89, 4 rows 45.
    const asked: number[] = [];
    const ask = async (page: string[]) => {
      asked.push(page.length);
      const cost = 1 + 11 * page.length;
      if (cost > 50) throw new GqlError('Request refused: over the MAX_QUERY_COST limit.', 'LIMIT_EXCEEDED', undefined, { limit: 'MAX_QUERY_COST', max: 50, actual: cost });
      return page;
    };
    expect(await inPages({ ids, ask, memory: newPageMemory() })).toEqual(ids);
    expect(asked).toEqual([8, 4, 4]);
  });

  it('passes on a refusal that a smaller page would not cure, after one request', async () => {
    let requests = 0;
    const ask = async (): Promise<string[]> => {
      requests++;
      throw new GqlError('actors in the analysed network is 8, over the maximum of 5.', 'LIMIT_EXCEEDED', undefined, { limit: 'actors in the analysed network', max: 5, actual: 8 });
    };
    await expect(inPages({ ids, ask, memory: newPageMemory() })).rejects.toThrow('over the maximum of 5');
    expect(requests).toBe(1);
  });
});

describe('README', () => {
  it('states the number of actors above which the viewer switches to its lighter drawing as the code has it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const viewer = readme.slice(readme.indexOf('## The viewer'), readme.indexOf('\n## ', readme.indexOf('## The viewer') + 1));
    const stated = /Above ([\d,]+) actors on screen it switches to a lighter drawing/.exec(viewer.replace(/\s+/g, ' '))?.[1];
    expect(stated, 'the viewer paragraph of README.md names the threshold').toBeDefined();
    expect(Number(stated!.replace(/,/g, ''))).toBe(LARGE_GRAPH_NODES);
  });
});
