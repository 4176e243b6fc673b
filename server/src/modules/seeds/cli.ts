/**
 * `npm run seed:check` validates every seed file and lists each problem with file, record and field;
 * `npm run seed:load` checks, then loads into the configured Neo4j (NEO4J_URI, or the local one).
 * Both exit non-zero on any problem, and load writes nothing then.
 */
import { loadConfig } from '../../config.js';
import { StartupError } from '../../errors.js';
import { startLocalNeo4j } from '../../../../neo4j/launch.js';
import { connect } from '../../neo4j/driver.js';
import { Executor } from '../../neo4j/executor.js';
import { loadCypherRegistry } from '../../neo4j/registry.js';
import { applySchema } from '../../neo4j/schema.js';
import { seedCheck } from './check.js';
import { buildGraph } from './merge.js';
import { loadSeeds } from './load.js';
import { formatProblem } from './read.js';

async function check(): Promise<number> {
  const { set, problems } = seedCheck();
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (problems.length) {
    process.stdout.write(`seed check: ${problems.length} problem(s) — nothing would be loaded.\n`);
    return 1;
  }
  const g = buildGraph(set);
  const flagged = g.nodes.filter((n) => n.props.ceDisagrees === true).map((n) => n.id);
  process.stdout.write(
    `seed check: OK — ${set.nodes.length} declarations → ${g.nodes.length} entities, ${g.links.length} links, ${g.statements.length} statements, ${g.tables.length} printed tables.\n` +
      `clusters whose printed collective-efficiency figures disagree with their items: ${flagged.join(', ') || 'none'}\n`,
  );
  return 0;
}

async function load(): Promise<number> {
  const config = loadConfig();
  const local = config.neo4j.uri ? undefined : await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: (l) => process.stderr.write(`${l}\n`) });
  const driver = await connect({ uri: config.neo4j.uri ?? local!.uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
  try {
    const executor = new Executor(driver, loadCypherRegistry(), { database: config.neo4j.database, timeoutMs: 300_000 });
    await applySchema(executor);
    await loadSeeds(executor, { progress: (l) => process.stdout.write(`${l}\n`) });
    return 0;
  } finally {
    await driver.close();
    await local?.stop();
  }
}

const command = process.argv[2];
const run = command === 'check' ? check : command === 'load' ? load : null;
if (!run) {
  process.stderr.write('usage: seed check | seed load\n');
  process.exit(2);
}
run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof StartupError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
