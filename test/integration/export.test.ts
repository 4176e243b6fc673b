import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES } from '../../server/src/domain/enums.js';
import { ACTOR_LINK_TYPES } from '../../server/src/modules/network/expand.js';
import type { Service } from '../../server/src/service.js';
import { gql, keyHeaders, serviceForFile } from '../helpers/db.js';
import { readWithNetworkx } from '../helpers/networkx.js';

/**
 * Exports against the seeded database, each read back the way its users read it (GEXF and GraphML by networkx,
 * CSV by a CSV parser out of the zip, JSON by JSON.parse) and compared with what Neo4j holds, asked
 * independently by the Cypher below. Seed facts used (pietrobelli2004): Segusino, a member of the Chipilo
 * furniture cluster, existed 1987–2003; Chipilo's subcontractors worked for it over those years.
 */
const service = serviceForFile();
const small = serviceForFile({ MAX_SUBGRAPH_NODES: '40' });
const keyed = serviceForFile({ READ_ACCESS: 'key' });

const CLUSTER = 'cluster:chipilo-furniture';
const FORMATS = ['csv', 'json', 'gexf', 'graphml'] as const;
type Format = (typeof FORMATS)[number];

/** What every format must say about an entity and a relationship, whatever its own spelling. */
interface NodeFacts { name: string; kind: string; validFrom: number | null; validUntil: number | null; doc: string | null; quote: string | null }
interface EdgeFacts { type: string; source: string; target: string; validFrom: number | null; validUntil: number | null; doc: string | null; quote: string | null }
interface Read { nodes: Map<string, NodeFacts>; edges: Map<string, EdgeFacts> }

const num = (v: unknown): number | null => (v === undefined || v === null || v === '' ? null : Number(v));
const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

/** What Neo4j holds for a selection of entities (null: all) and the relationships of `types` among them. */
async function database(s: Service, ids: string[] | null, types: readonly string[]): Promise<Read> {
  const nodes = await s.executor.runText(
    `MATCH (n:Entity) WHERE $ids IS NULL OR n.id IN $ids
     WITH n, head(COLLECT { MATCH (n)-[p:STATED_IN]->(:Source) WHERE p.kind = 'declaration' RETURN p ORDER BY p.key }) AS p
     RETURN n.id AS id, n.name AS name, n.kind AS kind, n.validFrom AS validFrom, n.validUntil AS validUntil, p.doc AS doc, p.quote AS quote`,
    { ids }, 'READ');
  const edges = await s.executor.runText(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids)) AND type(r) IN $types
     RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.validFrom AS validFrom, r.validUntil AS validUntil, r.source_doc AS doc, r.source_quote AS quote`,
    { ids, types }, 'READ');
  return {
    nodes: new Map(nodes.map((n) => [n.id as string, { name: n.name as string, kind: n.kind as string, validFrom: num(n.validFrom), validUntil: num(n.validUntil), doc: str(n.doc), quote: str(n.quote) }])),
    edges: new Map(edges.map((e) => [e.id as string, { type: e.type as string, source: e.source as string, target: e.target as string, validFrom: num(e.validFrom), validUntil: num(e.validUntil), doc: str(e.doc), quote: str(e.quote) }])),
  };
}

/** The cluster selection stated independently: the cluster, its members, the actors tied to members by `types`. */
async function clusterIds(s: Service, cluster: string, types: readonly string[]): Promise<string[]> {
  const [row] = await s.executor.runText(
    `MATCH (c:Cluster {id: $cluster})<-[:MEMBER_OF]-(m:Entity)
     OPTIONAL MATCH (m)-[r]-(p:Entity) WHERE type(r) IN $types
     WITH c, collect(m.id) + collect(p.id) AS ids
     RETURN [x IN ids WHERE x IS NOT NULL] + c.id AS ids`,
    { cluster, types }, 'READ');
  return [...new Set(row!.ids as string[])];
}

async function download(s: Service, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/export?${query}`, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

function tempFile(name: string, body: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'export-int-')), name);
  writeFileSync(file, body);
  return file;
}

