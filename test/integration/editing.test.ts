import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, editorHeaders, gql, serviceForFile, testId, type GqlResult } from '../helpers/db.js';

/**
 * Each mutation's bad input: a clear error naming the argument, and nothing half-written (checked in the
 * database afterwards). The fixture is one source, two firms and one link this file creates and deletes;
 * seed facts used: firm:segusino and place:chipilo exist, and pietrobelli2004 line 423 holds the quote below.
 */
const service = serviceForFile({ MAX_PAGE_SIZE: '20' });

const key = `fieldnote-test-${Date.now()}`;
const note = { source: key, quote: 'a note from the visit' };
const seedQuote = { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' };
const a = testId('firm');
const b = testId('firm');
let linkId = '';

const edit = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => gql<T>(service(), query, variables, editorHeaders);
const createEntity = (input: Record<string, unknown>) => edit('mutation($input: EntityInput!) { createEntity(input: $input) { id } }', { input });
const updateEntity = (id: string, patch: Record<string, unknown>) => edit('mutation($id: ID!, $p: EntityPatch!) { updateEntity(id: $id, patch: $p) { id } }', { id, p: patch });
const createLink = (input: Record<string, unknown>) => edit('mutation($input: LinkInput!) { createLink(input: $input) { id } }', { input });
const updateLink = (id: string, patch: Record<string, unknown>) => edit('mutation($id: ID!, $p: LinkPatch!) { updateLink(id: $id, patch: $p) { id source { doc lines } } }', { id, p: patch });
const createSource = (input: Record<string, unknown>) => edit('mutation($i: SourceInput!) { createSource(input: $i) { key } }', { i: input });

/** The first error's code and the argument it names. */
const failure = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field });

