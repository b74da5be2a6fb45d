import { AppError, RateLimitedError, UnauthorizedError, type ErrorKind } from './app-error';
import type { ErrorCode } from './error-codes';

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
  bad_gateway: 502,
};

/** How an error is answered: its status, the body's `error` and `error_code`, extra headers. */
export interface ErrorDescription {
  status: number;
  error: string;
  error_code: ErrorCode;
  headers?: Record<string, string>;
}

/**
 * The status and body an AppError is answered with; anything else is unexpected and becomes 500
 * "internal server error" (its cause is never described). The HTTP error writer adds the errors
 * of the HTTP edge (src/http/error-handler.ts); the app logs record failed logins with this.
 */
export function describeError(err: unknown): ErrorDescription {
  if (err instanceof AppError) {
    return {
      status: STATUS_BY_KIND[err.kind],
      error: err.message,
      error_code: err.code,
      headers: headersOf(err),
    };
  }
  return { status: 500, error: 'internal server error', error_code: 'InternalServerError' };
}

/** `Retry-After` for a rate limit with a wait, `WWW-Authenticate` for a challenge. */
function headersOf(err: AppError): Record<string, string> | undefined {
  if (err instanceof RateLimitedError && err.retryAfterSeconds !== undefined)
    return { 'Retry-After': String(err.retryAfterSeconds) };
  if (err instanceof UnauthorizedError && err.challenge !== undefined)
    return { 'WWW-Authenticate': err.challenge };
  return undefined;
}
