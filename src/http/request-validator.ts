import type { NextFunction, Request, RequestHandler, Response } from 'express';
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
 * operation (its first request, which runs the validator's whole chain), later requests of that
 * operation get the same metadata with their own path parameters and go straight to its request
 * validation step (its per-operation compiled schemas). The steps skipped then do nothing for
 * them: installing path parameter hooks (done by the first request), security (not validated
 * here), multipart parsing (no operation takes multipart; a multipart request takes the whole
 * chain). A lookup that names another operation than the match is not reused.
 */
export function requestValidator(spec: LoadedSpec): RequestHandler {
  const middlewares = OpenApiValidator.middleware({
    apiSpec: structuredClone(spec.document) as never,
    validateRequests: { allErrors: true },
    validateResponses: false,
    validateSecurity: false,
    ignoreUndocumented: false,
  }) as RequestHandler[];
  const step = (name: string) => {
    const found = middlewares.find((m) => m.name === name);
    if (!found) throw new Error(`express-openapi-validator has no ${name} any more`);
    return found;
  };
  const lookup = step('metadataMiddleware');
  const validate = step('requestMiddleware');
  const known = new Map<string, Omit<OpenApiMetadata, 'pathParams'>>();
  const remember: RequestHandler = (req, res, next) =>
    lookup(req, res, (err?: unknown) => {
      const matched = matchedOperation(req);
      const meta = (req as WithMetadata).openapi;
      if (!err && matched && meta?.schema.operationId === matched.operationId) {
        const { pathParams: _params, ...rest } = meta;
        known.set(matched.operationId, rest);
      }
      next(err);
    });
  const chain = middlewares.map((m) => (m === lookup ? remember : m));
  return (req, res, next) => {
    const matched = matchedOperation(req);
    const hit = matched && known.get(matched.operationId);
    const isMultipart = req.headers['content-type']?.includes('multipart') === true;
    if (matched && hit && !isMultipart) {
      (req as WithMetadata).openapi = { ...hit, pathParams: { ...matched.params } };
      req.params = { ...matched.params };
      return validate(req, res, next);
    }
    runChain(chain, req, res, next);
  };
}

/** Runs middlewares one after the other, as Express would; the first error ends the chain. */
function runChain(
  chain: readonly RequestHandler[],
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const run = (i: number, err?: unknown): void => {
    const middleware = chain[i];
    if (err || !middleware) return next(err);
    try {
      void middleware(req, res, (e?: unknown) => run(i + 1, e));
    } catch (e) {
      next(e);
    }
  };
  run(0);
}
