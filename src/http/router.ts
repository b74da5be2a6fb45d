import { Router, type Request, type RequestHandler } from 'express';
import type { HandlerTable, OperationId } from './typed-handler';
import { compileOperationMatcher } from './operation-matcher';
import type { LoadedSpec, SecuritySchemeName } from './spec';

/** The operation a request matched (set by buildAuthRouter, read by dispatcher). */
const MATCHED = Symbol('matched operation');
type MatchedRequest = Request & {
  [MATCHED]?: { operationId: OperationId; params: Request['params'] };
};

/** The operation buildAuthRouter matched a request to, and its path parameters. */
export function matchedOperation(
  req: Request,
): { operationId: OperationId; params: Request['params'] } | undefined {
  return (req as MatchedRequest)[MATCHED];
}

/**
 * Matches each request to its operation of openapi.yaml (the first that matches, in the spec's
 * order) and authenticates it by the operation's security scheme, before its body is read or
 * validated: an unauthenticated caller gets 401, not the schema's details, and cannot make the
 * server parse its body. The match is kept for `dispatcher`, so a request is routed once.
 * Unknown paths and public operations pass through untouched.
 *
 * The match is made by a table compiled once (see operation-matcher.ts) rather than by trying
 * Express routes one by one; what the table leaves to Express (HEAD, OPTIONS, odd paths) goes
 * through an Express router of the same routes, which answers as before.
 */
export function buildAuthRouter(
  spec: LoadedSpec,
  authenticatorFor: (scheme: SecuritySchemeName, operationId: string) => RequestHandler | undefined,
): RequestHandler {
  const router = Router();
  const auths = new Map<string, RequestHandler | undefined>();
  for (const op of spec.operations) {
    const auth = authenticatorFor(op.security, op.operationId);
    auths.set(op.operationId, auth);
    const operationId = op.operationId as OperationId;
    router[op.method](op.expressPath, (req, res, next) => {
      (req as MatchedRequest)[MATCHED] = { operationId, params: { ...req.params } };
      // This is the request's operation: leave the router, no other route is tried.
      const leave = (err?: unknown) => (err ? next(err) : next('router'));
      return auth ? auth(req, res, leave) : leave();
    });
  }
  const match = compileOperationMatcher(spec.operations);
  return (req, res, next) => {
    const found = match(req.method, req.url);
    if (!found) return router(req, res, next);
    const { op, params } = found;
    (req as MatchedRequest)[MATCHED] = { operationId: op.operationId as OperationId, params };
    req.params = { ...params };
    const auth = auths.get(op.operationId);
    return auth ? auth(req, res, next) : next();
  };
}

/**
 * Runs the handler of the operation buildAuthRouter matched, keyed by its operationId, with the
 * path parameters of that match. A missing or extra handler is a start-up error.
 */
export function dispatcher(spec: LoadedSpec, handlers: HandlerTable): RequestHandler {
  const specIds = new Set(spec.operations.map((op) => op.operationId));
  const missing = [...specIds].filter((id) => !(id in handlers));
  const extra = Object.keys(handlers).filter((id) => !specIds.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `handlers do not match openapi.yaml: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`,
    );
  }
  return (req, res, next) => {
    const matched = (req as MatchedRequest)[MATCHED];
    if (!matched) return next();
    req.params = matched.params;
    return handlers[matched.operationId](req, res, next);
  };
}
