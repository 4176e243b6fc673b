import path from 'node:path';
import { applySchema } from '../../neo4j/schema.js';
import { seedCheck } from '../../modules/seeds/check.js';
import { formatPassage, linkageCoverage } from '../../modules/seeds/coverage.js';
import { formatDuplicate, unreviewedDuplicates } from '../../modules/seeds/duplicates.js';
import { loadSeeds } from '../../modules/seeds/load.js';
import { buildGraph } from '../../modules/seeds/merge.js';
import { formatProblem, seedsRoot } from '../../modules/seeds/read.js';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, parseCommandLine, print, UsageError, type CliIO, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const OPTIONS = { ...DATABASE_OPTIONS, root: { type: 'string' } } as const;

/**
 * `seed check`: problems block a load and fail the check; likely duplicates fail the check (merge the ids or
 * list the pair in reviewed/distinct.yaml) but do not block a load; the coverage report is for reading only.
 */
async function check(root: string, json: boolean, io: CliIO): Promise<number> {
  const { set, problems } = seedCheck(root);
  if (problems.length) {
    if (json) await print(io.stdout, JSON.stringify({ ok: false, problems }));
    else await print(io.stdout, [...problems.map(formatProblem), `seed check: ${problems.length} problem(s) — nothing would be loaded.`].join('\n'));
    return EXIT.INVALID_INPUT;
  }
  const coverage = linkageCoverage(set);
  const duplicates = unreviewedDuplicates(set);
  const g = buildGraph(set);
  const flagged = g.nodes.filter((n) => n.props.ceDisagrees === true).map((n) => n.id);
  const counts = { declarations: set.nodes.length, entities: g.nodes.length, links: g.links.length, statements: g.statements.length, tables: g.tables.length };
  if (json) {
    await print(io.stdout, JSON.stringify({ ok: duplicates.length === 0, problems: [], duplicates, coverage, ceDisagrees: flagged, counts }));
    return duplicates.length ? EXIT.INVALID_INPUT : EXIT.OK;
  }
  const lines: string[] = [];
  if (coverage.uncited.length) {
    lines.push('Passages about linkages that name a declared actor but that no record cites (add records, or acknowledge them in a passages: list):');
    for (const p of coverage.uncited) lines.push(`  ${formatPassage(p)}`);
  }
  lines.push(
    `linkage coverage: ${coverage.linkagePassages} passages about linkages name a declared actor; ${coverage.cited} cited, ` +
      `${coverage.acknowledged} acknowledged, ${coverage.uncited.length} uncited.`,
  );
  for (const d of duplicates) lines.push(formatDuplicate(d));
  lines.push(`clusters whose printed collective-efficiency figures disagree with their items: ${flagged.join(', ') || 'none'}`);
  if (duplicates.length) lines.push(`seed check: ${duplicates.length} likely duplicate(s) to review — merge the ids, or list the pair in seeds/reviewed/distinct.yaml.`);
  else lines.push(`seed check: OK — ${counts.declarations} declarations → ${counts.entities} entities, ${counts.links} links, ${counts.statements} statements, ${counts.tables} printed tables.`);
  await print(io.stdout, lines.join('\n'));
  return duplicates.length ? EXIT.INVALID_INPUT : EXIT.OK;
}

/** `seed load`: checks, then loads in one write transaction (idempotent: MERGE on stable ids). */
async function load(root: string, uri: string | undefined, json: boolean, io: CliIO): Promise<number> {
  const { problems } = seedCheck(root);
  if (problems.length) {
    if (json) await print(io.stdout, JSON.stringify({ ok: false, problems }));
    else await print(io.stdout, [...problems.map(formatProblem), `seed load: ${problems.length} problem(s) — nothing was loaded; run \`kg seed check\`.`].join('\n'));
    return EXIT.INVALID_INPUT;
  }
  const progress = (l: string) => void (json ? io.stderr : io.stdout).write(`${l}\n`);
  // The load is one transaction: it may run longer than a request's QUERY_TIMEOUT_MS.
  return withDatabase({ uri, progress: (l) => void io.stderr.write(`${l}\n`), timeoutMs: 300_000 }, async (db) => {
    await applySchema(db.executor);
    const report = await loadSeeds(db.executor, { root, progress });
    if (json) await print(io.stdout, JSON.stringify({ ok: true, ...report }));
    return EXIT.OK;
  });
}

export const seedCommand: Command = {
  name: 'seed',
  help: `Usage: kg seed check [--root DIR] [--json]
       kg seed load [--root DIR] [--uri URI] [--json]

check   validates every seed file and lists each problem with file, record and field, then likely
        duplicates and linkage passages no record cites (npm run seed:check). Exit 1 on a problem or an
        unreviewed likely duplicate.
load    checks, then loads the seeds into the database in one transaction, after applying the schema;
        re-running it changes nothing (npm run seed:load). Exit 1 when the check finds a problem (nothing
        is loaded), 3 when the database is unavailable.

Options:
  --root DIR       the seed folder (default: seeds/)
${DATABASE_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, { min: 1, max: 1, names: 'what to do: check or load' });
    const root = values.root ? path.resolve(values.root) : seedsRoot;
    if (positionals[0] === 'check') {
      if (values.uri) throw new UsageError('--uri: seed check reads only the files; it takes no database.');
      return check(root, values.json ?? false, io);
    }
    if (positionals[0] === 'load') return load(root, values.uri, values.json ?? false, io);
    throw new UsageError(`unknown seed action "${positionals[0]}": use check or load.`);
  },
};