/** A downloaded export read back as its users read it. */
function readBack(format: Format, body: Buffer): Read {
  if (format === 'csv') {
    const zip = unzipSync(new Uint8Array(body));
    const nodes = parse(strFromU8(zip['nodes.csv']!), { columns: true }) as Record<string, string>[];
    const edges = parse(strFromU8(zip['edges.csv']!), { columns: true }) as Record<string, string>[];
    return {
      nodes: new Map(nodes.map((n) => [n.id!, { name: n.name!, kind: n.kind!, validFrom: num(n.validFrom), validUntil: num(n.validUntil), doc: str(n.doc), quote: str(n.quote) }])),
      edges: new Map(edges.map((e) => [e.id!, { type: e.type!, source: e.source!, target: e.target!, validFrom: num(e.validFrom), validUntil: num(e.validUntil), doc: str(e.doc), quote: str(e.quote) }])),
    };
  }
  if (format === 'json') {
    type N = { id: string; kind: string; name: string; properties: Record<string, unknown>; provenance: Record<string, unknown>[] };
    type E = { id: string; type: string; source: string; target: string; properties: Record<string, unknown>; provenance: Record<string, unknown> };
    const doc = JSON.parse(body.toString('utf8')) as { nodes: N[]; edges: E[] };
    return {
      nodes: new Map(doc.nodes.map((n) => {
        const p = n.provenance.find((x) => x.kind === 'declaration');
        return [n.id, { name: n.name, kind: n.kind, validFrom: num(n.properties.validFrom), validUntil: num(n.properties.validUntil), doc: str(p?.doc), quote: str(p?.quote) }];
      })),
      edges: new Map(doc.edges.map((e) => [e.id, { type: e.type, source: e.source, target: e.target, validFrom: num(e.properties.validFrom), validUntil: num(e.properties.validUntil), doc: str(e.provenance.doc), quote: str(e.provenance.quote) }])),
    };
  }
  const g = readWithNetworkx(tempFile(`graph.${format}`, body), format);
  expect(g.directed).toBe(true);
  // GEXF carries the years as the spell's start and end; GraphML as typed int keys.
  const from = format === 'gexf' ? 'start' : 'validFrom';
  const until = format === 'gexf' ? 'end' : 'validUntil';
  return {
    nodes: new Map(Object.entries(g.nodes).map(([id, d]) => [id, { name: String(format === 'gexf' ? d.label : d.name), kind: String(d.kind), validFrom: num(d[from]), validUntil: num(d[until]), doc: str(d.doc), quote: str(d.quote) }])),
    edges: new Map(g.edges.map((e) => [e._id, { type: String(e.type), source: e._source, target: e._target, validFrom: num(e[from]), validUntil: num(e[until]), doc: str(e.doc), quote: str(e.quote) }])),
  };
}

