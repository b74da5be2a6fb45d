import type { TestClock } from './test-server';

interface LimitedResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The Retry-After of a 429: at least 1 s, and at most the limit's window (`windowSeconds`, the
 * limiter's setting): the seconds until the current window ends.
 */
export function expectRetryAfter(res: LimitedResponse, windowSeconds: number): number {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  return retryAfter;
}

/**
 * Asserts a login was refused by a rate limit whose windows last `windowSeconds`: 429, a
 * Retry-After within the window, the body.
 */
export function expectLimited(res: LimitedResponse, windowSeconds: number): void {
  const retryAfter = expectRetryAfter(res, windowSeconds);
  expect(res.body).toEqual({
    error: `too many login attempts; retry in ${retryAfter} seconds`,
    error_code: 'TooManyRequests',
  });
}

/**
 * Moves a test server's clock to just past the start of a rate-limit window (windows are fixed
 * and aligned to the clock): no window then ends for `windowSeconds`, unless a test moves the
 * clock on. Whole seconds, so the clock never lands just before the start.
 */
export function toWindowStart(clock: TestClock, windowSeconds: number): void {
  const intoWindowMs = clock.now().getTime() % (windowSeconds * 1000);
  clock.advance(Math.ceil(windowSeconds - intoWindowMs / 1000));
}
