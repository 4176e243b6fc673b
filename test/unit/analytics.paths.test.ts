import { describe, expect, it } from 'vitest';
import { mustPassThrough } from '../../server/src/modules/analytics/dependency.js';
import { directedGraph } from '../../server/src/modules/analytics/graphs.js';
import { targetSet } from '../../server/src/modules/analytics/targets.js';
import { lostAccess } from '../../server/src/modules/analytics/whatIf.js';
import type { NodeKind } from '../../server/src/domain/enums.js';
import type { EntityRow } from '../../server/src/modules/entities/statements.js';

/** A small market: a firm, a buyer of each type, an institution; kinds as stored. */
const scope = {
  nodes: ['buyer:global', 'buyer:local', 'firm:f', 'institution:i'],
  kinds: new Map<string, NodeKind>([['buyer:global', 'Buyer'], ['buyer:local', 'Buyer'], ['firm:f', 'Firm'], ['institution:i', 'Institution']]),
};
const entity = (id: string, props: Record<string, unknown>): EntityRow => ({ id, kind: scope.kinds.get(id)!, name: id, ...props });
const entities = new Map([
  ['buyer:global', entity('buyer:global', { buyerType: 'global_buyer' })],
  ['buyer:local', entity('buyer:local', { buyerType: 'local_trader' })],
  ['firm:f', entity('firm:f', { roles: ['exporter'] })],
  ['institution:i', entity('institution:i', { institutionType: 'university' })],
]);

describe('targets of dependency and what-if', () => {
  it('defaults to every buyer of the scope', () => {
    expect([...targetSet({ projection: scope, entities, targets: null })].sort()).toEqual(['buyer:global', 'buyer:local']);
  });

  it('takes given ids alone, with no default kind', () => {
    expect([...targetSet({ projection: scope, entities, targets: { ids: ['firm:f'] } })]).toEqual(['firm:f']);
  });

  it('keeps the actors of the given kinds whose buyer type, institution type or roles match', () => {
    expect([...targetSet({ projection: scope, entities, targets: { types: ['global_buyer'] } })]).toEqual(['buyer:global']);
    expect([...targetSet({ projection: scope, entities, targets: { kinds: ['Firm', 'Institution'], types: ['exporter', 'university'] } })]).toEqual(['firm:f', 'institution:i']);
  });
});

describe('dependency: who every path to the targets passes through', () => {
  it('names the dominator chain per target and the actors common to all of them', () => {
    // s → x → y → t1 and x → t2 (hand-drawn): every path to t1 passes x then y, to t2 only x; x is on all.
    const g = directedGraph({ nodes: ['s', 'x', 'y', 't1', 't2'], arcs: [['s', 'x'], ['x', 'y'], ['y', 't1'], ['x', 't2']] });
    expect(mustPassThrough({ graph: g, root: 's', targets: new Set(['t1', 't2']) })).toEqual({
      reachableTargetIds: ['t1', 't2'],
      mustPassThroughIds: ['x'],
      perTarget: [
        { targetId: 't1', mustPassThroughIds: ['x', 'y'] },
        { targetId: 't2', mustPassThroughIds: ['x'] },
      ],
    });
  });

  it('finds no single point of failure where two disjoint routes lead to the target, and skips unreachable targets', () => {
    // Diamond s → a → t, s → b → t: neither a nor b is on every path; u has no path from s.
    const g = directedGraph({ nodes: ['s', 'a', 'b', 't', 'u'], arcs: [['s', 'a'], ['s', 'b'], ['a', 't'], ['b', 't'], ['u', 's']] });
    expect(mustPassThrough({ graph: g, root: 's', targets: new Set(['t', 'u']) })).toEqual({ reachableTargetIds: ['t'], mustPassThroughIds: [], perTarget: [{ targetId: 't', mustPassThroughIds: [] }] });
  });
});

describe('what-if: lost access to targets', () => {
  // p → m → t and p → t2 directly; q → m only; t and t2 are the targets; m goes bankrupt (hand-drawn).
  const g = directedGraph({ nodes: ['m', 'p', 'q', 't', 't2'], arcs: [['p', 'm'], ['m', 't'], ['p', 't2'], ['q', 'm']] });

  it('lists who loses which targets, keeps the rest, and marks those left with none as cut off', () => {
    expect(lostAccess({ graph: g, removed: new Set(['m']), targets: new Set(['t', 't2']) })).toEqual([
      { actorId: 'p', lostIds: ['t'], keptIds: ['t2'], cutOff: false },
      { actorId: 'q', lostIds: ['t'], keptIds: [], cutOff: true },
    ]);
  });

  it('leaves out actors whose access does not change', () => {
    expect(lostAccess({ graph: g, removed: new Set(['q']), targets: new Set(['t', 't2']) })).toEqual([]);
  });
});