const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('GET /export of a cluster, in every format', () => {
  for (const format of FORMATS) {
    it(`${format}: the cluster, its members and their partners, every tie among them with its years and provenance, as Neo4j holds them`, async () => {
      const { res, body } = await download(service(), `format=${format}&cluster=${CLUSTER}`);
      expect(res.status).toBe(200);
      const ext = format === 'csv' ? 'zip' : format;
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename=clustergraph-cluster-chipilo-furniture.${ext}`);
      const expected = await database(service(), await clusterIds(service(), CLUSTER, ACTOR_LINK_TYPES), ACTOR_LINK_TYPES);
      const got = readBack(format, body);
      expect(expected.nodes.size).toBeGreaterThan(5);
      expect(sorted(got.nodes)).toEqual(sorted(expected.nodes));
      expect(sorted(got.edges)).toEqual(sorted(expected.edges));
      expect(got.nodes.get('firm:segusino')).toMatchObject({ validFrom: 1987, validUntil: 2003 });
      expect([...got.edges.values()].filter((e) => e.type === 'SUBCONTRACTOR_OF' && e.target === 'firm:segusino').map((e) => [e.validFrom, e.validUntil])).toContainEqual([1987, 2003]);
      expect([...got.edges.values()].every((e) => e.doc && e.quote)).toBe(true);
    });
  }
});

describe('GET /export of the whole graph, in every format', () => {
  for (const format of FORMATS) {
    it(`${format}: every entity and every relationship between entities, as Neo4j holds them`, async () => {
      const { res, body } = await download(service(), `format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch({ csv: /^application\/zip/, json: /^application\/json/, gexf: /^application\/gexf\+xml/, graphml: /^application\/graphml\+xml/ }[format]);
      const expected = await database(service(), null, LINK_TYPE_NAMES);
      const got = readBack(format, body);
      expect(got.nodes.size).toBe(expected.nodes.size);
      expect(got.edges.size).toBe(expected.edges.size);
      expect(sorted(got.nodes)).toEqual(sorted(expected.nodes));
      expect(sorted(got.edges)).toEqual(sorted(expected.edges));
    }, 120_000);
  }

  it('csv: every relationship carries its provenance columns, and every entity its first declaration and statement count', async () => {
    const { body } = await download(service(), 'format=csv');
    const zip = unzipSync(new Uint8Array(body));
    const nodes = parse(strFromU8(zip['nodes.csv']!), { columns: true }) as Record<string, string>[];
    const edges = parse(strFromU8(zip['edges.csv']!), { columns: true }) as Record<string, string>[];
    expect(edges.every((e) => e.doc && e.lines && e.quote && ['own', 'cited'].includes(e.finding!))).toBe(true);
    const [counts] = await service().executor.runText('MATCH (n:Entity {id: "firm:segusino"}) RETURN COUNT { (n)-[:STATED_IN]->(:Source) } AS statements', {}, 'READ');
    expect(nodes.find((n) => n.id === 'firm:segusino')).toMatchObject({ statements: String(counts!.statements), country: 'place:mexico', cluster: CLUSTER, subtype: expect.stringContaining('lead_firm') });
    expect(nodes.every((n) => n.doc && n.lines && n.quote && n.finding)).toBe(true);
  });

  it('json: lists every statement about an entity as its provenance, and the source documents cited', async () => {
    const { body } = await download(service(), 'format=json');
    const doc = JSON.parse(body.toString('utf8')) as { nodes: { id: string; provenance: { doc: string }[] }[]; sources: { key: string; title: string }[] };
    const [row] = await service().executor.runText('MATCH (n:Entity {id: "firm:segusino"})-[p:STATED_IN]->(:Source) RETURN count(p) AS n', {}, 'READ');
    expect(doc.nodes.find((n) => n.id === 'firm:segusino')!.provenance).toHaveLength(row!.n as number);
    expect(doc.sources.map((s) => s.key).sort()).toEqual(['albaladejo2001', 'berry1997', 'pietrobelli2004', 'ruizduran1998', 'sela2012']);
  });
});

/** R's igraph, where installed (Debian's r-cran-igraph; .ci/run installs R's sna, which does not need it). */
const hasIgraph = spawnSync('Rscript', ['-e', 'library(igraph)'], { stdio: 'ignore' }).status === 0;

