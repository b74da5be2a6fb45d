import mongoose from 'mongoose';
import {
  adminApp,
  appWithApiKeys,
  createServerKey,
  keyLogin,
  ownerSession,
  type TestApp,
} from './helpers/api-keys';
import { anonLogin, CLIENT_AUTH, decodeJwt, type LoginTokens } from './helpers/client';
import { adminLogin, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

interface User {
  _id: string;
  type: string;
  disabled: boolean;
  creation_date: number;
  last_authentication_date: number;
  identities: { id: string; provider_type: string; provider_id: string }[];
  data: Record<string, unknown>;
}

let srv: TestServer;
let admin: AdminSession;
let app: TestApp;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await ownerSession(srv);
  app = await appWithApiKeys(srv, admin);
});
afterAll(() => srv.close());

const users = (appId = app._id) => `${adminApp(appId)}/users`;
const bearer = (token: string) => `Bearer ${token}`;

async function listUsers(query: string, appId = app._id) {
  const res = await srv.api.get(`${users(appId)}${query}`).set('Authorization', admin.auth);
  expect([res.status, res.body]).toEqual([200, expect.any(Array)]);
  return res;
}
function put(userId: string, action: string) {
  return srv.api.put(`${users()}/${userId}/${action}`).set('Authorization', admin.auth);
}
function refresh(tokens: LoginTokens) {
  return srv.api.post(`${CLIENT_AUTH}/session`).set('Authorization', bearer(tokens.refresh_token));
}
function getProfile(tokens: LoginTokens) {
  return srv.api.get(`${CLIENT_AUTH}/profile`).set('Authorization', bearer(tokens.access_token));
}

describe('listing users', () => {
  let own: TestApp;
  let ids: string[];
  beforeAll(async () => {
    own = await appWithApiKeys(srv, admin);
    const logins = [];
    for (let i = 0; i < 53; i++) logins.push(await anonLogin(srv, own.client_app_id));
    ids = logins.map((l) => l.user_id).sort();
    await createServerKey(srv, admin, own._id, 'svc');
  });

  it('pages by _id, 50 at a time, ascending or descending', async () => {
    const first = (await listUsers('', own._id)).body as User[];
    expect(first).toHaveLength(50);
    expect(first.map((u) => u._id)).toEqual([...first.map((u) => u._id)].sort());
    const last = first[49]?._id ?? '';
    const second = (await listUsers(`?after=${last}&sort=_id`, own._id)).body as User[];
    expect(second).toHaveLength(4);
    expect(second.every((u) => u._id > last)).toBe(true);

    const desc = (await listUsers('?desc=true', own._id)).body as User[];
    expect(desc[0]?._id).toBe(second[3]?._id);
    const asc = (await listUsers('?desc=false', own._id)).body as User[];
    expect(asc[0]?._id).toBe(ids[0]);
    const before = (await listUsers(`?desc=true&after=${ids[2]}`, own._id)).body as User[];
    expect(before.map((u) => u._id)).toEqual([ids[1], ids[0]]);
  });

  it('filters by status and provider types (the CLI filters)', async () => {
    await srv.api
      .put(`${users(own._id)}/${ids[5]}/disable`)
      .set('Authorization', admin.auth)
      .expect(204);
    const disabled = (await listUsers('?status=disabled', own._id)).body as User[];
    expect(disabled.map((u) => u._id)).toEqual([ids[5]]);
    const servers = (await listUsers('?provider_types=api-key', own._id)).body as User[];
    expect(servers.map((u) => u.type)).toEqual(['server']);
    const both = (await listUsers('?provider_types=api-key,anon-user&desc=true', own._id))
      .body as User[];
    expect(both).toHaveLength(50);
    expect(both[0]?.type).toBe('server');
    // The CLI (Go) encodes the comma.
    const encoded = (await listUsers('?provider_types=api-key%2Canon-user', own._id))
      .body as User[];
    expect(encoded).toHaveLength(50);
    await srv.api
      .get(`${users(own._id)}?provider_types=carrier-pigeon`)
      .set('Authorization', admin.auth)
      .expect(400);
  });

  it('shows users in the Admin API shape', async () => {
    const [user] = (await listUsers(`?status=disabled`, own._id)).body as User[];
    expect(user).toEqual({
      _id: ids[5],
      identities: [
        {
          id: expect.stringMatching(/^[0-9a-f]{24}-[a-z]{24}$/),
          provider_type: 'anon-user',
          provider_id: expect.stringMatching(/^[0-9a-f]{24}$/),
          provider_data: {},
        },
      ],
      type: 'normal',
      creation_date: expect.any(Number),
      last_authentication_date: expect.any(Number),
      disabled: true,
      data: {},
    });
    expect(Math.abs((user?.creation_date ?? 0) - Date.now() / 1000)).toBeLessThan(120);
  });
});

