import { Router, type RequestHandler } from 'express';
import type { HandlerTable, OperationId } from './typed-handler';
import type { LoadedSpec, SecuritySchemeName } from './spec';

/**
 * Authenticates each request by the security scheme of the operation it matches, before its body
 * is read or validated: an unauthenticated caller gets 401, not the schema's details, and cannot
 * make the server parse its body. Only the first matching operation authenticates (the one
 * buildRouter will dispatch to); unknown paths and public operations pass through untouched.
 */
export function buildAuthRouter(
  spec: LoadedSpec,
  authenticatorFor: (scheme: SecuritySchemeName, operationId: string) => RequestHandler | undefined,
): Router {
  const router = Router();
  const matched = new WeakSet<object>();
  for (const op of spec.operations) {
    const auth = authenticatorFor(op.security, op.operationId);
    router[op.method](op.expressPath, (req, res, next) => {
      if (matched.has(req)) return next();
      matched.add(req);
      if (!auth) return next();
      return auth(req, res, next);
    });
  }
  return router;
}

/**
 * Mounts one route per operation of openapi.yaml, the handler keyed by its operationId (the
 * caller was authenticated by buildAuthRouter). A missing or extra handler is a start-up error.
 */
export function buildRouter(spec: LoadedSpec, handlers: HandlerTable): Router {
  const router = Router();
  const specIds = new Set(spec.operations.map((op) => op.operationId));
  const missing = [...specIds].filter((id) => !(id in handlers));
  const extra = Object.keys(handlers).filter((id) => !specIds.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `handlers do not match openapi.yaml: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`,
    );
  }
  for (const op of spec.operations) {
    router[op.method](op.expressPath, handlers[op.operationId as OperationId]);
  }
  return router;
}
