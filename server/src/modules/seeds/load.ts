import { StartupError } from '../../errors.js';
import type { Executor } from '../../neo4j/executor.js';
import { seedCheck } from './check.js';
import { buildGraph } from './merge.js';
import { formatProblem, seedsRoot } from './read.js';
import { seedStatements as S } from './statements.js';

export interface LoadReport {
  labels: Record<string, number>;
  types: Record<string, number>;
  declared: { nodes: number; links: number; statements: number; tables: number };
}

const BATCH = 500;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Checks the seed files and, only when they are clean, writes them in ONE write transaction (batched
 * UNWIND ... MERGE on stable ids): a failure leaves the database as it was, and a re-run changes nothing.
 */
export async function loadSeeds(executor: Executor, opts: { root?: string; progress?: (line: string) => void } = {}): Promise<LoadReport> {
  const progress = opts.progress ?? (() => undefined);
  const { set, problems } = seedCheck(opts.root ?? seedsRoot);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map(formatProblem).join('\n  ');
    throw new StartupError(`seed check found ${problems.length} problem(s); nothing was loaded. Fix them and run \`npm run seed:check\`:\n  ${shown}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
  }
  const graph = buildGraph(set);
  progress(`Loading ${graph.nodes.length} entities, ${graph.links.length} links, ${graph.statements.length} statements, ${graph.tables.length} printed tables…`);
  await executor.writeTx(async (tx) => {
    await tx.run(S.mergeSources, { rows: set.sources.map((s) => ({ key: s.key, props: { ...s, authors: s.authors } })) });
    for (const rows of batches(graph.nodes)) await tx.run(S.mergeNodes, { rows });
    for (const rows of batches(graph.tables)) await tx.run(S.mergeTables, { rows });
    for (const rows of batches(graph.statements)) await tx.run(S.mergeStatements, { rows });
    for (const rows of batches(graph.links)) await tx.run(S.mergeLinks, { rows });
  }, 'seeds.load');
  const [labels, types] = await executor.readTx(async (tx) => [await tx.run(S.countLabels), await tx.run(S.countTypes)]);
  const report: LoadReport = {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    types: Object.fromEntries(types.map((r) => [r.type, r.count])),
    declared: { nodes: graph.nodes.length, links: graph.links.length, statements: graph.statements.length, tables: graph.tables.length },
  };
  progress(`Loaded: ${Object.entries(report.labels).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  progress(`Links: ${Object.entries(report.types).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return report;
}

export async function isSeeded(executor: Executor): Promise<boolean> {
  const [row] = await executor.read(S.hasData);
  return row?.seeded === true;
}
