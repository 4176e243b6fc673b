import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/src/graphql/schema.js';
import { readKeysOf } from '../../server/src/graphql/readKeys.js';
import { LINK_TYPE_NAMES } from '../../server/src/domain/enums.js';
import { applyVariant, entityProjection } from '../../server/src/neo4j/executor.js';
import { arrowOf, testsThatHold } from '../../server/src/modules/network/expand.js';

/** Which entity properties a request's statements read: only what its Entity fields show, else all of them. */
const schema = buildSchema();
const keys = (q: string) => readKeysOf(schema, parse(q)).entity;
const linkKeys = (q: string) => readKeysOf(schema, parse(q)).link;

describe('readKeysOf', () => {
  it('reads id, kind and name alone for fields that show nothing else, at any depth and through fragments', () => {
    expect(keys('{ neighbourhood(ids: ["a"]) { nodes { id name kind } edges { id source target } } }')).toEqual([]);
    expect(keys('{ entity(id: "a") { id links(first: 5) { other { ...N } } members { id } } } fragment N on Entity { name }')).toEqual([]);
    expect(keys('{ jointAction(clusterId: "c") { density byForm { form count } subgraph { nodes { id name } } } }')).toEqual([]);
  });

  it('adds the properties a field reads: validFrom, aliases, and for the type one computed value (the first type property set)', () => {
    expect(keys('{ entitiesByIds(ids: ["a"]) { id type validFrom aliases } }')).toEqual(['__types', 'aliases', 'validFrom']);
    // Projected by the statement as the first of the type properties that is set, for whichever variable it projects.
    expect(applyVariant('MATCH (x) RETURN x __ENTITY__ AS x', { entity: ['__types'] })).toBe(
      'MATCH (x) RETURN x {.id, .kind, .name, __types: coalesce(x.roles, x.buyerType, x.institutionType, x.programType, x.role, x.placeType, x.eventType, x.upgradingType)} AS x',
    );
  });

  it('reads every property for `properties`, cluster and chain facts, joint-action scores, fields not listed, mutations and other roots', () => {
    expect(keys('{ entity(id: "a") { properties } }')).toBeNull();
    expect(keys('{ entity(id: "a") { cluster { sector } } }')).toBeNull();
    expect(keys('{ jointAction(clusterId: "c") { scores { printed { ce } } } }')).toBeNull();
    expect(keys('{ entity(id: "a") { notAField } }')).toBeNull();
    expect(keys('{ search(text: "x") { entity { id } } }')).toBeNull();
    expect(keys('query { ...Q } fragment Q on Query { entity(id: "a") { id } }')).toBeNull();
    expect(keys('mutation { deleteEntity(id: "a", provenance: { doc: "d", quote: "q" }) { deleted } }')).toBeNull();
  });
});

describe('the properties read of the other ends of links', () => {
  const of = (q: string) => readKeysOf(schema, parse(q));

  it('are those Link.other shows, apart from the request\'s other entities, when nothing else reads link ends', () => {
    expect(of('{ entity(id: "a") { aliases validFrom links(first: 50) { id other { id name kind } } } }')).toMatchObject({ entity: ['aliases', 'validFrom'], linked: [] });
    expect(of('{ entity(id: "a") { id links { other { aliases ... on Entity { validFrom } } } } }')).toMatchObject({ entity: [], linked: ['aliases', 'validFrom'] });
    expect(of('{ entity(id: "a") { properties links { other { id name } } } }')).toMatchObject({ entity: null, linked: [] });
    expect(applyVariant('RETURN n __ENTITY__ AS n, [m __LINKED__] AS ms', { entity: ['aliases'], linked: [] })).toBe('RETURN n {.id, .kind, .name, .aliases} AS n, [m {.id, .kind, .name}] AS ms');
    expect(applyVariant('RETURN m __LINKED__ AS m', { entity: ['aliases'] })).toBe('RETURN m {.id, .kind, .name, .aliases} AS m');
  });

  it('are the request\'s other entities\' keys, all of them together, when link ends may be read by another field or show the same', () => {
    const joined = (q: string) => {
      const k = of(q);
      expect(k.linked, q).toBeUndefined();
      return k.entity;
    };
    expect(joined('{ entity(id: "a") { aliases links { from { id } other { validFrom } } } }')).toEqual(['aliases', 'validFrom']);
    expect(joined('{ entity(id: "a") { aliases members { id } links { other { validFrom } } } }')).toEqual(['aliases', 'validFrom']);
    expect(joined('{ entity(id: "a") { aliases links { other { validFrom links { id } } } } }')).toEqual(['aliases', 'validFrom']);
    expect(joined('{ entity(id: "a") { aliases links { other { ...O } } } } fragment O on Entity { validFrom }')).toEqual(['aliases', 'validFrom']);
    expect(joined('{ entity(id: "a") { aliases links { other { aliases } } } }')).toEqual(['aliases']);
    expect(joined('{ entity(id: "a") { aliases links { other { properties } } } }')).toBeNull();
  });
});