/** One number read straight from the database. */
async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await service().executor.runText(cypher, params, 'READ');
  return Number(row?.n);
}
const entityCount = (id: string) => count('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id });
const changeCount = (target: string) => count('MATCH (c:Change {target: $target}) RETURN count(c) AS n', { target });
const linkProps = async (id: string) => (await service().executor.runText('MATCH ()-[l {id: $id}]->() RETURN properties(l) AS p', { id }, 'READ'))[0]?.p as Record<string, unknown>;

beforeAll(async () => {
  expect((await createSource({ key, title: 'Visit to two Chipilo workshops', type: 'FIELD_NOTE', date: '2026-03-14' })).errors).toBeUndefined();
  expect((await createEntity({ id: a, kind: 'FIRM', name: 'Taller A', validFrom: 1990, provenance: note })).errors).toBeUndefined();
  expect((await createEntity({ id: b, kind: 'FIRM', name: 'Taller B', provenance: note })).errors).toBeUndefined();
  const link = await createLink({ type: 'SUBCONTRACTOR_OF', from: a, to: b, validFrom: 1995, provenance: seedQuote });
  expect(link.errors).toBeUndefined();
  linkId = (link.data as { createLink: { id: string } }).createLink.id;
});

afterAll(async () => {
  await service().executor.runText('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids: [a, b] });
  await service().executor.runText('MATCH (s:Source {key: $key}) DETACH DELETE s', { key });
  await service().executor.runText('MATCH (c:Change) WHERE c.target IN $targets DELETE c', { targets: [a, b, linkId, `source:${key}`] });
});

describe('who may edit', () => {
  it('refuses every mutation without the editor token, before looking at its arguments', async () => {
    const attempts = [
      'mutation { createEntity(input: { kind: FIRM, name: "", provenance: { source: "x", quote: "" } }) { id } }',
      'mutation { updateEntity(id: "firm:segusino", patch: { name: "Renamed", provenance: { source: "x", quote: "" } }) { id } }',
      'mutation { deleteEntity(id: "firm:segusino") { deleted } }',
      'mutation { createLink(input: { type: SUPPLIES, from: "firm:segusino", to: "firm:segusino", provenance: { source: "x", quote: "" } }) { id } }',
      `mutation { updateLink(id: "${linkId}", patch: { validUntil: 2001, provenance: { source: "x", quote: "" } }) { id } }`,
      `mutation { deleteLink(id: "${linkId}") { deleted } }`,
      'mutation { createSource(input: { key: "x", title: "", type: INTERVIEW }) { key } }',
    ];
    for (const query of attempts) expect(failure(await gql(service(), query)), query).toMatchObject({ code: 'FORBIDDEN' });
    expect(await entityCount('firm:segusino')).toBe(1);
    expect(await linkProps(linkId)).toMatchObject({ validFrom: 1995 });
  });
});

describe('createEntity', () => {
  it('refuses an empty name, a malformed id, an implausible or reversed year range and a negative count, and writes nothing', async () => {
    const id = testId('firm');
    expect(failure(await createEntity({ id, kind: 'FIRM', name: '   ', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(failure(await createEntity({ id: 'Not An Id', kind: 'FIRM', name: 'X', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(failure(await createEntity({ id, kind: 'FIRM', name: 'X', validFrom: 1492, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.validFrom' });
    expect(failure(await createEntity({ id, kind: 'FIRM', name: 'X', validFrom: 2000, validUntil: 1999, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    expect(failure(await createEntity({ id, kind: 'FIRM', name: 'X', aggregate: true, count: -3, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.count' });
    expect(await entityCount(id)).toBe(0);
    expect(await changeCount(id)).toBe(0);
  });

  it('refuses properties that have their own argument, so years in properties cannot skip the year check', async () => {
    const id = testId('firm');
    const r = await createEntity({ id, kind: 'FIRM', name: 'X', properties: { validFrom: 1066 }, provenance: note });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.properties.validFrom' });
    expect(await entityCount(id)).toBe(0);
  });

  it('asks for the line numbers and a real quote when citing a seed document', async () => {
    const id = testId('firm');
    expect(failure(await createEntity({ id, kind: 'FIRM', name: 'X', provenance: { source: 'pietrobelli2004', quote: seedQuote.quote } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.provenance.lines' });
    expect(failure(await createEntity({ id, kind: 'FIRM', name: 'X', provenance: { source: key, quote: ' ' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.provenance.quote' });
    expect(await entityCount(id)).toBe(0);
  });

  it('answers an id that exists with CONFLICT and leaves that entity as it was', async () => {
    const r = await createEntity({ id: 'firm:segusino', kind: 'FIRM', name: 'Someone else', provenance: note });
    expect(failure(r)).toEqual({ code: 'CONFLICT', field: 'input.id' });
    const still = await gql<{ entity: { name: string } }>(service(), '{ entity(id: "firm:segusino") { name } }');
    expect(still.data!.entity.name).not.toBe('Someone else');
  });

  it('refuses a locatedIn that is not a place and writes neither the entity nor its link', async () => {
    const id = testId('firm');
    const r = await createEntity({ id, kind: 'FIRM', name: 'X', locatedIn: 'firm:segusino', provenance: note });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.locatedIn' });
    expect(await entityCount(id)).toBe(0);
    expect(await count('MATCH ()-[l:LOCATED_IN]->(:Entity {id: "firm:segusino"}) RETURN count(l) AS n')).toBe(0);
    expect(await changeCount(id)).toBe(0);
  });
});

describe('updateEntity', () => {
  it('answers an unknown id with NOT_FOUND naming id and records no change', async () => {
    const id = testId('firm');
    expect(failure(await updateEntity(id, { name: 'Y', provenance: note }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await changeCount(id)).toBe(0);
  });

  it('refuses an empty name, bad kind properties and a validUntil before the stored validFrom, leaving the entity and its statements as they were', async () => {
    expect(failure(await updateEntity(a, { name: ' ', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'patch.name' });
    expect(failure(await updateEntity(a, { properties: { roles: ['giant'] }, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'patch.properties.roles.0' });
    // Taller A was created with validFrom 1990 (beforeAll): 1985 would end it before it began.
    expect(failure(await updateEntity(a, { validUntil: 1985, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'patch.validUntil' });
    expect(failure(await updateEntity(a, { description: 'Z', provenance: { source: 'nosuchsource', quote: 'a note' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'provenance.source' });
    const r = await gql<{ entity: { name: string; description: string | null; validUntil: number | null; sources: unknown[] } }>(service(), 'query($id: ID!) { entity(id: $id) { name description validUntil sources { doc } } }', { id: a });
    expect(r.data!.entity).toEqual({ name: 'Taller A', description: null, validUntil: null, sources: [{ doc: key }] });
    expect(await changeCount(a)).toBe(1);
  });
});

describe('deleteEntity', () => {
  it('answers an unknown id with NOT_FOUND naming id and records no change', async () => {
    const id = testId('firm');
    expect(failure(await edit('mutation($id: ID!) { deleteEntity(id: $id) { deleted } }', { id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await changeCount(id)).toBe(0);
  });
});

describe('createLink', () => {
  const between = () => count('MATCH (:Entity {id: $a})-[l]-(:Entity {id: $b}) RETURN count(l) AS n', { a, b });

  it('refuses a link from an entity to itself, a missing start, a reversed year range and reserved properties, and draws nothing', async () => {
    expect(failure(await createLink({ type: 'SUPPLIES', from: a, to: a, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(failure(await createLink({ type: 'SUPPLIES', from: testId('firm'), to: b, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.from' });
    expect(failure(await createLink({ type: 'SUPPLIES', from: a, to: b, validFrom: 2001, validUntil: 2000, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    expect(failure(await createLink({ type: 'SUPPLIES', from: a, to: b, properties: { id: 'link:mine' }, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.properties.id' });
    expect(failure(await createLink({ type: 'SUPPLIES', from: a, to: b, properties: { source_doc: 'berry1997' }, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.properties.source_doc' });
    expect(await between()).toBe(1);
  });

  it('accepts a joint-action form only on COOPERATES_WITH links, and only a known one', async () => {
    expect(failure(await createLink({ type: 'SUPPLIES', from: a, to: b, form: 'horizontal_bilateral', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.form' });
    expect(failure(await createLink({ type: 'COOPERATES_WITH', from: a, to: b, form: 'sideways', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.form' });
    expect(await between()).toBe(1);
  });
});

describe('updateLink', () => {
  it('answers an unknown id with NOT_FOUND naming id', async () => {
    expect(failure(await updateLink('link:edit-nothing-here', { validUntil: 2001, provenance: note }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await changeCount('link:edit-nothing-here')).toBe(0);
  });

  it('refuses a validUntil before the stored validFrom, a form on a non-cooperation link and an unknown source, leaving the link as it was', async () => {
    const before = await linkProps(linkId);
    // The link was drawn with validFrom 1995 (beforeAll).
    expect(failure(await updateLink(linkId, { validUntil: 1990, provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'patch.validUntil' });
    expect(failure(await updateLink(linkId, { form: 'horizontal_bilateral', provenance: note }))).toEqual({ code: 'BAD_USER_INPUT', field: 'patch.form' });
    expect(failure(await updateLink(linkId, { validUntil: 2002, provenance: { source: 'nosuchsource', quote: 'a note' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'provenance.source' });
    expect(await linkProps(linkId)).toEqual(before);
    expect(await changeCount(linkId)).toBe(1);
  });

  it('replaces the provenance whole: line numbers of the old document do not stay on a field note', async () => {
    const r = await updateLink(linkId, { validUntil: 2002, provenance: note });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ updateLink: { id: linkId, source: { doc: key, lines: [] } } });
    expect(await linkProps(linkId)).not.toHaveProperty('source_lines');
  });
});

describe('deleteLink', () => {
  it('answers an unknown id with NOT_FOUND naming id and records no change', async () => {
    expect(failure(await edit('mutation { deleteLink(id: "link:edit-nothing-here") { deleted } }'))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await changeCount('link:edit-nothing-here')).toBe(0);
  });
});

describe('createSource', () => {
  it('refuses a malformed key, a missing title and a date not on the calendar, and registers nothing', async () => {
    const fresh = `fieldnote-test-bad-${Date.now()}`;
    expect(failure(await createSource({ key: 'Field Note!', title: 'A visit', type: 'FIELD_NOTE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.key' });
    expect(failure(await createSource({ key: fresh, title: '  ', type: 'FIELD_NOTE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(failure(await createSource({ key: fresh, title: 'A visit', type: 'FIELD_NOTE', date: '2026-02-30' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
    expect(failure(await createSource({ key: fresh, title: 'A visit', type: 'FIELD_NOTE', date: 'March 2026' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
    expect(await count('MATCH (s:Source {key: $key}) RETURN count(s) AS n', { key: fresh })).toBe(0);
    expect(await changeCount(`source:${fresh}`)).toBe(0);
  });

  it('answers a key already taken with CONFLICT and leaves that source as it was', async () => {
    expect(failure(await createSource({ key: 'pietrobelli2004', title: 'Another title', type: 'DOCUMENT' }))).toEqual({ code: 'CONFLICT', field: 'input.key' });
    expect(await count('MATCH (s:Source {key: "pietrobelli2004"}) WHERE s.title <> "Another title" RETURN count(s) AS n')).toBe(1);
  });
});

describe('changes', () => {
  it('refuses a page over MAX_PAGE_SIZE instead of cutting it short silently', async () => {
    // MAX_PAGE_SIZE is 20 for this file (serviceForFile above).
    const r = await gql(service(), '{ changes(first: 21) { at } }', {}, adminHeaders);
    expect(r.errors![0]).toMatchObject({ message: expect.stringContaining('MAX_PAGE_SIZE'), extensions: { code: 'LIMIT_EXCEEDED' } });
    const page = await gql<{ changes: unknown[] }>(service(), '{ changes(first: 20) { at } }', {}, adminHeaders);
    expect(page.data!.changes.length).toBeLessThanOrEqual(20);
  });
});
