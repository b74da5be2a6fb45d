import type { RequestHandler } from 'express';
import helmet from 'helmet';

const API = /^\/api\//;

/**
 * Security headers for JSON APIs (helmet). The CSP forbids everything (`default-src 'none'`),
 * which costs a JSON response nothing and keeps a response opened as a page inert.
 * Cross-Origin-Resource-Policy is `cross-origin`: the SDKs call from other origins (CORS decides
 * who may read, see cors.ts), and `same-origin` would block any no-cors load. Helmet also drops
 * `X-Powered-By`.
 */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  return [precomputed(headers)];
}

/**
 * Helmet's headers depend on its options only, not on the request: they are recorded once, from
 * a run of helmet on a stand-in response, and set by one middleware (helmet runs a dozen
 * middlewares per request).
 */
function precomputed(helmetMiddleware: RequestHandler): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let ran = false;
  helmetMiddleware({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet failed');
    ran = true;
  });
  if (!ran) throw new Error('helmet did not run synchronously');
  return (req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    noStore(req, res, next);
  };
}

/**
 * `Cache-Control: no-store` on every API response unless a handler sets its own: logins, session
 * refreshes and API-key creation carry tokens and keys, and the rest is per-user data that no
 * shared cache should keep (OWASP REST security guidance).
 */
const noStore: RequestHandler = (req, res, next) => {
  if (API.test(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
};
