import { clientApp, enableProvider } from './helpers/client';
import { claimsFor, hsApp, mintHs } from './helpers/custom-token';
import { adminLogin, createApp, type AdminSession } from './helpers/factories';
import { expectLimited, toWindowStart } from './helpers/rate-limits';
import { addUserpassProvider, AUTO_CONFIRM } from './helpers/userpass';
import { startTestServer, type TestServer } from './helpers/test-server';

// Fixed windows aligned to the clock: an hour long, and each server's clock starts at the
// beginning of one, so that no window ends (restarting the counts) while the file runs.
const WINDOW_SECONDS = 3600;
const LIMITS = {
  LOGIN_RATE_LIMIT_PER_IP: '5',
  LOGIN_RATE_LIMIT_PER_ACCOUNT: '3',
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
};

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer({ ...LIMITS, TRUST_PROXY: 'loopback' });
  toWindowStart(srv.clock, WINDOW_SECONDS);
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

/** An app with anonymous login and a local-userpass provider. */
async function appWithProviders(): Promise<string> {
  const app = await createApp(srv, admin);
  await enableProvider(srv, admin, app._id, 'anon-user');
  await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
  return app.client_app_id;
}

function login(clientAppId: string, provider: string, ip: string, body: object = {}) {
  return srv.api
    .post(`${clientApp(clientAppId)}/auth/providers/${provider}/login`)
    .set('X-Forwarded-For', ip)
    .send(body);
}

it('per IP: the attempt after the limit is 429 with Retry-After, for every app and provider', async () => {
  const appId = await appWithProviders();
  const ip = '198.51.100.1';
  for (let i = 0; i < 5; i++) await login(appId, 'anon-user', ip).expect(200);
  expectLimited(await login(appId, 'anon-user', ip), WINDOW_SECONDS);
  const other = await hsApp(srv, admin);
  const token = await mintHs(claimsFor(other.clientAppId));
  expectLimited(await login(other.clientAppId, 'custom-token', ip, { token }), WINDOW_SECONDS);
  // Other clients are not affected.
  await login(appId, 'anon-user', '198.51.100.2').expect(200);
  await login(other.clientAppId, 'custom-token', '198.51.100.3', { token }).expect(200);
});

it('per account: failed logins count across IPs; other accounts and apps still log in', async () => {
  const appId = await appWithProviders();
  const victim = { username: 'victim@example.com', password: 'guess-1' };
  for (let i = 0; i < 3; i++)
    await login(appId, 'local-userpass', `203.0.113.${i + 1}`, victim).expect(401);
  expectLimited(await login(appId, 'local-userpass', '203.0.113.10', victim), WINDOW_SECONDS);
  expectLimited(
    await login(appId, 'local-userpass', '203.0.113.11', {
      username: '  Victim@Example.COM ',
      password: 'guess-2',
    }),
    WINDOW_SECONDS,
  );
  const other = { username: 'other@example.com', password: 'x' };
  await login(appId, 'local-userpass', '203.0.113.12', other).expect(401);
  await login(await appWithProviders(), 'local-userpass', '203.0.113.13', victim).expect(401);
  await login(appId, 'anon-user', '203.0.113.14').expect(200);
});

it('without TRUST_PROXY, X-Forwarded-For is ignored: the peer address is counted', async () => {
  const plain = await startTestServer({ ...LIMITS, LOGIN_RATE_LIMIT_PER_IP: '2' });
  toWindowStart(plain.clock, WINDOW_SECONDS);
  try {
    const plainAdmin = await adminLogin(plain, 'org');
    const app = await createApp(plain, plainAdmin);
    await enableProvider(plain, plainAdmin, app._id, 'anon-user');
    const anon = (ip: string) =>
      plain.api
        .post(`${clientApp(app.client_app_id)}/auth/providers/anon-user/login`)
        .set('X-Forwarded-For', ip)
        .send({});
    await anon('192.0.2.1').expect(200);
    await anon('192.0.2.2').expect(200);
    expectLimited(await anon('192.0.2.3'), WINDOW_SECONDS);
  } finally {
    await plain.close();
  }
});
