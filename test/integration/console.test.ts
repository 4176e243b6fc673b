import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXAMPLES, type ConsoleResult } from '../../client/src/panels/console.js';
import { vetPlan } from '../../server/src/modules/console/plan.js';
import { refusalError } from '../../server/src/modules/console/policy.js';
import { gql, serviceForFile } from '../helpers/db.js';

/**
 * The read-only Cypher console end to end against the seeded database: reads answer, the row cap and the
 * timeout hold, and every kind of write or administration is refused with its reason while the database
 * stays as it was. A short timeout (1.5 s) keeps the slow-query test quick.
 */
const service = serviceForFile({ CONSOLE_TIMEOUT_MS: '1500', CONSOLE_MAX_ROWS: '200' });

/** The viewer's result shape, plus the query type the viewer does not show. */
type CypherResult = ConsoleResult & { queryType: string };
const CYPHER = `query($query: String!, $params: JSON, $maxRows: Int) {
  cypher(query: $query, params: $params, maxRows: $maxRows) { columns rows rowCount truncated rowCap elapsedMs queryType notices }
}`;
const cypher = (query: string, params?: unknown, maxRows?: number) => gql<{ cypher: CypherResult }>(service(), CYPHER, { query, params, maxRows });

/** What the database holds, by a route that does not go through the console. */
async function footprint() {
  const [counts] = await service().executor.runText('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels', {}, 'READ');
  const schema = await service().executor.runText('SHOW INDEXES YIELD name RETURN count(*) AS indexes', {}, 'READ');
  const constraints = await service().executor.runText('SHOW CONSTRAINTS YIELD name RETURN count(*) AS constraints', {}, 'READ');
  const labels = await service().executor.runText('CALL db.labels() YIELD label RETURN collect(label) AS labels', {}, 'READ');
  return { ...counts, ...schema[0], ...constraints[0], labels: (labels[0]!.labels as string[]).sort() };
}

