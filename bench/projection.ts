/**
 * What reading only the properties a request shows saves (issue 11), outside `npm test`. Usage:
 *
 *   npm run bench:projection -- [--runs 5] [--requests 100] [--no-record]
 *
 * On the store of bench:queries (1,000,000 actors in .data/neo4j-bench-queries; run that benchmark first to
 * write it), through the service's own Executor, the statements that project entities and relationships run
 * with every property read (`{.*}`, the baseline) and with the projections a request for ids and names gets
 * (graphql/readKeys.ts: entities id, kind and name; relationships id, form and position), and with the
 * projection `type` adds (eight properties, most of them absent on any one entity), one after the other in
 * the same run, `runs` rounds of `requests` seeded arguments each. Reported per statement and variant: the
 * median time of a statement (client side: sent, executed, decoded and checked) and Neo4j's CPU per
 * statement (/proc), and the ratio to the baseline. Appends a dated table to bench/RESULTS.md unless --no-record.
 */
import { startLocalNeo4j } from '../neo4j/launch.js';
import { loadConfig } from '../server/src/config.js';
import { connect } from '../server/src/neo4j/driver.js';
import { Executor } from '../server/src/neo4j/executor.js';
import { loadCypherRegistry } from '../server/src/neo4j/registry.js';
import { entitiesStatements as E } from '../server/src/modules/entities/statements.js';
import { ACTOR_LINK_TYPES, SYMMETRIC_LINK_TYPES } from '../server/src/modules/network/expand.js';
import { networkStatements as N } from '../server/src/modules/network/statements.js';
import { clusterId, firmId, networkSize, storedNetwork } from './network.js';
import { arg, cpuMs, loadAverage, median, record } from './report.js';

const log = (s: string) => process.stderr.write(`[projection] ${s}\n`);

const TYPE_KEYS = ['roles', 'buyerType', 'institutionType', 'programType', 'role', 'placeType', 'eventType', 'upgradingType'];
const VARIANTS: { name: string; keys: { entity: string[] | null; link: string[] | null } }[] = [
  { name: 'every property ({.*}, baseline)', keys: { entity: null, link: null } },
  { name: 'ids and names', keys: { entity: [], link: ['form', 'position'] } },
  { name: 'ids, names and type', keys: { entity: TYPE_KEYS, link: ['form', 'position'] } },
];

async function main(): Promise<void> {
  process.setSourceMapsEnabled(false);
  const runs = Number(arg('runs', '5'));
  const requests = Number(arg('requests', '100'));
  const config = loadConfig({ ...process.env, NEO4J_BOLT_PORT: '7694', NEO4J_DATA_DIR: '.data/neo4j-bench-queries', NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '3g', NEO4J_START_TIMEOUT_MS: '600000' });
  const neo = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: log });
  const db = config.neo4j.database;
  const driver = await connect({ uri: neo.uri, user: config.neo4j.user, password: config.neo4j.password, database: db });
  const executor = new Executor(driver, loadCypherRegistry(), { database: db, timeoutMs: 600_000 });
  try {
    const actors = await storedNetwork(executor);
    if (actors === null) throw new Error('no benchmark network in .data/neo4j-bench-queries: run `npm run bench:queries` first, which writes it');
    const size = networkSize(actors);
    const expand = (ids: string[], membersOf: string | null, types: string[]) => ({ ids, membersOf, types, dir: 'BOTH', sym: SYMMETRIC_LINK_TYPES, year: null, exclude: [], limit: 20_001 });
    const STATEMENTS: { name: string; run: (x: Executor, i: number) => Promise<unknown> }[] = [
      { name: 'entityWithLinks (a firm, its first 50 links)', run: (x, i) => x.read(E.entityWithLinks, { id: firmId((i * 7919) % size.firms), queries: [{ types: null, dir: 'BOTH', year: null, cap: 50 }] }) },
      { name: 'entitiesByIds (50 firms)', run: (x, i) => x.read(E.entitiesByIds, { ids: Array.from({ length: 50 }, (_, k) => firmId((i * 7919 + k * 104_729) % size.firms)) }) },
      { name: 'expandStart (a firm, one hop)', run: (x, i) => x.read(N.expandStart, expand([firmId((i * 7919) % size.firms)], null, ACTOR_LINK_TYPES)) },
      { name: 'expandStart (a cluster and its members, cooperation)', run: (x, i) => x.read(N.expandStart, expand([clusterId((i * 7) % size.clusters)], clusterId((i * 7) % size.clusters), ['COOPERATES_WITH'])) },
    ];
    const rows: string[] = [];
    for (const s of STATEMENTS) {
      const ms = VARIANTS.map(() => [] as number[]);
      const cpu = VARIANTS.map(() => 0);
      // Round 0 warms plans and pages; then every round runs each variant on the same arguments in turn.
      for (let round = 0; round <= runs; round += 1) {
        for (const [v, variant] of VARIANTS.entries()) {
          const x = executor.forRequest(variant.keys);
          const c0 = cpuMs(neo.pid);
          for (let i = 0; i < requests; i += 1) {
            const t = performance.now();
            await s.run(x, round * requests + i);
            if (round > 0) ms[v]!.push(performance.now() - t);
          }
          if (round > 0) cpu[v]! += cpuMs(neo.pid) - c0;
        }
      }
      const base = median(ms[0]!);
      for (const [v, variant] of VARIANTS.entries()) {
        const p50 = median(ms[v]!);
        const line = `| ${s.name} | ${variant.name} | ${p50.toFixed(2)} | ${(p50 / base).toFixed(2)}× | ${(cpu[v]! / (runs * requests)).toFixed(2)} |`;
        rows.push(line);
        log(line);
      }
    }
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
    ].join('\n'));
  } finally {
    await driver.close();
    await neo.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[projection] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
