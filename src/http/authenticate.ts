import type { RequestHandler } from 'express';
import { Passport } from 'passport';
import { Strategy as BearerStrategy, type VerifyFunctionWithRequest } from 'passport-http-bearer';
import { UnauthorizedError } from '../errors/app-error';
import type { SecuritySchemeName } from './spec';

/**
 * Turns a bearer token into the principal it proves, or throws an UnauthorizedError. It is told
 * the operation, for the rare route that must answer a wrong token differently (API key routes),
 * and the path parameters, so that a scope the path names (an admin's group) is checked before
 * the request body is read or validated.
 */
export type TokenVerifier = (
  token: string,
  operationId: string,
  params: Readonly<Record<string, string>>,
) => Promise<Express.User>;

/** What a scheme other than bearer (HTTP Digest) reads of a request: headers, never the body. */
export interface CredentialRequest {
  readonly method: string;
  /** The request target as the client sent it (path and query): what a Digest response signs. */
  readonly uri: string;
  readonly authorization: string | undefined;
  /** The client IP (per `trust proxy`), which login rate limits count. */
  readonly ip: string | undefined;
}

/** Authenticates a request of a non-bearer scheme, or throws (an UnauthorizedError, a 429…). */
export type RequestVerifier = (request: CredentialRequest) => Promise<Express.User>;

/**
 * One passport bearer strategy per security scheme of openapi.yaml (`verifiers`); schemes that are
 * not bearer tokens have a `RequestVerifier` instead. Only the Authorization header
 * is read (passport-http-bearer would also take `access_token` from the body or query string,
 * which leaks tokens into logs and collides with JSON bodies that have such a field).
 */
export function createAuthenticator(
  verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>,
  requestVerifiers: Partial<Record<SecuritySchemeName, RequestVerifier>> = {},
): (scheme: SecuritySchemeName, operationId: string) => RequestHandler | undefined {
  const passport = new Passport();
  for (const [scheme, verify] of Object.entries(verifiers)) {
    if (!verify) continue;
    passport.use(
      scheme,
      new BearerStrategy<VerifyFunctionWithRequest>(
        { passReqToCallback: true },
        (req, token, done) => {
          const { operationId, params } = req as unknown as {
            operationId: string;
            params: Record<string, string>;
          };
          verify(token, operationId, params).then(
            (user) => done(null, user),
            (err: unknown) => done(err),
          );
        },
      ),
    );
  }
  return (scheme, operationId) => {
    if (scheme === 'none') return undefined;
    const verifyRequest = requestVerifiers[scheme];
    if (verifyRequest) {
      return (req, _res, next) => {
        const request = {
          method: req.method,
          uri: req.originalUrl,
          authorization: req.headers.authorization,
          ip: req.ip,
        };
        verifyRequest(request).then((user) => {
          req.user = user;
          next();
        }, next);
      };
    }
    if (!verifiers[scheme]) throw new Error(`no token verifier for security scheme "${scheme}"`);
    return (req, res, next) => {
      const headersOnly = {
        headers: { authorization: req.headers.authorization },
        query: {},
        body: {},
        params: { ...req.params },
        operationId,
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
