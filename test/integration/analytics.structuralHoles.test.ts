import { describe, expect, it } from 'vitest';
import { AnalysisCancelledError, LimitError } from '../../server/src/errors.js';
import type { ServiceDeps } from '../../server/src/modules/context.js';
import { project, scopeParams } from '../../server/src/modules/analytics/projection.js';
import { rankStructuralHoles } from '../../server/src/modules/analytics/structuralHoles.js';
import { createLoaders } from '../../server/src/modules/entities/loaders.js';
import { serviceForFile, testConfig } from '../helpers/db.js';
import { structuralHolesOracle } from '../helpers/structuralHolesOracle.js';

/**
 * The structural-holes service on the real Neo4j: the typed-array load and CSR engine rank the seed data's
 * actors exactly as the term-by-term string implementation (test/helpers) does on `project()` of the same
 * scope; the in-memory bound MAX_ANALYSIS_NODES still applies; a job's control sees progress and can cancel.
 */
const service = serviceForFile({ MAX_QUERY_COST: '10000000', MAX_PAGE_SIZE: '5000' });
const deps = (): ServiceDeps => ({ executor: service().executor, limits: testConfig().limits, loaders: createLoaders(service().executor) });

describe('rankStructuralHoles on the seed data', () => {
  it('ranks every tied actor as the string implementation does on project(), least constrained first', async () => {
    const proj = await project(deps(), await scopeParams(deps(), {}));
    const want = structuralHolesOracle(proj.nodes, proj.arcs);
    const tied = proj.nodes.filter((id) => want.get(id)!.degree > 0);
    expect(tied.length).toBeGreaterThan(20);
    const got = await rankStructuralHoles(deps(), { first: 5000 });
    expect(got.map((r) => r.actorId).sort()).toEqual([...tied].sort());
    for (const r of got) {
      const w = want.get(r.actorId)!;
      expect(r.degree, r.actorId).toBe(w.degree);
      for (const k of ['effectiveSize', 'efficiency', 'constraint', 'hierarchy'] as const) {
        if (w[k] === null) expect(r[k], `${k} ${r.actorId}`).toBeNull();
        else expect(Math.abs(r[k]! - w[k]!), `${k} ${r.actorId}`).toBeLessThan(1e-9);
      }
    }
    for (let k = 1; k < got.length; k += 1) expect(got[k - 1]!.constraint ?? Infinity).toBeLessThanOrEqual(got[k]!.constraint ?? Infinity);
  });

  it('lists exactly the asked actors that are in scope, an untied one with null measures', async () => {
    const proj = await project(deps(), await scopeParams(deps(), {}));
    const want = structuralHolesOracle(proj.nodes, proj.arcs);
    const untied = proj.nodes.find((id) => want.get(id)!.degree === 0);
    const tied = proj.nodes.filter((id) => want.get(id)!.degree > 0).slice(0, 2);
    const asked = [...tied, ...(untied ? [untied] : []), 'no-such-actor'];
    const got = await rankStructuralHoles(deps(), { ids: asked, first: 50 });
    expect(got.map((r) => r.actorId).sort()).toEqual(asked.filter((id) => id !== 'no-such-actor').sort());
    if (untied) expect(got.at(-1)).toEqual({ actorId: untied, degree: 0, effectiveSize: null, efficiency: null, constraint: null, hierarchy: null });
  });

  it('refuses a scope over MAX_ANALYSIS_NODES, saying which limit to raise', async () => {
    const small = { ...deps(), limits: { ...deps().limits, analysisNodes: 10 } };
    await expect(rankStructuralHoles(small, { first: 10 })).rejects.toThrow(LimitError);
    await expect(rankStructuralHoles(small, { first: 10 })).rejects.toThrow(/over the maximum of 10\. .*MAX_ANALYSIS_NODES/);
  });

  it('reports progress to the end through its control and stops once the signal is aborted', async () => {
    const seen: string[] = [];
    let last = 0;
    await rankStructuralHoles(deps(), { first: 5 }, { progress: (f, stage) => ((last = f), seen.push(stage)) });
    expect(last).toBe(1);
    expect(seen.some((s) => s.startsWith('reading the network'))).toBe(true);
    expect(seen.some((s) => s.startsWith('structural holes of'))).toBe(true);
    const stop = new AbortController();
    stop.abort();
    await expect(rankStructuralHoles(deps(), { first: 5 }, { signal: stop.signal })).rejects.toThrow(AnalysisCancelledError);
  });
});