describe('GraphML in igraph', () => {
  it.skipIf(!hasIgraph)('R igraph reads the whole graph: every vertex and edge, directed, the years as numbers', async () => {
    const { body } = await download(service(), 'format=graphml');
    const file = tempFile('graph.graphml', body);
    const script = `suppressMessages(library(igraph)); g <- read_graph(commandArgs(TRUE)[1], format = "graphml");
      s <- V(g)[id == "firm:segusino"]; cat(vcount(g), ecount(g), is_directed(g), s$validFrom, s$validUntil, s$kind, sep = "\n")`;
    const r = spawnSync('Rscript', ['-e', script, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const expected = await database(service(), null, LINK_TYPE_NAMES);
    expect(r.stdout.trim().split('\n')).toEqual([String(expected.nodes.size), String(expected.edges.size), 'TRUE', '1987', '2003', 'Firm']);
  }, 120_000);
});

describe('GET /export of other selections', () => {
  it('exports a neighbourhood with the entities `neighbourhood` returns, and every tie among them', async () => {
    const r = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(service(), '{ neighbourhood(ids: ["firm:segusino"], hops: 2) { nodes { id } } }');
    const { res, body } = await download(service(), 'format=json&ids=firm:segusino&hops=2');
    expect(res.status).toBe(200);
    const got = readBack('json', body);
    const ids = r.data!.neighbourhood.nodes.map((n) => n.id);
    expect([...got.nodes.keys()].sort()).toEqual([...ids].sort());
    expect(sorted(got.edges)).toEqual(sorted((await database(service(), ids, ACTOR_LINK_TYPES)).edges));
  });

  it('exports exactly the ids given (the viewer’s view) and the relationships of the chosen types among them', async () => {
    const ids = ['firm:segusino', 'firm:chipilo-subcontractors', CLUSTER, 'place:mexico'];
    const { body } = await download(service(), `format=graphml&ids=${ids.join(',')}&types=SUBCONTRACTOR_OF,MEMBER_OF`);
    const got = readBack('graphml', body);
    expect([...got.nodes.keys()].sort()).toEqual([...ids].sort());
    expect(sorted(got.edges)).toEqual(sorted((await database(service(), ids, ['SUBCONTRACTOR_OF', 'MEMBER_OF'])).edges));
    expect(new Set([...got.edges.values()].map((e) => e.type))).toEqual(new Set(['SUBCONTRACTOR_OF', 'MEMBER_OF']));
  });

  it('keeps only the relationships valid in `year` and the entities of `kinds`', async () => {
    const { body } = await download(service(), `format=csv&cluster=${CLUSTER}&year=2005&kinds=Firm`);
    const got = readBack('csv', body);
    expect([...got.nodes.values()].every((n) => n.kind === 'Firm')).toBe(true);
    expect(got.nodes.has('firm:segusino')).toBe(true);
    const edges = [...got.edges.values()];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => (e.validFrom ?? 0) <= 2005 && (e.validUntil ?? 9999) >= 2005)).toBe(true);
    // Ties with unknown years count as valid; Segusino's subcontracting (1987–2003) is gone, the one from 2003 on is there.
    expect(edges.some((e) => e.validUntil === 2003)).toBe(false);
    expect(edges.some((e) => e.type === 'SUBCONTRACTOR_OF' && e.validFrom === 2003)).toBe(true);
  });
});

describe('GET /export refusals', () => {
  const refusal = async (query: string, s = service(), headers: Record<string, string> = {}) => {
    const { res, body } = await download(s, query, headers);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, error: (JSON.parse(body.toString('utf8')) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]! };
  };

  it('answers a bad parameter with a JSON error naming it, before any file starts', async () => {
    expect(await refusal('cluster=' + CLUSTER)).toMatchObject({ status: 400, error: { message: 'format: give one of csv, json, gexf, graphml.', extensions: { code: 'BAD_USER_INPUT', field: 'format' } } });
    expect(await refusal('format=gexf&types=SUPPLIES,LIKES')).toMatchObject({ status: 400, error: { extensions: { field: 'types' } } });
    expect(await refusal('format=gexf&hops=2')).toMatchObject({ status: 400, error: { extensions: { field: 'hops' } } });
    expect(await refusal('format=gexf&clustr=x')).toMatchObject({ status: 400, error: { extensions: { field: 'clustr' } } });
  });

  it('says which id is unknown, which is not a cluster, and which limit a neighbourhood passes', async () => {
    expect(await refusal('format=json&cluster=cluster:nowhere')).toMatchObject({ status: 404, error: { message: 'cluster: no entity cluster:nowhere.', extensions: { code: 'NOT_FOUND', field: 'cluster' } } });
    expect(await refusal('format=json&cluster=firm:segusino')).toMatchObject({ status: 400, error: { message: 'cluster: firm:segusino is a Firm, not a Cluster.' } });
    expect(await refusal('format=json&ids=firm:segusino,firm:nobody')).toMatchObject({ status: 404, error: { extensions: { field: 'ids' } } });
    expect(await refusal('format=json&ids=firm:segusino&hops=9')).toMatchObject({ status: 400, error: { message: expect.stringMatching(/MAX_HOPS/), extensions: { code: 'LIMIT_EXCEEDED' } } });
    expect(await refusal('format=json&ids=firm:segusino&hops=4', small())).toMatchObject({ status: 400, error: { message: expect.stringMatching(/MAX_SUBGRAPH_NODES \(40\)/), extensions: { code: 'LIMIT_EXCEEDED', field: 'hops' } } });
  });

  it('passes the same gate as /graphql: with READ_ACCESS=key a download needs a reader key', async () => {
    expect(await refusal('format=json&ids=firm:segusino', keyed())).toMatchObject({ status: 401, error: { extensions: { code: 'UNAUTHENTICATED' } } });
    expect(await refusal('format=json&ids=firm:segusino', service(), { authorization: 'Bearer not-a-key' })).toMatchObject({ status: 401 });
    const { res } = await download(keyed(), 'format=json&ids=firm:segusino', keyHeaders('reader'));
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-policy')).toBeTruthy();
  });
});

