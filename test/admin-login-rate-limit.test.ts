import { digestGet } from './helpers/digest';
import { createAdminKey } from './helpers/factories';
import { expectLimited, expectRetryAfter, toWindowStart } from './helpers/rate-limits';
import { startTestServer, type TestServer } from './helpers/test-server';

const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';
// Windows are fixed and aligned to the clock: with 60 s, a window ending between two of a test's
// logins restarted the count (a test then saw 401 where 429 was due). The windows last an hour,
// and the server's clock starts this file at the beginning of one: no window ends while it runs,
// but where a test moves the clock to the next.
const WINDOW_SECONDS = 3600;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({
    ADMIN_LOGIN_RATE_LIMIT_PER_IP: '6',
    ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '3',
    ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    TRUST_PROXY: 'loopback',
  });
  toWindowStart(srv.clock, WINDOW_SECONDS);
});
afterAll(() => srv.close());
afterEach(() => jest.restoreAllMocks());

function login(ip: string, username: string, apiKey: string) {
  return srv.api.post(LOGIN).set('X-Forwarded-For', ip).send({ username, apiKey });
}

let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

it('per public key: wrong private keys from any IP count; over the limit 429 before argon2', async () => {
  const key = await createAdminKey(srv, 'org');
  for (let i = 0; i < 3; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
  const verify = jest.spyOn(srv.deps.adminKeys, 'verifyPair');
  // Even the right key is refused now, without its private key being verified.
  expectLimited(await login(freshIp(), key.publicKey, key.privateKey), WINDOW_SECONDS);
  expectLimited(await login(freshIp(), key.publicKey, 'wrong'), WINDOW_SECONDS);
  expect(verify).not.toHaveBeenCalled();
  // Other keys still log in.
  const other = await createAdminKey(srv, 'org');
  await login(freshIp(), other.publicKey, other.privateKey).expect(200);
  // Once the window has ended, the key logs in again.
  srv.clock.advance(WINDOW_SECONDS);
  await login(freshIp(), key.publicKey, key.privateKey).expect(200);
});

it('per public key: a successful login clears the failures', async () => {
  const key = await createAdminKey(srv, 'org');
  for (let i = 0; i < 2; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
  await login(freshIp(), key.publicKey, key.privateKey).expect(200);
  for (let i = 0; i < 3; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
  expectLimited(await login(freshIp(), key.publicKey, 'wrong'), WINDOW_SECONDS);
});

it('per IP: every attempt counts, whatever the key; other IPs are not affected', async () => {
  const ip = freshIp();
  const keys = await Promise.all([0, 1, 2].map(() => createAdminKey(srv, 'org')));
  for (const key of keys) await login(ip, key.publicKey, key.privateKey).expect(200);
  for (const key of keys) await login(ip, key.publicKey, 'wrong').expect(401);
  const verify = jest.spyOn(srv.deps.adminKeys, 'verifyPair');
  expectLimited(await login(ip, keys[0]!.publicKey, keys[0]!.privateKey), WINDOW_SECONDS);
  expectLimited(await login(ip, 'unknown-public-key', 'x'), WINDOW_SECONDS);
  expect(verify).not.toHaveBeenCalled();
  await login(freshIp(), keys[1]!.publicKey, keys[1]!.privateKey).expect(200);
});

it('parallel wrong keys cannot slip past the limit', async () => {
  const key = await createAdminKey(srv, 'org');
  const results = await Promise.all(
    Array.from({ length: 10 }, () => login(freshIp(), key.publicKey, 'wrong')),
  );
  expect(results.filter((r) => r.status === 401)).toHaveLength(3);
  expect(results.filter((r) => r.status === 429)).toHaveLength(7);
});

describe('HTTP Digest on the public API, a password check under the same limits', () => {
  const GROUPS = '/api/public/v1.0/groups';

  /** A 429 in Atlas' shape (the public API's), with Retry-After. */
  function expectDigestLimited(res: {
    status: number;
    body: unknown;
    headers: Record<string, string>;
  }) {
    const retryAfter = expectRetryAfter(res, WINDOW_SECONDS);
    expect(res.body).toEqual({
      detail: `too many login attempts; retry in ${retryAfter} seconds`,
      error: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      reason: 'Too Many Requests',
    });
  }

  it('wrong responses count against the public key together with failed logins', async () => {
    const key = await createAdminKey(srv, 'org');
    await digestGet(srv, GROUPS, key, 401, { password: 'wrong', ip: freshIp() });
    await login(freshIp(), key.publicKey, 'wrong').expect(401);
    await digestGet(srv, GROUPS, key, 401, { password: 'wrong', ip: freshIp() });
    const verify = jest.spyOn(srv.deps.adminKeys, 'verifyDigest');
    // The key is at its limit: the right private key is refused by both, unchecked.
    expectLimited(await login(freshIp(), key.publicKey, key.privateKey), WINDOW_SECONDS);
    expectDigestLimited(await digestGet(srv, GROUPS, key, 429, { ip: freshIp() }));
    expect(verify).not.toHaveBeenCalled();
    srv.clock.advance(WINDOW_SECONDS);
    await digestGet(srv, GROUPS, key, 200, { ip: freshIp() });
  });

  it('a right response clears the failures of the key', async () => {
    const key = await createAdminKey(srv, 'org');
    for (let i = 0; i < 2; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
    await digestGet(srv, GROUPS, key, 200, { ip: freshIp() });
    for (let i = 0; i < 3; i++)
      await digestGet(srv, GROUPS, key, 401, { password: 'wrong', ip: freshIp() });
    expectDigestLimited(await digestGet(srv, GROUPS, key, 429, { ip: freshIp() }));
  });

  it('every attempt with credentials counts against the IP; challenges alone do not', async () => {
    const ip = freshIp();
    const key = await createAdminKey(srv, 'org');
    for (let i = 0; i < 10; i++) await srv.api.get(GROUPS).set('X-Forwarded-For', ip).expect(401);
    for (let i = 0; i < 4; i++) await digestGet(srv, GROUPS, key, 200, { ip });
    await login(ip, key.publicKey, key.privateKey).expect(200);
    await digestGet(srv, GROUPS, key, 401, { ip, password: 'wrong' });
    expectDigestLimited(await digestGet(srv, GROUPS, key, 429, { ip }));
    expectLimited(await login(ip, key.publicKey, key.privateKey), WINDOW_SECONDS);
    await digestGet(srv, GROUPS, key, 200, { ip: freshIp() });
  });
});
