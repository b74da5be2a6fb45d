import { STATUS_CODES } from 'node:http';
import type { ErrorDescription } from '../errors/error-status';

/** The routes of MongoDB Atlas' public API, whose clients read Atlas' error shape. */
const PUBLIC_API = /^\/api\/public(?:\/|$)/;

export function isPublicApiPath(path: string): boolean {
  return PUBLIC_API.test(path);
}

/** `AuthError` → `AUTH_ERROR`, `APIKeyNotFound` → `API_KEY_NOT_FOUND`. */
export function upperSnakeCase(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/**
 * An error as Atlas' public API writes it (and as the App Services CLI decodes a 401 from it):
 * `detail` the message, `error` the status, `errorCode` the code in upper snake case, `reason`
 * the status text.
 */
export function atlasErrorBody(wire: ErrorDescription): {
  detail: string;
  error: number;
  errorCode: string;
  reason: string;
} {
  return {
    detail: wire.error,
    error: wire.status,
    errorCode: upperSnakeCase(wire.error_code),
    reason: STATUS_CODES[wire.status] ?? 'Error',
  };
}
