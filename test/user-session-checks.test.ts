import mongoose from 'mongoose';
import {
  adminApp,
  appWithApiKeys,
  createServerKey,
  keyLogin,
  ownerSession,
  type TestApp,
} from './helpers/api-keys';
import { anonLogin, CLIENT_AUTH, type LoginTokens } from './helpers/client';
import type { AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * An access token's session check (the session live, the user enabled) is reused for up to a
 * second by the process that made it. What this process changes is seen at once; what another
 * process sharing the database changes, within that second.
 */
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
const userPath = (userId: string) => `${adminApp(app._id)}/users/${userId}`;

function profile(tokens: LoginTokens, server = srv) {
  return server.api.get(`${CLIENT_AUTH}/profile`).set('Authorization', bearer(tokens.access_token));
}
function refresh(tokens: LoginTokens, server = srv) {
  return server.api
    .post(`${CLIENT_AUTH}/session`)
    .set('Authorization', bearer(tokens.refresh_token));
}
async function refused(tokens: LoginTokens, server = srv): Promise<void> {
  const res = await profile(tokens, server).expect(401);
  expect(res.body.error_code).toBe('InvalidSession');
}
/** A user whose access token was just checked (so its check is fresh in `srv`). */
async function checkedUser(): Promise<LoginTokens> {
  const tokens = await keyLogin(
    srv,
    app.client_app_id,
    (await createServerKey(srv, admin, app._id, `k-${new mongoose.Types.ObjectId().toHexString()}`))
      .key,
  ).expect(200);
  const login = tokens.body as LoginTokens;
  await profile(login).expect(200);
  await profile(login).expect(200);
  return login;
}

describe('changes made through this process take effect at once', () => {
  it('logout: the access token is refused by the next request', async () => {
    const login = await anonLogin(srv, app.client_app_id);
    await profile(login).expect(200);
    await srv.api
      .delete(`${CLIENT_AUTH}/session`)
      .set('Authorization', bearer(login.refresh_token))
      .expect(204);
    await refused(login);
  });

  it('an admin disabling the user', async () => {
    const login = await checkedUser();
    await srv.api
      .put(`${userPath(login.user_id)}/disable`)
      .set('Authorization', admin.auth)
      .expect(204);
    await refused(login);
    await srv.api
      .put(`${userPath(login.user_id)}/enable`)
      .set('Authorization', admin.auth)
      .expect(204);
    // Disabling revoked the session: enabling the user does not bring it back.
    await refused(login);
  });

  it('an admin deleting the user', async () => {
    const login = await checkedUser();
    await srv.api.delete(userPath(login.user_id)).set('Authorization', admin.auth).expect(204);
    await refused(login);
  });

  it('an admin logging the user out of every session', async () => {
    const login = await checkedUser();
    await srv.api
      .put(`${userPath(login.user_id)}/logout`)
      .set('Authorization', admin.auth)
      .expect(204);
    await refused(login);
  });

  it('disabling the API key the session was opened with', async () => {
    const key = await createServerKey(srv, admin, app._id, 'checked-key');
    const login = (await keyLogin(srv, app.client_app_id, key.key).expect(200)).body as LoginTokens;
    await profile(login).expect(200);
    await srv.api
      .put(`${adminApp(app._id)}/api_keys/${key._id}/disable`)
      .set('Authorization', admin.auth)
      .expect(204);
    await refused(login);
  });

  it('a disable racing with requests of the user: once it has answered, the token is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const login = await checkedUser();
      // The check expires, so the racing requests read the session and the user again.
      srv.clock.advance(1);
      const racing = () => Array.from({ length: 10 }, () => profile(login).then((r) => r.status));
      const disable = srv.api
        .put(`${userPath(login.user_id)}/disable`)
        .set('Authorization', admin.auth)
        .then((r) => r.status);
      const statuses = await Promise.all([...racing(), disable, ...racing()]);
      expect(statuses[10]).toBe(204);
      for (const status of statuses) expect([200, 204, 401]).toContain(status);
      // A check that read the user before the disable and ended after it was not kept.
      await refused(login);
    }
  });

  it('deleting the app', async () => {
    const own = await appWithApiKeys(srv, admin);
    const login = await anonLogin(srv, own.client_app_id);
    await profile(login).expect(200);
    await srv.api.delete(adminApp(own._id)).set('Authorization', admin.auth).expect(204);
    await profile(login).expect(401);
  });
});

describe('changes made by another process sharing the database', () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer({}, { dbName: srv.dbName });
  });
  afterAll(() => other.close());

  it('are seen within the session check window (1 s), refresh tokens at once', async () => {
    srv.clock.freeze();
    const login = await checkedUser();
    const disabled = await other.api
      .put(`${userPath(login.user_id)}/disable`)
      .set('Authorization', admin.auth);
    expect(disabled.status).toBe(204);
    await refused(login, other);
    // This process reuses its check of a moment ago; a refresh token is always checked.
    await profile(login).expect(200);
    expect((await refresh(login).expect(401)).body.error_code).toBe('InvalidSession');
    srv.clock.advance(1);
    await refused(login);
  });

  it('a revocation written straight to the database', async () => {
    srv.clock.freeze();
    const login = await checkedUser();
    const sid = JSON.parse(
      Buffer.from(login.access_token.split('.')[1] ?? '', 'base64url').toString(),
    ) as { iss: string };
    await srv.conn
      .collection('user_sessions')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(sid.iss) },
        { $set: { revoked_at: srv.clock.now() } },
      );
    await profile(login).expect(200);
    srv.clock.advance(0.999);
    await profile(login).expect(200);
    srv.clock.advance(0.001);
    await refused(login);
  });
});
