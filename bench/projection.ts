/**
 * What reading only the properties a request shows saves (issue 11), outside `npm test`. Usage:
 *
 *   npm run bench:projection -- [--runs 5] [--requests 100] [--scan-requests 3] [--no-record]
 *
 * On the store of bench:queries (1,000,000 actors in .data/neo4j-bench-queries; run that benchmark first to
 * write it), through the service's own Executor, the statements that project entities and relationships run
 * with every property read (`{.*}`, the baseline) and with the projections a request for ids and names gets
 * (graphql/readKeys.ts: entities id, kind and name; relationships id, form and position), and with the
 * projection `type` adds (eight properties, most of them absent on any one entity), one after the other in
 * the same run, `runs` rounds of `requests` seeded arguments each. Then the expansions with their relationship
 * types tested on each relationship (`type(r) IN $types`) against written into the pattern (variant __TYPES__). Then lookups by id
 * as they were written before (a relationship found by its id without its type; a cluster by `(:Cluster {id})`,
 * which no index covers: both scan) against the registered statements (every type written into the pattern,
 * `__LINK_TYPES__`, through cypher/schema/010_link_id.cypher's indexes; `(:Entity:Cluster {id})`), the scans on
 * fewer arguments (`--scan-requests`, seconds each). And path searches to any buyer with every test kept (baseline)
 * or with the tests that hold left out (variant omit). Reported per statement and variant: the
 * median time of a statement (client side: sent, executed, decoded and checked) and Neo4j's CPU per
 * statement (/proc), and the ratio to the baseline. Appends a dated table to bench/RESULTS.md unless --no-record.
 */
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { connect } from '../server/src/neo4j/driver.js';
import neo4j from 'neo4j-driver';
import { applyVariant, Executor, type Variant } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { applySchema } from '../server/src/neo4j/schema.js';
import { entitiesStatements as E } from '../server/src/modules/entities/statements.js';
import { ACTOR_LINK_TYPES, SYMMETRIC_LINK_TYPES } from '../server/src/modules/network/expand.js';
import { networkStatements as N } from '../server/src/modules/network/statements.js';
import { clusterId, firmId, networkSize, storedNetwork } from './network.js';
import { arg, cpuMs, loadAverage, median, record } from './report.js';

const log = (s: string) => process.stderr.write(`[projection] ${s}\n`);

const TYPE_KEYS = ['roles', 'buyerType', 'institutionType', 'programType', 'role', 'placeType', 'eventType', 'upgradingType'];
/** One way of running the statements: the properties the request's executor reads, and the statement variant. */
interface Way {
  name: string;
  keys: { entity: string[] | null; link: string[] | null };
  variant: Variant;
}
const IDS_AND_NAMES = { entity: [], link: ['form', 'position'] };
const PROJECTIONS: Way[] = [
  { name: 'every property ({.*}, baseline)', keys: { entity: null, link: null }, variant: { relTypes: ACTOR_LINK_TYPES } },
  { name: 'ids and names', keys: IDS_AND_NAMES, variant: { relTypes: ACTOR_LINK_TYPES } },
  { name: 'ids, names and type', keys: { entity: TYPE_KEYS, link: ['form', 'position'] }, variant: { relTypes: ACTOR_LINK_TYPES } },
];
/**
 * Path searches with every test kept, though they hold (baseline: types, direction, exclusion, year, target and
 * via tested per step or end), or left out with the types written into the pattern (variants omit, __TYPES__).
 */
const OMITTED: Way[] = [
  { name: 'every test kept (baseline)', keys: IDS_AND_NAMES, variant: {} },
  { name: 'tests that hold left out, types in the pattern', keys: IDS_AND_NAMES, variant: { relTypes: ACTOR_LINK_TYPES, omit: ['types', 'dir', 'exclude', 'year', 'target', 'via'] } },
];
/** Expansions with the relationship types tested on each relationship (baseline) or written into the pattern. */
const TYPED: Way[] = [
  { name: 'type(r) IN $types (baseline)', keys: IDS_AND_NAMES, variant: {} },
  { name: 'written into the pattern (__TYPES__)', keys: IDS_AND_NAMES, variant: { relTypes: ACTOR_LINK_TYPES } },
];

