/**
 * The analysis result cache. A measure over an unchanged graph gives the same answer, so answers are kept,
 * keyed by (measure, normalised arguments, graph version). The graph version lives in Neo4j and every write
 * transaction bumps it (neo4j/executor.ts), so a write on any instance invalidates every instance's entries
 * at once, without messages between instances: a key with an old version is simply never asked for again
 * and ages out. One cache per service instance (per Config object: each `startService` has its own),
 * bounded by ANALYSIS_CACHE_ENTRIES and ANALYSIS_CACHE_BYTES, least recently used first out.
 *
 * The version is read before the measure runs, never after, so an entry can only be newer than its
 * version, never older: a result computed on data read after a write cannot be stored under the version
 * the write replaced and then served after it.
 */
import type { Config } from '../../config.js';
import type { ServiceDeps } from '../context.js';
import { jobsStatements as S } from '../jobs/statements.js';

/** The graph's version: epoch and counter of the GraphVersion node, and the count-store totals. */
export async function graphVersion({ executor }: Pick<ServiceDeps, 'executor'>): Promise<string> {
  let [row] = await executor.read(S.readGraphVersion);
  if (!row?.epoch) {
    // A new or wiped database: make the counter (its own records, so the version it makes is not bumped).
    await executor.writeRecordsTx((tx) => tx.run(S.ensureGraphVersion));
    [row] = await executor.read(S.readGraphVersion);
  }
  return `${row!.epoch}:${row!.value}:${row!.entities}:${row!.relationships}`;
}

/** JSON text with object keys sorted and lists of names sorted, so that equal requests give equal keys. */
export function normalisedArguments(args: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(norm);
      // Lists of ids, kinds and types are sets to every measure: their order does not change the answer.
      return items.every((x) => typeof x === 'string') ? [...new Set(items as string[])].sort() : items;
    }
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, norm(x)]));
    }
    return v;
  };
  return JSON.stringify(norm(args ?? {}));
}

export const cacheKey = (measure: string, args: unknown, version: string) => `${measure} ${normalisedArguments(args)} @${version}`;

interface Entry {
  value: unknown;
  bytes: number;
}

/** A least-recently-used map bounded by entries and by the estimated bytes of its values. */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly limits: Config['analysisCache']) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): unknown {
    const e = this.entries.get(key);
    if (!e) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.entries.delete(key); // Map keeps insertion order: re-inserting marks it most recently used
    this.entries.set(key, e);
    return e.value;
  }

  /** Keeps `value` (which must not change afterwards); values larger than the whole budget are not kept. */
  set(key: string, value: unknown): void {
    // JSON length in UTF-16 units, doubled: a rough measure of what the objects hold in the heap.
    const bytes = 2 * (JSON.stringify(value)?.length ?? 0);
    if (this.limits.entries === 0 || bytes > this.limits.bytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}

const caches = new WeakMap<Config, AnalysisCache>();

/** The cache of the service instance whose configuration this is. */
export function cacheOf(config: Config): AnalysisCache {
  let c = caches.get(config);
  if (!c) caches.set(config, (c = new AnalysisCache(config.analysisCache)));
  return c;
}

/**
 * The answer of `compute` for (measure, args) on the current graph: from the cache when this graph
 * version was already answered, otherwise computed and kept. `cached` says which.
 */
export async function cachedAnalysis<T>(
  deps: Pick<ServiceDeps, 'executor'> & { config: Config },
  o: {
    measure: string;
    args: unknown;
    compute: () => Promise<T>;
    /** Where else an answer may be kept (as JSON text): finished jobs in the database, from any instance. */
    stored?: (key: string) => Promise<string | undefined>;
  },
): Promise<{ value: T; cached: boolean; version: string; key: string }> {
  const version = await graphVersion(deps);
  const key = cacheKey(o.measure, o.args, version);
  const cache = cacheOf(deps.config);
  const hit = cache.get(key);
  if (hit !== undefined) return { value: hit as T, cached: true, version, key };
  const stored = await o.stored?.(key);
  if (stored !== undefined) {
    const value = JSON.parse(stored) as T;
    cache.set(key, value);
    return { value, cached: true, version, key };
  }
  const value = await o.compute();
  cache.set(key, value);
  return { value, cached: false, version, key };
}
