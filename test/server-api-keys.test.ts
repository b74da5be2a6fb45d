import mongoose from 'mongoose';
import {
  adminApp,
  appWithApiKeys,
  createServerKey,
  keyLogin,
  ownerSession,
  profile,
  sha256,
  type TestApp,
} from './helpers/api-keys';
import { adminLogin, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let app: TestApp;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await ownerSession(srv);
  app = await appWithApiKeys(srv, admin);
});
afterAll(() => srv.close());

const keys = (appId = app._id) => `${adminApp(appId)}/api_keys`;
const AUTH_ERROR = { error: 'unauthorized', error_code: 'AuthError' };

describe('server API keys (Admin API)', () => {
  it('creates, lists, gets, disables, enables and deletes', async () => {
    const a = await createServerKey(srv, admin, app._id, 'backend');
    expect(a).toEqual({ _id: expect.any(String), key: a.key, name: 'backend', disabled: false });
    expect(a.key).toMatch(/^[A-Za-z0-9]{64}$/);
    const b = await createServerKey(srv, admin, app._id, 'cron-job');

    const list = await srv.api.get(keys()).set('Authorization', admin.auth).expect(200);
    expect(list.body).toEqual([
      { _id: a._id, name: 'backend', disabled: false },
      { _id: b._id, name: 'cron-job', disabled: false },
    ]);
    await srv.api.put(`${keys()}/${a._id}/disable`).set('Authorization', admin.auth).expect(204);
    await srv.api.put(`${keys()}/${a._id}/disable`).set('Authorization', admin.auth).expect(204);
    const got = await srv.api.get(`${keys()}/${a._id}`).set('Authorization', admin.auth);
    expect(got.body).toEqual({ _id: a._id, name: 'backend', disabled: true });
    await srv.api.put(`${keys()}/${a._id}/enable`).set('Authorization', admin.auth).expect(204);

    await srv.api.delete(`${keys()}/${a._id}`).set('Authorization', admin.auth).expect(204);
    const gone = await srv.api.get(`${keys()}/${a._id}`).set('Authorization', admin.auth);
    expect([gone.status, gone.body.error_code]).toEqual([404, 'APIKeyNotFound']);
    await srv.api.delete(`${keys()}/${a._id}`).set('Authorization', admin.auth).expect(404);
  });

  it('logs in as a server user that owns the key', async () => {
    const key = await createServerKey(srv, admin, app._id, 'svc');
    const login = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    const p = await profile(srv, login.body.access_token);
    expect(p.type).toBe('server');
    expect(p.data).toEqual({ name: 'svc' });
    expect(p.identities).toHaveLength(1);
    expect(p.identities[0]).toMatchObject({ id: key._id, provider_type: 'api-key' });
    // The Admin API shows the same user, created with the key.
    const user = await srv.api
      .get(`${adminApp(app._id)}/users/${p.user_id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(user.body).toMatchObject({ _id: p.user_id, type: 'server', data: { name: 'svc' } });
    expect(user.body.identities[0]).toMatchObject({ id: key._id, provider_type: 'api-key' });
    // Logging in again is the same user.
    const again = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    expect(again.body.user_id).toBe(p.user_id);
  });

  it('refuses disabled and deleted keys, and deleting a key deletes its server user', async () => {
    const key = await createServerKey(srv, admin, app._id, 'temp');
    const login = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    const userId = login.body.user_id as string;

    await srv.api.put(`${keys()}/${key._id}/disable`).set('Authorization', admin.auth).expect(204);
    expect((await keyLogin(srv, app.client_app_id, key.key).expect(401)).body).toEqual(AUTH_ERROR);
    await srv.api.put(`${keys()}/${key._id}/enable`).set('Authorization', admin.auth).expect(204);
    await keyLogin(srv, app.client_app_id, key.key).expect(200);

    await srv.api.delete(`${keys()}/${key._id}`).set('Authorization', admin.auth).expect(204);
    expect((await keyLogin(srv, app.client_app_id, key.key).expect(401)).body).toEqual(AUTH_ERROR);
    await srv.api
      .get(`${adminApp(app._id)}/users/${userId}`)
      .set('Authorization', admin.auth)
      .expect(404);
    await srv.api
      .post('/api/client/v2.0/auth/session')
      .set('Authorization', `Bearer ${login.body.refresh_token}`)
      .expect(401);
  });

  it('checks names and refuses a second key of the same name', async () => {
    const bad = await srv.api.post(keys()).set('Authorization', admin.auth).send({ name: 'a b' });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'InvalidParameter']);
    expect(bad.body.error).toMatch(/can only contain ASCII letters, numbers, underscores/);
    await createServerKey(srv, admin, app._id, 'same');
    const dup = await srv.api.post(keys()).set('Authorization', admin.auth).send({ name: 'same' });
    expect([dup.status, dup.body.error_code]).toEqual([409, 'APIKeyAlreadyExists']);
  });

  it('allows at most 100 server keys per app, even when created concurrently', async () => {
    const own = await appWithApiKeys(srv, admin);
    const results = [];
    for (let batch = 0; batch < 3; batch++) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: 35 }, (_, i) =>
            srv.api
              .post(keys(own._id))
              .set('Authorization', admin.auth)
              .send({ name: `k${batch}-${i}` }),
          ),
        )),
      );
    }
    expect(results.filter((r) => r.status === 201)).toHaveLength(100);
    const refused = results.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${String(r.body.error_code)}`))).toEqual(
      new Set(['409 APIKeyLimitReached']),
    );
    const servers = { app_id: new mongoose.Types.ObjectId(own._id), type: 'server' };
    expect(await srv.conn.collection('users').countDocuments(servers)).toBe(100);
  }, 60_000);

  it('stores keys only hashed', async () => {
    const key = await createServerKey(srv, admin, app._id, 'hashed');
    const raw = await srv.conn
      .collection('api_keys')
      .findOne({ _id: new mongoose.Types.ObjectId(key._id) });
    expect(raw).toMatchObject({ kind: 'server', key_hash: sha256(key.key), disabled: false });
    expect(JSON.stringify(raw)).not.toContain(key.key);
  });

  it("keeps apps and groups apart: 404 for another app's key, 403 for another group", async () => {
    const other = await appWithApiKeys(srv, admin);
    const key = await createServerKey(srv, admin, app._id, 'mine');
    await srv.api
      .get(`${keys(other._id)}/${key._id}`)
      .set('Authorization', admin.auth)
      .expect(404);
    await srv.api
      .delete(`${keys(other._id)}/${key._id}`)
      .set('Authorization', admin.auth)
      .expect(404);
    await keyLogin(srv, other.client_app_id, key.key).expect(401);

    const stranger = await adminLogin(srv, { groupId: GROUP_B });
    await srv.api.get(keys()).set('Authorization', stranger.auth).expect(403);
    await srv.api.post(keys()).set('Authorization', stranger.auth).send({ name: 'x' }).expect(403);
    await srv.api.get(keys()).expect(401);
    const unknownApp = new mongoose.Types.ObjectId().toHexString();
    await srv.api.get(keys(unknownApp)).set('Authorization', admin.auth).expect(404);
  });
});
