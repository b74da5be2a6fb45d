import type { ErrorRequestHandler } from 'express';
import { HttpError as ValidatorHttpError } from 'express-openapi-validator/dist/framework/types';
import { isCastError } from '../db/cast-error';
import { AppError } from '../errors/app-error';
import { describeError, type ErrorDescription } from '../errors/error-status';
import type { Logger } from '../logging/logger';
import { atlasErrorBody, isPublicApiPath } from './atlas-error';
import { sendJson } from './json';

function fromValidator(err: ValidatorHttpError): ErrorDescription {
  const items = err.errors ?? [];
  const message =
    items.length > 0
      ? items.map((i) => `${i.path.replace(/^\/?(request\/)?/, '')} ${i.message}`.trim()).join('; ')
      : err.message;
  switch (err.status) {
    case 404:
      return { status: 404, error: 'no such endpoint', error_code: 'NotFound' };
    case 405:
      return {
        status: 405,
        error: 'method not allowed',
        error_code: 'MethodNotAllowed',
        headers: err.headers?.Allow ? { Allow: err.headers.Allow } : undefined,
      };
    case 413:
      return { status: 413, error: 'request body is too large', error_code: 'PayloadTooLarge' };
    case 415:
      // The validator's message names the route pattern; the client only needs the remedy.
      return {
        status: 415,
        error: 'unsupported media type: send the body as application/json',
        error_code: 'UnsupportedMediaType',
      };
    default: {
      const missing = items.some((i) => i.errorCode === 'required.openapi.validation');
      return {
        status: 400,
        error: message,
        error_code: missing ? 'MissingParameter' : 'InvalidParameter',
      };
    }
  }
}

/**
 * body-parser reports its failures as errors with a `type`; they are the client's fault. Some
 * (a body that does not inflate as its Content-Encoding says) carry only a 4xx `status`: they
 * keep it, with a generic message (theirs may describe internals).
 */
function fromBodyParser(err: { type?: unknown; status?: unknown }): ErrorDescription | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, error: 'request body is not valid JSON', error_code: 'BadRequest' };
    case 'entity.too.large':
      return { status: 413, error: 'request body is too large', error_code: 'PayloadTooLarge' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        error: 'unsupported request body encoding',
        error_code: 'UnsupportedMediaType',
      };
    case 'request.aborted':
      return { status: 400, error: 'request aborted', error_code: 'BadRequest' };
    default:
      return fromClientStatus(err.status);
  }
}

function fromClientStatus(status: unknown): ErrorDescription | undefined {
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 499)
    return undefined;
  switch (status) {
    case 413:
      return { status, error: 'request body is too large', error_code: 'PayloadTooLarge' };
    case 415:
      return {
        status,
        error: 'unsupported request body encoding',
        error_code: 'UnsupportedMediaType',
      };
    default:
      return { status, error: 'request body could not be read', error_code: 'BadRequest' };
  }
}

/** The errors of the HTTP edge: request validation, body parsing, a malformed id in a query. */
function fromHttpEdge(err: unknown): ErrorDescription | undefined {
  if (err instanceof ValidatorHttpError) return fromValidator(err);
  if (isCastError(err)) {
    return { status: 400, error: `invalid ${err.path}`, error_code: 'InvalidParameter' };
  }
  if (typeof err === 'object' && err !== null && ('type' in err || 'status' in err)) {
    return fromBodyParser(err);
  }
  return undefined;
}

/** AppErrors and unexpected errors as src/errors describes them; the HTTP edge's errors here. */
function describeRequestError(err: unknown): ErrorDescription {
  if (err instanceof AppError) return describeError(err);
  return fromHttpEdge(err) ?? describeError(err);
}

/**
 * Writes every error body `{error, error_code}`, or in Atlas' shape under `/api/public`;
 * unexpected errors are logged, never echoed.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const wire = describeRequestError(err);
    if (wire.status === 503 && err instanceof AppError) {
      // A documented unavailability (no SMTP server, say): expected, and its stack says nothing.
      log.warn({ method: req.method, path: req.path, error: err.message }, 'request failed');
    } else if (wire.status >= 500) {
      log.error({ err, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(wire.headers ?? {})) res.setHeader(name, value);
    sendJson(
      res,
      wire.status,
      isPublicApiPath(req.path)
        ? atlasErrorBody(wire)
        : { error: wire.error, error_code: wire.error_code },
    );
  };
}
