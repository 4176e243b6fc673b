/**
 * The analyses a job (or a plain analytics query, through the cache) can run, one entry each: how its
 * GraphQL arguments are checked and normalised, how it runs, and how its stored answer becomes the
 * parent of its GraphQL result type again. Adding a measure is one entry here, one field of
 * AnalysisInput and one of AnalysisJob (jobs.graphql).
 *
 * Answers are plain JSON: a job's answer is stored on its node in Neo4j, where any instance reads it.
 */
import type { Config } from '../../config.js';
import { BadInputError, LimitError } from '../../errors.js';
import { brokerage, roleNamed } from '../analytics/brokerage.js';
import { CENTRALITY_SORT_KEYS, rankCentrality, type CentralitySortKey } from '../analytics/centrality.js';
import { checkpoint, subControl, type AnalysisControl } from '../analytics/control.js';
import type { NetworkScope } from '../analytics/projection.js';
import { checkApproximateArgs, rankApproximateBetweenness, type ApproximateArgs } from '../analytics/approximate.js';
import { rankStructuralHoles } from '../analytics/structuralHoles.js';
import type { ApproximateBetweennessModel, BrokerageReport, CentralityModel, LazyMeasure, StructuralHolesModel } from '../analytics/types.js';
import type { ServiceDeps } from '../context.js';
import type { Partition } from '../analytics/partition.js';

/** A job's control: an AnalysisControl plus `pause`, which lets the job report and learn of a cancel between stages. */
export interface JobControl extends AnalysisControl {
  /** Writes the progress so far and throws AnalysisCancelledError if the job was cancelled meanwhile. */
  pause?: () => Promise<void>;
}

export interface Analysis<A, R> {
  /** The AnalysisMeasure value naming it. */
  name: string;
  /** Checks the GraphQL arguments (named in errors after the prefix `field`, e.g. `input.brokerage.`) and gives the plain arguments the run takes. */
  prepare(input: Record<string, unknown>, limits: Config['limits'], field: string): A;
  run(deps: ServiceDeps, args: A, control?: JobControl): Promise<R>;
  /** The GraphQL parent of the result from the stored answer. */
  revive(answer: R): unknown;
}

/** A page size within MAX_PAGE_SIZE, as the analytics queries take it. */
function pageSize(first: unknown, limits: Config['limits'], field: string): number {
  const n = first === undefined || first === null ? 50 : Number(first);
  if (!Number.isInteger(n) || n < 0) throw new BadInputError(`${field}first must be a whole number ≥ 0, got ${String(first)}.`, `${field}first`);
  if (n > limits.pageSize) throw new LimitError(`${field}first`, limits.pageSize, n, '(MAX_PAGE_SIZE)');
  return n;
}

/**
 * The services take their AnalysisControl as an optional last argument (being added to each engine);
 * this widening passes it whether or not a service's signature declares it yet.
 */
const controlled = <A, R>(f: (deps: ServiceDeps, args: A) => Promise<R>) => f as (deps: ServiceDeps, args: A, control?: AnalysisControl) => Promise<R>;

const ids = (v: unknown) => (Array.isArray(v) && v.length ? (v as string[]) : null);
const scopeOf = (v: unknown) => (v ?? null) as NetworkScope | null;

interface BrokerageArgs {
  scope: NetworkScope | null;
  partition: Partition;
  only: string[] | null;
  sortBy: string;
  first: number;
}

const brokerageAnalysis: Analysis<BrokerageArgs, BrokerageReport> = {
  name: 'BROKERAGE',
  prepare(a, limits, field) {
    if (!a.partition) throw new BadInputError(`${field}partition is required: say how actors are grouped, e.g. { by: KIND }.`, `${field}partition`);
    const sortBy = String(a.sortBy ?? 'TOTAL');
    roleNamed(sortBy);
    return { scope: scopeOf(a.scope), partition: a.partition as Partition, only: ids(a.ids), sortBy, first: pageSize(a.first, limits, field) };
  },
  run: (deps, a, control) => controlled(brokerage)(deps, { ...a, sortBy: roleNamed(a.sortBy) }, control),
  revive: (r) => r,
};

interface StructuralHolesArgs {
  scope: NetworkScope | null;
  ids: string[] | null;
  first: number;
}

const structuralHolesAnalysis: Analysis<StructuralHolesArgs, StructuralHolesModel[]> = {
  name: 'STRUCTURAL_HOLES',
  prepare: (a, limits, field) => ({ scope: scopeOf(a.scope), ids: ids(a.ids), first: pageSize(a.first, limits, field) }),
  run: (deps, a, control) => controlled(rankStructuralHoles)(deps, a, control),
  revive: (r) => r,
};

