import { describe, expect, it } from 'vitest';
import { procedureOf, vetPlan, type PlannedQuery } from '../../server/src/modules/console/plan.js';
import { checkShape, MAX_QUERY_CHARS, rowCap } from '../../server/src/modules/console/service.js';

/**
 * The console's second gate, on plans as Neo4j 5.26 gives them for EXPLAIN (query type and operators,
 * recorded from the test database with the executor's flattening: `Operator@database[Details]`).
 */
const plan = (queryType: string, ...ops: string[]): PlannedQuery => ({
  queryType,
  operators: ops.map((o) => {
    const m = /^(\w+)(?:@(\w+))?(?:\[(.*)\])?$/.exec(o)!;
    return { operator: m[1]!, database: m[2] ?? null, details: m[3] ?? '' };
  }),
});
const vet = (p: PlannedQuery, text = '') => vetPlan(p, { database: 'neo4j', text });

describe('the console vets the plan Neo4j makes of a query', () => {
  it('passes a read, an allowed procedure and a listing', () => {
    expect(vet(plan('r', 'ProduceResults@neo4j[n]', 'Limit@neo4j[1]', 'AllNodesScan@neo4j[n]'))).toBeNull();
    expect(vet(plan('r', 'ProduceResults@neo4j[label]', 'ProcedureCall@neo4j[db.labels() :: (label :: STRING)]'))).toBeNull();
    expect(vet(plan('r', 'ProduceResults@neo4j', 'ShowIndexes@neo4j[allIndexes, defaultColumns]'))).toBeNull();
  });

  it('passes dbms.components although Neo4j types DBMS procedures as s, and nothing else typed s', () => {
    const components = 'ProcedureCall@neo4j[dbms.components() :: (name :: STRING, versions :: LIST<STRING>, edition :: STRING)]';
    expect(vet(plan('s', 'ProduceResults@neo4j', components))).toBeNull();
    expect(vet(plan('s', 'ProduceResults@neo4j', 'EmptyResult@neo4j'))?.kind).toBe('SCHEMA');
  });

  it('refuses a write, naming its clauses from the text, or from the plan when the text names none', () => {
    const create = plan('rw', 'ProduceResults@neo4j[`1`]', 'Projection@neo4j[$autoint_0 AS `1`]', 'Create@neo4j[(n:X)]');
    expect(vet(create, 'CALL { CREATE (n:X) RETURN n } RETURN 1')).toEqual({ kind: 'WRITE', message: 'The console runs read-only queries: this query writes (CREATE).' });
    expect(vet(plan('w', 'EmptyResult@neo4j', 'DetachDelete@neo4j[n]', 'NodeByLabelScan@neo4j[n:X]'))?.message).toContain('writes (DETACH DELETE)');
    expect(vet(plan('w', 'EmptyResult@neo4j', 'SetProperty@neo4j[n.a = NULL]'), 'MATCH (n:X) REMOVE n.a')?.message).toContain('writes (REMOVE)');
  });

  it('refuses schema and administration commands, LOAD CSV, batched transactions, other procedures and other databases', () => {
    expect(vet(plan('s', 'CreateIndex@neo4j[RANGE INDEX foo FOR (:X) ON (a)]'))).toMatchObject({ kind: 'SCHEMA', message: expect.stringContaining('(CREATE INDEX)') });
    expect(vet(plan('s', 'DropConstraint@neo4j[CONSTRAINT foo]'))?.message).toContain('(DROP CONSTRAINT)');
    expect(vet(plan('s', 'AdministrationCommand@system'), 'SHOW CURRENT USER YIELD user')).toMatchObject({ kind: 'ADMINISTRATION', message: expect.stringContaining('(SHOW CURRENT USER)') });
    // Typed r by Neo4j, yet they administer the DBMS:
    expect(vet(plan('r', 'ProduceResults@neo4j', 'TerminateTransactions@neo4j[defaultColumns]'))?.kind).toBe('ADMINISTRATION');
    expect(vet(plan('r', 'ProduceResults@neo4j', 'ShowSettings@neo4j[allSettings, defaultColumns]'))?.message).toContain('SHOW SETTINGS');
    expect(vet(plan('r', 'ProduceResults@neo4j[l]', 'LoadCSV@neo4j[l]'))?.kind).toBe('LOAD_CSV');
    expect(vet(plan('rw', 'ProduceResults@neo4j', 'TransactionForeach@neo4j[IN TRANSACTIONS OF 1000 ROWS ON ERROR FAIL]', 'Create@neo4j[(n:X)]'))?.kind).toBe('IN_TRANSACTIONS');
    expect(vet(plan('r', 'ProduceResults@neo4j[success]', 'ProcedureCall@neo4j[db.ping() :: (success :: BOOLEAN)]'))).toMatchObject({ kind: 'PROCEDURE', message: expect.stringMatching(/^Procedure db\.ping is not allowed/) });
    expect(vet(plan('r', 'ProduceResults@other[n]', 'AllNodesScan@other[n]'))?.kind).toBe('OTHER_DATABASE');
  });

  it('reads the procedure name from a ProcedureCall operator', () => {
    expect(procedureOf('db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE)')).toBe('db.index.fulltext.queryNodes');
  });
});

describe('the console checks the shape of a request first', () => {
  it('refuses an empty query, an overlong one and params that are not an object, naming the argument', () => {
    expect(() => checkShape({ query: '  \n ' })).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'query' }));
    expect(() => checkShape({ query: '// only a comment\n/* and another */' })).toThrowError(/The query is empty/);
    expect(() => checkShape({ query: 'x'.repeat(MAX_QUERY_CHARS + 1) })).toThrowError(/over the console's maximum of 20000/);
    expect(() => checkShape({ query: 'RETURN 1', params: [1, 2] })).toThrowError(expect.objectContaining({ field: 'params', message: expect.stringContaining('got a list') }));
    expect(() => checkShape({ query: 'RETURN 1', params: 'x' })).toThrowError(/got string/);
    expect(checkShape({ query: 'RETURN $a', params: null })).toEqual({ query: 'RETURN $a', params: {} });
  });

  it('applies CONSOLE_MAX_ROWS by default and refuses more, never capping in silence', () => {
    expect(rowCap(undefined, 1000)).toBe(1000);
    expect(rowCap(10, 1000)).toBe(10);
    expect(() => rowCap(1001, 1000)).toThrowError(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
    expect(() => rowCap(0, 1000)).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'maxRows' }));
  });
});
