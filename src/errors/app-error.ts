import type { ErrorCode } from './error-codes';

/**
 * What went wrong, independent of HTTP. error-status.ts maps each kind to a status code (for the
 * one error writer, src/http/error-handler.ts); services only choose the kind, the code and the
 * message.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_gateway'
  | 'internal';

export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends AppError {
  readonly kind = 'invalid_input';
  constructor(message: string, code: ErrorCode = 'InvalidParameter') {
    super(message, code);
  }
}

export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
  constructor(
    message: string,
    code: ErrorCode = 'InvalidSession',
    /** How to authenticate, sent as `WWW-Authenticate` when given (an HTTP Digest challenge). */
    readonly challenge?: string,
  ) {
    super(message, code);
  }
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
}

export class NotFoundError extends AppError {
  readonly kind = 'not_found';
}

export class MethodNotAllowedError extends AppError {
  readonly kind = 'method_not_allowed';
  constructor(message: string) {
    super(message, 'MethodNotAllowed');
  }
}

export class ConflictError extends AppError {
  readonly kind = 'conflict';
}

export class PayloadTooLargeError extends AppError {
  readonly kind = 'payload_too_large';
  constructor(message: string) {
    super(message, 'PayloadTooLarge');
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported_media_type';
  constructor(message: string) {
    super(message, 'UnsupportedMediaType');
  }
}

export class RateLimitedError extends AppError {
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    /** Sent as `Retry-After` when given. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, 'TooManyRequests');
  }
}

export class UnavailableError extends AppError {
  readonly kind = 'unavailable';
  constructor(message: string) {
    super(message, 'ServiceUnavailable');
  }
}

/**
 * A service this server depends on for the request (an OAuth 2.0 provider's discovery, keys,
 * token or profile endpoint) failed or did not answer in time.
 */
export class BadGatewayError extends AppError {
  readonly kind = 'bad_gateway';
  constructor(message: string, code: ErrorCode = 'AuthProviderUnreachable') {
    super(message, code);
  }
}
