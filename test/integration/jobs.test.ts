import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../server/src/service.js';
import { editorHeaders, gql, keyHeaders, adminHeaders, startTestService } from '../helpers/db.js';
import { rng } from '../helpers/random.js';

/**
 * Analysis jobs and the result cache, with two service instances over the one test database (as behind a
 * round-robin balancer): a job started on one is watched and cancelled on the other. The fixture is a
 * seeded random digraph of test firms (ids with `test-jobs`), big enough that exact betweenness takes a
 * noticeable time; the file deletes it afterwards. Expected answers come from the plain queries, which
 * compute the same measures (their equality to networkx is tested in analytics.reference.test.ts).
 */
let a: Service;
let b: Service;
const N = 1500;
const ARCS = 6000;
const ids = Array.from({ length: N }, (_, i) => `firm:test-jobs-${String(i).padStart(4, '0')}`);
const small = ids.slice(0, 6);
const scope = { ids };

beforeAll(async () => {
  [a, b] = [await startTestService(), await startTestService()];
  const rand = rng(11);
  const arcs = Array.from({ length: ARCS }, () => ({ s: ids[Math.floor(rand() * N)]!, t: ids[Math.floor(rand() * N)]! })).filter((x) => x.s !== x.t);
  await a.executor.runText("UNWIND $ids AS id CREATE (:Entity:Firm {id: id, kind: 'Firm', name: id})", { ids });
  await a.executor.runText('UNWIND $arcs AS x MATCH (s:Entity {id: x.s}), (t:Entity {id: x.t}) CREATE (s)-[:SUPPLIES]->(t)', { arcs });
  // The small scope: a path 0 → 1 → 2 and a star around 3.
  await a.executor.runText("MATCH (n:Entity) WHERE n.id IN $small MATCH (n)-[r]-() DELETE r", { small });
});

afterAll(async () => {
  await a?.executor.runText('MATCH (n:Entity) WHERE n.id STARTS WITH $p CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS', { p: 'firm:test-jobs-' });
  await a?.executor.runText('MATCH (c:Change) WHERE c.target STARTS WITH $p DELETE c', { p: 'firm:test-jobs-' });
  await a?.stop();
  await b?.stop();
});

const JOB = 'id status progress stage cached error graphVersion startedAt finishedAt';
const CENTRALITY = 'actor { id } inDegree outDegree degree betweenness betweennessUndirected closeness pagerank';

type Job = { id: string; status: string; progress: number; stage: string; cached: boolean; error: string | null; graphVersion: string };

async function start(on: Service, input: Record<string, unknown>, fields = JOB, headers: Record<string, string> = {}) {
  return gql<{ startAnalysis: Job & Record<string, unknown> }>(on, `mutation($i: AnalysisInput!) { startAnalysis(input: $i) { ${fields} } }`, { i: input }, headers);
}
async function job(on: Service, id: string, fields = JOB) {
  return gql<{ analysisJob: Job & Record<string, unknown> }>(on, `query($id: ID!) { analysisJob(id: $id) { ${fields} } }`, { id });
}
const status = async (on: Service) =>
  (await gql<{ analysisStatus: { graphVersion: string; instance: string; runningJobs: number; cacheHits: number; cacheMisses: number } }>(on, '{ analysisStatus { graphVersion instance runningJobs cacheHits cacheMisses } }')).data!.analysisStatus;

