import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../server/src/neo4j/driver.js';
import { applyVariant } from '../../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../../server/src/neo4j/registry.js';

let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword'), database: 'neo4j' });
});
afterAll(async () => {
  await driver?.close();
});

const registry = loadCypherRegistry();

describe('every Cypher file', () => {
  it('has a header and a statement', () => {
    expect(registry.size).toBeGreaterThan(20);
    for (const s of registry.values()) {
      expect(s.doc.length, s.name).toBeGreaterThan(10);
      expect(s.text.length, s.name).toBeGreaterThan(5);
    }
  });

  // EXPLAIN plans the statement without running it: a syntax or semantic error in any file fails here.
  for (const s of registry.values()) {
    if (s.name.startsWith('schema/')) continue;
    it(`compiles: ${s.name}`, async () => {
      const params = Object.fromEntries([...s.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => [m[1], null]));
      await driver.executeQuery(`EXPLAIN ${applyVariant(s.text, { maxLength: 4, k: 2 })}`, params, { database: 'neo4j' });
      // And with each of its optional parts left out, and all of them: what stands in for a part must fit.
      const parts = [...new Set([...s.text.matchAll(/\/\/ optional: (\w+)/g)].map((m) => m[1]!))];
      for (const omit of [...parts.map((p) => [p]), ...(parts.length > 1 ? [parts] : [])]) {
        await driver.executeQuery(`EXPLAIN ${applyVariant(s.text, { maxLength: 4, k: 2, omit })}`, params, { database: 'neo4j' });
      }
    });
  }
});

/**
 * Statements that read every node of a label, or every relationship, on purpose: counts, lists and exports
 * of the whole graph, and maintenance. Any other statement finds its start through an index (an id, a key, a
 * name), so that it costs the same on 1,000,000 actors as on the literature's 1,300: a lookup by id that
 * scanned a label took 2.3–3.1 s at that size (bench/RESULTS.md). A statement added here needs the reason.
 * Only scans of a whole label or relationship type are refused: on the few thousand entities of the test
 * data the planner may rightly prefer reading an index whole to seeking it (on the 1,000,000-actor store of
 * bench:queries the same statements seek).
 */
const SCANS_BY_DESIGN = new Map([
  ['core/health', 'counts the entities'],
  ['clusters/clusterFigures', 'every cluster with figures, or those of $ids'],
  ['analytics/twoModeBrokerage', 'every institution and the clusters it serves'],
  ['editing/listChanges', 'the change log, newest first'],
  ['entities/listSources', 'every source document'],
  ['export/originCounts', 'counts of the whole graph by origin'],
  ['import/listImports', 'every import'],
  ['import/undoLinks', 'the relationships one import wrote, found by their source_doc'],
  ['import/undoLinkConflicts', 'conflict notes one import left on relationships'],
  ['jobs/failLostJobs', 'analysis jobs lost by a stopped instance'],
  // Jobs are few (finished ones expire after JOBS_TTL), and their cache keys, which hold the arguments, run
  // to tens of kilobytes: past what a range index takes (an index on them failed the jobs' writes).
  ['jobs/doneResult', 'a finished job by its cache key'],
]);

describe('lookups by id use an index', () => {
  for (const s of registry.values()) {
    if (s.name.startsWith('schema/') || s.name.startsWith('seeds/') || s.name.startsWith('console/')) continue;
    it(`${SCANS_BY_DESIGN.has(s.name) ? 'scans by design' : 'scans no label'}: ${s.name}`, async () => {
      // No parameters: EXPLAIN plans without them, as for values of any type (a null would plan `= null`).
      const { summary } = await driver.executeQuery(`EXPLAIN ${applyVariant(s.text, { maxLength: 4, k: 2, relTypes: ['SUPPLIES'] })}`, {}, { database: 'neo4j' });
      const scans: string[] = [];
      const walk = (op: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        if (/^(NodeByLabelScan|AllNodesScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|\w*RelationshipTypeScan|\w*AllRelationshipsScan)/.test(op.operatorType)) scans.push(`${op.operatorType.replace(/@.*/, '')} ${String(op.arguments.Details ?? '')}`);
        for (const c of op.children) walk(c as typeof op);
      };
      walk(summary.plan as never);
      if (SCANS_BY_DESIGN.has(s.name)) expect(scans.length, `${s.name} is listed as scanning but does not: take it off SCANS_BY_DESIGN`).toBeGreaterThan(0);
      else expect(scans, `${s.name}: ${scans.join("; ")}`).toEqual([]);
    });
  }
});

