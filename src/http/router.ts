import { Router, type RequestHandler } from 'express';
import type { HandlerTable, OperationId } from './typed-handler';
import type { LoadedSpec, SecuritySchemeName } from './spec';

/**
 * Mounts one route per operation of openapi.yaml: the authenticator its security scheme names,
 * then the handler keyed by its operationId. A missing or extra handler is a start-up error.
 */
export function buildRouter(
  spec: LoadedSpec,
  handlers: HandlerTable,
  authenticatorFor: (scheme: SecuritySchemeName, operationId: string) => RequestHandler | undefined,
): Router {
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
    const auth = authenticatorFor(op.security, op.operationId);
    const handle = handlers[op.operationId as OperationId];
    if (auth) router[op.method](op.expressPath, auth, handle);
    else router[op.method](op.expressPath, handle);
  }
  return router;
}
