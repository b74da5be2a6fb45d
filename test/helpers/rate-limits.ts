/** Asserts a login was refused by a rate limit: 429, a Retry-After within the window, the body. */
export function expectLimited(res: {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}): void {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.body).toEqual({
    error: `too many login attempts; retry in ${retryAfter} seconds`,
    error_code: 'TooManyRequests',
  });
}
