import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentCache } from '../../server/src/graphql/documents.js';
import { limitedParser, shapeRules, variableRules, type RequestLimits } from '../../server/src/graphql/limits.js';
import { modules } from '../../server/src/modules/index.js';

const schema = buildASTSchema(parse(modules.map((m) => readFileSync(m.sdl, 'utf8')).join('\n')));
const LIMITS: RequestLimits = { depth: 4, cost: 5000, aliases: 30, tokens: 3000, directives: 20, pageSize: 200 };

/** A cache as the app builds it, counting how often the real parser runs. */
function cache(maxTextLength?: number) {
  const parser = limitedParser(LIMITS.tokens);
  const counted = { parses: 0 };
  const c = documentCache({ parse: (s) => (counted.parses += 1, parser(s)), staticRules: shapeRules(LIMITS), maxTextLength });
  const check = (query: string, variables: Record<string, unknown> = {}): readonly GraphQLError[] => c.validate(schema, c.parse(query), variableRules(LIMITS, variables));
  return { c, counted, check };
}
const limitOf = (errors: readonly GraphQLError[]) => errors.map((e) => e.extensions?.limit ?? e.message);

describe('the document cache (parse and document-only rules once per text)', () => {
  it('parses a text once and serves the same document after', () => {
    const { c, counted } = cache();
    const q = 'query($id: ID!) { entity(id: $id) { id name } }';
    const a = c.parse(q);
    expect(c.parse(q)).toBe(a);
    expect(counted.parses).toBe(1);
  });

  it('still checks the variables on every request of a cached text', () => {
    const { check } = cache();
    const q = 'query($n: Int) { search(text: "x", first: $n) { score } }';
    expect(check(q, { n: 10 })).toEqual([]);
    expect(limitOf(check(q, { n: 201 }))).toEqual(['MAX_PAGE_SIZE']);
    expect(check(q, { n: 20 })).toEqual([]);
  });

  it('keeps the verdict of the document-only rules: a too-deep text is refused each time it comes', () => {
    const { check } = cache();
    const deep = '{ entity(id: "a") { links { other { links { other { links { other { name } } } } } } } }';
    expect(limitOf(check(deep))).toEqual(['MAX_QUERY_DEPTH']);
    expect(limitOf(check(deep))).toEqual(['MAX_QUERY_DEPTH']);
    // graphql-js's own rules are among them.
    expect(check('{ nosuchfield }')[0]!.message).toMatch(/Cannot query field "nosuchfield"/);
  });

  it('keeps no document for a text that does not parse, and none for a text over its length', () => {
    const { c, counted } = cache(100);
    expect(() => c.parse('{ entity(')).toThrow(/Syntax Error/);
    expect(() => c.parse('{ entity(')).toThrow(/Syntax Error/);
    expect(counted.parses).toBe(2);
    const long = `{ ${'__typename '.repeat(20)}}`;
    expect(c.parse(long)).not.toBe(c.parse(long));
    expect(counted.parses).toBe(4);
  });
});
