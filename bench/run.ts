/**
 * `npm run bench`: every benchmark of the national-scale analytics (issue 11), one after the other, each
 * with the arguments that reproduce the figures in bench/RESULTS.md. Outside `npm test`. Usage:
 *
 *   npm run bench -- [--only measures,brokerage,queries,projection,scaleout,scaleout-capped] [--dry-run]
 *
 * Each benchmark is its own script (and its own `npm run bench:<name>` with its own options, see its header);
 * each measures its baseline side by side in the same run, reports medians of ≥ 3 runs and appends a dated
 * section to bench/RESULTS.md. They run one at a time because the machine has two cores: two benchmarks at
 * once would measure each other. Import throughput (`bench:import`) and the load test (`bench:load`) belong
 * to other issues and are run on their own.
 */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../server/src/paths.js';

/** The benchmarks, in the order they run, with the arguments behind the recorded figures. */
const BENCHMARKS: { name: string; what: string; args: string[]; script?: string }[] = [
  { name: 'measures', what: 'exact betweenness and Burt at 10k–20k actors vs igraph and networkx; approximate betweenness at 100k–1M', args: ['--repeat', '3'] },
  { name: 'brokerage', what: 'Gould–Fernandez brokerage at 10k–1M actors vs sna::brokerage', args: ['--sizes', '10000,100000,1000000', '--repeat', '3'] },
  { name: 'queries', what: 'query families at 1M actors: GraphQL vs the hand-written Cypher statement and vs a bare HTTP relay', args: ['--actors', '1000000', '--runs', '5'] },
  { name: 'projection', what: 'the statements that project entities and relationships, every property vs what a request shows', args: ['--runs', '5', '--requests', '100'] },
  { name: 'scaleout', what: 'one service vs two behind a load balancer over one Neo4j', args: ['--clients', '16', '--duration', '15', '--runs', '3'] },
  { name: 'scaleout-capped', script: 'scaleout', what: 'the same with each instance capped at 0.15 core (cgroup quota, as a container limit)', args: ['--clients', '16', '--duration', '15', '--runs', '3', '--cpu-quota', '0.15'] },
];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
if (unknown.length) {
  process.stderr.write(`--only: no benchmark named ${unknown.join(', ')}; the benchmarks are ${BENCHMARKS.map((b) => b.name).join(', ')}.\n`);
  process.exit(2);
}
const chosen = BENCHMARKS.filter((b) => !only || only.includes(b.name));
const failed: string[] = [];
for (const [i, b] of chosen.entries()) {
  const cmd = ['tsx', `bench/${b.script ?? b.name}.ts`, ...b.args];
  process.stderr.write(`[bench] ${i + 1}/${chosen.length} ${b.name}: ${b.what}\n[bench] npx ${cmd.join(' ')}\n`);
  if (argv.includes('--dry-run')) continue;
  const started = Date.now();
  const res = spawnSync('npx', cmd, { cwd: projectRoot, stdio: 'inherit' });
  process.stderr.write(`[bench] ${b.name}: ${res.status === 0 ? 'done' : `failed (exit ${res.status ?? res.signal})`} in ${((Date.now() - started) / 60_000).toFixed(1)} min\n`);
  if (res.status !== 0) failed.push(b.name);
}
if (failed.length) {
  process.stderr.write(`[bench] failed: ${failed.join(', ')} (their sections were not written; rerun each with npm run bench:<name>)\n`);
  process.exit(1);
}
