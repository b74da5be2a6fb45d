import * as Realm from 'realm-web';
import { CLIENT_AUTH, clientApp, decodeJwt, enableProvider } from './helpers/client';
import { appPath, createDataSource } from './helpers/config-resources';
import { claimsFor, hsApp, mintHs } from './helpers/custom-token';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { linkIn, startSmtpServer, type TestSmtpServer } from './helpers/smtp';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';
import { addUserpassProvider, AUTO_CONFIRM, EMAIL_CONFIRM } from './helpers/userpass';

// The official web SDK (realm-web 2.0.1, plain fetch) against a real listening server, used the
// way apps use it. No PUBLIC_BASE_URL is set: /location answers with the origin asked.

let smtp: TestSmtpServer;
let srv: TestServer;
let http: ListeningServer;
let baseUrl: string;
let admin: AdminSession;

beforeAll(async () => {
  smtp = await startSmtpServer();
  srv = await startTestServer({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'apps@example.com',
  });
  http = await listenOnLoopback(srv);
  baseUrl = http.baseUrl;
  admin = await adminLogin(srv);
});
afterAll(async () => {
  await http.close();
  await srv.close();
  await smtp.close();
});

interface TestApp {
  appId: string;
  clientAppId: string;
  realm: Realm.App;
}

/** A new app (so a new client app id, and a Realm.App with its own in-memory state). */
async function newApp(
  setup: (appId: string) => Promise<void>,
  existing?: { _id: string; client_app_id: string },
): Promise<TestApp> {
  const app = existing ?? (await createApp(srv, admin));
  await setup(app._id);
  return {
    appId: app._id,
    clientAppId: app.client_app_id,
    realm: new Realm.App({ id: app.client_app_id, baseUrl }),
  };
}

const withAnon = (appId: string) => enableProvider(srv, admin, appId, 'anon-user');
const withUserpass = (config: Record<string, unknown>) => async (appId: string) => {
  await addUserpassProvider(srv, admin, appId, config);
};

/** A raw refresh with a refresh token, as any client would send it. */
const rawRefresh = (refreshToken: string) =>
  srv.api.post(`${CLIENT_AUTH}/session`).set('Authorization', `Bearer ${refreshToken}`);

