import {
  claimsFor,
  customTokenLogin,
  HS_SECRET,
  HS_SECRET_2,
  hsApp,
  mintHs,
} from './helpers/custom-token';
import { adminLogin, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let recorded: string[] | undefined;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  srv.conn.set('debug', (collection: string, method: string) => {
    recorded?.push(`${method} ${collection}`);
  });
});
afterAll(() => srv.close());

async function recording(run: () => Promise<unknown>): Promise<string[]> {
  recorded = [];
  try {
    await run();
    return recorded;
  } finally {
    recorded = undefined;
  }
}

async function eventually(check: () => Promise<boolean>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function secretIdOf(appId: string, name: string): Promise<string> {
  const res = await srv.api
    .get(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/secrets`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as { _id: string; name: string }[]).find((s) => s.name === name)?._id ?? '';
}

describe('custom-token signing keys (app secrets)', () => {
  it('are read and decrypted once for many logins, not at each one', async () => {
    const app = await hsApp(srv, admin);
    const token = await mintHs(claimsFor(app.clientAppId, { sub: 'cached' }));
    await customTokenLogin(srv, app.clientAppId, { token }).expect(200);
    const ops = await recording(async () => {
      for (let i = 0; i < 10; i++)
        await customTokenLogin(srv, app.clientAppId, { token }).expect(200);
    });
    // The cache lasts a second: ten quick logins read the secret at most once.
    expect(ops.filter((op) => op.endsWith(' secrets')).length).toBeLessThanOrEqual(1);
  });

  it('a new value is used at once by the process that set it, and within a second by another', async () => {
    const app = await hsApp(srv, admin);
    const other = await startTestServer({}, { dbName: srv.dbName });
    try {
      const oldToken = await mintHs(claimsFor(app.clientAppId, { sub: 'rotated' }), HS_SECRET);
      const newToken = await mintHs(claimsFor(app.clientAppId, { sub: 'rotated' }), HS_SECRET_2);
      await customTokenLogin(srv, app.clientAppId, { token: oldToken }).expect(200);
      await customTokenLogin(other, app.clientAppId, { token: oldToken }).expect(200);

      const id = await secretIdOf(app.appId, 'jwtKey');
      await srv.api
        .put(`/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/secrets/${id}`)
        .set('Authorization', admin.auth)
        .send({ name: 'jwtKey', value: HS_SECRET_2 })
        .expect(204);
      await customTokenLogin(srv, app.clientAppId, { token: newToken }).expect(200);
      await customTokenLogin(srv, app.clientAppId, { token: oldToken }).expect(401);

      const changedAt = Date.now();
      await eventually(
        async () =>
          (await customTokenLogin(other, app.clientAppId, { token: newToken })).status === 200,
      );
      expect(Date.now() - changedAt).toBeLessThan(2000);
      await customTokenLogin(other, app.clientAppId, { token: oldToken }).expect(401);
    } finally {
      await other.close();
    }
  });
});
