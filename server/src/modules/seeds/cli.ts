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
import { formatPassage, linkageCoverage } from './coverage.js';
import { formatDuplicate, unreviewedDuplicates } from './duplicates.js';
import { buildGraph } from './merge.js';
import { loadSeeds } from './load.js';
import { formatProblem } from './read.js';

/**
 * Problems block the load and fail the check; likely duplicates fail the check (review them: merge the ids or
 * list the pair in a `distinct:` list) but do not block a load; the coverage report is for reading only.
 */
async function check(): Promise<number> {
  const { set, problems } = seedCheck();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const p of problems) out(formatProblem(p));
  if (problems.length) {
    out(`seed check: ${problems.length} problem(s) — nothing would be loaded.`);
    return 1;
  }
  const coverage = linkageCoverage(set);
  if (coverage.uncited.length) {
    out(`Passages about linkages that name a declared actor but that no record cites (add records, or acknowledge them in a passages: list):`);
    for (const p of coverage.uncited) out(`  ${formatPassage(p)}`);
  }
  out(
    `linkage coverage: ${coverage.linkagePassages} passages about linkages name a declared actor; ${coverage.cited} cited, ` +
      `${coverage.acknowledged} acknowledged, ${coverage.uncited.length} uncited.`,
  );
  const duplicates = unreviewedDuplicates(set);
  for (const d of duplicates) out(formatDuplicate(d));
  const g = buildGraph(set);
  const flagged = g.nodes.filter((n) => n.props.ceDisagrees === true).map((n) => n.id);
  out(`clusters whose printed collective-efficiency figures disagree with their items: ${flagged.join(', ') || 'none'}`);
  if (duplicates.length) {
    out(`seed check: ${duplicates.length} likely duplicate(s) to review — merge the ids, or list the pair in seeds/reviewed/distinct.yaml.`);
    return 1;
  }
  out(`seed check: OK — ${set.nodes.length} declarations → ${g.nodes.length} entities, ${g.links.length} links, ${g.statements.length} statements, ${g.tables.length} printed tables.`);
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
