import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, BadInputError, TimeoutError, UnavailableError } from '../../server/src/errors.js';
import { formatError, shortenMessage } from '../../server/src/graphql/errors.js';
import { mapDriverError, typedRows } from '../../server/src/neo4j/executor.js';
import { statement } from '../../server/src/neo4j/statement.js';
import { networkStatements } from '../../server/src/modules/network/statements.js';
import { entitiesStatements } from '../../server/src/modules/entities/statements.js';

/** A resolver error as graphql-js hands it to formatError: located and wrapping the thrown error. */
const located = (err: Error) => new GraphQLError(err.message, { originalError: err, path: ['entity'] });

describe('production error masking', () => {
  it('hides an internal error message and stack in production, with code INTERNAL', () => {
    const f = formatError(located(new Error('Neo.DatabaseError at /srv/secret/path.java:42')), true);
    expect(f.message).toBe('Internal error; the server log has the details.');
    expect(f.extensions).toEqual({ code: 'INTERNAL' });
    expect(JSON.stringify(f)).not.toMatch(/secret|stack|java/);
  });

  it('hides an AppError with code INTERNAL in production but shows it in development', () => {
    const err = new AppError('INTERNAL', 'Database error: index entity_search is offline');
    expect(formatError(located(err), true).message).toBe('Internal error; the server log has the details.');
    expect(formatError(located(err), false).message).toMatch(/entity_search/);
  });

  it('keeps a user error readable in production, with its code and the argument at fault', () => {
    const f = formatError(located(new BadInputError('hops must be a whole number ≥ 1, got 0.', 'hops')), true);
    expect(f).toMatchObject({ message: 'hops must be a whole number ≥ 1, got 0.', extensions: { code: 'BAD_USER_INPUT', field: 'hops' }, path: ['entity'] });
  });

  it('keeps the code of a graphql-js validation error', () => {
    expect(formatError(new GraphQLError('Cannot query field "nme" on type "Entity".'), true).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('driver errors become the project errors', () => {
  it('maps an unreachable database to UNAVAILABLE', () => {
    const e = mapDriverError(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', 'N/A', 'N/A'));
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as AppError).code).toBe('UNAVAILABLE');
  });

  it('maps an expired session to UNAVAILABLE', () => {
    expect(mapDriverError(new Neo4jError('expired', 'SessionExpired', 'N/A', 'N/A'))).toBeInstanceOf(UnavailableError);
  });

  it('maps a transaction that ran past QUERY_TIMEOUT_MS to TIMEOUT with advice', () => {
    const e = mapDriverError(new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'N/A', 'N/A'));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.message).toMatch(/QUERY_TIMEOUT_MS/);
  });

  it('maps a uniqueness violation to BAD_USER_INPUT and anything else to INTERNAL', () => {
    expect(mapDriverError(new Neo4jError('Node(1) already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', 'N/A', 'N/A'))).toBeInstanceOf(BadInputError);
    expect((mapDriverError(new Neo4jError('boom', 'Neo.DatabaseError.General.UnknownError', 'N/A', 'N/A')) as AppError).code).toBe('INTERNAL');
  });

  it('passes the project errors through unchanged', () => {
    const err = new BadInputError('nope');
    expect(mapDriverError(err)).toBe(err);
  });
});

describe('typed statement rows', () => {
  const s = statement('entities/example', z.object({ id: z.string(), total: z.number() }));

  it('returns rows that match the declared shape', () => {
    expect(typedRows(s, [{ id: 'a', total: 2 }])).toEqual([{ id: 'a', total: 2 }]);
  });

  it('names the statement, the row and the column when a row does not match', () => {
    expect(() => typedRows(s, [{ id: 'a', total: 1 }, { id: 'b', total: 'two' }])).toThrowError(/cypher\/entities\/example\.cypher .* row 1, column total/);
  });

  it('checks the relationships of an expansion and the properties of rows as closely as zod would, in one test each', () => {
    const hop = (rows: unknown[]) => ({ rows, nodes: [{ id: 'firm:a', kind: 'Firm', name: 'A' }] });
    const good = ['r1', 'SUPPLIES', 'firm:a', 'firm:b', { id: 'r1' }];
    expect(typedRows(networkStatements.expandFrontier, [hop([good])])[0]!.rows).toEqual([{ id: 'r1', type: 'SUPPLIES', source: 'firm:a', target: 'firm:b', props: { id: 'r1' } }]);
    // No properties besides the id read (`__LINK_REST__` as null): none.
    expect(typedRows(networkStatements.expandFrontier, [hop([['r1', 'SUPPLIES', 'firm:a', 'firm:b', null]])])[0]!.rows).toEqual([{ id: 'r1', type: 'SUPPLIES', source: 'firm:a', target: 'firm:b', props: {} }]);
    for (const bad of [['r1', 'SUPPLIES', 'firm:a', 'firm:b'], ['r1', 'SUPPLIES', 'firm:a', 7, {}], ['r1', 'SUPPLIES', 'firm:a', 'firm:b', 'form'], ['r1', 'SUPPLIES', 'firm:a', 'firm:b', []], { id: 'r1' }]) {
      expect(() => typedRows(networkStatements.expandFrontier, [hop([good, bad])]), JSON.stringify(bad)).toThrowError(/network\/expandFrontier\.cypher .* row 0, column rows: relationship 1: expected \[id, type, source, target, properties or null\]/);
    }
    expect(() => typedRows(networkStatements.expandFrontier, [{ rows: 'r1', nodes: [] }])).toThrowError(/column rows: expected a list of relationships/);
    const path = (props: unknown) => ({ nodeIds: ['a', 'b'], rels: [{ id: 'r', type: 'SUPPLIES', source: 'a', target: 'b', props }] });
    expect(() => typedRows(networkStatements.paths, [path({ id: 'r' }), path('r')])).toThrowError(/row 1, column rels\.0\.props: expected a map of properties or null/);
    expect(() => typedRows(networkStatements.paths, [path([])])).toThrowError(/row 0, column rels\.0\.props: expected a map of properties or null/);
    expect(typedRows(networkStatements.paths, [path(null)])[0]!.rels[0]!.props).toEqual({});
  });

  it('checks entities in place, a list at a time, and the links of an entity likewise, naming what is wrong and where', () => {
    const n = { id: 'firm:a', kind: 'Firm', name: 'A', founded: 1990 };
    const row = typedRows(entitiesStatements.entitiesByIds, [{ n }])[0]!;
    expect(row.n).toBe(n);
    const bad: [unknown, RegExp][] = [
      [null, /expected an entity \(a map of properties\)/],
      [{ ...n, id: 7 }, /expected an entity with a string id/],
      [{ ...n, kind: 'Planet' }, /expected an entity of a known kind \(.*Firm.*\), got "Planet"/],
      [{ ...n, name: null }, /expected an entity with a string name/],
    ];
    for (const [b, message] of bad) {
      expect(() => typedRows(entitiesStatements.entitiesByIds, [{ n: b }])).toThrowError(message);
      const page = { total: 2, page: ['firm:a', 'x'], nodes: [n, b] };
      expect(() => typedRows(entitiesStatements.listEntities, [page])).toThrowError(new RegExp(`row 0, column nodes: entity 1: ${message.source}`));
    }
    expect(() => typedRows(entitiesStatements.listEntities, [{ total: 0, page: [], nodes: 'none' }])).toThrowError(/column nodes: expected a list of entities/);
    const link = ['SUPPLIES', { id: 'r1' }, true, n];
    const links = typedRows(entitiesStatements.entityWithLinksOf, [{ n, links: [link] }])[0]!.links;
    expect(links).toEqual([{ type: 'SUPPLIES', props: { id: 'r1' }, outgoing: true, otherId: 'firm:a', other: n }]);
    for (const b of [['SUPPLIES', { id: 'r1' }, 'yes', n], ['SUPPLIES', [], true, n], ['SUPPLIES', { id: 'r1' }, true, { id: 'x' }], ['SUPPLIES', { id: 'r1' }, true]]) {
      expect(() => typedRows(entitiesStatements.entityWithLinksOf, [{ n, links: [link, b] }]), JSON.stringify(b)).toThrowError(/column links: link 1: expected \[type, properties, outgoing, the other entity\]/);
      expect(() => typedRows(entitiesStatements.entityWithLinks, [{ n, links: [[link], [b]] }])).toThrowError(/column links\.1: link 0: expected/);
    }
  });
});

describe('messages that repeat what the caller sent', () => {
  it('cut a 100,000-character value to its start and its length', () => {
    const f = formatError(located(new BadInputError(`id: no entity ${'x'.repeat(100_000)}.`, 'id')), true);
    expect(f.message.length).toBeLessThan(200);
    expect(f.message).toMatch(/^id: no entity x{60}…\(100001 characters\)$/);
  });

  it('leave ordinary messages as they are', () => {
    expect(shortenMessage('hops is 9, over the maximum of 4. (MAX_HOPS)')).toBe('hops is 9, over the maximum of 4. (MAX_HOPS)');
  });
});