describe('managing one user', () => {
  it('gets a user, and 404s for unknown ids', async () => {
    const u = await anonLogin(srv, app.client_app_id);
    const res = await srv.api.get(`${users()}/${u.user_id}`).set('Authorization', admin.auth);
    expect((res.body as User)._id).toBe(u.user_id);
    const unknown = new mongoose.Types.ObjectId().toHexString();
    for (const res of [
      await srv.api.get(`${users()}/${unknown}`).set('Authorization', admin.auth),
      await srv.api.delete(`${users()}/${unknown}`).set('Authorization', admin.auth),
      await put(unknown, 'enable'),
      await put(unknown, 'disable'),
      await put(unknown, 'logout'),
    ]) {
      expect([res.status, res.body.error_code]).toEqual([404, 'UserNotFound']);
    }
    // A user of another app is not found here either.
    const other = await appWithApiKeys(srv, admin);
    const stranger = await anonLogin(srv, other.client_app_id);
    await srv.api
      .get(`${users()}/${stranger.user_id}`)
      .set('Authorization', admin.auth)
      .expect(404);
  });

  it('deletes a user with its sessions and keys', async () => {
    const key = await createServerKey(srv, admin, app._id, 'to-delete');
    const login = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    await srv.api
      .delete(`${users()}/${login.user_id}`)
      .set('Authorization', admin.auth)
      .expect(204);
    const res = await refresh(login).expect(401);
    expect(res.body.error_code).toBe('InvalidSession');
    await srv.api.get(`${users()}/${login.user_id}`).set('Authorization', admin.auth).expect(404);
    await keyLogin(srv, app.client_app_id, key.key).expect(401);
    await srv.api
      .get(`${adminApp(app._id)}/api_keys/${key._id}`)
      .set('Authorization', admin.auth)
      .expect(404);
  });

  it('disables a user at once, and enables it again', async () => {
    const key = await createServerKey(srv, admin, app._id, 'to-disable');
    const login = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    await put(login.user_id, 'disable').expect(204);
    await put(login.user_id, 'disable').expect(204);
    expect((await getProfile(login).expect(401)).body.error_code).toBe('InvalidSession');
    expect((await refresh(login).expect(401)).body.error_code).toBe('InvalidSession');
    const refused = await keyLogin(srv, app.client_app_id, key.key).expect(401);
    expect(refused.body.error_code).toBe('UserDisabled');
    const shown = await srv.api.get(`${users()}/${login.user_id}`).set('Authorization', admin.auth);
    expect(shown.body.disabled).toBe(true);

    await put(login.user_id, 'enable').expect(204);
    const back = await keyLogin(srv, app.client_app_id, key.key).expect(200);
    expect(back.body.user_id).toBe(login.user_id);
  });

  it('logs a user out of every session', async () => {
    const key = await createServerKey(srv, admin, app._id, 'to-logout');
    const one = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    const two = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    await put(one.user_id, 'logout').expect(204);
    await refresh(one).expect(401);
    await refresh(two).expect(401);
    const again = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    await refresh(again).expect(201);
  });

  it("refuses another group's owner", async () => {
    const u = await anonLogin(srv, app.client_app_id);
    const stranger = await adminLogin(srv, { groupId: GROUP_B });
    await srv.api.get(users()).set('Authorization', stranger.auth).expect(403);
    await srv.api.get(`${users()}/${u.user_id}`).set('Authorization', stranger.auth).expect(403);
    await srv.api.delete(`${users()}/${u.user_id}`).set('Authorization', stranger.auth).expect(403);
    await srv.api
      .put(`${users()}/${u.user_id}/disable`)
      .set('Authorization', stranger.auth)
      .expect(403);
    await srv.api
      .post(`${users()}/verify_token`)
      .set('Authorization', stranger.auth)
      .send({ token: u.access_token })
      .expect(403);
  });
});

describe('verify_token', () => {
  const verify = (token: string, appId = app._id) =>
    srv.api
      .post(`${users(appId)}/verify_token`)
      .set('Authorization', admin.auth)
      .send({ token });
  const INVALID = { error: 'invalid session', error_code: 'InvalidSession' };

  it("returns a valid access token's claims", async () => {
    const u = await anonLogin(srv, app.client_app_id);
    const claims = decodeJwt(u.access_token);
    const res = await verify(u.access_token).expect(200);
    expect(res.body).toEqual({
      sub: u.user_id,
      exp: claims.exp,
      iat: claims.iat,
      iss: claims.iss,
      aud: app.client_app_id,
      domain_id: app._id,
      device_id: u.device_id,
    });
  });

  it('refuses expired tokens, refresh tokens, garbage and tokens of another app', async () => {
    const u = await anonLogin(srv, app.client_app_id);
    expect((await verify(u.refresh_token).expect(401)).body).toEqual(INVALID);
    expect((await verify('not.a.token').expect(401)).body).toEqual(INVALID);
    const other = await appWithApiKeys(srv, admin);
    const stranger = await anonLogin(srv, other.client_app_id);
    expect((await verify(stranger.access_token).expect(401)).body).toEqual(INVALID);
    await verify(stranger.access_token, other._id).expect(200);
    await srv.api
      .post(`${users()}/verify_token`)
      .set('Authorization', admin.auth)
      .send({})
      .expect(400);

    srv.clock.advance(31 * 60);
    admin = await ownerSession(srv); // the admin's own access token expired too
    expect((await verify(u.access_token).expect(401)).body).toEqual(INVALID);
  });
});
