import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { hasRole, identify, type Identity } from '../identity.js';
import { refuse } from './refuse.js';

/**
 * Security headers (helmet). The viewer loads only its own files; the GraphQL IDE (when enabled) is a page
 * of Ruru's with inline scripts, so its route gets a policy that allows them and nothing else loosened.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // The service is often reached over plain HTTP (a laptop, a LAN, Docker without a proxy): asking the
        // browser to upgrade every request to HTTPS would break the viewer there. TLS belongs to the proxy.
        upgradeInsecureRequests: null,
      },
    },
  });
}

export function ideHeaders(): RequestHandler {
  return helmet.contentSecurityPolicy({
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      // The IDE's editor (Monaco) runs its language services in workers.
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  });
}

/** Cross-origin requests only from CORS_ORIGINS (none by default: the viewer is same-origin). */
export function corsPolicy(config: Config): RequestHandler {
  const allowed = new Set(config.access.corsOrigins);
  return cors({ origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)), methods: ['GET', 'POST'], maxAge: 600 });
}

/** JSON bodies up to MAX_REQUEST_BYTES; larger or malformed bodies get a readable JSON error. */
export function jsonBody(config: Config): RequestHandler {
  return express.json({ limit: config.http.maxRequestBytes });
}

export const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number; limit?: number; length?: number }, _req, res, next) => {
  if (err.type === 'entity.too.large') {
    return refuse(res, 413, 'LIMIT_EXCEEDED', `Request body is ${err.length} bytes, over the MAX_REQUEST_BYTES limit of ${err.limit}. Send a smaller request.`, { limit: 'MAX_REQUEST_BYTES', max: err.limit, actual: err.length });
  }
  if (err.type === 'entity.parse.failed') return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON: send {"query": "...", "variables": {...}}.');
  return next(err);
};

/** The identity behind the request (res.locals.identity); a bad key, or no key where reads need one, is a 401. */
export function authenticate(config: Config): RequestHandler {
  return (req, res, next) => {
    const identity = identify(req.get('authorization'), { keys: config.access.apiKeys, editorToken: config.editorToken, editorName: req.get('x-editor-name') });
    if (!identity) return refuse(res, 401, 'UNAUTHENTICATED', 'The API key or token in the Authorization header is not valid: send `Authorization: Bearer <key>` with a key from your administrator, or no header to read anonymously.');
    if (!config.access.readsPublic && !hasRole(identity, 'reader')) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'This service needs an API key to read (READ_ACCESS=key): send `Authorization: Bearer <key>`.');
    }
    res.locals.identity = identity;
    next();
  };
}

/** RATE_LIMIT_PER_MINUTE requests a minute per API key (per address when anonymous); admins are not limited. */
export function rateLimitPerIdentity(config: Config): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.http.ratePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => (res.locals.identity as Identity | undefined)?.role === 'admin',
    keyGenerator: (req, res) => {
      const identity = res.locals.identity as Identity | undefined;
      return identity && identity.role !== 'anonymous' ? `key:${identity.name}` : ipKeyGenerator(req.ip ?? 'unknown');
    },
    handler: (_req, res) =>
      refuse(res, 429, 'RATE_LIMITED', `Over the RATE_LIMIT_PER_MINUTE limit of ${config.http.ratePerMinute} requests a minute for this caller: wait for the Retry-After / RateLimit-Reset seconds.`, {
        limit: 'RATE_LIMIT_PER_MINUTE',
        max: config.http.ratePerMinute,
      }),
  });
}

/**
 * Sheds load instead of queueing without bound: past MAX_CONCURRENT_REQUESTS GraphQL requests in flight,
 * new ones get an immediate 503 with Retry-After. Written here because the maintained limiters
 * (express-rate-limit, helmet, toobusy-style event-loop monitors) bound request rates or lag, not the number
 * of database-bound requests open at once, which is what exhausts memory and the connection pool.
 */
export function shedLoad(config: Config): RequestHandler {
  let inFlight = 0;
  const max = config.http.maxConcurrent;
  return (_req, res, next) => {
    if (inFlight >= max) {
      res.set('Retry-After', '1');
      return refuse(res, 503, 'UNAVAILABLE', `The service is busy: ${max} requests are already running (MAX_CONCURRENT_REQUESTS). Retry in a second.`, { limit: 'MAX_CONCURRENT_REQUESTS', max });
    }
    inFlight += 1;
    let done = false;
    const release = () => {
      if (!done) (done = true), (inFlight -= 1);
    };
    res.on('finish', release);
    res.on('close', release);
    next();
  };
}
