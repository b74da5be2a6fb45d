import {
  BadGatewayError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
} from './app-error';
import { describeError } from './error-status';

describe('describeError', () => {
  it("answers an AppError with its kind's status, its message and its code", () => {
    expect(describeError(new NotFoundError('app not found', 'NotFound'))).toEqual({
      status: 404,
      error: 'app not found',
      error_code: 'NotFound',
      headers: undefined,
    });
    expect(describeError(new UnavailableError('no mail server')).status).toBe(503);
    expect(describeError(new BadGatewayError('provider down'))).toMatchObject({
      status: 502,
      error_code: 'AuthProviderUnreachable',
    });
  });

  it('sends Retry-After when a rate limit says when to retry', () => {
    expect(describeError(new RateLimitedError('slow down', 7))).toMatchObject({
      status: 429,
      error_code: 'TooManyRequests',
      headers: { 'Retry-After': '7' },
    });
  });

  it('sends WWW-Authenticate when an UnauthorizedError carries a challenge', () => {
    const challenge = 'Digest realm="r", nonce="n", qop="auth", algorithm=MD5';
    expect(describeError(new UnauthorizedError('who are you?', 'AuthError', challenge))).toEqual({
      status: 401,
      error: 'who are you?',
      error_code: 'AuthError',
      headers: { 'WWW-Authenticate': challenge },
    });
    expect(describeError(new UnauthorizedError('expired')).headers).toBeUndefined();
  });

  it('describes anything else as a 500 without its cause', () => {
    expect(describeError(new Error('secret detail'))).toEqual({
      status: 500,
      error: 'internal server error',
      error_code: 'InternalServerError',
    });
  });
});