describe('the relationship properties a request reads', () => {
  it('reads the id always, what Edge and Link fields show (qualifier, years, provenance), and what byForm and chain roles count on', () => {
    expect(linkKeys('{ neighbourhood(ids: ["a"]) { edges { id source target type } } }')).toEqual(['id']);
    expect(linkKeys('{ neighbourhood(ids: ["a"]) { edges { validFrom qualifier } } }')).toEqual(['id', 'market', 'position', 'supportType', 'validFrom', 'what']);
    expect(linkKeys('{ jointAction(clusterId: "c") { byForm { form count } subgraph { edges { id } } } }')).toEqual(['form', 'id']);
    expect(linkKeys('{ entity(id: "a") { chains { role } } }')).toEqual(['id', 'position']);
    expect(linkKeys('{ entity(id: "a") { participants { role } } }')).toEqual(['id', 'position']);
    expect(linkKeys('{ entity(id: "a") { links { source { doc quote } other { id } } } }')).toContain('source_quote');
  });

  it('reads every property for `properties`, fields not listed, mutations and other roots', () => {
    expect(linkKeys('{ entity(id: "a") { links { properties } } }')).toBeNull();
    expect(linkKeys('{ paths(from: "a", to: { ids: ["b"] }) { paths { edges { properties } } } }')).toBeNull();
    expect(linkKeys('{ sources { key } }')).toBeNull();
  });
});

