import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { ROLES, type Role } from '../../domain/brokerage.js';
import { LINK_TYPE_NAMES, NODE_KINDS } from '../../domain/enums.js';
import { BadInputError } from '../../errors.js';
import { brokerage } from '../../modules/analytics/brokerage.js';
import { CENTRALITY_SORT_KEYS, rankCentrality } from '../../modules/analytics/centrality.js';
import type { Partition } from '../../modules/analytics/partition.js';
import type { NetworkScope } from '../../modules/analytics/projection.js';
import { rankStructuralHoles } from '../../modules/analytics/structuralHoles.js';
import type { ServiceDeps } from '../../modules/context.js';
import { existingEntities } from '../../modules/entities/loaders.js';
import { DATABASE_HELP, DATABASE_OPTIONS, parseCommandLine, print, table, UsageError, type Cell, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  cluster: { type: 'string' },
  ids: { type: 'string' },
  types: { type: 'string' },
  kinds: { type: 'string' },
  year: { type: 'string' },
  exclude: { type: 'string' },
  partition: { type: 'string' },
  sort: { type: 'string' },
  first: { type: 'string' },
  out: { type: 'string' },
} as const;
type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'];

const MEASURES = ['brokerage', 'structural-holes', 'centrality'] as const;
type Measure = (typeof MEASURES)[number];
const kebab = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
/** `--sort` values of centrality: the API's measures in kebab case (in-degree, betweenness-undirected…). */
const CENTRALITY_SORTS = Object.fromEntries(Object.values(CENTRALITY_SORT_KEYS).map((k) => [kebab(k), k]));
const PARTITIONS: Record<string, Partition['by']> = { kind: 'KIND', cluster: 'CLUSTER', country: 'COUNTRY', 'chain-position': 'CHAIN_POSITION' };

/** A measure's result as a table (columns, rows) and as JSON. */
interface Result {
  columns: string[];
  rows: Cell[][];
  json: unknown;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
function names(option: string, text: string | undefined, allowed: readonly string[]): string[] | null {
  if (!text) return null;
  const byFold = new Map(allowed.map((a) => [fold(a), a]));
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const found = byFold.get(fold(s));
    if (!found) throw new BadInputError(`--${option}: ${s} is not one of ${allowed.join(', ')}.`, option);
    return found;
  });
}
const list = (text: string | undefined) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : null);

function wholeNumber(option: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text)) throw new BadInputError(`--${option} must be a whole number, got "${text}".`, option);
  return Number(text);
}

/** The API's NetworkScope from the options (kinds as stored, types as named). */
function scopeOf(v: Values): NetworkScope {
  return { clusterId: v.cluster ?? null, ids: list(v.ids), types: names('types', v.types, LINK_TYPE_NAMES), kinds: names('kinds', v.kinds, NODE_KINDS), year: wholeNumber('year', v.year), exclude: list(v.exclude) };
}

function partitionOf(text: string | undefined): Partition {
  if (!text) return { by: 'KIND' };
  if (text.startsWith('property:')) return { by: 'PROPERTY', property: text.slice('property:'.length) };
  const by = PARTITIONS[text];
  if (!by) throw new BadInputError(`--partition: ${text} is not one of ${[...Object.keys(PARTITIONS), 'property:NAME'].join(', ')}.`, 'partition');
  return { by };
}

async function nameOf(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  return new Map((await existingEntities(deps.loaders, ids)).map((e) => [e.id, e.name]));
}

async function measureBrokerage(deps: ServiceDeps, v: Values, first: number): Promise<Result> {
  const sortBy = (v.sort ?? 'total') as Role;
  if (!ROLES.includes(sortBy)) throw new BadInputError(`--sort: ${v.sort} is not one of ${ROLES.join(', ')}.`, 'sort');
  const r = await brokerage(deps, { scope: scopeOf(v), partition: partitionOf(v.partition), sortBy, first, only: null });
  const name = await nameOf(deps, r.scores.map((s) => s.actorId));
  const scores = r.scores.map(({ actorId, ...s }) => ({ actor: { id: actorId, name: name.get(actorId) ?? null }, ...s }));
  return {
    columns: ['actor', 'name', 'group', ...ROLES, 'expected total', 'z total'],
    rows: scores.map((s) => [s.actor.id, s.actor.name, s.group, ...ROLES.map((k) => s.raw[k]), s.expected.total, s.z.total]),
    json: { ...r, scores },
  };
}

