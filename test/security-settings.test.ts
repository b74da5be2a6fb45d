import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let ownerA: AdminSession;
let ownerB: AdminSession;
let path: string;
beforeAll(async () => {
  srv = await startTestServer();
  ownerA = await adminLogin(srv, { groupId: GROUP_A });
  ownerB = await adminLogin(srv, { groupId: GROUP_B });
});
beforeEach(async () => {
  path = `${appPath(GROUP_A, (await createApp(srv, ownerA))._id)}/security/refresh_token_expiration`;
});
afterAll(() => srv.close());

const set = (body: Record<string, unknown>, session = ownerA) =>
  srv.api.put(path).set('Authorization', session.auth).send(body);
const current = async () =>
  (await srv.api.get(path).set('Authorization', ownerA.auth).expect(200)).body as {
    expiration_time_seconds: number;
  };

describe('user refresh token expiration', () => {
  it('is 60 days by default', async () => {
    expect(await current()).toEqual({ expiration_time_seconds: 5184000 });
  });

  it('is set with a PUT (204), as in the docs example', async () => {
    await set({ expiration_time_seconds: 864000 }).expect(204);
    expect(await current()).toEqual({ expiration_time_seconds: 864000 });
  });

  it('accepts 30 minutes to 180 days inclusive and refuses anything else (400)', async () => {
    await set({ expiration_time_seconds: 1800 }).expect(204);
    await set({ expiration_time_seconds: 15552000 }).expect(204);
    for (const value of [1799, 15552001, 0, -5, 3600.5, '3600']) {
      const res = await set({ expiration_time_seconds: value }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    const missing = await set({}).expect(400);
    expect(missing.body.error_code).toBe('MissingParameter');
    expect(await current()).toEqual({ expiration_time_seconds: 15552000 });
  });

  it("refuses another group's owner (403) and an unknown app (404)", async () => {
    await srv.api.get(path).set('Authorization', ownerB.auth).expect(403);
    await set({ expiration_time_seconds: 3600 }, ownerB).expect(403);
    const unknown = `${appPath(GROUP_A, '0123456789abcdef01234567')}/security/refresh_token_expiration`;
    await srv.api.get(unknown).set('Authorization', ownerA.auth).expect(404);
    await srv.api
      .put(unknown)
      .set('Authorization', ownerA.auth)
      .send({ expiration_time_seconds: 3600 })
      .expect(404);
  });
});
