import mongoose from 'mongoose';
import {
  adminApp,
  appWithApiKeys,
  createUserKey,
  keyLogin,
  keyLoginUntil,
  normalUser,
  ownerSession,
  profile,
  sha256,
  USER_KEYS,
  type TestApp,
} from './helpers/api-keys';
import { anonLogin, CLIENT_AUTH, type LoginTokens } from './helpers/client';
import type { AdminSession } from './helpers/factories';
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

const bearer = (token: string) => `Bearer ${token}`;
const keyPath = (id: string, action = '') => `${USER_KEYS}/${id}${action}`;
const NOT_FOUND = { error: 'API key not found', error_code: 'APIKeyNotFound' };
const AUTH_ERROR = { error: 'unauthorized', error_code: 'AuthError' };

describe('user API keys (Client API, with the refresh token)', () => {
  let user: LoginTokens;
  beforeAll(async () => {
    user = await normalUser(srv, app.client_app_id);
  });

  it('creates, lists in creation order, gets, disables, enables and deletes', async () => {
    const a = await createUserKey(srv, user.refresh_token, 'first-key');
    expect(a).toEqual({ _id: expect.any(String), key: a.key, name: 'first-key', disabled: false });
    expect(a._id).toMatch(/^[0-9a-f]{24}$/);
    expect(a.key).toMatch(/^[A-Za-z0-9]{64}$/);
    const b = await createUserKey(srv, user.refresh_token, 'second_key');
    const auth = bearer(user.refresh_token);

    const list = await srv.api.get(USER_KEYS).set('Authorization', auth).expect(200);
    expect(list.body).toEqual([
      { _id: a._id, name: 'first-key', disabled: false },
      { _id: b._id, name: 'second_key', disabled: false },
    ]);
    const one = await srv.api.get(keyPath(a._id)).set('Authorization', auth).expect(200);
    expect(one.body).toEqual({ _id: a._id, name: 'first-key', disabled: false });

    for (const action of ['/disable', '/disable']) {
      await srv.api.put(keyPath(a._id, action)).set('Authorization', auth).expect(204);
    }
    expect((await srv.api.get(keyPath(a._id)).set('Authorization', auth)).body.disabled).toBe(true);
    for (const action of ['/enable', '/enable']) {
      await srv.api.put(keyPath(a._id, action)).set('Authorization', auth).expect(204);
    }
    expect((await srv.api.get(keyPath(a._id)).set('Authorization', auth)).body.disabled).toBe(
      false,
    );

    await srv.api.delete(keyPath(a._id)).set('Authorization', auth).expect(204);
    const gone = await srv.api.get(keyPath(a._id)).set('Authorization', auth).expect(404);
    expect(gone.body).toEqual(NOT_FOUND);
    await srv.api.delete(keyPath(a._id)).set('Authorization', auth).expect(404);
    await srv.api.delete(keyPath(b._id)).set('Authorization', auth).expect(204);
  });

  it('refuses an access token with 403 (a 401 would make realm-core log the user out)', async () => {
    const res = await srv.api
      .get(USER_KEYS)
      .set('Authorization', bearer(user.access_token))
      .expect(403);
    expect(res.body.error).toMatch(/incorrect token type/);
    await srv.api
      .post(USER_KEYS)
      .set('Authorization', bearer(user.access_token))
      .send({ name: 'x' })
      .expect(403);
    // /auth/session keeps the App Services answer.
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', bearer(user.access_token))
      .expect(401);
  });

  it('answers 401 without a token, and for a revoked refresh token', async () => {
    await srv.api.get(USER_KEYS).expect(401);
    const other = await normalUser(srv, app.client_app_id);
    await srv.api
      .delete(`${CLIENT_AUTH}/session`)
      .set('Authorization', bearer(other.refresh_token))
      .expect(204);
    const res = await srv.api
      .get(USER_KEYS)
      .set('Authorization', bearer(other.refresh_token))
      .expect(401);
    expect(res.body.error_code).toBe('InvalidSession');
  });

  it('checks names: allowed characters, not empty, unique per user', async () => {
    const auth = bearer(user.refresh_token);
    const bad = await srv.api.post(USER_KEYS).set('Authorization', auth).send({ name: 'my key' });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('InvalidParameter');
    expect(bad.body.error).toMatch(
      /can only contain ASCII letters, numbers, underscores, and hyphens/,
    );
    await srv.api.post(USER_KEYS).set('Authorization', auth).send({ name: 'é' }).expect(400);
    await srv.api.post(USER_KEYS).set('Authorization', auth).send({ name: '' }).expect(400);
    await srv.api.post(USER_KEYS).set('Authorization', auth).send({}).expect(400);
    await createUserKey(srv, user.refresh_token, 'dup');
    const dup = await srv.api.post(USER_KEYS).set('Authorization', auth).send({ name: 'dup' });
    expect(dup.status).toBe(409);
    expect(dup.body.error_code).toBe('APIKeyAlreadyExists');
    // Another user may use the same name.
    const other = await normalUser(srv, app.client_app_id);
    await createUserKey(srv, other.refresh_token, 'dup');
  });

  it('refuses keys to anonymous users', async () => {
    const anon = await anonLogin(srv, app.client_app_id);
    const res = await srv.api
      .post(USER_KEYS)
      .set('Authorization', bearer(anon.refresh_token))
      .send({ name: 'k' })
      .expect(403);
    expect(res.body.error_code).toBe('AnonymousUserNotAllowed');
  });

  it('allows at most 20 keys per user, even when created concurrently', async () => {
    const u = await normalUser(srv, app.client_app_id);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        srv.api
          .post(USER_KEYS)
          .set('Authorization', bearer(u.refresh_token))
          .send({ name: `k${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => `${r.status} ${String(r.body.error_code)}`)).toEqual(
      Array.from({ length: 4 }, () => '409 APIKeyLimitReached'),
    );
    const first = results.find((r) => r.status === 201)?.body as { _id: string };
    await srv.api
      .delete(keyPath(first._id))
      .set('Authorization', bearer(u.refresh_token))
      .expect(204);
    await createUserKey(srv, u.refresh_token, 'again');
  });

  it("answers 404 for another user's key and for ids that are not ids", async () => {
    const key = await createUserKey(srv, user.refresh_token, 'mine');
    const other = await normalUser(srv, app.client_app_id);
    const auth = bearer(other.refresh_token);
    for (const [method, suffix] of [
      ['get', ''],
      ['delete', ''],
      ['put', '/enable'],
      ['put', '/disable'],
    ] as const) {
      const res = await srv.api[method](keyPath(key._id, suffix)).set('Authorization', auth);
      expect([res.status, res.body]).toEqual([404, NOT_FOUND]);
    }
    await srv.api.get(keyPath('not-an-id')).set('Authorization', auth).expect(404);
    await srv.api
      .get(keyPath(new mongoose.Types.ObjectId().toHexString()))
      .set('Authorization', auth)
      .expect(404);
  });
});

describe('login with a user API key', () => {
  it('logs in as the owner, whose profile then lists an api-key identity', async () => {
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'laptop');
    const res = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    expect(res.body.user_id).toBe(owner.user_id);
    const p = await profile(srv, res.body.access_token);
    expect(p.type).toBe('normal');
    expect(p.identities.map((i) => i.provider_type)).toEqual([
      'anon-user',
      'custom-token',
      'api-key',
    ]);
    expect(p.identities[2]?.id).toBe(key._id);
    expect(p.identities[2]?.provider_id).toMatch(/^[0-9a-f]{24}$/);
    // A second login is the same user, still with one api-key identity.
    const again = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    expect(again.body.user_id).toBe(owner.user_id);
    expect((await profile(srv, again.body.access_token)).identities).toHaveLength(3);
  });

  it('refuses disabled, deleted, unknown and malformed keys with 401 AuthError', async () => {
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'k');
    const session = (await keyLogin(srv, app.client_app_id, key.key).expect(200))
      .body as LoginTokens;
    const auth = bearer(owner.refresh_token);

    await srv.api.put(keyPath(key._id, '/disable')).set('Authorization', auth).expect(204);
    expect((await keyLogin(srv, app.client_app_id, key.key).expect(401)).body).toEqual(AUTH_ERROR);
    // Disabling a key also ends the sessions it opened.
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', bearer(session.refresh_token))
      .expect(401);
    await srv.api.put(keyPath(key._id, '/enable')).set('Authorization', auth).expect(204);
    await keyLogin(srv, app.client_app_id, key.key).expect(200);

    await srv.api.delete(keyPath(key._id)).set('Authorization', auth).expect(204);
    expect((await keyLogin(srv, app.client_app_id, key.key).expect(401)).body).toEqual(AUTH_ERROR);
    expect((await keyLogin(srv, app.client_app_id, 'A'.repeat(64)).expect(401)).body).toEqual(
      AUTH_ERROR,
    );
    expect((await keyLogin(srv, app.client_app_id, 'short').expect(401)).body).toEqual(AUTH_ERROR);
    await keyLogin(srv, app.client_app_id, 42 as unknown as string).expect(400);
  });

  it('refuses to delete the key the current session logged in with', async () => {
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'self');
    const viaKey = (await keyLogin(srv, app.client_app_id, key.key).expect(200))
      .body as LoginTokens;
    const res = await srv.api
      .delete(keyPath(key._id))
      .set('Authorization', bearer(viaKey.refresh_token))
      .expect(403);
    expect(res.body.error_code).toBe('APIKeyInUse');
    // Another session of the same user may delete it.
    await srv.api
      .delete(keyPath(key._id))
      .set('Authorization', bearer(owner.refresh_token))
      .expect(204);
  });

  it("never logs into another app with this app's key", async () => {
    const other = await appWithApiKeys(srv, admin);
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'k');
    expect((await keyLogin(srv, other.client_app_id, key.key).expect(401)).body).toEqual(
      AUTH_ERROR,
    );
  });

  it('needs the api-key provider enabled', async () => {
    const own = await appWithApiKeys(srv, admin);
    const owner = await normalUser(srv, own.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'k');
    const base = `${adminApp(own._id)}/auth_providers`;
    const list = await srv.api.get(base).set('Authorization', admin.auth).expect(200);
    const id = (list.body as { _id: string; type: string }[]).find((p) => p.type === 'api-key')
      ?._id as string;
    await srv.api.put(`${base}/${id}/disable`).set('Authorization', admin.auth).expect(204);
    await keyLoginUntil(srv, own.client_app_id, key.key, 401);
    await srv.api.put(`${base}/${id}/enable`).set('Authorization', admin.auth).expect(204);
    await keyLoginUntil(srv, own.client_app_id, key.key, 200);
  });

  it('stores keys only hashed, and removes them with their owner', async () => {
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'hashed');
    const raw = await srv.conn
      .collection('api_keys')
      .findOne({ _id: new mongoose.Types.ObjectId(key._id) });
    expect(raw?.key_hash).toBe(sha256(key.key));
    expect(JSON.stringify(raw)).not.toContain(key.key);

    await srv.api
      .delete(`${CLIENT_AUTH}/delete`)
      .set('Authorization', bearer(owner.access_token))
      .expect(204);
    expect(await srv.conn.collection('api_keys').countDocuments({ _id: raw?._id })).toBe(0);
    expect((await keyLogin(srv, app.client_app_id, key.key).expect(401)).body).toEqual(AUTH_ERROR);
  });
});
