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
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
    noStore,
  ];
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
