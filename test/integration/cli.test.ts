import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { gql, serviceForFile } from '../helpers/db.js';
import { readWithNetworkx } from '../helpers/networkx.js';

/**
 * `kg` as a script runs it: a separate process against the run's test database, its exit code and its
 * output. What it prints is compared with what the API answers for the same question.
 */
// The comparison asks the API for every actor's full figures, which costs more than MAX_QUERY_COST's default.
const service = serviceForFile({ MAX_QUERY_COST: '100000' });
const CLUSTER = 'cluster:espirito-santo-metalworking';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (kg through tsx by default) with the test database as NEO4J_URI unless `env` says otherwise. */
function run(args: string[], env: Record<string, string> = {}, program: string[] = [process.execPath, '--import', 'tsx', 'server/src/cli/kg.ts']): Promise<Ran> {
  const [file, ...pre] = program;
  return new Promise((resolve) => {
    execFile(file!, [...pre, ...args], { env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'kg-cli-'));

describe('kg measure', () => {
  it('brokerage --cluster … --json equals the API’s brokerage for the same scope and partition, actor by actor', async () => {
    const r = await run(['measure', 'brokerage', '--cluster', CLUSTER, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout) as { actors: number; arcs: number; network: unknown; scores: { actor: { id: string; name: string }; group: string; raw: unknown; expected: unknown; z: unknown }[] };
    const api = await gql<{ brokerage: { actors: number; arcs: number; network: unknown; scores: { actor: { id: string; name: string }; group: string; raw: unknown; expected: unknown; z: unknown }[] } }>(
      service(),
      `query($scope: NetworkScope) { brokerage(scope: $scope, partition: { by: KIND }, first: 200) {
         actors arcs
         network { raw { coordinator itinerant representative gatekeeper liaison total } expected { coordinator itinerant representative gatekeeper liaison total } z { coordinator itinerant representative gatekeeper liaison total } }
         scores { actor { id name } group raw { coordinator itinerant representative gatekeeper liaison total } expected { coordinator itinerant representative gatekeeper liaison total } z { coordinator itinerant representative gatekeeper liaison total } } } }`,
      { scope: { clusterId: CLUSTER } },
    );
    expect(api.errors).toBeUndefined();
    const b = api.data!.brokerage;
    expect(b.scores.length).toBeGreaterThan(5);
    expect({ actors: cli.actors, arcs: cli.arcs, network: cli.network }).toEqual({ actors: b.actors, arcs: b.arcs, network: b.network });
    expect(cli.scores).toEqual(b.scores);
  });

  it('centrality and structural holes --json list what the API lists, in its order', async () => {
    const [c, h] = await Promise.all([
      run(['measure', 'centrality', '--cluster', CLUSTER, '--sort', 'pagerank', '--first', '5', '--json']),
      run(['measure', 'structural-holes', '--cluster', CLUSTER, '--json']),
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(h.code, h.stderr).toBe(0);
    const api = await gql<{ centrality: Record<string, unknown>[]; structuralHoles: Record<string, unknown>[] }>(
      service(),
      `query($scope: NetworkScope) {
         centrality(scope: $scope, sortBy: PAGERANK, first: 5) { actor { id name } inDegree outDegree degree betweenness betweennessUndirected closeness pagerank }
         structuralHoles(scope: $scope, first: 200) { actor { id name } degree effectiveSize efficiency constraint hierarchy } }`,
      { scope: { clusterId: CLUSTER } },
    );
    expect(api.errors).toBeUndefined();
    expect(JSON.parse(c.stdout)).toEqual(api.data!.centrality);
    expect(JSON.parse(h.stdout)).toEqual(api.data!.structuralHoles);
  });

  it('prints a table by default and writes CSV with --out', async () => {
    const text = await run(['measure', 'brokerage', '--cluster', CLUSTER, '--first', '3']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^actor\s+name\s+group\s+coordinator\s+itinerant\s+representative\s+gatekeeper\s+liaison\s+total\s+expected total\s+z total$/);
    expect(text.stdout.trim().split('\n')).toHaveLength(5);
    const file = path.join(tmp(), 'brokerage.csv');
    const csv = await run(['measure', 'brokerage', '--cluster', CLUSTER, '--partition', 'country', '--sort', 'liaison', '--out', file]);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(Number(rows[0]!.liaison)).toBeGreaterThanOrEqual(Number(rows.at(-1)!.liaison));
  });

  it('exits 1 naming an unknown cluster, and 2 for a sort that structural holes do not take', async () => {
    expect(await run(['measure', 'brokerage', '--cluster', 'cluster:nowhere'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/scope\.clusterId: no cluster cluster:nowhere/) });
    expect(await run(['measure', 'structural-holes', '--sort', 'constraint'])).toMatchObject({ code: 2 });
    expect(await run(['measure', 'brokerage', '--partition', 'colour'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/--partition: colour is not one of kind, cluster, country/) });
  });
});

describe('kg export', () => {
  it('writes a cluster as GraphML that networkx reads with the same entities and relationships as GET /export', async () => {
    const file = path.join(tmp(), 'cluster.graphml');
    const r = await run(['export', '--format', 'graphml', '--cluster', CLUSTER, '--out', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { format: string; files: string[]; nodes: number; edges: number };
    const g = readWithNetworkx(file, 'graphml');
    expect(summary).toEqual({ format: 'graphml', files: [file], nodes: Object.keys(g.nodes).length, edges: g.edges.length });
    const res = await fetch(`${service().url}/export?format=graphml&cluster=${CLUSTER}`);
    const httpFile = path.join(tmp(), 'http.graphml');
    writeFileSync(httpFile, Buffer.from(await res.arrayBuffer()));
    const h = readWithNetworkx(httpFile, 'graphml');
    expect(Object.keys(g.nodes).sort()).toEqual(Object.keys(h.nodes).sort());
    expect(g.edges.map((e) => e._id).sort()).toEqual(h.edges.map((e) => e._id).sort());
  });

  it('writes CSV as nodes.csv and edges.csv into a folder, and JSON to stdout', async () => {
    const dir = path.join(tmp(), 'out');
    const r = await run(['export', '--format', 'csv', '--ids', 'firm:segusino,firm:chipilo-subcontractors', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^kg export: 2 entities and \d+ relationships \(2 entities and the relationships among them\) written to .*nodes\.csv and .*edges\.csv as csv\.\n$/);
    const nodes = parse(readFileSync(path.join(dir, 'nodes.csv'), 'utf8'), { columns: true }) as { id: string }[];
    const edges = parse(readFileSync(path.join(dir, 'edges.csv'), 'utf8'), { columns: true }) as { type: string; source: string; target: string; doc: string }[];
    const ids = ['firm:chipilo-subcontractors', 'firm:segusino'];
    expect(nodes.map((n) => n.id).sort()).toEqual(ids);
    expect(edges.map((e) => e.type)).toContain('SUBCONTRACTOR_OF');
    expect(edges.every((e) => ids.includes(e.source) && ids.includes(e.target) && e.doc)).toBe(true);
    const json = await run(['export', '--format', 'json', '--ids', 'firm:segusino']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ nodes: [{ id: 'firm:segusino', name: 'Segusino' }] });
  });

  it('exits 1 naming an unknown cluster before it writes any file', async () => {
    const file = path.join(tmp(), 'never.gexf');
    expect(await run(['export', '--format', 'gexf', '--cluster', 'cluster:nowhere', '--out', file])).toMatchObject({ code: 1, stderr: 'kg export: cluster: no entity cluster:nowhere.\n' });
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});

describe('kg stats', () => {
  it('--json gives the counts the database holds, by kind, type and origin', async () => {
    const r = await run(['stats', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { entities: { total: number; byKind: Record<string, number>; byOrigin: Record<string, number> }; relationships: { total: number; byType: Record<string, number> }; sources: { key: string }[] };
    const [db] = await service().executor.runText('RETURN COUNT { (:Entity) } AS entities, COUNT { (:Entity)-[]->(:Entity) } AS rels, COUNT { (:Firm) } AS firms, COUNT { (:Entity)-[:SUPPLIES]->(:Entity) } AS supplies', {}, 'READ');
    expect(s.entities.total).toBe(db!.entities);
    expect(s.entities.byKind.Firm).toBe(db!.firms);
    expect(s.relationships.total).toBe(db!.rels);
    expect(s.relationships.byType.SUPPLIES).toBe(db!.supplies);
    expect(Object.values(s.entities.byOrigin).reduce((a, b) => a + b, 0)).toBe(db!.entities);
    expect(s.sources.map((x) => x.key)).toContain('pietrobelli2004');
  });

  it('prints tables for people by default', async () => {
    const r = await run(['stats']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ entities \(by origin: seed \d+/);
    expect(r.stdout).toMatch(/\nkind\s+entities\n/);
  });
});

describe('kg with the database unavailable', () => {
  it('exits 3 for every command that needs it, whether the address comes from --uri or NEO4J_URI', async () => {
    const port = await closedPort();
    const uri = `bolt://127.0.0.1:${port}`;
    const results = await Promise.all([
      run(['stats', '--uri', uri]),
      run(['export', '--format', 'json'], { NEO4J_URI: uri }),
      run(['measure', 'centrality'], { NEO4J_URI: uri }),
      run(['seed', 'load', '--uri', uri]),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`Cannot reach Neo4j at ${uri}`));
    }
  });
});

describe('the npm scripts and npx', () => {
  it('npm run seed:check and npm run kg call kg, and npx kg finds the package’s bin', async () => {
    const npm = (...a: string[]) => run(a, {}, ['npm', 'run', '--silent']);
    const check = await npm('seed:check');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/seed check: OK — \d+ declarations/);
    const help = await npm('kg', '--', 'measure', '--help');
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: kg measure/) });
    const npx = await run(['--help'], {}, ['npx', '--no-install', 'kg']);
    expect(npx).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: kg <command>/) });
  }, 120_000);

  it('npm run seed:load loads into the configured database and changes nothing there when run again', async () => {
    const [before] = await service().executor.runText('RETURN COUNT { (:Entity) } AS n, COUNT { ()-[]->() } AS r', {}, 'READ');
    const r = await run(['seed:load', '--', '--json'], {}, ['npm', 'run', '--silent']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; labels: Record<string, number> };
    expect(report.ok).toBe(true);
    expect(Object.values(report.labels).reduce((a, b) => a + b, 0)).toBe(before!.n);
    const [after] = await service().executor.runText('RETURN COUNT { (:Entity) } AS n, COUNT { ()-[]->() } AS r', {}, 'READ');
    expect(after).toEqual(before);
  }, 120_000);
});
