import { createAdminKey } from './helpers/factories';
import { expectLimited } from './helpers/rate-limits';
import { startTestServer, type TestServer } from './helpers/test-server';

const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({
    ADMIN_LOGIN_RATE_LIMIT_PER_IP: '6',
    ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '3',
    ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60',
    TRUST_PROXY: 'loopback',
  });
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
  expectLimited(await login(freshIp(), key.publicKey, key.privateKey));
  expectLimited(await login(freshIp(), key.publicKey, 'wrong'));
  expect(verify).not.toHaveBeenCalled();
  // Other keys still log in.
  const other = await createAdminKey(srv, 'org');
  await login(freshIp(), other.publicKey, other.privateKey).expect(200);
  // Once the window has ended, the key logs in again.
  srv.clock.advance(60);
  await login(freshIp(), key.publicKey, key.privateKey).expect(200);
});

it('per public key: a successful login clears the failures', async () => {
  const key = await createAdminKey(srv, 'org');
  for (let i = 0; i < 2; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
  await login(freshIp(), key.publicKey, key.privateKey).expect(200);
  for (let i = 0; i < 3; i++) await login(freshIp(), key.publicKey, 'wrong').expect(401);
  expectLimited(await login(freshIp(), key.publicKey, 'wrong'));
});

it('per IP: every attempt counts, whatever the key; other IPs are not affected', async () => {
  const ip = freshIp();
  const keys = await Promise.all([0, 1, 2].map(() => createAdminKey(srv, 'org')));
  for (const key of keys) await login(ip, key.publicKey, key.privateKey).expect(200);
  for (const key of keys) await login(ip, key.publicKey, 'wrong').expect(401);
  const verify = jest.spyOn(srv.deps.adminKeys, 'verifyPair');
  expectLimited(await login(ip, keys[0]!.publicKey, keys[0]!.privateKey));
  expectLimited(await login(ip, 'unknown-public-key', 'x'));
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
