import { describe, expect, it } from 'vitest';
import { toGexf } from '../../client/src/export/gexf.js';
import { edgesCsv } from '../../client/src/export/tabular.js';
import { buildFilter } from '../../client/src/graph/filtering.js';
import { forceLayout } from '../../client/src/graph/forceLayout.js';
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
