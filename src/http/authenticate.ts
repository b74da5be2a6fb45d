import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../errors/app-error';
import type { SecuritySchemeName } from './spec';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    /** The principal a request was authenticated as (narrowed by each side: admin, user…). */
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User {}
    interface Request {
      user?: User;
    }
  }
}

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
 * The bearer token of the Authorization header (`Bearer <token>`, the scheme in any case), read
 * as passport-http-bearer did: only the header (a token in the body or query string would leak
 * into logs and collide with JSON bodies that have such a field), exactly two space-separated
 * parts, a non-empty token; anything else is no token.
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const parts = authorization.split(' ');
  if (parts.length !== 2 || !/^Bearer$/i.test(parts[0] ?? '')) return undefined;
  return parts[1] || undefined;
}

/**
 * One bearer-token verifier per security scheme of openapi.yaml (`verifiers`); schemes that are
 * not bearer tokens have a `RequestVerifier` instead. A request without a bearer token is
 * refused with MissingAuthReq before any verifier runs.
 */
export function createAuthenticator(
  verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>,
  requestVerifiers: Partial<Record<SecuritySchemeName, RequestVerifier>> = {},
): (scheme: SecuritySchemeName, operationId: string) => RequestHandler | undefined {
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
    const verify = verifiers[scheme];
    if (!verify) throw new Error(`no token verifier for security scheme "${scheme}"`);
    return (req, _res, next) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) {
        return next(
          new UnauthorizedError(
            'must authenticate first: send "Authorization: Bearer <token>"',
            'MissingAuthReq',
          ),
        );
      }
      verify(token, operationId, { ...req.params } as Record<string, string>).then((user) => {
        req.user = user;
        next();
      }, next);
    };
  };
}
