import { describe, expect, it } from 'vitest';
import { distinctRoutes, lightestRoutes, weightOf } from '../../server/src/modules/network/routes.js';
import type { PathRow } from '../../server/src/modules/network/statements.js';

/** A path through the given entities, over relationships of the given types (ids made unique by `tag`). */
function path(nodes: string[], types: string[], tag = ''): PathRow {
  return {
    nodeIds: nodes,
    rels: types.map((type, i) => ({ id: `${nodes[i]}-${nodes[i + 1]}${tag}`, type, source: nodes[i]!, target: nodes[i + 1]!, props: {} })),
  };
}

describe('routes', () => {
  it('treats paths that differ only by a parallel relationship as one route', () => {
    const a = path(['s', 'm', 't'], ['SUBCONTRACTOR_OF', 'SELLS_TO'], '#1');
    const b = path(['s', 'm', 't'], ['SUBCONTRACTOR_OF', 'SELLS_TO'], '#2');
    const c = path(['s', 'm', 't'], ['SUPPLIES', 'SELLS_TO']);
    expect(distinctRoutes([a, b, c])).toEqual([a, c]);
  });

  it('weighs a path by its relationship types, 1 for a type without a weight', () => {
    expect(weightOf(path(['s', 'm', 't'], ['SUBCONTRACTOR_OF', 'SELLS_TO']), new Map([['SELLS_TO', 2.5]]))).toBe(3.5);
  });

  it('keeps the k lightest routes per target, lightest first, shorter first on a tie', () => {
    const weights = new Map([['SELLS_TO', 5]]);
    const heavy = path(['s', 't1'], ['SELLS_TO']); // 5
    const light = path(['s', 'm', 'n', 't1'], ['SUPPLIES', 'SUPPLIES', 'SUPPLIES']); // 3
    const tie = path(['s', 'm', 't1'], ['SUPPLIES', 'OWNS']); // 2
    const other = path(['s', 't2'], ['SELLS_TO']); // 5
    const best = lightestRoutes([heavy, light, tie, other], weights, 2);
    expect(best.map((p) => [p.nodeIds.join('>'), p.weight])).toEqual([['s>m>t1', 2], ['s>m>n>t1', 3], ['s>t2', 5]]);
  });
});
