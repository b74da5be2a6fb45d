import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../errors/app-error';

/** The origins a route answers: any, none (no CORS at all), or those listed. */
export type OriginRule = 'any' | 'none' | readonly string[];

/** Where each API's allowed origins come from; the composition root supplies them. */
export interface CorsOrigins {
  /** The app's allowed origins (an empty list, or an unknown app, allows any). */
  clientApp(clientAppId: string): Promise<readonly string[]>;
  /** The Admin API's (and the public API's) origins, from the server config. */
  readonly admin: OriginRule;
}

const CLIENT_APP = /^\/api\/client\/v2\.0\/app\/([^/]+)(?:\/|$)/;
const CLIENT = /^\/api\/client\/v2\.0(?:\/|$)/;
const ADMIN = /^\/api\/admin\/v3\.0(?:\/|$)/;
const PUBLIC = /^\/api\/public\/v1\.0(?:\/|$)/;

/**
 * realm-web calls the redirect login with `credentials: "include"` when linking (and reads the
 * provider's URL from `X-BAAS-Location`): the browser needs both allowed. The server sets and
 * reads no cookies, so allowing credentials gives a page no ambient authority here.
 */
const REDIRECT_LOGIN = /^\/api\/client\/v2\.0\/app\/[^/]+\/auth\/providers\/[^/]+\/login$/;
const EXPOSE_ON_REDIRECT_LOGIN = 'X-BAAS-Location';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
/** What realm-web sends (it sets no custom X-* headers); a preflight must list non-safelisted ones. */
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept';
const MAX_AGE_SECONDS = '86400';

async function ruleFor(req: Request, origins: CorsOrigins): Promise<OriginRule> {
  const app = CLIENT_APP.exec(req.path);
  if (app) {
    const listed = await origins.clientApp(decodeSegment(app[1] ?? ''));
    return listed.length === 0 ? 'any' : listed;
  }
  // Routes outside an app (auth/session, auth/profile, auth/api_keys, auth/delete) are
  // authenticated by bearer tokens only, never cookies, so any origin may call them.
  if (CLIENT.test(req.path)) return 'any';
  // The public API is authenticated by the same admin keys: the Admin API's origins apply.
  if (ADMIN.test(req.path) || PUBLIC.test(req.path)) return origins.admin;
  return 'none';
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isAllowed(rule: OriginRule, origin: string): boolean {
  if (rule === 'any') return true;
  if (rule === 'none') return false;
  const o = origin.toLowerCase();
  return rule.some((allowed) => allowed.toLowerCase() === o);
}

/**
 * CORS for both APIs. A request without an `Origin` header is not a browser's cross-origin call
 * and passes untouched. Otherwise the origin is echoed (with `Vary: Origin`) when the route's
 * rule allows it; a preflight (`OPTIONS`) is answered here with 204, before body parsing and
 * request validation, so it never meets the 405 of an undocumented method. A listed-origins rule
 * refuses other origins with 403 and no CORS headers, preflight or not (as App Services blocks
 * requests from origins not in `allowed_request_origins`); where CORS is off ('none'), a
 * preflight gets 204 without allow headers and other requests go on without CORS headers, so
 * the browser keeps the response from the page.
 */
export function cors(origins: CorsOrigins): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    const isPreflight = req.method === 'OPTIONS';
    ruleFor(req, origins).then((rule) => {
      // CORS off: a preflight still gets its 204 (not the 405 of an undocumented method), but
      // without allow headers, so the browser does not send the request.
      if (rule === 'none') return isPreflight ? void res.status(204).end() : next();
      res.vary('Origin');
      if (!isAllowed(rule, origin)) {
        return next(new ForbiddenError(`origin not allowed: ${origin}`, 'OriginNotAllowed'));
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      if (REDIRECT_LOGIN.test(req.path)) {
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Expose-Headers', EXPOSE_ON_REDIRECT_LOGIN);
      }
      if (!isPreflight) return next();
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', MAX_AGE_SECONDS);
      res.status(204).end();
    }, next);
  };
}