async function main(): Promise<void> {
  process.setSourceMapsEnabled(false);
  const runs = Number(arg('runs', '5'));
  const requests = Number(arg('requests', '100'));
  const scanRequests = Number(arg('scan-requests', '3'));
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7694', NEO4J_DATA_DIR: '.data/neo4j-bench-queries', NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '3g', NEO4J_START_TIMEOUT_MS: '600000' });
  const neo = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const db = config.neo4j.database;
  const driver = await connect({ uri: neo.uri, user: config.neo4j.user, password: config.neo4j.password, database: db });
  const executor = new Executor(driver, loadCypherRegistry(), { database: db, timeoutMs: 600_000 });
  try {
    const actors = await storedNetwork(executor);
    if (actors === null) throw new Error('no benchmark network in .data/neo4j-bench-queries: run `npm run bench:queries` first, which writes it');
    const size = networkSize(actors);
    await applySchema(executor); // the indexes of lookups by id, on a store written before them
    const expand = (ids: string[], membersOf: string | null, types: string[]) => ({ ids, membersOf, types, dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 20_001 });
    type Run = (x: Executor, i: number, v: Variant) => Promise<unknown>;
    const firms = (i: number, n: number) => Array.from({ length: n }, (_, k) => firmId((i * 7919 + k * 104_729) % size.firms));
    const cluster = (i: number) => clusterId((i * 7) % size.clusters);
    const STATEMENTS: { name: string; run: Run }[] = [
      { name: 'entityWithLinks (a firm, its first 50 links)', run: (x, i) => x.read(E.entityWithLinks, { id: firms(i, 1)[0], queries: [{ types: null, dir: 'BOTH', year: null, cap: 50 }] }) },
      { name: 'entitiesByIds (50 firms)', run: (x, i) => x.read(E.entitiesByIds, { ids: firms(i, 50) }) },
      { name: 'expandStart (a firm, one hop)', run: (x, i, v) => x.read(N.expandStart, expand(firms(i, 1), null, ACTOR_LINK_TYPES), v) },
      { name: 'expandStart (a cluster and its members, cooperation)', run: (x, i, v) => x.read(N.expandStart, expand([cluster(i)], cluster(i), ['COOPERATES_WITH']), { relTypes: v.relTypes ? ['COOPERATES_WITH'] : undefined }) },
    ];
    const EXPANSIONS: { name: string; run: Run }[] = [
      STATEMENTS[2]!,
      { name: 'expandFrontier (8 firms, one hop)', run: (x, i, v) => x.read(N.expandFrontier, { ...expand(firms(i, 8), null, ACTOR_LINK_TYPES), ids: firms(i, 8) }, v) },
      STATEMENTS[3]!,
    ];
    const toBuyers = (i: number) => ({ from: firms(i, 1)[0], toIds: [], toKinds: ['Buyer'], toTypes: [], types: ACTOR_LINK_TYPES, via: null, exclude: [], year: null, dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, limit: 10 });
    const PATHS: { name: string; run: Run }[] = [
      { name: 'paths (a firm to any buyer, k = 3, up to 4 hops)', run: (x, i, v) => x.read(N.paths, toBuyers(i), { targets: ['Buyer'], maxLength: 4, k: 3, ...v }) },
      { name: 'allShortestPaths (a firm to any buyer, up to 4 hops)', run: (x, i, v) => x.read(N.allShortestPaths, toBuyers(i), { targets: ['Buyer'], maxLength: 4, ...v }) },
    ];
    /** Each statement run each way on the same arguments, in turn; round 0 warms plans and pages. */
    const compare = async (statements: { name: string; run: Run }[], ways: Way[]) => {
      const rows: string[] = [];
      for (const s of statements) {
        const ms = ways.map(() => [] as number[]);
        const cpu = ways.map(() => 0);
        for (let round = 0; round <= runs; round += 1) {
          for (const [w, way] of ways.entries()) {
            const x = executor.forRequest(way.keys);
            const c0 = cpuMs(neo.pid);
            for (let i = 0; i < requests; i += 1) {
              const t = performance.now();
              await s.run(x, round * requests + i, way.variant);
              if (round > 0) ms[w]!.push(performance.now() - t);
            }
            if (round > 0) cpu[w]! += cpuMs(neo.pid) - c0;
          }
        }
        const base = median(ms[0]!);
        for (const [w, way] of ways.entries()) {
          const p50 = median(ms[w]!);
          const line = `| ${s.name} | ${way.name} | ${p50.toFixed(2)} | ${(p50 / base).toFixed(2)}× | ${(cpu[w]! / (runs * requests)).toFixed(2)} |`;
          rows.push(line);
          log(line);
        }
      }
      return rows;
    };
    const rows = await compare(STATEMENTS, PROJECTIONS);
    const typedRows = await compare(EXPANSIONS, TYPED);
    const omittedRows = await compare(PATHS, OMITTED);
    const lookupRows = await lookups(driver, db, neo.pid, size, runs, requests, scanRequests);
    record([
      '',
      `### Reading only the properties a request shows — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `The statements that project entities (\`__ENTITY__\`) and relationships (\`__LINK__\`) on the ${actors.toLocaleString('en-US')}-actor store, through the service's Executor, with every property read (the baseline) and with the projections of graphql/readKeys.ts, in turn in the same run: ${runs} rounds of ${requests} seeded arguments after one round of warm-up. Time: median per statement, client side (sent, executed, decoded, rows checked); CPU: Neo4j's per statement (/proc). Load average at the end: ${loadAverage()}.`,
      `Reproduce: \`npm run bench:projection -- --runs ${runs} --requests ${requests}\``,
      '',
      '| statement | properties read | p50 ms | vs every property | Neo4j CPU ms |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      'The relationship types of an expansion tested on each relationship a node has, or written into the pattern (reading ids and names):',
      '',
      '| statement | relationship types | p50 ms | vs type(r) IN $types | Neo4j CPU ms |',
      '|---|---|---|---|---|',
      ...typedRows,
      '',
      'Path searches to any buyer (no direction, exclusion, year or via given) with every test kept, or with those that hold left out (variant omit: the target test, which the label in the pattern already ensures, and the unset filters) and the types written into the pattern:',
      '',
      '| statement | tests | p50 ms | vs kept | Neo4j CPU ms |',
      '|---|---|---|---|---|',
      ...omittedRows,
      '',
      `Lookups by id as written before (scans) and as registered (index seeks); the scans on ${scanRequests} arguments a round. Time: median per statement through the driver, rows read; CPU: Neo4j's per statement.`,
      '',
      '| statement | written | p50 ms | vs the scan | Neo4j CPU ms |',
      '|---|---|---|---|---|',
      ...lookupRows,
      '',
    ].join('\n'));
  } finally {
    await driver.close();
    await neo.stop();
  }
}

/**
 * Relationship by id and cluster members, each as the statement was written before this store had indexes
 * for them (the baseline: Neo4j scans) and as registered now, through the driver on the same seeded ids; the
 * scans on `scanRequests` ids a round, the seeks on `requests`.
 */
async function lookups(driver: neo4j.Driver, db: string, pid: number, size: ReturnType<typeof networkSize>, runs: number, requests: number, scanRequests: number): Promise<string[]> {
  const registry = loadCypherRegistry();
  const registered = (name: string) => applyVariant(registry.get(name)!.text, undefined);
  const linkIds = (i: number) => ({ id: `link:bench-${(i * 104_729) % (size.firms * 3)}` });
  const clusters = (i: number) => ({ ids: [clusterId((i * 7) % size.clusters)] });
  const CASES = [
    {
      name: 'linkById (a relationship by id, any type)',
      params: linkIds,
      ways: [
        ['without its type (scan)', 'MATCH (a:Entity)-[l {id: $id}]->(b:Entity)\nRETURN a.id AS selfId, b.id AS otherId, true AS outgoing, type(l) AS type, l {.*} AS props'],
        ['every type in the pattern (index seeks)', registered('editing/linkById')],
      ],
    },
    {
      name: 'members (a cluster\'s members)',
      params: clusters,
      ways: [
        ['(c:Cluster {id}) (scan)', registered('clusters/members').replace('(c:Entity:Cluster {id: id})', '(c:Cluster {id: id})')],
        ['(c:Entity:Cluster {id}) (index seek)', registered('clusters/members')],
      ],
    },
  ] as const;
  const rows: string[] = [];
  for (const c of CASES) {
    const ms = c.ways.map(() => [] as number[]);
    const cpu = c.ways.map(() => 0);
    const count = c.ways.map(() => 0);
    for (let round = 0; round <= runs; round += 1) {
      for (const [w, [, text]] of c.ways.entries()) {
        const n = w === 0 ? scanRequests : requests;
        const c0 = cpuMs(pid);
        for (let i = 0; i < n; i += 1) {
          const session = driver.session({ database: db, defaultAccessMode: neo4j.session.READ });
          const t = performance.now();
          try {
            const res = await session.run(text, c.params(round * requests + i));
            res.records.map((r) => r.toObject());
          } finally {
            await session.close();
          }
          if (round > 0) ms[w]!.push(performance.now() - t);
        }
        if (round > 0) {
          cpu[w]! += cpuMs(pid) - c0;
          count[w]! += n;
        }
      }
    }
    const base = median(ms[0]!);
    for (const [w, [way]] of c.ways.entries()) {
      const p50 = median(ms[w]!);
      const line = `| ${c.name} | ${way} | ${p50.toFixed(2)} | ${(p50 / base).toFixed(4)}× | ${(cpu[w]! / count[w]!).toFixed(2)} |`;
      rows.push(line);
      log(line);
    }
  }
  return rows;
}

main().catch((err: unknown) => {
  process.stderr.write(`[projection] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
