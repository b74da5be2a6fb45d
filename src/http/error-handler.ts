import type { ErrorRequestHandler } from 'express';
import { HttpError as ValidatorHttpError } from 'express-openapi-validator/dist/framework/types';
import mongoose from 'mongoose';
import { AppError, RateLimitedError, type ErrorKind } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import type { Logger } from '../logging/logger';
import { sendJson } from './json';

/** The one place where error kinds become HTTP statuses. */
const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface WireError {
  status: number;
  error: string;
  error_code: ErrorCode;
  headers?: Record<string, string>;
}

function fromValidator(err: ValidatorHttpError): WireError {
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
      return { status: 415, error: message, error_code: 'UnsupportedMediaType' };
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

/** body-parser reports its failures as errors with a `type`; they are the client's fault. */
function fromBodyParser(err: { type?: unknown; status?: unknown }): WireError | undefined {
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
      return undefined;
  }
}

function toWire(err: unknown): WireError | undefined {
  if (err instanceof AppError) {
    const retryAfter = err instanceof RateLimitedError ? err.retryAfterSeconds : undefined;
    return {
      status: STATUS_BY_KIND[err.kind],
      error: err.message,
      error_code: err.code,
      headers: retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
    };
  }
  if (err instanceof ValidatorHttpError) return fromValidator(err);
  if (err instanceof mongoose.Error.CastError) {
    return { status: 400, error: `invalid ${err.path}`, error_code: 'InvalidParameter' };
  }
  if (typeof err === 'object' && err !== null && 'type' in err) {
    return fromBodyParser(err);
  }
  return undefined;
}

/**
 * The status and body an error is answered with (500 "internal server error" for unexpected
 * ones). The app logs record failed client requests with it.
 */
export function describeError(err: unknown): WireError {
  return (
    toWire(err) ?? {
      status: 500,
      error: 'internal server error',
      error_code: 'InternalServerError',
    }
  );
}

/** Writes every error body `{error, error_code}`; unexpected errors are logged, never echoed. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const wire = describeError(err);
    if (wire.status >= 500) {
      log.error({ err, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(wire.headers ?? {})) res.setHeader(name, value);
    sendJson(res, wire.status, { error: wire.error, error_code: wire.error_code });
  };
}
