import type { RequestHandler } from 'express';
import { Passport } from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { UnauthorizedError } from '../errors/app-error';
import type { SecuritySchemeName } from './spec';

/** Turns a bearer token into the principal it proves, or throws an UnauthorizedError. */
export type TokenVerifier = (token: string) => Promise<Express.User>;

/**
 * One passport bearer strategy per security scheme of openapi.yaml. Only the Authorization header
 * is read (passport-http-bearer would also take `access_token` from the body or query string,
 * which leaks tokens into logs and collides with JSON bodies that have such a field).
 */
export function createAuthenticator(
  verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>,
): (scheme: SecuritySchemeName) => RequestHandler | undefined {
  const passport = new Passport();
  for (const [scheme, verify] of Object.entries(verifiers)) {
    if (!verify) continue;
    passport.use(
      scheme,
      new BearerStrategy((token, done) => {
        verify(token).then(
          (user) => done(null, user),
          (err: unknown) => done(err),
        );
      }),
    );
  }
  return (scheme) => {
    if (scheme === 'none') return undefined;
    if (!verifiers[scheme]) throw new Error(`no token verifier for security scheme "${scheme}"`);
    return (req, res, next) => {
      const headersOnly = {
        headers: { authorization: req.headers.authorization },
        query: {},
        body: {},
      };
      const authenticate = passport.authenticate(
        scheme,
        { session: false },
        (err: unknown, user: Express.User | false | undefined) => {
          if (err) return next(err);
          if (!user)
            return next(
              new UnauthorizedError(
                'must authenticate first: send "Authorization: Bearer <token>"',
                'MissingAuthReq',
              ),
            );
          req.user = user;
          next();
        },
      ) as RequestHandler;
      authenticate(headersOnly as never, res, next);
    };
  };
}
