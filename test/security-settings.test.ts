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

describe('allowed request origins', () => {
  const originsPath = () => path.replace(/refresh_token_expiration$/, 'allowed_request_origins');
  const origins = async () =>
    (await srv.api.get(originsPath()).set('Authorization', ownerA.auth).expect(200))
      .body as string[];

  it('are empty (any origin) by default and replaced by a POST (204)', async () => {
    expect(await origins()).toEqual([]);
    const list = ['https://app.example.com', 'http://localhost:3000', 'capacitor://localhost'];
    await srv.api.post(originsPath()).set('Authorization', ownerA.auth).send(list).expect(204);
    expect(await origins()).toEqual(list);
    await srv.api.post(originsPath()).set('Authorization', ownerA.auth).send([]).expect(204);
    expect(await origins()).toEqual([]);
  });

  it('refuses what is not an origin (400) and another group (403)', async () => {
    for (const bad of ['example.com', 'https://example.com/', 'https://a.com/path', '*']) {
      const res = await srv.api
        .post(originsPath())
        .set('Authorization', ownerA.auth)
        .send([bad])
        .expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    await srv.api.get(originsPath()).set('Authorization', ownerB.auth).expect(403);
    await srv.api
      .post(originsPath())
      .set('Authorization', ownerB.auth)
      .send(['https://a.com'])
      .expect(403);
  });
});
