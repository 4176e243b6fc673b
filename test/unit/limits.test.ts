import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitedParser, limitRules, type RequestLimits } from '../../server/src/graphql/limits.js';
import { modules } from '../../server/src/modules/index.js';

const schema = buildASTSchema(parse(modules.map((m) => readFileSync(m.sdl, 'utf8')).join('\n')));
const LIMITS: RequestLimits = { depth: 10, cost: 5000, aliases: 30, tokens: 3000, directives: 20, pageSize: 200 };

/** Validation as the service runs it: graphql-js's rules, then ours. */
function check(query: string, limits: Partial<RequestLimits> = {}): readonly GraphQLError[] {
  const doc = limitedParser(limits.tokens ?? LIMITS.tokens)(query);
  return validate(schema, doc, [...specifiedRules, ...limitRules({ ...LIMITS, ...limits }, {})]);
}
const limitOf = (errors: readonly GraphQLError[]) => errors.map((e) => e.extensions?.limit).filter(Boolean);

describe('request limits (GraphQL Armor and a cost estimator)', () => {
  it('accepts an ordinary request', () => {
    expect(check('{ entity(id: "firm:segusino") { name links { type other { name } } } }')).toEqual([]);
  });

  it('refuses a request deeper than MAX_QUERY_DEPTH, naming the limit, its value and the depth found', () => {
    const deep = '{ entity(id: "x") { links { other { links { other { links { other { links { other { links { other { name } } } } } } } } } } } }';
    const errors = check(deep);
    expect(limitOf(errors)).toContain('MAX_QUERY_DEPTH');
    const e = errors.find((x) => x.extensions?.limit === 'MAX_QUERY_DEPTH')!;
    expect(e.message).toMatch(/MAX_QUERY_DEPTH limit of 10 \(found \d+\)/);
    expect(e.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', max: 10 });
  });

  it('counts depth through fragments and survives a fragment cycle or an unknown fragment', () => {
    expect(() => check('fragment A on Entity { links { other { ...B } } } fragment B on Entity { links { other { ...A } } } { entity(id: "x") { ...A } }')).not.toThrow();
    const unknown = check('{ ...Unknown }');
    expect(unknown.map((e) => e.message).join(' ')).toMatch(/Unknown fragment "Unknown"/);
  });

  it('counts __typename aliases against MAX_QUERY_ALIASES', () => {
    const many = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const errors = check(many, { tokens: 100_000 });
    expect(limitOf(errors)).toContain('MAX_QUERY_ALIASES');
    expect(errors.find((e) => e.extensions?.limit === 'MAX_QUERY_ALIASES')!.message).toMatch(/limit of 30 \(found 2000\)/);
  });

  it('refuses more directives than MAX_QUERY_DIRECTIVES', () => {
    const q = `{ health { ok ${Array.from({ length: 25 }, () => '@include(if: true)').join(' ')} } }`;
    expect(limitOf(check(q))).toContain('MAX_QUERY_DIRECTIVES');
  });

  it('refuses a costlier request than MAX_QUERY_COST, counting page sizes', () => {
    const errors = check('{ clusters(first: 200) { nodes { links(first: 100) { other { name } } } } }');
    expect(limitOf(errors)).toContain('MAX_QUERY_COST');
  });

  it('stops parsing past MAX_QUERY_TOKENS with an error naming it', () => {
    const long = `{ ${Array.from({ length: 400 }, () => 'health { ok }').join(' ')} }`;
    expect(() => check(long, { tokens: 500 })).toThrowError(/MAX_QUERY_TOKENS limit of 500/);
    try {
      check(long, { tokens: 500 });
    } catch (err) {
      expect((err as GraphQLError).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_TOKENS', max: 500 });
    }
  });
});

describe('the cost of expensive analytics', () => {
  it('counts every alias of an expensive field: 30 centrality calls are refused, one is accepted', () => {
    const one = '{ centrality(sortBy: BETWEENNESS) { betweenness } }';
    expect(check(one)).toEqual([]);
    const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `c${i}: centrality(sortBy: BETWEENNESS) { betweenness }`).join(' ')} }`;
    const errors = check(thirty, { aliases: 100 });
    expect(limitOf(errors)).toEqual(['MAX_QUERY_COST']);
    expect(errors[0]!.message).toMatch(/MAX_QUERY_COST limit of 5000 \(found \d{5}\)/);
  });

  it('counts every alias of startAnalysis, a mutation: ten jobs in one request are refused, one is accepted', () => {
    const job = 'startAnalysis(input: { structuralHoles: {} }) { id }';
    expect(check(`mutation { ${job} }`)).toEqual([]);
    const ten = `mutation { ${Array.from({ length: 10 }, (_, i) => `j${i}: ${job}`).join(' ')} }`;
    expect(limitOf(check(ten, { aliases: 100 }))).toEqual(['MAX_QUERY_COST']);
  });
});

describe('page sizes', () => {
  it('refuses a root field asking for more than MAX_PAGE_SIZE, naming the field and `first`, as a literal or a variable', () => {
    const literal = check('{ clusters(first: 2147483647) { totalCount } }');
    expect(literal[0]).toMatchObject({ message: expect.stringMatching(/^clusters\(first\): 2147483647 is over the MAX_PAGE_SIZE limit of 200/), extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_PAGE_SIZE', field: 'first' } });
    const doc = limitedParser(3000)('query($n: Int) { search(text: "x", first: $n) { score } }');
    const errors = validate(schema, doc, [...specifiedRules, ...limitRules(LIMITS, { n: 201 })]);
    expect(errors.map((e) => e.extensions?.limit)).toContain('MAX_PAGE_SIZE');
    expect(check('{ clusters(first: 200) { totalCount } }')).toEqual([]);
  });
});