it('/location points realm-web back at the origin it asked', async () => {
  const { clientAppId } = await newApp(withAnon);
  const res = await fetch(`${baseUrl}${clientApp(clientAppId)}/location`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toMatchObject({
    hostname: baseUrl,
    ws_hostname: baseUrl.replace(/^http/, 'ws'),
  });
  // Without TRUST_PROXY, a forwarded host is not believed.
  const spoofed = await fetch(`${baseUrl}${clientApp(clientAppId)}/location`, {
    headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
  });
  expect(((await spoofed.json()) as { hostname: string }).hostname).toBe(baseUrl);
});

it('/location answers PUBLIC_BASE_URL when it is set', async () => {
  const other = await startTestServer({ PUBLIC_BASE_URL: 'https://apps.example.com/' });
  try {
    const app = await createApp(other, await adminLogin(other));
    const res = await other.api.get(`${clientApp(app.client_app_id)}/location`).expect(200);
    expect(res.body).toMatchObject({
      hostname: 'https://apps.example.com',
      ws_hostname: 'wss://apps.example.com',
    });
  } finally {
    await other.close();
  }
});

it('anonymous login: user id, provider type, tokens, profile', async () => {
  const { realm } = await newApp(withAnon);
  const user = await realm.logIn(Realm.Credentials.anonymous());
  expect(user.id).toMatch(/^[0-9a-f]{24}$/);
  expect(user.providerType).toBe('anon-user');
  expect(user.isLoggedIn).toBe(true);
  expect(user.state).toBe('active');
  expect(typeof user.accessToken).toBe('string');
  expect(typeof user.refreshToken).toBe('string');
  expect(decodeJwt(user.accessToken ?? '')).toMatchObject({ sub: user.id, typ: 'access' });
  expect(user.profile).toEqual({});
  expect(user.identities).toEqual([{ id: expect.any(String), providerType: 'anon-user' }]);
  expect(user.customData).toEqual({});
  expect(realm.currentUser?.id).toBe(user.id);
  // Anonymous credentials are reused by the SDK; `reuse: false` forces a new anonymous user.
  const again = await realm.logIn(Realm.Credentials.anonymous(false));
  expect(again.id).not.toBe(user.id);
});

it('email/password with autoConfirm: register, log in, profile email', async () => {
  const { realm } = await newApp(withUserpass(AUTO_CONFIRM));
  await realm.emailPasswordAuth.registerUser({ email: 'ann@example.com', password: 'secret1' });
  const user = await realm.logIn(Realm.Credentials.emailPassword('ann@example.com', 'secret1'));
  expect(user.providerType).toBe('local-userpass');
  expect(user.profile.email).toBe('ann@example.com');
  expect(user.identities).toEqual([{ id: expect.any(String), providerType: 'local-userpass' }]);
  // Logging in again with the same credentials gives the same user.
  const again = await realm.logIn(Realm.Credentials.emailPassword('ann@example.com', 'secret1'));
  expect(again.id).toBe(user.id);
  // A duplicate registration and a wrong password surface the server's error codes.
  await expect(
    realm.emailPasswordAuth.registerUser({ email: 'ann@example.com', password: 'secret1' }),
  ).rejects.toMatchObject({ errorCode: 'AccountNameInUse' });
  await expect(
    realm.logIn(Realm.Credentials.emailPassword('ann@example.com', 'wrong-password')),
  ).rejects.toMatchObject({ statusCode: 401, errorCode: 'InvalidPassword' });
});

it('email confirmation and password reset, with the links read from the SMTP server', async () => {
  const { realm } = await newApp(withUserpass(EMAIL_CONFIRM));
  const email = 'bob@example.com';
  await realm.emailPasswordAuth.registerUser({ email, password: 'secret1' });
  await expect(
    realm.logIn(Realm.Credentials.emailPassword(email, 'secret1')),
  ).rejects.toMatchObject({ statusCode: 401 });
  const confirm = linkIn(smtp.lastTo(email));
  expect(confirm.base).toBe(EMAIL_CONFIRM.emailConfirmationUrl);
  await realm.emailPasswordAuth.confirmUser({ token: confirm.token, tokenId: confirm.tokenId });
  const user = await realm.logIn(Realm.Credentials.emailPassword(email, 'secret1'));
  expect(user.profile.email).toBe(email);

  await realm.emailPasswordAuth.sendResetPasswordEmail({ email });
  const reset = linkIn(smtp.lastTo(email));
  expect(reset.base).toBe(EMAIL_CONFIRM.resetPasswordUrl);
  await realm.emailPasswordAuth.resetPassword({
    token: reset.token,
    tokenId: reset.tokenId,
    password: 'new-secret',
  });
  await expect(
    realm.logIn(Realm.Credentials.emailPassword(email, 'secret1')),
  ).rejects.toMatchObject({ statusCode: 401, errorCode: 'InvalidPassword' });
  const again = await realm.logIn(Realm.Credentials.emailPassword(email, 'new-secret'));
  expect(again.id).toBe(user.id);
});

it('custom JWT: an HS256 token logs in, mapped metadata fields are in the profile', async () => {
  const ct = await hsApp(srv, admin, {
    metadata_fields: [
      { required: true, name: 'email', field_name: 'email' },
      { required: false, name: 'name.first', field_name: 'first_name' },
      { required: false, name: 'team', field_name: 'team' },
    ],
  });
  const realm = new Realm.App({ id: ct.clientAppId, baseUrl });
  const token = await mintHs(
    claimsFor(ct.clientAppId, {
      sub: 'ext-42',
      email: 'jwt@example.com',
      name: { first: 'Jo', last: 'not mapped' },
      team: 'blue',
      secret: 'not mapped',
    }),
  );
  const user = await realm.logIn(Realm.Credentials.jwt(token));
  expect(user.providerType).toBe('custom-token');
  expect(user.identities).toEqual([{ id: 'ext-42', providerType: 'custom-token' }]);
  // realm-web maps the well-known keys to its camelCase names and passes the others through.
  expect(user.profile).toEqual({ email: 'jwt@example.com', firstName: 'Jo', team: 'blue' });
  const again = await realm.logIn(Realm.Credentials.jwt(token));
  expect(again.id).toBe(user.id);
  await expect(
    realm.logIn(Realm.Credentials.jwt(await mintHs(claimsFor(ct.clientAppId), 'x'.repeat(40)))),
  ).rejects.toMatchObject({ statusCode: 401, errorCode: 'AuthError' });
});

it('custom user data: in the access token at login, stale until refreshCustomData()', async () => {
  const collection = 'custom_user_data';
  const { realm } = await newApp(async (appId) => {
    await addUserpassProvider(srv, admin, appId, AUTO_CONFIRM);
    const base = appPath(GROUP_A, appId);
    await createDataSource(srv, admin, base, 'mongodb-atlas');
    await srv.api
      .patch(`${base}/custom_user_data`)
      .set('Authorization', admin.auth)
      .send({
        enabled: true,
        mongo_service_name: 'mongodb-atlas',
        database_name: srv.dbName,
        collection_name: collection,
        user_id_field: 'user_id',
      })
      .expect(204);
  });
  const coll = srv.conn.getClient().db(srv.dbName).collection(collection);
  const credentials = Realm.Credentials.emailPassword('cud@example.com', 'secret1');
  await realm.emailPasswordAuth.registerUser({ email: 'cud@example.com', password: 'secret1' });
  const first = await realm.logIn(credentials);
  expect(first.customData).toEqual({}); // no document yet

  await coll.insertOne({ user_id: first.id, favoriteColor: 'blue', visits: 1 });
  const user = await realm.logIn(credentials);
  expect(user.id).toBe(first.id);
  expect(user.customData).toMatchObject({ user_id: user.id, favoriteColor: 'blue', visits: 1 });

  await coll.updateOne({ user_id: user.id }, { $set: { favoriteColor: 'green', visits: 2 } });
  expect(user.customData).toMatchObject({ favoriteColor: 'blue', visits: 1 }); // stale
  const refreshed = await user.refreshCustomData();
  expect(refreshed).toMatchObject({ user_id: user.id, favoriteColor: 'green', visits: 2 });
  expect(user.customData).toMatchObject({ favoriteColor: 'green', visits: 2 });
});

it('linking: an anonymous user links email/password credentials and keeps its id', async () => {
  const { realm } = await newApp(async (appId) => {
    await withAnon(appId);
    await addUserpassProvider(srv, admin, appId, AUTO_CONFIRM);
  });
  const anon = await realm.logIn(Realm.Credentials.anonymous());
  await realm.emailPasswordAuth.registerUser({ email: 'link@example.com', password: 'secret1' });
  await anon.linkCredentials(Realm.Credentials.emailPassword('link@example.com', 'secret1'));
  expect(anon.identities.map((i) => i.providerType)).toEqual(['anon-user', 'local-userpass']);
  expect(anon.profile.email).toBe('link@example.com');
  // The linked credentials now log in as the same user.
  const user = await realm.logIn(Realm.Credentials.emailPassword('link@example.com', 'secret1'));
  expect(user.id).toBe(anon.id);
  expect(user.identities.map((i) => i.providerType)).toEqual(['anon-user', 'local-userpass']);
});

it('logOut revokes the refresh token on the server', async () => {
  const { realm } = await newApp(withUserpass(AUTO_CONFIRM));
  await realm.emailPasswordAuth.registerUser({ email: 'out@example.com', password: 'secret1' });
  const user = await realm.logIn(Realm.Credentials.emailPassword('out@example.com', 'secret1'));
  const refreshToken = user.refreshToken ?? '';
  await rawRefresh(refreshToken).expect(201);
  await user.logOut();
  expect(user.isLoggedIn).toBe(false);
  expect(user.refreshToken).toBeNull();
  const res = await rawRefresh(refreshToken).expect(401);
  expect(res.body.error_code).toBe('InvalidSession');
});

it('deleteUser removes the account: the email login fails afterwards', async () => {
  const { realm } = await newApp(withUserpass(AUTO_CONFIRM));
  const credentials = Realm.Credentials.emailPassword('gone@example.com', 'secret1');
  await realm.emailPasswordAuth.registerUser({ email: 'gone@example.com', password: 'secret1' });
  const user = await realm.logIn(credentials);
  const refreshToken = user.refreshToken ?? '';
  await realm.deleteUser(user);
  expect(user.state).toBe('removed');
  expect(realm.allUsers[user.id]).toBeUndefined();
  await rawRefresh(refreshToken).expect(401);
  await expect(realm.logIn(credentials)).rejects.toMatchObject({
    statusCode: 401,
    errorCode: 'InvalidPassword',
  });
});

it('refreshAccessToken gets a new access token for the same session', async () => {
  const { realm } = await newApp(withAnon);
  const user = await realm.logIn(Realm.Credentials.anonymous());
  const before = user.accessToken ?? '';
  srv.clock.advance(5); // a new iat, so a different token
  await user.refreshAccessToken();
  const after = user.accessToken ?? '';
  expect(after).not.toBe(before);
  const claims = decodeJwt(after);
  expect(claims).toMatchObject({ sub: user.id, typ: 'access', iss: decodeJwt(before).iss });
  expect(claims.iat).toBeGreaterThan(decodeJwt(before).iat as number);
  // The new token works on an authenticated call made by the SDK.
  await user.refreshProfile();
  expect(user.identities[0]?.providerType).toBe('anon-user');
});

it('an expired access token is refreshed and the call retried by the SDK', async () => {
  const { realm } = await newApp(withAnon);
  const user = await realm.logIn(Realm.Credentials.anonymous());
  const before = user.accessToken;
  srv.clock.advance(31 * 60); // past the access token's 30 minutes
  await user.refreshProfile(); // 401 InvalidSession → POST /auth/session → retry
  expect(user.accessToken).not.toBe(before);
  expect(decodeJwt(user.accessToken ?? '').exp).toBeGreaterThan(
    decodeJwt(before ?? '').exp as number,
  );
});

it('user API keys: create, list, log in with one as the same user, disable, delete', async () => {
  // Its own admin session: earlier tests move the server clock past the shared token's expiry.
  const keysAdmin = await adminLogin(srv, 'org');
  const { realm } = await newApp(
    async (appId) => {
      await addUserpassProvider(srv, keysAdmin, appId, AUTO_CONFIRM);
      await enableProvider(srv, keysAdmin, appId, 'api-key');
    },
    await createApp(srv, keysAdmin),
  );
  await realm.emailPasswordAuth.registerUser({ email: 'kim@example.com', password: 'secret1' });
  const user = await realm.logIn(Realm.Credentials.emailPassword('kim@example.com', 'secret1'));
  const created = await user.apiKeys.create('laptop');
  expect(created).toMatchObject({ name: 'laptop', disabled: false });
  expect(created.key).toMatch(/^[A-Za-z0-9]{64}$/);
  const listed = await user.apiKeys.fetchAll();
  expect(listed.map((k) => k.name)).toEqual(['laptop']);
  expect(listed[0]).not.toHaveProperty('key');

  const viaKey = await realm.logIn(Realm.Credentials.apiKey(created.key));
  expect(viaKey.id).toBe(user.id);
  expect(viaKey.identities.map((i) => i.providerType)).toEqual(['local-userpass', 'api-key']);

  // realm-web keeps one User per id: that login replaced the tokens of `user` with the key's
  // session, which disabling the key ends (a disabled key's sessions are revoked). Manage keys
  // from an email/password session, as an app would.
  const owner = await realm.logIn(Realm.Credentials.emailPassword('kim@example.com', 'secret1'));
  await owner.apiKeys.disable(created._id);
  await expect(realm.logIn(Realm.Credentials.apiKey(created.key))).rejects.toMatchObject({
    statusCode: 401,
    errorCode: 'AuthError',
  });
  await owner.apiKeys.delete(created._id);
  expect(await owner.apiKeys.fetchAll()).toEqual([]);
});