describe('the entity projection of a statement', () => {
  it('reads the given properties with id, kind and name, or every property, and refuses anything but a property name', () => {
    expect(entityProjection(['validFrom', 'name'])).toBe('{.id, .kind, .name, .validFrom}');
    expect(entityProjection(null)).toBe('{.*}');
    expect(applyVariant('RETURN n __ENTITY__ AS n, m __ENTITY__ AS m', { entity: [] })).toBe('RETURN n {.id, .kind, .name} AS n, m {.id, .kind, .name} AS m');
    expect(applyVariant('RETURN n __ENTITY__ AS n', undefined)).toBe('RETURN n {.*} AS n');
    expect(applyVariant('RETURN r __LINK__ AS r', { link: ['form'] })).toBe('RETURN r {.id, .form} AS r');
    expect(applyVariant('RETURN r __LINK__ AS r', { link: null })).toBe('RETURN r {.*} AS r');
    // Besides the id: the rest, all, or null when the request reads nothing more.
    expect(applyVariant('RETURN [r.id, rel __LINK_REST__]', { link: ['form', 'id'] })).toBe('RETURN [r.id, rel {.form}]');
    expect(applyVariant('RETURN [r.id, rel __LINK_REST__]', { link: null })).toBe('RETURN [r.id, rel {.*}]');
    expect(applyVariant('RETURN [r.id, rel __LINK_REST__]', { link: ['id'] })).toBe('RETURN [r.id, null]');
    expect(() => entityProjection(['name} , x {.*'])).toThrow(/not a property name/);
    expect(applyVariant('MATCH (b:__TARGET__)', { targets: ['Buyer', 'Institution'] })).toBe('MATCH (b:Buyer|Institution)');
    expect(applyVariant('MATCH (b:__TARGET__)', undefined)).toBe('MATCH (b:Entity)');
    expect(() => applyVariant('MATCH (b:__TARGET__)', { targets: ['Buyer) DETACH DELETE (b'] })).toThrow(/not a label/);
    expect(applyVariant('MATCH (a)-[r__TYPES__]-(b)', { relTypes: ['SUPPLIES', 'SELLS_TO'] })).toBe('MATCH (a)-[r:SUPPLIES|SELLS_TO]-(b)');
    expect(applyVariant('MATCH (a)-[r__TYPES__]-(b)', undefined)).toBe('MATCH (a)-[r]-(b)');
    expect(() => applyVariant('MATCH (a)-[r__TYPES__]-(b)', { relTypes: ['X]-() DETACH DELETE (a'] })).toThrow(/not a relationship type/);
    // The stored direction written into the pattern, or either way.
    const pattern = 'MATCH (a)__LARROW__-[r__TYPES__]-__RARROW__(b)';
    expect(applyVariant(pattern, { relTypes: ['SUPPLIES'], arrow: 'OUT' })).toBe('MATCH (a)-[r:SUPPLIES]->(b)');
    expect(applyVariant(pattern, { relTypes: ['SUPPLIES'], arrow: 'IN' })).toBe('MATCH (a)<-[r:SUPPLIES]-(b)');
    expect(applyVariant(pattern, { relTypes: ['SUPPLIES'] })).toBe('MATCH (a)-[r:SUPPLIES]-(b)');
    // Written only when no symmetric type is followed (a cooperation is crossed either way), and then its test holds.
    expect(arrowOf({ types: ['SUPPLIES', 'SELLS_TO'], dir: 'OUT' })).toBe('OUT');
    expect(arrowOf({ types: ['SUPPLIES', 'COOPERATES_WITH'], dir: 'OUT' })).toBeUndefined();
    expect(arrowOf({ types: ['SUPPLIES'], dir: 'BOTH' })).toBeUndefined();
    expect(testsThatHold({ types: ['SUPPLIES'], dir: 'IN', year: null, exclude: [] })).toContain('dir');
    expect(testsThatHold({ types: ['SUPPLIES', 'COOPERATES_WITH'], dir: 'IN', year: null, exclude: [] })).not.toContain('dir');
    // Optional tests the caller knows to hold are left out, by name; a name no line carries is refused.
    // Tags of the parts kept are taken off the text sent.
    const tagged = 'MATCH (b)\nWHERE b <> a\n  AND b.x IN $xs  // optional: target\n  AND ($via IS NULL OR b.kind IN $via)  // optional: via\nRETURN b';
    expect(applyVariant(tagged, { omit: ['via'] })).toBe('MATCH (b)\nWHERE b <> a\n  AND b.x IN $xs\nRETURN b');
    expect(applyVariant(tagged, { omit: ['target', 'via'] })).toBe('MATCH (b)\nWHERE b <> a\nRETURN b');
    expect(applyVariant(tagged, {})).toBe('MATCH (b)\nWHERE b <> a\n  AND b.x IN $xs\n  AND ($via IS NULL OR b.kind IN $via)\nRETURN b');
    expect(() => applyVariant(tagged, { omit: ['year'] })).toThrow(/no line is tagged/);
    expect(() => applyVariant(tagged, { omit: ['via.*'] })).toThrow(/not a name of an optional part/);
    // A part of several lines goes whole, and a line standing in for it comes in its place.
    const parts = 'MATCH (a)\n// optional: more {\nCALL (a) {\n  MATCH (a)--(b)\n  RETURN collect(b) AS bs\n}\n// } more\nWITH a, [] AS bs  // instead: more\nRETURN a, bs';
    expect(applyVariant(parts, { omit: ['more'] })).toBe('MATCH (a)\nWITH a, [] AS bs\nRETURN a, bs');
    expect(applyVariant(parts, {})).toBe('MATCH (a)\nCALL (a) {\n  MATCH (a)--(b)\n  RETURN collect(b) AS bs\n}\nRETURN a, bs');
    // Every type of the model, whatever the variant: a relationship looked up by id, through the per-type indexes.
    expect(applyVariant('MATCH ()-[l:__LINK_TYPES__ {id: $id}]->()', { relTypes: ['SUPPLIES'] })).toBe(`MATCH ()-[l:${LINK_TYPE_NAMES.join('|')} {id: $id}]->()`);
  });
});
