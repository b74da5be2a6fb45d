import type { IncomingMessage } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { Deps } from './composition/deps';
import { NotFoundError } from './errors/app-error';
import { CALLBACK_PATH } from './client/oauth2/oauth2-redirect.service';
import { corsOrigins } from './composition/cors';
import { createAuthenticator } from './http/authenticate';
import { cors } from './http/cors';
import { errorHandler } from './http/error-handler';
import { installRouteRegexpCache } from './http/route-regexp-cache';
import { guardJsonBody, guardQuery } from './http/request-guards';
import { requestValidator } from './http/request-validator';
import { buildAuthRouter, dispatcher } from './http/router';
import { securityHeaders } from './http/security-headers';
import { loadSpec, specFile, type LoadedSpec } from './http/spec';
import { defaultConsoleDir, webPages } from './http/web-pages';

const JSON_TYPES = ['application/json', 'application/*+json'];
const IMPORT_PATHS = [
  '/api/admin/v3.0/groups/:groupId/apps/:appId/import',
  '/api/admin/v3.0/groups/:groupId/apps/:appId/push',
];

/**
 * Whether a request is one of the APIs'. createApp answers every such request (a handler's
 * reply or the error writer's), even after its client went away; the other paths are the static
 * pages, whose file stream stops with the client.
 */
export function isApiRequest(req: IncomingMessage): boolean {
  return req.url?.startsWith('/api/') === true;
}

/**
 * Whether a request has a body: a Transfer-Encoding or a Content-Length (type-is's test, the one
 * the body parsers make before anything else).
 */
function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    !Number.isNaN(Number(req.headers['content-length']))
  );
}

/**
 * The body parsers and the JSON body guard. They do nothing for a request without a body (most
 * reads), so such a request skips them: five router layers fewer for it.
 */
function bodyParsers(deps: Deps): RequestHandler {
  const parsers = express.Router();
  // An imported app may be larger than other bodies, and may come as a zip.
  parsers.use(
    IMPORT_PATHS,
    express.json({ limit: deps.config.importMaxBytes, type: JSON_TYPES }),
    express.raw({ limit: deps.config.importMaxBytes, type: 'application/zip' }),
  );
  parsers.use(express.json({ limit: deps.config.maxBodyBytes, type: JSON_TYPES }));
  // The OAuth 2.0 callback's form POST (Apple's response_mode=form_post).
  parsers.use(CALLBACK_PATH, express.urlencoded({ extended: false, limit: '16kb' }));
  parsers.use(guardJsonBody);
  return (req, res, next) => (hasBody(req) ? parsers(req, res, next) : next());
}

/**
 * The HTTP app: authentication by the matched operation's security scheme, JSON parsing (depth
 * bounded), request validation against openapi.yaml, one handler per operationId, the error
 * writer last.
 */
export function createApp(deps: Deps, spec: LoadedSpec = loadSpec()): Express {
  installRouteRegexpCache();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Which proxies' X-Forwarded-For gives req.ip (the client IP that login rate limits count).
  app.set('trust proxy', deps.config.trustProxy);
  // Security headers and CORS first: preflights are answered before parsing and validation.
  app.use(securityHeaders(), cors(corsOrigins(deps.deployedConfigs, deps.config)));
  // The admin console and the API reference: static pages with their own CSP and caching.
  // API requests skip them (their routes are tried one by one for every request that enters).
  const pages = webPages({ consoleDir: defaultConsoleDir(), specFile: specFile() });
  app.use((req, res, next) => (isApiRequest(req) ? next() : pages(req, res, next)));
  // A request without a Content-Type is read as JSON: curl users often leave the header out, and
  // then an empty body is reported as "missing" (400) rather than as a media-type problem.
  app.use((req, _res, next) => {
    if (req.headers['content-type'] === undefined) req.headers['content-type'] = 'application/json';
    next();
  });
  // Authentication first (headers only): unauthenticated callers get 401 before any parsing.
  app.use(buildAuthRouter(spec, createAuthenticator(deps.verifiers, deps.requestVerifiers)));
  app.use(guardQuery(spec.document));
  app.use(bodyParsers(deps));
  app.use(requestValidator(spec));
  app.use(dispatcher(spec, deps.handlers));
  app.use((_req, _res, next) => next(new NotFoundError('no such endpoint', 'NotFound')));
  app.use(errorHandler(deps.log));
  return app;
}