async function measureStructuralHoles(deps: ServiceDeps, v: Values, first: number): Promise<Result> {
  if (v.sort || v.partition) throw new UsageError('structural holes are listed least constrained first, as the API lists them, and need no partition: leave out --sort and --partition.');
  const rows = await rankStructuralHoles(deps, { scope: scopeOf(v), ids: null, first });
  const name = await nameOf(deps, rows.map((r) => r.actorId));
  const keys = ['degree', 'effectiveSize', 'efficiency', 'constraint', 'hierarchy'] as const;
  return {
    columns: ['actor', 'name', ...keys],
    rows: rows.map((r) => [r.actorId, name.get(r.actorId), ...keys.map((k) => r[k])]),
    json: rows.map(({ actorId, ...r }) => ({ actor: { id: actorId, name: name.get(actorId) ?? null }, ...r })),
  };
}

async function measureCentrality(deps: ServiceDeps, v: Values, first: number): Promise<Result> {
  if (v.partition) throw new UsageError('centrality needs no partition: leave out --partition.');
  const sortBy = CENTRALITY_SORTS[v.sort ?? 'betweenness'];
  if (!sortBy) throw new BadInputError(`--sort: ${v.sort} is not one of ${Object.keys(CENTRALITY_SORTS).join(', ')}.`, 'sort');
  const rows = await rankCentrality(deps, { scope: scopeOf(v), ids: null, sortBy, first });
  const name = await nameOf(deps, rows.map((r) => r.actorId));
  const keys = ['inDegree', 'outDegree', 'degree', 'betweenness', 'betweennessUndirected', 'closeness', 'pagerank'] as const;
  const all = rows.map((r) => ({
    actor: { id: r.actorId, name: name.get(r.actorId) ?? null },
    inDegree: r.inDegree, outDegree: r.outDegree, degree: r.degree,
    betweenness: r.measure('betweenness'), betweennessUndirected: r.measure('betweennessUndirected'), closeness: r.measure('closeness'), pagerank: r.measure('pagerank'),
  }));
  return { columns: ['actor', 'name', ...keys], rows: all.map((r) => [r.actor.id, r.actor.name, ...keys.map((k) => r[k])]), json: all };
}

const RUN: Record<Measure, (deps: ServiceDeps, v: Values, first: number) => Promise<Result>> = {
  brokerage: measureBrokerage,
  'structural-holes': measureStructuralHoles,
  centrality: measureCentrality,
};

export const measureCommand: Command = {
  name: 'measure',
  help: `Usage: kg measure brokerage|structural-holes|centrality [scope] [options]

Runs the same services as the API's brokerage, structuralHoles and centrality queries (README, "Query guide"
and the definitions beside them) and prints a table, or JSON with --json, or writes CSV with --out.

Scope (the API's NetworkScope; default: firms, buyers, institutions, programs and persons, tied by the flow
and support layer):
  --cluster ID     only the cluster's members and the actors tied to them
  --ids A,B        only these actors
  --types T,…      relationship types (SUPPLIES,SELLS_TO…)
  --kinds K,…      actor kinds (Firm,Buyer…)
  --year N         the network as it was in that year
  --exclude A,B    actors left out

Options:
  --partition P    brokerage groups: kind (default), cluster, country, chain-position or property:NAME
  --sort S         brokerage: coordinator, itinerant, representative, gatekeeper, liaison or total (default);
                   centrality: ${Object.keys(CENTRALITY_SORTS).join(', ')} (default betweenness);
                   structural holes are listed least constrained first
  --first N        at most N actors (default: all)
  --out FILE.csv   write the table as CSV instead of printing it
${DATABASE_HELP}

Examples:
  kg measure brokerage --cluster cluster:espirito-santo-metalworking --partition kind
  kg measure centrality --sort pagerank --first 20 --out pagerank.csv
  kg measure structural-holes --types SUPPLIES,SUBCONTRACTOR_OF,SELLS_TO --json`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, { min: 1, max: 1, names: `the measure: ${MEASURES.join(', ')}` });
    const measure = positionals[0] as Measure;
    if (!MEASURES.includes(measure)) throw new UsageError(`unknown measure "${positionals[0]}": use ${MEASURES.join(', ')}.`);
    const first = wholeNumber('first', values.first) ?? Number.MAX_SAFE_INTEGER;
    return withDatabase({ uri: values.uri, progress: (l) => void io.stderr.write(`${l}\n`) }, async (db) => {
      const result = await RUN[measure](db.deps, values, first);
      if (values.out) {
        await writeFile(values.out, stringify(result.rows, { header: true, columns: result.columns, cast: { boolean: (b) => String(b) } }));
        if (values.json) await print(io.stdout, JSON.stringify({ file: values.out, rows: result.rows.length }));
        else await print(io.stderr, `kg measure: ${result.rows.length} actors written to ${values.out}.`);
      } else {
        await print(io.stdout, values.json ? JSON.stringify(result.json) : result.rows.length ? table(result.columns, result.rows) : 'No actors in this scope.');
      }
      return 0;
    });
  },
};
