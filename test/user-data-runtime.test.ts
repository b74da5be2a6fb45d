import mongoose from 'mongoose';
import { anonLogin, CLIENT_AUTH, decodeJwt, enableProvider } from './helpers/client';
import { appPath, createDataSource } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { addUserpassProvider, AUTO_CONFIRM, loginOk, register } from './helpers/userpass';

let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let dataDb: string;
const COLL = 'profiles';

beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  app = await createApp(srv, admin);
  dataDb = `cud_${srv.dbName}`;
  const base = appPath(GROUP_A, app._id);
  const svc = await createDataSource(srv, admin, base);
  await srv.api
    .patch(`${base}/custom_user_data`)
    .set('Authorization', admin.auth)
    .send({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: dataDb,
      collection_name: COLL,
      user_id_field: 'user_id',
    })
    .expect(204);
  await enableProvider(srv, admin, app._id, 'anon-user');
});
afterAll(async () => {
  await srv.conn.getClient().db(dataDb).dropDatabase();
  await srv.close();
});

const profiles = () => srv.conn.getClient().db(dataDb).collection(COLL);

async function refreshedUserData(
  refreshToken: string,
): Promise<{ data: unknown; omitted?: string }> {
  const res = await srv.api
    .post(`${CLIENT_AUTH}/session`)
    .set('Authorization', `Bearer ${refreshToken}`)
    .expect(201);
  return {
    data: decodeJwt(res.body.access_token as string).user_data,
    omitted: res.headers['x-custom-user-data-omitted'],
  };
}

describe('custom user data in access tokens', () => {
  it('is absent without a document, present (as relaxed EJSON) after one is written and the token refreshed', async () => {
    const tokens = await anonLogin(srv, app.client_app_id);
    expect(decodeJwt(tokens.access_token)).not.toHaveProperty('user_data');
    const _id = new mongoose.Types.ObjectId();
    const born = new Date('1989-03-11T00:00:00.000Z');
    await profiles().insertOne({
      _id,
      user_id: tokens.user_id,
      preferences: { preferDarkMode: true },
      born,
    });
    // Stale until refresh: the access token already issued does not change.
    expect(decodeJwt(tokens.access_token)).not.toHaveProperty('user_data');
    const { data } = await refreshedUserData(tokens.refresh_token);
    expect(Date.parse((data as { born: { $date: string } }).born.$date)).toBe(born.getTime());
    expect(data).toEqual({
      _id: { $oid: _id.toHexString() },
      user_id: tokens.user_id,
      preferences: { preferDarkMode: true },
      born: { $date: expect.any(String) as string },
    });
  });

  it('matches the ObjectId form of the user id, but the string form wins when both exist', async () => {
    const tokens = await anonLogin(srv, app.client_app_id);
    await profiles().insertOne({
      user_id: new mongoose.Types.ObjectId(tokens.user_id),
      form: 'objectid',
    });
    expect((await refreshedUserData(tokens.refresh_token)).data).toMatchObject({
      form: 'objectid',
    });
    await profiles().insertOne({ user_id: tokens.user_id, form: 'string' });
    expect((await refreshedUserData(tokens.refresh_token)).data).toMatchObject({ form: 'string' });
  });

  it('uses the first inserted document when several match', async () => {
    const tokens = await anonLogin(srv, app.client_app_id);
    await profiles().insertOne({ user_id: tokens.user_id, n: 1 });
    await profiles().insertOne({ user_id: tokens.user_id, n: 2 });
    expect((await refreshedUserData(tokens.refresh_token)).data).toMatchObject({ n: 1 });
  });

  it('leaves a document over 16 KB out of the token and says so in a header', async () => {
    const tokens = await anonLogin(srv, app.client_app_id);
    await profiles().insertOne({ user_id: tokens.user_id, blob: 'x'.repeat(17 * 1024) });
    const { data, omitted } = await refreshedUserData(tokens.refresh_token);
    expect(data).toBeUndefined();
    expect(omitted).toBe('too-large');
  });
});

describe('user creation hook', () => {
  it('a hook that throws fails the login and leaves no user, identity or session behind', async () => {
    const failing = await startTestServer(
      {},
      { beforeUserCreated: () => Promise.reject(new Error('creation refused')) },
    );
    try {
      const a = await adminLogin(failing, 'org');
      const created = await createApp(failing, a);
      await enableProvider(failing, a, created._id, 'anon-user');
      await failing.api
        .post(`/api/client/v2.0/app/${created.client_app_id}/auth/providers/anon-user/login`)
        .send({})
        .expect(500);
      for (const coll of ['users', 'identity_claims', 'user_sessions']) {
        expect(await failing.conn.collection(coll).countDocuments()).toBe(0);
      }
    } finally {
      await failing.close();
    }
  });

  it('the hook sees the new user before it is stored, and a user it accepts logs in', async () => {
    const seen: string[] = [];
    const hooked = await startTestServer(
      {},
      { beforeUserCreated: (_app, user) => (seen.push(user._id.toHexString()), Promise.resolve()) },
    );
    try {
      const a = await adminLogin(hooked, 'org');
      const created = await createApp(hooked, a);
      await enableProvider(hooked, a, created._id, 'anon-user');
      const tokens = await anonLogin(hooked, created.client_app_id);
      expect(seen).toEqual([tokens.user_id]);
    } finally {
      await hooked.close();
    }
  });
  // The default hook, the app's own user creation function, is tested in
  // user-creation-function.test.ts.
});

describe('refresh token lifetime', () => {
  it('follows security/refresh_token_expiration for non-anonymous users; anonymous sessions are long-lived', async () => {
    const other = await createApp(srv, admin);
    const base = appPath(GROUP_A, other._id);
    await srv.api
      .put(`${base}/security/refresh_token_expiration`)
      .set('Authorization', admin.auth)
      .send({ expiration_time_seconds: 3600 })
      .expect(204);
    await addUserpassProvider(srv, admin, other._id, AUTO_CONFIRM);
    await enableProvider(srv, admin, other._id, 'anon-user');
    await register(srv, other.client_app_id, 'life@example.com', 'secret123').expect(201);
    const tokens = await loginOk(srv, other.client_app_id, 'life@example.com', 'secret123');
    const claims = decodeJwt(tokens.refresh_token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    const anon = decodeJwt((await anonLogin(srv, other.client_app_id)).refresh_token);
    expect(Number(anon.exp) - Number(anon.iat)).toBeGreaterThan(10 * 365 * 24 * 3600);
    srv.clock.advance(3601);
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${tokens.refresh_token}`)
      .expect(401);
  });
});
