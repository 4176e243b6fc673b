import { describe, expect, it } from 'vitest';
import { dottedName, tokenize } from '../../server/src/modules/console/lexer.js';
import { screenText, writeClauses } from '../../server/src/modules/console/screen.js';

/** The console's text checks (gate 1): what they refuse before Neo4j sees a query, and what they let pass. */
const kind = (q: string, fns?: Set<string>) => screenText(q, fns)?.kind ?? null;

describe('the Cypher lexer', () => {
  it('drops comments and keeps strings, quoted names and parameters as single tokens', () => {
    const tokens = tokenize("MATCH (n) // CREATE (x)\n/* DELETE n */ WHERE n.name = 'CALL x.y()' AND `weird name`.a = $`p q` RETURN n");
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(['MATCH', 'n', 'WHERE', 'n', 'name', 'AND', 'a', 'RETURN', 'n']);
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe('CALL x.y()');
    expect(tokens.find((t) => t.kind === 'name')?.text).toBe('weird name');
    expect(tokens.find((t) => t.kind === 'param')?.text).toBe('p q');
  });

  it('reads escaped quotes inside strings and doubled backticks inside names', () => {
    const tokens = tokenize("RETURN 'it\\'s' AS `a``b`");
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([['word', 'RETURN'], ['string', "it's"], ['word', 'AS'], ['name', 'a`b']]);
  });

  it('joins a dotted name across spaces, comments and backticks', () => {
    const tokens = tokenize('CALL `db` . /* x */ `labels`()');
    expect(dottedName(tokens, 1)).toEqual({ name: 'db.labels', next: 4 });
  });
});

describe('the console screens the text of a query before Neo4j sees it', () => {
  it('lets plain reads, allowed procedures and listing commands through', () => {
    for (const q of [
      'MATCH (c:Cluster) RETURN c.name LIMIT 5',
      'CALL db.labels()',
      'CALL db.labels YIELD label RETURN label',
      'CALL `db`.`relationshipTypes`()',
      'CALL db.index.fulltext.queryNodes("entityNames", $q) YIELD node RETURN node.id',
      'OPTIONAL CALL dbms.components() YIELD name RETURN name',
      'MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS d } RETURN n.id, d',
      'CALL { MATCH (n) RETURN n } RETURN count(n)',
      'WITH 1 AS call RETURN call',
      "MATCH (n) WHERE n.note = 'LOAD CSV, then CALL apoc.create.node()' RETURN n",
      'SHOW INDEXES',
      'SHOW USER DEFINED FUNCTIONS YIELD name',
      'EXPLAIN MATCH (n) RETURN n',
    ]) expect(kind(q), q).toBeNull();
  });

  it('refuses a procedure outside the allow-list, naming it, however it is written', () => {
    expect(screenText('CALL dbms.security.createUser("eve", "secret123", false)')).toEqual({
      kind: 'PROCEDURE',
      message: expect.stringMatching(/^Procedure dbms\.security\.createUser is not allowed in the console/),
    });
    expect(screenText('MATCH (n) CALL apoc.create.setProperty(n, "x", 1) YIELD node RETURN node')?.message).toMatch(/apoc\.create\.setProperty/);
    expect(kind('call /* hidden */ db . createLabel("X")')).toBe('PROCEDURE');
    expect(kind('CALL `dbms.listConfig`()')).toBe('PROCEDURE');
    expect(kind('CALL myProcedure()')).toBe('PROCEDURE');
  });

  it('refuses LOAD CSV, batched transactions and PERIODIC COMMIT', () => {
    expect(kind("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line")).toBe('LOAD_CSV');
    expect(kind('UNWIND range(1, 3) AS i CALL (i) { MATCH (n) RETURN n } IN TRANSACTIONS OF 2 ROWS RETURN n')).toBe('IN_TRANSACTIONS');
    expect(kind('UNWIND [1] AS i CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS RETURN n')).toBe('IN_TRANSACTIONS');
    expect(kind("USING PERIODIC COMMIT LOAD CSV FROM 'x' AS l RETURN l")).toBe('PERIODIC_COMMIT');
  });

  it('refuses administration commands, schema commands, SHOW other than the listings, and PROFILE', () => {
    expect(screenText('CREATE USER eve SET PASSWORD "secret123"')).toMatchObject({ kind: 'ADMINISTRATION', message: expect.stringContaining('CREATE USER') });
    expect(screenText('SHOW CURRENT USER')?.message).toContain('SHOW CURRENT USER');
    expect(kind('GRANT ROLE admin TO eve')).toBe('ADMINISTRATION');
    expect(kind('TERMINATE TRANSACTIONS "neo4j-transaction-1"')).toBe('ADMINISTRATION');
    expect(kind("SHOW TRANSACTIONS 'functions'")).toBe('ADMINISTRATION');
    expect(kind('SHOW SETTINGS')).toBe('ADMINISTRATION');
    expect(kind('CYPHER 5 DROP DATABASE neo4j')).toBe('ADMINISTRATION');
    expect(screenText('CREATE INDEX probe FOR (n:Probe) ON (n.x)')).toMatchObject({ kind: 'SCHEMA', message: expect.stringContaining('CREATE INDEX') });
    expect(kind('CREATE OR REPLACE FULLTEXT INDEX x FOR (n:A) ON EACH [n.b]')).toBe('SCHEMA');
    expect(kind('DROP CONSTRAINT entity_id')).toBe('SCHEMA');
    expect(kind('PROFILE MATCH (n) RETURN n')).toBe('PROFILE');
  });

  it('refuses functions the database has beyond the built-in ones, and only when called', () => {
    const installed = new Set(['apoc.load.jsonParams', 'custom.fetch']);
    expect(screenText('RETURN apoc.load.jsonParams("http://example.org", {}, null) AS x', installed)).toMatchObject({ kind: 'FUNCTION', message: expect.stringContaining('apoc.load.jsonParams') });
    expect(kind('RETURN Custom.Fetch ("x")', installed)).toBe('FUNCTION');
    expect(kind('MATCH (custom) RETURN custom.fetch AS property', installed)).toBeNull();
    expect(kind('RETURN toUpper("x"), point.distance(point({x: 0, y: 0}), point({x: 3, y: 4}))', installed)).toBeNull();
  });
});

describe('the write clauses named in a refusal', () => {
  it('names each clause once, in order, and not the CREATE of ON CREATE SET', () => {
    expect(writeClauses('MERGE (a:X {id: 1}) ON CREATE SET a.t = 1 WITH a MATCH (b) DETACH DELETE b REMOVE a:Y')).toEqual(['MERGE', 'SET', 'DETACH DELETE', 'REMOVE']);
    expect(writeClauses("MATCH (n:Create) WHERE n.set = 'DELETE' RETURN n.remove")).toEqual([]);
    expect(writeClauses('CALL { CREATE (n) RETURN n } RETURN 1')).toEqual(['CREATE']);
  });
});
