import type { Request, RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { matchedOperation } from './router';
import type { LoadedSpec } from './spec';

/** What express-openapi-validator's metadata step puts on `req.openapi`. */
interface OpenApiMetadata {
  expressRoute: string;
  openApiRoute: string;
  pathParams: Request['params'];
  schema: { operationId?: string };
  serial: number;
}

type WithMetadata = Request & { openapi?: OpenApiMetadata };

/**
 * Request validation against openapi.yaml (express-openapi-validator), with its route lookup
 * done once per operation. The validator finds a request's operation by compiling and trying
 * every route of the spec in turn on every request, which was the largest cost of a simple read;
 * buildAuthRouter has already matched the request, so once the validator has looked up an
 * operation (its first request), later requests of that operation get the same metadata with
 * their own path parameters, and the validator's per-operation compiled schemas do the rest.
 * A lookup that names another operation than the match (never, with the spec's paths) is not
 * reused.
 */
export function requestValidator(spec: LoadedSpec): RequestHandler[] {
  const middlewares = OpenApiValidator.middleware({
    apiSpec: structuredClone(spec.document) as never,
    validateRequests: { allErrors: true },
    validateResponses: false,
    validateSecurity: false,
    ignoreUndocumented: false,
  }) as RequestHandler[];
  const i = middlewares.findIndex((m) => m.name === 'metadataMiddleware');
  const lookup = middlewares[i];
  if (!lookup) throw new Error('express-openapi-validator has no metadataMiddleware any more');
  middlewares[i] = oncePerOperation(lookup);
  return middlewares;
}

function oncePerOperation(lookup: RequestHandler): RequestHandler {
  const known = new Map<string, Omit<OpenApiMetadata, 'pathParams'>>();
  return (req, res, next) => {
    const matched = matchedOperation(req);
    const hit = matched && known.get(matched.operationId);
    if (matched && hit) {
      (req as WithMetadata).openapi = { ...hit, pathParams: { ...matched.params } };
      req.params = { ...matched.params };
      return next();
    }
    return lookup(req, res, (err?: unknown) => {
      const meta = (req as WithMetadata).openapi;
      if (!err && matched && meta?.schema.operationId === matched.operationId) {
        const { pathParams: _params, ...rest } = meta;
        known.set(matched.operationId, rest);
      }
      next(err);
    });
  };
}
