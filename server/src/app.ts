import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import type { Config } from './config.js';
import { fromRoot } from './paths.js';
import type { Context } from './modules/context.js';
import { formatError } from './graphql/errors.js';
import { exampleQueries } from './graphql/examples.js';
import { documentCache } from './graphql/documents.js';
import { compiledExecution } from './graphql/execute.js';
import { readKeysOf } from './graphql/readKeys.js';
import { limitedParser, shapeRules, variableRules } from './graphql/limits.js';
import type { Logger } from './logger.js';
import { readiness } from './modules/core/service.js';
import { createLoaders } from './modules/entities/loaders.js';
import { exportRoute } from './modules/export/route.js';
import { authenticate, bodyErrors, corsPolicy, ideHeaders, jsonBody, rateLimitPerIdentity, securityHeaders, shedLoad } from './http/security.js';
import { hasRole, type Identity } from './identity.js';
import type { Executor } from './neo4j/executor.js';

const clientDist = fromRoot('client', 'dist');

/**
 * What one GraphQL request's resolvers get: an executor that counts the request's round trips and reads the
 * properties its fields can show (`document`, the cached parse of its text; null: every property), the
 * request's own loaders, and who is calling.
 */
export function requestContext(deps: { config: Config; executor: Executor; schema: GraphQLSchema }, identity: Identity, document: DocumentNode | null): Context {
  const scoped = deps.executor.forRequest(document ? readKeysOf(deps.schema, document) : {});
  return {
    executor: scoped,
    config: deps.config,
    limits: deps.config.limits,
    identity,
    editor: hasRole(identity, 'editor'),
    editorName: identity.name,
    loaders: createLoaders(scoped),
  };
}

/** The HTTP surface: GraphQL at /graphql (with a browsable IDE on GET), the viewer at /. */
export function createApp(deps: { config: Config; executor: Executor; schema: GraphQLSchema; logger: Logger }): Express {
  const { config, executor, schema, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (config.http.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders());

  // Liveness: the process answers. Readiness: the database answers and the schema is applied.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res, next) => {
    readiness({ executor })
      .then((r) => res.status(r.ready ? 200 : 503).json(r))
      .catch(next);
  });

  // The GraphQL IDE (Ruru, a packaged GraphiQL) with its assets served locally: no CDN needed. Off in
  // production unless GRAPHQL_IDE=true.
  if (config.graphqlIde) {
    // Not mounted at the path: express would strip it from req.url, and Ruru matches the full path.
    app.use(serveStatic('/ruru-static/'));
    app.get('/graphql', ideHeaders(), (req, res, next) => {
      if (!req.accepts('html') || req.query.query) return next();
      res.type('html').send(ruruHTML({ endpoint: '/graphql', staticPath: '/ruru-static/', clientConfig: { defaultQuery: exampleQueries } as never }));
    });
  }

  const production = config.env === 'production';
  const documents = documentCache({ parse: limitedParser(config.limits.tokens), staticRules: shapeRules(config.limits) });
  const handler = createHandler<Context & Record<PropertyKey, unknown>>({
    schema,
    context: (req, params) => {
      const identity = req.context.res.locals.identity as Identity;
      const ctx = requestContext({ config, executor, schema }, identity, typeof params.query === 'string' ? documents.parse(params.query) : null);
      return ctx as Context & Record<PropertyKey, unknown>;
    },
    // Parsing and the rules that read only the document run once per query text (graphql/documents.ts); a
    // function as validationRules replaces graphql-js's specified rules, which the cache runs instead.
    parse: documents.parse as never,
    validate: documents.validate as never,
    execute: compiledExecution(),
    validationRules: (_req, args) => variableRules(config.limits, args.variableValues as Record<string, unknown> | undefined),
    formatError: (err) => formatError(err, production) as never,
    onOperation: (_req, args, result) => {
      const ctx = args.contextValue as Context;
      if (result.errors?.some((e) => !(e.originalError && 'code' in e.originalError))) {
        for (const e of result.errors) if (e.originalError) logger.error({ err: e.originalError, path: e.path }, 'resolver failed');
      }
      // Round trips to Neo4j for this request: lets clients and tests see that nesting does not multiply queries.
      return { ...result, extensions: { ...result.extensions, dbQueries: ctx.executor.queryCount } };
    },
  });
  // The gate, in order: cross-origin policy, body size, who is calling, their rate, how busy we are.
  // One rate limit and one count of requests in flight for /graphql and /export alike.
  const rateLimit = rateLimitPerIdentity(config);
  const shed = shedLoad(config);
  app.use('/graphql', corsPolicy(config), jsonBody(config), bodyErrors, authenticate(config), rateLimit, shed);
  app.all('/graphql', (req, res, next) => {
    Promise.resolve(handler(req, res, next)).catch(next);
  });
  // Downloads of the graph or part of it (GET /export?format=gexf&cluster=…), behind the same gate: reads.
  app.get('/export', corsPolicy(config), authenticate(config), rateLimit, shed, exportRoute({ executor, config, logger }));

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: 'index.html', maxAge: production ? '1h' : 0 }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The viewer is not built: run `npm run build:client` (npm start does this for you).');
    });
  }
  return app;
}
