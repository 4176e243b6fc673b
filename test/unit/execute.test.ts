import { execute, parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../../server/src/graphql/execute.js';

// A schema with what the service's has: lists of objects, an interface, arguments with defaults, enums,
// nullable and non-null fields, async resolvers and resolvers that fail.
let resolved = 0;
const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    enum Kind { FIRM BUYER }
    interface Named { id: ID! name: String }
    type Actor implements Named { id: ID! name: String kind: Kind! links(first: Int = 2): [Actor!]! }
    type Query {
      actor(id: ID!): Actor
      actors(kind: Kind): [Actor!]!
      broken: Actor
      brokenStrict: Actor!
      named: [Named!]!
    }
  `,
  resolvers: {
    Query: {
      actor: (_: unknown, { id }: { id: string }) => ({ id, name: `actor ${id}`, kind: 'FIRM' }),
      actors: async (_: unknown, { kind }: { kind?: string }) => [1, 2, 3].map((i) => ({ id: String(i), name: i === 2 ? null : `a${i}`, kind: kind ?? (i % 2 ? 'FIRM' : 'BUYER') })),
      broken: () => {
        throw Object.assign(new Error('no such actor'), { code: 'NOT_FOUND' });
      },
      brokenStrict: () => null,
      named: () => [{ id: 'x', name: 'x' }],
    },
    Actor: {
      links: (a: { id: string }, { first }: { first: number }) => {
        resolved += 1;
        return Array.from({ length: first }, (_, i) => ({ id: `${a.id}.${i}`, name: null, kind: 'BUYER' }));
      },
    },
    Named: { __resolveType: () => 'Actor' },
  },
});

describe('compiled execution (graphql-jit, once per document)', () => {
  const QUERIES = [
    ['lists, defaults, aliases, fragments and __typename', '{ actors { id name kind __typename links { id } more: links(first: 3) { ...A } } } fragment A on Actor { id kind }'],
    ['arguments and variables', 'query($id: ID!, $k: Kind) { actor(id: $id) { name } actors(kind: $k) { id kind } }', { id: '7', k: 'BUYER' }],
    ['a failing resolver: null with its error, path and original error', '{ actor(id: "1") { id } broken { id } }'],
    ['null in a non-null field: the error bubbles to the nearest nullable parent', '{ actor(id: "1") { id } brokenStrict { id } }'],
    ['an interface', '{ named { id ... on Actor { kind } } }'],
    ['skip and include', 'query($s: Boolean!) { actors { id name @skip(if: $s) kind @include(if: $s) } }', { s: true }],
  ] as const;
  for (const [what, text, variables] of QUERIES) {
    it(`answers as graphql-js does: ${what}`, async () => {
      const run = compiledExecution();
      const document = parse(text);
      const args = { schema, document, variableValues: variables ?? {}, contextValue: {} };
      const jit = await run(args);
      const reference = await execute(args);
      expect(JSON.parse(JSON.stringify(jit))).toEqual(JSON.parse(JSON.stringify(reference)));
      expect((jit.errors ?? []).map((e) => [e.message, e.path, (e.originalError as { code?: string } | undefined)?.code])).toEqual(
        (reference.errors ?? []).map((e) => [e.message, e.path, (e.originalError as { code?: string } | undefined)?.code]),
      );
    });
  }

  it('runs one document again with other variables (the compiled query is kept for its document)', async () => {
    const run = compiledExecution();
    const document = parse('query($id: ID!) { actor(id: $id) { name links { id } } }');
    resolved = 0;
    const a = await run({ schema, document, variableValues: { id: 'a' } });
    const b = await run({ schema, document, variableValues: { id: 'b' } });
    expect(a.data).toEqual({ actor: { name: 'actor a', links: [{ id: 'a.0' }, { id: 'a.1' }] } });
    expect(b.data).toEqual({ actor: { name: 'actor b', links: [{ id: 'b.0' }, { id: 'b.1' }] } });
    expect(resolved).toBe(2);
  });

  it('leaves a document it cannot compile to graphql-js, which names the problem', async () => {
    const run = compiledExecution();
    const document = parse('query A { actors { id } } query B { named { id } }');
    const reference = await execute({ schema, document });
    const r = await run({ schema, document });
    expect(r).toEqual(reference);
    expect(r.errors?.[0]?.message).toMatch(/operation name/i);
    expect((await run({ schema, document, operationName: 'B' })).data).toEqual({ named: [{ id: 'x' }] });
  });
});