describe('the console reads', () => {
  it('returns columns and rows, nodes as their properties plus labels', async () => {
    const r = await cypher('MATCH (c:Cluster {id: $id}) RETURN c.name AS name, c AS cluster', { id: 'cluster:sinos-valley-footwear' });
    expect(r.errors).toBeUndefined();
    const out = r.data!.cypher;
    expect(out.columns).toEqual(['name', 'cluster']);
    expect(out.rowCount).toBe(1);
    // seeds/pietrobelli2004: the Sinos Valley footwear cluster.
    expect(out.rows[0]![0]).toMatch(/Sinos Valley/);
    expect(out.rows[0]![1]).toMatchObject({ id: 'cluster:sinos-valley-footwear', labels: expect.arrayContaining(['Cluster']) });
    expect(out).toMatchObject({ truncated: false, rowCap: 200, queryType: 'READ' });
    expect(out.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('cuts the rows at maxRows and says it did, and refuses a cap over CONSOLE_MAX_ROWS', async () => {
    const r = await cypher('UNWIND range(1, 50) AS i RETURN i', undefined, 10);
    expect(r.data!.cypher).toMatchObject({ rowCount: 10, truncated: true, rowCap: 10 });
    expect(r.data!.cypher.rows.map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const exact = await cypher('UNWIND range(1, 10) AS i RETURN i', undefined, 10);
    expect(exact.data!.cypher).toMatchObject({ rowCount: 10, truncated: false });
    const byDefault = await cypher('UNWIND range(1, 1000) AS i RETURN i');
    expect(byDefault.data!.cypher).toMatchObject({ rowCount: 200, truncated: true, rowCap: 200 });
    const over = await cypher('RETURN 1', undefined, 201);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxRows', max: 200 });
  });

  it('stops a query that runs past CONSOLE_TIMEOUT_MS with TIMEOUT', async () => {
    const started = Date.now();
    const r = await cypher('UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(*) AS n');
    expect(r.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect(r.errors?.[0]?.message).toMatch(/CONSOLE_TIMEOUT_MS, 1500 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('names params when the query uses a parameter that params does not give', async () => {
    const r = await cypher('MATCH (n:Entity {id: $id}) RETURN n.name AS name', {});
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/^params: .*\bid\b/), extensions: { code: 'BAD_USER_INPUT', field: 'params' } });
  });

  it('passes params as parameters: quotes in them are data, not Cypher, and whole numbers are integers', async () => {
    const tricky = "x' }) MATCH (n) DETACH DELETE n //";
    const r = await cypher('RETURN $text AS text, size($text) AS length, range(1, 10)[..$n] AS firstThree', { text: tricky, n: 3 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.cypher.rows).toEqual([[tricky, tricky.length, [1, 2, 3]]]);
    const none = await cypher('MATCH (c:Cluster) WHERE c.name = $name RETURN c', { name: "Sinos' OR 1=1 //" });
    expect(none.data!.cypher.rowCount).toBe(0);
  });

  it('runs the allowed procedures and listings', async () => {
    const labels = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.data!.cypher.rows.flat()).toContain('Cluster');
    const version = await cypher('CALL dbms.components() YIELD versions RETURN versions[0] AS version');
    expect(version.data!.cypher).toMatchObject({ queryType: 'SCHEMA_WRITE', rows: [[expect.stringMatching(/^5\./)]] });
    const indexes = await cypher('SHOW INDEXES YIELD name RETURN name');
    expect(indexes.data!.cypher.rowCount).toBeGreaterThan(0);
  });

  it('answers the example queries of the viewer and of the README', async () => {
    const readme = /\{ cypher\(query: "([^"]+)"/.exec(readFileSync('README.md', 'utf8'))?.[1];
    expect(readme).toBeDefined();
    for (const { query, params } of [...EXAMPLES, { query: readme!, params: undefined }]) {
      const r = await cypher(query, params ? JSON.parse(params) : undefined);
      expect(r.errors, query).toBeUndefined();
      expect(r.data!.cypher.rowCount, query).toBeGreaterThan(0);
    }
  });

  it('reports a syntax error as BAD_USER_INPUT with Neo4j’s message and the position in the user’s own text', async () => {
    const r = await cypher('MATCH (n RETURN n');
    const e = r.errors?.[0];
    expect(e?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', neo4jCode: 'Neo.ClientError.Statement.SyntaxError', line: 1, column: 10, offset: 9 });
    expect(e?.message).toMatch(/Invalid input 'RETURN'.*\(line 1, column 10\)$/);
    const empty = await cypher('   ');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });
});

describe('the console refuses, before anything runs, whatever is not a read', () => {
  const refused: [string, string, RegExp][] = [
    ['CREATE (n:ConsoleProbe {id: "test-console"}) RETURN n', 'WRITE', /this query writes \(CREATE\)/],
    ['MERGE (n:ConsoleProbe {id: "test-console"}) RETURN n', 'WRITE', /writes \(MERGE\)/],
    ['MATCH (c:Cluster {id: "cluster:sinos-valley-footwear"}) SET c.name = "changed"', 'WRITE', /writes \(SET\)/],
    ['MATCH (c:Cluster {id: "cluster:sinos-valley-footwear"})-[r]-() DELETE r', 'WRITE', /writes \(DELETE\)/],
    ['MATCH (c:Cluster {id: "cluster:sinos-valley-footwear"}) DETACH DELETE c', 'WRITE', /writes \(DETACH DELETE\)/],
    ['MATCH (c:Cluster) REMOVE c:Cluster', 'WRITE', /writes \(REMOVE\)/],
    ['MATCH (c:Cluster) REMOVE c.name', 'WRITE', /writes \(REMOVE\)/],
    ['FOREACH (i IN [1] | CREATE (:ConsoleProbe))', 'WRITE', /writes \(FOREACH, CREATE\)/],
    ['CALL { CREATE (n:ConsoleProbe) RETURN n } RETURN 1', 'WRITE', /writes \(CREATE\)/],
    ['MATCH (c:Cluster) CALL (c) { CREATE (c)-[:PROBE]->(:ConsoleProbe) } RETURN count(*)', 'WRITE', /writes \(CREATE\)/],
    ['CREATE INDEX console_probe FOR (n:ConsoleProbe) ON (n.id)', 'SCHEMA', /changes the schema \(CREATE INDEX\)/],
    ['DROP CONSTRAINT entity_id IF EXISTS', 'SCHEMA', /changes the schema \(DROP CONSTRAINT\)/],
    ['CALL dbms.security.createUser("eve", "secret-password", false)', 'PROCEDURE', /^Procedure dbms\.security\.createUser is not allowed in the console/],
    ['CREATE USER eve SET PASSWORD "secret-password"', 'ADMINISTRATION', /administration commands \(CREATE USER\)/],
    ['SHOW USERS', 'ADMINISTRATION', /SHOW USERS/],
    ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'ADMINISTRATION', /TERMINATE TRANSACTIONS/],
    ['CALL apoc.create.node(["ConsoleProbe"], {id: "test-console"}) YIELD node RETURN node', 'PROCEDURE', /^Procedure apoc\.create\.node is not allowed/],
    ['CALL db.createLabel("ConsoleProbe")', 'PROCEDURE', /^Procedure db\.createLabel is not allowed/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV', /LOAD CSV is not allowed/],
    ['UNWIND [1, 2] AS i CALL (i) { CREATE (:ConsoleProbe {i: i}) } IN TRANSACTIONS OF 1 ROWS', 'IN_TRANSACTIONS', /IN TRANSACTIONS is not allowed/],
    ["USING PERIODIC COMMIT LOAD CSV FROM 'x' AS l CREATE (:ConsoleProbe)", 'PERIODIC_COMMIT', /PERIODIC COMMIT/],
  ];

  it('refuses each with its reason, as BAD_USER_INPUT on query, and leaves the database as it was', async () => {
    const before = await footprint();
    const answers: [string, unknown, unknown, string | undefined][] = [];
    for (const [query] of refused) {
      const r = await cypher(query);
      answers.push([query, r.data?.cypher ?? null, r.errors?.[0]?.extensions, r.errors?.[0]?.message]);
    }
    for (const [i, [query, data, extensions, message]] of answers.entries()) {
      const [, kind, reason] = refused[i]!;
      expect(data, query).toBeNull();
      expect(extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', refusal: kind });
      expect(message, query).toMatch(reason);
    }
    expect(await footprint()).toEqual(before);
  });

  it('refuses by Neo4j\'s plan alone what the text check catches first (each gate holds without the one before)', async () => {
    const planOnly = (text: string) =>
      service().executor.readUserQuery({
        text, params: {}, timeoutMs: 5000, maxRows: 10,
        vet: (planned) => {
          const refused = vetPlan(planned, { database: 'neo4j', text });
          if (refused) throw refusalError(refused);
        },
      });
    const cases: [string, string][] = [
      ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV'],
      ['UNWIND [1] AS i CALL (i) { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n', 'IN_TRANSACTIONS'],
      ['CREATE INDEX console_probe FOR (n:ConsoleProbe) ON (n.id)', 'SCHEMA'],
      ['SHOW USERS', 'ADMINISTRATION'],
      ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'ADMINISTRATION'],
      ['CALL db.createLabel("ConsoleProbe")', 'PROCEDURE'],
      ['CALL dbms.listConfig()', 'PROCEDURE'],
    ];
    const before = await footprint();
    for (const [text, kind] of cases) await expect(planOnly(text), text).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { refusal: kind } });
    expect(await footprint()).toEqual(before);
  });

  it('is backed by Neo4j itself: a write that got past the checks is still refused by the READ transaction', async () => {
    const before = await footprint();
    const run = service().executor.readUserQuery({ text: 'CREATE (n:ConsoleProbe {id: "test-console"}) RETURN n', params: {}, timeoutMs: 5000, maxRows: 10, vet: () => undefined });
    await expect(run).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { neo4jCode: 'Neo.ClientError.Statement.AccessMode' } });
    expect(await footprint()).toEqual(before);
  });
});