/** The dearer centrality measures, computed for the whole network when asked for (see analytics/centrality.ts). */
export const LAZY_MEASURES: readonly LazyMeasure[] = ['betweenness', 'betweennessUndirected', 'closeness', 'pagerank'];

interface CentralityArgs {
  scope: NetworkScope | null;
  ids: string[] | null;
  sortBy: CentralitySortKey;
  first: number;
  /** The dearer measures the answer carries (the others are not computed). */
  measures: LazyMeasure[];
}

/** A centrality row with the values of the dearer measures it carries. */
export type CentralityRow = Omit<CentralityModel, 'measure'> & { values: Partial<Record<LazyMeasure, number>> };

const centralityAnalysis: Analysis<CentralityArgs, CentralityRow[]> = {
  name: 'CENTRALITY',
  prepare(a, limits, field) {
    const sortName = String(a.sortBy ?? 'BETWEENNESS') as keyof typeof CENTRALITY_SORT_KEYS;
    const sortBy = CENTRALITY_SORT_KEYS[sortName];
    if (!sortBy) throw new BadInputError(`${field}sortBy: ${sortName} is not a centrality measure.`, `${field}sortBy`);
    const asked = Array.isArray(a.measures) ? (a.measures as string[]) : null;
    const measures = new Set<LazyMeasure>();
    for (const m of asked ?? Object.keys(CENTRALITY_SORT_KEYS)) {
      const key = CENTRALITY_SORT_KEYS[m as keyof typeof CENTRALITY_SORT_KEYS];
      if (!key) throw new BadInputError(`${field}measures: ${m} is not a centrality measure.`, `${field}measures`);
      if ((LAZY_MEASURES as string[]).includes(key)) measures.add(key as LazyMeasure);
    }
    if ((LAZY_MEASURES as string[]).includes(sortBy)) measures.add(sortBy as LazyMeasure);
    return { scope: scopeOf(a.scope), ids: ids(a.ids), sortBy, first: pageSize(a.first, limits, field), measures: LAZY_MEASURES.filter((m) => measures.has(m)) };
  },
  async run(deps, a, control) {
    // The ranking (with the sort measure) takes the first half of the bar; each further measure a share of the rest.
    const rows = await controlled(rankCentrality)(deps, a, subControl(control, 0, 0.5));
    const rest = a.measures.filter((m) => m !== a.sortBy);
    const values = rows.map(() => ({}) as Partial<Record<LazyMeasure, number>>);
    for (const [k, m] of a.measures.entries()) {
      const done = rest.indexOf(m);
      checkpoint(control, done < 0 ? 0.5 : 0.5 + (0.5 * done) / rest.length, m);
      await control?.pause?.();
      rows.forEach((r, i) => (values[i]![m] = r.measure(m)));
      if (k === a.measures.length - 1) checkpoint(control, 1, m);
    }
    return rows.map(({ measure: _, ...r }, i) => ({ ...r, values: values[i]! }));
  },
  revive: (rows) =>
    rows.map((r): CentralityModel => ({
      ...r,
      measure: (m) => {
        const v = r.values[m];
        if (v === undefined) throw new BadInputError(`${m} was not computed for this answer: ask for it in centrality.measures when starting the analysis.`, 'measures');
        return v;
      },
    })),
};

const num = (v: unknown) => (v === undefined || v === null ? null : Number(v));

const approximateBetweennessAnalysis: Analysis<ApproximateArgs, ApproximateBetweennessModel> = {
  name: 'APPROXIMATE_BETWEENNESS',
  prepare(a, limits, field) {
    const args = {
      scope: scopeOf(a.scope),
      directed: a.directed === undefined || a.directed === null ? true : Boolean(a.directed),
      epsilon: num(a.epsilon),
      samples: num(a.samples),
      delta: num(a.delta) ?? 0.05,
      seed: num(a.seed) ?? 1,
      ids: ids(a.ids),
      first: pageSize(a.first, limits, field),
    };
    checkApproximateArgs(args);
    return args;
  },
  run: (deps, a, control) => rankApproximateBetweenness(deps, a, control),
  revive: (r) => r,
};

/** Every analysis, by the AnalysisInput field that names it. */
export const ANALYSES = {
  brokerage: brokerageAnalysis,
  centrality: centralityAnalysis,
  structuralHoles: structuralHolesAnalysis,
  approximateBetweenness: approximateBetweennessAnalysis,
} as const;
export type AnalysisName = keyof typeof ANALYSES;