/** Polls a job (on `on`) until it ends, recording the progress it reported. */
async function watch(on: Service, id: string, fields = JOB, timeoutMs = 50_000) {
  const seen: number[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await job(on, id, fields);
    expect(r.errors).toBeUndefined();
    const j = r.data!.analysisJob;
    seen.push(j.progress);
    if (['DONE', 'FAILED', 'CANCELLED'].includes(j.status)) return { job: j, seen };
    if (Date.now() > until) throw new Error(`job ${id} still ${j.status} at ${j.progress} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('analysis jobs', () => {
  it('runs centrality to DONE on one instance while the other reports its rising progress, with the plain query’s answer', async () => {
    const input = { centrality: { scope, first: 15 } };
    const started = await start(a, input);
    expect(started.errors).toBeUndefined();
    expect(started.data!.startAnalysis).toMatchObject({ status: 'QUEUED', cached: false, progress: 0 });
    const { job: done, seen } = await watch(b, started.data!.startAnalysis.id, `${JOB} centrality { ${CENTRALITY} }`);
    expect(done).toMatchObject({ status: 'DONE', progress: 1, error: null, cached: false });
    // Progress only rises, and was seen part of the way.
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    // The plain query computes afresh (one more row is another cache key) and agrees.
    const plain = await gql<{ centrality: unknown[] }>(b, `query($s: NetworkScope) { centrality(scope: $s, first: 16) { ${CENTRALITY} } }`, { s: scope });
    expect(plain.errors).toBeUndefined();
    expect(done.centrality).toEqual(plain.data!.centrality.slice(0, 15));
    expect((done.centrality as unknown[]).length).toBe(15);
  });

  it('answers a repeated job from the cache on the other instance, and both see one graph version', async () => {
    const input = { centrality: { scope, first: 15 } };
    const again = await start(b, input, `${JOB} centrality { actor { id } betweenness }`);
    expect(again.errors).toBeUndefined();
    expect(again.data!.startAnalysis).toMatchObject({ status: 'DONE', cached: true, progress: 1 });
    const [sa, sb] = [await status(a), await status(b)];
    expect(sa.instance).not.toBe(sb.instance);
    expect(sa.graphVersion).toBe(sb.graphVersion);
    expect(again.data!.startAnalysis.graphVersion).toBe(sa.graphVersion);
    // The plain query with the same arguments is answered from the cache as well (one key for both).
    const hits = sa.cacheHits;
    const plain = await gql<{ centrality: unknown[] }>(a, `query($s: NetworkScope) { centrality(scope: $s, first: 15) { ${CENTRALITY} } }`, { s: scope });
    expect(plain.data!.centrality).toHaveLength(15);
    expect((await status(a)).cacheHits).toBe(hits + 1);
  });

  it('cancels a running job from the other instance: CANCELLED at once, and the running instance stops', async () => {
    const started = await start(a, { centrality: { scope, first: 5, sortBy: 'CLOSENESS' } });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startAnalysis.id;
    const cancel = await gql<{ cancelAnalysis: Job }>(b, 'mutation($id: ID!) { cancelAnalysis(id: $id) { status stage } }', { id });
    expect(cancel.errors).toBeUndefined();
    expect(cancel.data!.cancelAnalysis.status).toBe('CANCELLED');
    const t0 = Date.now();
    const { job: ended } = await watch(a, id);
    expect(ended.status).toBe('CANCELLED');
    // The owner notices at its next heartbeat (or at the end of the stage it is in) and frees its slot.
    for (let i = 0; i < 200 && (await status(a)).runningJobs > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect((await status(a)).runningJobs).toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
    // A finished job is returned as it is.
    const twice = await gql<{ cancelAnalysis: Job }>(a, 'mutation($id: ID!) { cancelAnalysis(id: $id) { status } }', { id });
    expect(twice.data!.cancelAnalysis.status).toBe('CANCELLED');
  });

  it('runs approximate betweenness as a job, with the plain query’s answer', async () => {
    const fields = 'samples exact errorBound scores { actor { id } betweenness }';
    const started = await start(a, { approximateBetweenness: { scope, samples: 40, seed: 3, first: 10 } });
    expect(started.errors).toBeUndefined();
    const { job: done } = await watch(b, started.data!.startAnalysis.id, `${JOB} approximateBetweenness { ${fields} }`);
    expect(done.status).toBe('DONE');
    // first: 11 is another cache key, so the plain query computes afresh.
    const plain = await gql<{ approximateBetweenness: { scores: unknown[] } & Record<string, unknown> }>(a, `query($s: NetworkScope) { approximateBetweenness(scope: $s, samples: 40, seed: 3, first: 11) { ${fields} } }`, { s: scope });
    expect(plain.errors).toBeUndefined();
    const p = plain.data!.approximateBetweenness;
    expect(done.approximateBetweenness).toEqual({ ...p, scores: p.scores.slice(0, 10) });
  });

  it('fails a job whose instance stopped, with the reason, once its lease has run out', async () => {
    const doomed = await startTestService();
    const watcher = await startTestService({ JOB_LEASE_MS: '1500' });
    try {
      const started = await start(doomed, { centrality: { scope, first: 5, sortBy: 'PAGERANK' } });
      expect(started.errors).toBeUndefined();
      await doomed.stop(); // its heartbeats, and its own end of the job, can no longer reach the database
      const { job: lost } = await watch(watcher, started.data!.startAnalysis.id, JOB, 30_000);
      expect(lost.status).toBe('FAILED');
      expect(lost.error).toMatch(/stopped answering \(no heartbeat for 1\.5 s, JOB_LEASE_MS\).*Start the analysis again/);
    } finally {
      await doomed.stop();
      await watcher.stop();
    }
  });

  it('queues jobs past JOBS_MAX_RUNNING, refuses them past JOBS_MAX_QUEUED, and cancels a queued one', async () => {
    const one = await startTestService({ JOBS_MAX_RUNNING: '1', JOBS_MAX_QUEUED: '1' });
    try {
      const ids = [];
      for (const first of [7, 8]) {
        const r = await start(one, { centrality: { scope, first } });
        expect(r.errors).toBeUndefined();
        ids.push(r.data!.startAnalysis.id);
      }
      const third = await start(one, { centrality: { scope, first: 9 } });
      expect(third.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(third.errors?.[0]?.message).toMatch(/analysis jobs waiting on this instance is 2, over the maximum of 1.*JOBS_MAX_QUEUED/);
      expect((await job(one, ids[1]!)).data!.analysisJob.status).toBe('QUEUED');
      const cancelled = await gql<{ cancelAnalysis: Job }>(one, 'mutation($id: ID!) { cancelAnalysis(id: $id) { status } }', { id: ids[1] });
      expect(cancelled.data!.cancelAnalysis.status).toBe('CANCELLED');
      const { job: first } = await watch(one, ids[0]!);
      expect(first.status).toBe('DONE');
      // The cancelled job never ran, and the slot is free again.
      expect((await job(one, ids[1]!)).data!.analysisJob).toMatchObject({ status: 'CANCELLED', startedAt: null });
      expect(await status(one)).toMatchObject({ runningJobs: 0 });
    } finally {
      await one.stop();
    }
  });

  it('lets only the caller who started a job, or an admin, cancel it', async () => {
    const started = await start(a, { structuralHoles: { scope: { ids: small }, first: 3 } }, JOB, keyHeaders('reader'));
    const id = started.data!.startAnalysis.id;
    const other = await gql(b, 'mutation($id: ID!) { cancelAnalysis(id: $id) { status } }', { id }, keyHeaders('editor'));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.errors?.[0]?.message).toMatch(/started by someone else/);
    const admin = await gql(b, 'mutation($id: ID!) { cancelAnalysis(id: $id) { status } }', { id }, adminHeaders);
    expect(admin.errors).toBeUndefined();
  });
});

describe('the analysis cache', () => {
  const holes = `query($s: NetworkScope) { structuralHoles(scope: $s) { actor { id } degree constraint } }`;

  it('serves a repeated query from the cache and computes again after a write through the API', async () => {
    const before = await gql<{ structuralHoles: { actor: { id: string }; degree: number }[] }>(a, holes, { s: { ids: small } });
    expect(before.errors).toBeUndefined();
    expect(before.data!.structuralHoles).toEqual([]); // no ties among them yet
    const hits = (await status(a)).cacheHits;
    expect((await gql(a, holes, { s: { ids: small } })).data).toEqual(before.data);
    expect((await status(a)).cacheHits).toBe(hits + 1);
    const version = (await status(b)).graphVersion;

    // An editor adds a tie 0 → 1: the version moves (seen on both instances) and the answer changes.
    const link = await gql(
      b,
      'mutation($i: LinkInput!) { createLink(input: $i) { id } }',
      { i: { type: 'SUPPLIES', from: small[0], to: small[1], provenance: { source: 'pietrobelli2004', lines: [423], quote: 'Segusino organized its network of subcontractors' } } },
      editorHeaders,
    );
    expect(link.errors).toBeUndefined();
    const [va, vb] = [(await status(a)).graphVersion, (await status(b)).graphVersion];
    expect(va).toBe(vb);
    expect(va).not.toBe(version);
    const after = await gql<{ structuralHoles: { actor: { id: string }; degree: number }[] }>(a, holes, { s: { ids: small } });
    expect(after.data!.structuralHoles.map((h) => [h.actor.id, h.degree])).toEqual([[small[0], 1], [small[1], 1]]);
    const j = await start(b, { structuralHoles: { scope: { ids: small } } }, `${JOB} structuralHoles { actor { id } degree constraint }`);
    const { job: done } = await watch(b, j.data!.startAnalysis.id, `${JOB} structuralHoles { actor { id } degree constraint }`);
    expect(done.cached).toBe(false);
    expect(done.structuralHoles).toEqual(after.data!.structuralHoles);
  });

  it('moves the version on a raw write too (seed loads, imports and the harness write through the executor)', async () => {
    const version = (await status(a)).graphVersion;
    await b.executor.runText('MATCH (x:Entity {id: $x}), (y:Entity {id: $y}) CREATE (x)-[:SUPPLIES]->(y)', { x: small[3], y: small[4] });
    expect((await status(a)).graphVersion).not.toBe(version);
    const versionAfter = (await status(a)).graphVersion;
    // A read through the executor leaves it alone.
    await b.executor.runText('MATCH (n:Entity) RETURN count(n) AS n', {}, 'READ');
    expect((await status(a)).graphVersion).toBe(versionAfter);
  });
});

describe('bad input to jobs', () => {
  it('names an unknown job id', async () => {
    const r = await job(b, 'no-such-job');
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toMatch(/No analysis job with id no-such-job/);
  });

  it('refuses no measure, two measures and a measure that does not exist', async () => {
    const none = await start(a, {});
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(none.errors?.[0]?.message).toMatch(/exactly one analysis \(one of brokerage, centrality, structuralHoles, approximateBetweenness\)/);
    const two = await start(a, { centrality: {}, structuralHoles: {} });
    expect(two.errors?.[0]?.message).toMatch(/not 2: centrality, structuralHoles/);
    const unknown = await start(a, { pagerankOfEverything: {} });
    expect(unknown.errors?.[0]?.message).toMatch(/pagerankOfEverything.*not defined by type "AnalysisInput"/);
  });

  it('checks a measure’s arguments before anything runs, naming them', async () => {
    const big = await start(a, { structuralHoles: { first: 100_000 } });
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(big.errors?.[0]?.message).toMatch(/input\.structuralHoles\.first is 100000, over the maximum/);
    const negative = await start(a, { centrality: { first: -1 } });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.centrality.first' });
    const role = await start(a, { brokerage: { partition: { by: 'KIND' }, sortBy: 'BOSS' } });
    expect(role.errors?.[0]?.message).toMatch(/BOSS/);
    // A missing actor in the scope fails the job with the service's own message, not an internal error.
    const missing = await start(a, { brokerage: { partition: { by: 'CLUSTER' }, scope: { clusterId: 'cluster:test-jobs-none' } } });
    expect(missing.errors).toBeUndefined();
    const { job: failed } = await watch(a, missing.data!.startAnalysis.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/cluster:test-jobs-none/);
  });

  it('asks for a measure the job did not compute with a clear error', async () => {
    const started = await start(a, { centrality: { scope: { ids: small }, measures: ['DEGREE'], sortBy: 'DEGREE' } });
    const { job: done } = await watch(a, started.data!.startAnalysis.id);
    expect(done.status).toBe('DONE');
    const r = await job(a, done.id, 'centrality { degree closeness }');
    expect(r.errors?.[0]?.message).toMatch(/closeness was not computed for this answer/);
  });
});
