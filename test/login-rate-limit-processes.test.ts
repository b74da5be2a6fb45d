import type { ChildProcess } from 'node:child_process';
import { startChildServer } from './helpers/child-server';
import supertest from 'supertest';
import { clientApp } from './helpers/client';
import { adminLogin, createAdminKey, createApp } from './helpers/factories';
import { addUserpassProvider, AUTO_CONFIRM } from './helpers/userpass';
import { startTestServer, testDatabaseUri, type TestServer } from './helpers/test-server';

/**
 * The login limits hold across server processes sharing the database: this process's test
 * server and a second server process (test/fixtures/login-server.ts) count together.
 */
const LIMITS = {
  LOGIN_RATE_LIMIT_PER_IP: '100000',
  LOGIN_RATE_LIMIT_PER_ACCOUNT: '5',
  ADMIN_LOGIN_RATE_LIMIT_PER_IP: '100000',
  ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '5',
  // Windows are fixed and aligned to the clock: with the default 60 s, a window ending between
  // two of a test's logins restarts the count (the test then saw 401 where 429 was due). An hour
  // makes that boundary as unlikely as it gets without moving the clocks of two processes.
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: '3600',
  ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS: '3600',
  TRUST_PROXY: 'loopback',
};

let srv: TestServer;
let other: { child: ChildProcess; agent: ReturnType<typeof supertest> };
let clientAppId: string;

async function startSecondServer(dbName: string) {
  const { child, base } = await startChildServer(
    'login-server.ts',
    [testDatabaseUri(), dbName, JSON.stringify(LIMITS)],
    25_000,
  );
  return { child, agent: supertest(base) };
}

beforeAll(async () => {
  srv = await startTestServer(LIMITS);
  const admin = await adminLogin(srv, 'org');
  const app = await createApp(srv, admin);
  await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
  clientAppId = app.client_app_id;
  other = await startSecondServer(srv.dbName);
}, 60_000);
afterAll(async () => {
  other?.child.kill('SIGKILL');
  await srv.close();
});

/** The two servers, as supertest agents. */
const server = (n: number) => (n === 0 ? supertest(srv.app) : other.agent);

function userLogin(n: number, username: string) {
  return server(n)
    .post(`${clientApp(clientAppId)}/auth/providers/local-userpass/login`)
    .set('X-Forwarded-For', `203.0.113.${n + 1}`)
    .send({ username, password: 'wrong-password' });
}

function adminKeyLogin(n: number, username: string, apiKey: string) {
  return server(n)
    .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
    .set('X-Forwarded-For', `203.0.113.${n + 1}`)
    .send({ username, apiKey });
}

it('client logins: failures alternating between two processes share one account limit', async () => {
  const username = 'victim@example.com';
  for (let i = 0; i < 5; i++) expect((await userLogin(i % 2, username)).status).toBe(401);
  expect((await userLogin(1, username)).status).toBe(429);
  expect((await userLogin(0, username)).status).toBe(429);
});

it('admin logins: wrong keys alternating between two processes share one public key limit', async () => {
  const key = await createAdminKey(srv, 'org');
  for (let i = 0; i < 5; i++)
    expect((await adminKeyLogin(i % 2, key.publicKey, 'wrong')).status).toBe(401);
  expect((await adminKeyLogin(1, key.publicKey, key.privateKey)).status).toBe(429);
  expect((await adminKeyLogin(0, key.publicKey, key.privateKey)).status).toBe(429);
});

it('parallel failed logins on both processes: exactly the limit gets through', async () => {
  const username = 'parallel@example.com';
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) => userLogin(i % 2, username)),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(19);
});
