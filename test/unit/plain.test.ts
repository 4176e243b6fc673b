import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../server/src/neo4j/plain.js';

/** Driver values as the executor hands them on: plain JSON, driver types never leaving it. */
describe('toPlain', () => {
  it('turns temporal values into ISO strings and integers into numbers, inside lists and maps at any depth', () => {
    const date = new neo4j.types.Date(2003, 5, 1);
    const at = new neo4j.types.DateTime(2026, 12, 6, 5, 30, 0, 0, 0);
    const row = { id: 'firm:x', founded: date, events: [{ at, n: neo4j.int(7) }], nested: { list: [[neo4j.int(1), 'a']], none: null } };
    expect(toPlain(row)).toEqual({ id: 'firm:x', founded: '2003-05-01', events: [{ at: '2026-12-06T05:30:00Z', n: 7 }], nested: { list: [[1, 'a']], none: null } });
  });

  it('gives a node its labels and properties and a relationship its type and properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Firm'], { id: 'firm:x', validFrom: neo4j.int(1990) }, 'e1');
    const rel = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'SUPPLIES', { id: 'link:x' }, 'r2', 'e1', 'e3');
    expect(toPlain([node, rel])).toEqual([
      { labels: ['Entity', 'Firm'], id: 'firm:x', validFrom: 1990 },
      { type: 'SUPPLIES', id: 'link:x' },
    ]);
  });

  it('answers null for a missing value and leaves strings, numbers and booleans as they are', () => {
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain({ a: undefined, b: 'x', c: 1.5, d: false })).toEqual({ a: null, b: 'x', c: 1.5, d: false });
  });
});
