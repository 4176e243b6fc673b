import { z } from 'zod';
import { StartupError } from './errors.js';
import { parseApiKeys } from './identity.js';

/**
 * All configuration, read from the environment in this one module and validated at once: every bad
 * variable is reported together, with what is expected. Nothing else reads `process.env`.
 */
const port = (fallback: number) =>
  z.coerce.number().int().min(0, 'must be a port number 1–65535 (0: any free port)').max(65535, 'must be a port number 1–65535').default(fallback);
const positive = (fallback: number) => z.coerce.number().int().positive('must be a positive whole number').default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
const size = (fallback: string) =>
  z
    .string()
    .regex(/^\d+[kmg]?$/i, 'must be a size like 512m or 1g')
    .default(fallback)
    .transform((v) => {
      const n = Number.parseInt(v, 10);
      const unit = v.slice(-1).toLowerCase();
      const mult = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
      return n * mult;
    });

const schema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a Bolt URI such as bolt://localhost:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j refuses shorter passwords)').default('clustergraph-dev'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_HEAP: size('1g').refine((b) => b <= 1024 ** 3 * 8, 'must be at most 8g'),
  NEO4J_PAGECACHE: size('512m'),
  NEO4J_START_TIMEOUT_MS: positive(120_000),
  QUERY_TIMEOUT_MS: positive(20_000),
  // Why these defaults: server/src/neo4j/driver.ts (DriverTimeouts).
  NEO4J_CONNECTION_TIMEOUT_MS: positive(2000),
  NEO4J_ACQUISITION_TIMEOUT_MS: positive(3000),
  NEO4J_MAX_RETRY_TIME_MS: z.coerce.number().int().min(0, 'must be a whole number of milliseconds, 0 or more').default(500),
  SHUTDOWN_GRACE_MS: positive(10_000),
  SEED_ON_START: bool(true),
  EDITOR_TOKEN: z.string().min(12, 'must be at least 12 characters').optional(),
  API_KEYS: z
    .string()
    .default('')
    .superRefine((v, ctx) => parseApiKeys(v).problems.forEach((message) => ctx.addIssue({ code: 'custom', message }))),
  READ_ACCESS: z.enum(['public', 'key'], { message: 'must be public (anyone reads) or key (reads need an API key)' }).default('public'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((s) => s.trim()).filter(Boolean).every((o) => /^https?:\/\/[^/\s]+$/.test(o)), 'must be a comma-separated list of origins such as https://example.org'),
  MAX_REQUEST_BYTES: size('1m'),
  RATE_LIMIT_PER_MINUTE: positive(600),
  MAX_CONCURRENT_REQUESTS: positive(64),
  TRUST_PROXY: bool(false),
  MAX_QUERY_DEPTH: positive(10),
  MAX_QUERY_COST: positive(5000),
  MAX_QUERY_ALIASES: positive(30),
  MAX_QUERY_TOKENS: positive(3000),
  MAX_QUERY_DIRECTIVES: positive(20),
  GRAPHQL_IDE: z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }).optional(),
  MAX_PAGE_SIZE: positive(200),
  MAX_HOPS: positive(4),
  MAX_PATH_LENGTH: positive(6),
  MAX_PATHS: positive(100),
  MAX_SUBGRAPH_NODES: positive(5000),
  MAX_ANALYSIS_NODES: positive(20000),
  // Betweenness (domain/betweenness.ts): worker threads (0: one per core) and the largest network approximateBetweenness loads.
  ANALYSIS_WORKERS: z.coerce.number().int().min(0, 'must be a whole number, 0 or more (0: one per core)').default(0),
  MAX_APPROXIMATE_NODES: positive(1_000_000),
  MAX_BROKERAGE_NODES: positive(5_000_000),
  CONSOLE_TIMEOUT_MS: positive(10_000),
  CONSOLE_MAX_ROWS: positive(1000),
  // Analysis jobs and the result cache (modules/jobs, modules/analytics/cache.ts).
  JOBS_MAX_RUNNING: positive(2),
  JOBS_MAX_QUEUED: z.coerce.number().int().min(0, 'must be a whole number, 0 or more').default(16),
  JOB_TTL_MS: positive(3_600_000),
  JOB_LEASE_MS: positive(60_000),
  ANALYSIS_CACHE_ENTRIES: z.coerce.number().int().min(0, 'must be a whole number, 0 or more (0 turns the cache off)').default(64),
  ANALYSIS_CACHE_BYTES: size('64m'),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // Empty strings mean "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new StartupError(`Configuration is invalid — ${problems.join('; ')}. Fix these environment variables (see README, Configuration).`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    env: c.NODE_ENV,
    log: { level: c.LOG_LEVEL, format: c.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json') },
    neo4j: {
      uri: c.NEO4J_URI,
      user: c.NEO4J_USER,
      password: c.NEO4J_PASSWORD,
      database: c.NEO4J_DATABASE,
      local: { boltPort: c.NEO4J_BOLT_PORT, dataDir: c.NEO4J_DATA_DIR, heapBytes: c.NEO4J_HEAP, pageCacheBytes: c.NEO4J_PAGECACHE, startTimeoutMs: c.NEO4J_START_TIMEOUT_MS },
      queryTimeoutMs: c.QUERY_TIMEOUT_MS,
      timeouts: { connectionMs: c.NEO4J_CONNECTION_TIMEOUT_MS, acquisitionMs: c.NEO4J_ACQUISITION_TIMEOUT_MS, maxRetryMs: c.NEO4J_MAX_RETRY_TIME_MS },
    },
    seedOnStart: c.SEED_ON_START,
    /** How long SIGTERM / Ctrl-C waits for requests in flight before closing them. */
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    editorToken: c.EDITOR_TOKEN,
    access: {
      apiKeys: parseApiKeys(c.API_KEYS).keys,
      readsPublic: c.READ_ACCESS === 'public',
      corsOrigins: c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    },
    http: { maxRequestBytes: c.MAX_REQUEST_BYTES, ratePerMinute: c.RATE_LIMIT_PER_MINUTE, maxConcurrent: c.MAX_CONCURRENT_REQUESTS, trustProxy: c.TRUST_PROXY },
    /** The browsable GraphQL IDE on GET /graphql: on by default except in production. */
    graphqlIde: c.GRAPHQL_IDE === undefined ? c.NODE_ENV !== 'production' : ['true', '1', 'yes'].includes(c.GRAPHQL_IDE),
    limits: {
      depth: c.MAX_QUERY_DEPTH,
      cost: c.MAX_QUERY_COST,
      aliases: c.MAX_QUERY_ALIASES,
      tokens: c.MAX_QUERY_TOKENS,
      directives: c.MAX_QUERY_DIRECTIVES,
      pageSize: c.MAX_PAGE_SIZE,
      hops: c.MAX_HOPS,
      pathLength: c.MAX_PATH_LENGTH,
      paths: c.MAX_PATHS,
      subgraphNodes: c.MAX_SUBGRAPH_NODES,
      analysisNodes: c.MAX_ANALYSIS_NODES,
      /** Worker threads for betweenness (0: one per core). */
      analysisWorkers: c.ANALYSIS_WORKERS,
      /** Largest network approximateBetweenness loads (sampled sources, stated error bound). */
      approximateNodes: c.MAX_APPROXIMATE_NODES,
      /** Largest network brokerage loads as typed arrays (projectCompact): about 100 bytes per actor plus 16 per arc. */
      brokerageNodes: c.MAX_BROKERAGE_NODES,
    },
    /** The read-only Cypher console (`Query.cypher`): how long a query may run, how many rows it returns at most. */
    console: { timeoutMs: c.CONSOLE_TIMEOUT_MS, maxRows: c.CONSOLE_MAX_ROWS },
    /** Analysis jobs: how many run at once per instance, how many wait, how long finished ones are kept, when a silent one is lost. */
    jobs: { maxRunning: c.JOBS_MAX_RUNNING, maxQueued: c.JOBS_MAX_QUEUED, ttlMs: c.JOB_TTL_MS, leaseMs: c.JOB_LEASE_MS },
    /** The per-instance cache of analysis results, keyed by the graph version (entries 0: off). */
    analysisCache: { entries: c.ANALYSIS_CACHE_ENTRIES, bytes: c.ANALYSIS_CACHE_BYTES },
  } as const;
}
