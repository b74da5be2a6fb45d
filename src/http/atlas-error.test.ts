import { ERROR_CODES } from '../errors/error-codes';
import { atlasErrorBody, isPublicApiPath, upperSnakeCase } from './atlas-error';

describe("Atlas' error shape", () => {
  it.each([
    ['AuthError', 'AUTH_ERROR'],
    ['MissingAuthReq', 'MISSING_AUTH_REQ'],
    ['TooManyRequests', 'TOO_MANY_REQUESTS'],
    ['APIKeyNotFound', 'API_KEY_NOT_FOUND'],
    ['NotFound', 'NOT_FOUND'],
  ])('writes %s as %s', (code, expected) => {
    expect(upperSnakeCase(code)).toBe(expected);
  });

  it('gives every error code a distinct upper snake case form', () => {
    const forms = ERROR_CODES.map(upperSnakeCase);
    for (const form of forms) expect(form).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(new Set(forms).size).toBe(ERROR_CODES.length);
  });

  it('carries the message, the status, the code and the status text', () => {
    expect(atlasErrorBody({ status: 401, error: 'who are you?', error_code: 'AuthError' })).toEqual(
      { detail: 'who are you?', error: 401, errorCode: 'AUTH_ERROR', reason: 'Unauthorized' },
    );
  });

  it('applies under /api/public only', () => {
    expect(isPublicApiPath('/api/public/v1.0/groups')).toBe(true);
    expect(isPublicApiPath('/api/public')).toBe(true);
    expect(isPublicApiPath('/api/publicity')).toBe(false);
    expect(isPublicApiPath('/api/admin/v3.0/auth/profile')).toBe(false);
  });
});