describe('exportNetwork (GraphQL)', () => {
  const query = `query($format: ExportFormat!, $selection: ExportSelection) {
    exportNetwork(format: $format, selection: $selection) { format text nodeCount edgeCount files { name mediaType text } } }`;
  type Result = { exportNetwork: { format: string; text: string | null; nodeCount: number; edgeCount: number; files: { name: string; mediaType: string; text: string }[] } };

  it('returns the same GEXF as the download, with its counts', async () => {
    const r = await gql<Result>(service(), query, { format: 'GEXF', selection: { cluster: CLUSTER } });
    expect(r.errors).toBeUndefined();
    const x = r.data!.exportNetwork;
    const got = readBack('gexf', Buffer.from(x.text!));
    const { body } = await download(service(), `format=gexf&cluster=${CLUSTER}`);
    const downloaded = readBack('gexf', body);
    expect(sorted(got.nodes)).toEqual(sorted(downloaded.nodes));
    expect(sorted(got.edges)).toEqual(sorted(downloaded.edges));
    expect(x).toMatchObject({ format: 'GEXF', nodeCount: got.nodes.size, edgeCount: got.edges.size, files: [{ name: 'clustergraph-cluster-chipilo-furniture.gexf', mediaType: 'application/gexf+xml' }] });
  });

  it('returns CSV as two files and no single text', async () => {
    const r = await gql<Result>(service(), query, { format: 'CSV', selection: { ids: ['firm:segusino', CLUSTER], kinds: ['FIRM', 'CLUSTER'] } });
    expect(r.errors).toBeUndefined();
    const x = r.data!.exportNetwork;
    expect(x.text).toBeNull();
    expect(x.files.map((f) => [f.name, f.mediaType])).toEqual([['nodes.csv', 'text/csv'], ['edges.csv', 'text/csv']]);
    expect((parse(x.files[0]!.text, { columns: true }) as { id: string }[]).map((n) => n.id).sort()).toEqual([CLUSTER, 'firm:segusino']);
    expect(x.nodeCount).toBe(2);
  });

  it('refuses a selection over MAX_SUBGRAPH_NODES, saying so and where to download it instead', async () => {
    const r = await gql(small(), query, { format: 'JSON' });
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', limit: 'entities selected', max: 40 } });
    expect(r.errors![0]!.message).toMatch(/over the maximum of 40\. exportNetwork returns at most MAX_SUBGRAPH_NODES entities: .*GET \/export/);
  });

  it('names the selection field at fault', async () => {
    const r = await gql(service(), query, { format: 'JSON', selection: { cluster: 'cluster:nowhere' } });
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/^selection\.cluster: /), extensions: { code: 'NOT_FOUND', field: 'selection.cluster' } });
  });
});
