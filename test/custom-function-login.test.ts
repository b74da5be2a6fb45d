import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Realm from 'realm-web';
import {
  anonLogin,
  CLIENT_AUTH,
  clientApp,
  enableProvider,
  type LoginTokens,
} from './helpers/client';
import { appPath, createFunction } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

// custom-function logins through HTTP (supertest) and through realm-web against a listening
// server, with the functions running in the real sandbox.

let srv: TestServer;
let admin: AdminSession;
let http: Server;
let baseUrl: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 } });
  admin = await adminLogin(srv);
  http = srv.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await srv.close();
});

/** Returns what the payload asks for: its `ret` if it has one, else `{ id: userId, name }`. */
const AUTH_SOURCE = `exports = async function (payload) {
  if (payload.throw) throw new Error(payload.throw);
  if (payload.hang) for (;;) await null;
  if (payload.nothing) return;
  if ('ret' in payload) return payload.ret;
  if (payload.probe) {
    return {
      id: 'probe',
      name: JSON.stringify({
        keys: Object.keys(payload).sort(),
        user: context.user.type,
        oid: payload.oid instanceof BSON.ObjectId,
        argc: arguments.length,
      }),
    };
  }
  return payload.name === undefined ? payload.userId : { id: payload.userId, name: payload.name };
};`;

interface FnApp {
  _id: string;
  client_app_id: string;
}

/** An app whose custom-function provider runs AUTH_SOURCE (and with anonymous login). */
async function customFunctionApp(source = AUTH_SOURCE): Promise<FnApp> {
  const app = await createApp(srv, admin);
  const base = appPath(GROUP_A, app._id);
  await createFunction(srv, admin, base, 'authFunc', source);
  await srv.api
    .post(`${base}/auth_providers`)
    .set('Authorization', admin.auth)
    .send({
      name: 'custom-function',
      type: 'custom-function',
      disabled: false,
      config: { authFunctionName: 'authFunc' },
    })
    .expect(201);
  await enableProvider(srv, admin, app._id, 'anon-user');
  return app;
}

const loginPath = (app: FnApp, link = false) =>
  `${clientApp(app.client_app_id)}/auth/providers/custom-function/login${link ? '?link=true' : ''}`;

/** A login as realm-core sends it: the payload, plus the SDK's `options`. */
const login = (app: FnApp, payload: Record<string, unknown>) =>
  srv.api
    .post(loginPath(app))
    .send({ ...payload, options: { device: { platform: 'node', sdkVersion: '1' } } });

async function loginOk(app: FnApp, payload: Record<string, unknown>): Promise<LoginTokens> {
  return (await login(app, payload).expect(200)).body as LoginTokens;
}

interface Profile {
  user_id: string;
  data: Record<string, unknown>;
  identities: { id: string; provider_type: string; provider_data: Record<string, unknown> }[];
}

async function profile(tokens: LoginTokens): Promise<Profile> {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${tokens.access_token}`)
    .expect(200);
  return res.body as Profile;
}

let app: FnApp;
beforeAll(async () => {
  app = await customFunctionApp();
});

describe('custom-function login', () => {
  it('a returned string is the identity id: the same id logs in as the same user', async () => {
    const first = await loginOk(app, { userId: 'ext-1' });
    const again = await loginOk(app, { userId: 'ext-1' });
    expect(again.user_id).toBe(first.user_id);
    const other = await loginOk(app, { userId: 'ext-2' });
    expect(other.user_id).not.toBe(first.user_id);
    const p = await profile(first);
    expect(p.identities).toEqual([
      expect.objectContaining({ id: 'ext-1', provider_type: 'custom-function' }),
    ]);
    expect(p.data).toEqual({});
  });

  it('a returned { id, name } puts the name in the user and identity data', async () => {
    const tokens = await loginOk(app, { userId: 'named-1', name: 'Ann Lee' });
    const p = await profile(tokens);
    expect(p.data).toEqual({ name: 'Ann Lee' });
    expect(p.identities[0]).toMatchObject({ id: 'named-1', provider_data: { name: 'Ann Lee' } });
    // A later login with a new name refreshes it.
    const again = await loginOk(app, { userId: 'named-1', name: 'Ann Smith' });
    expect(again.user_id).toBe(tokens.user_id);
    expect((await profile(again)).data).toEqual({ name: 'Ann Smith' });
  });

  it('runs as the system user with the payload alone (no provider or options keys), EJSON decoded', async () => {
    const tokens = await loginOk(app, {
      provider: 'custom-function',
      probe: true,
      oid: { $oid: '65a000000000000000000001' },
    });
    const seen = JSON.parse(String((await profile(tokens)).data.name)) as Record<string, unknown>;
    expect(seen).toEqual({ keys: ['oid', 'probe'], user: 'system', oid: true, argc: 1 });
  });

  it('a throw is 401 AuthError with the thrown message', async () => {
    const res = await login(app, { throw: 'Authentication failed' }).expect(401);
    expect(res.body).toEqual({ error: 'Authentication failed', error_code: 'AuthError' });
  });

  it('a timeout is 401 AuthError saying so, and the server keeps serving', async () => {
    const res = await login(app, { hang: true }).expect(401);
    expect(res.body).toEqual({
      error: 'authentication function failed: execution time limit exceeded',
      error_code: 'AuthError',
    });
    await loginOk(app, { userId: 'after-timeout' });
  });

  it.each([
    ['null', null, 'it returned nothing (or null)'],
    ['a number', 42, 'it returned a number'],
    ['an empty string', '', 'it returned an empty id'],
    ['an array', ['x'], 'it returned an array'],
    ['an object without id', { name: 'x' }, 'the object it returned has no id'],
    ['a non-string id', { id: 7 }, 'its id is a number'],
    ['an empty id', { id: '' }, 'it returned an empty id'],
    ['a non-string name', { id: 'x', name: 5 }, 'its name must be a string, not a number'],
  ])('a return of %s is 401 AuthError saying what is expected', async (_what, ret, why) => {
    const res = await login(app, { ret }).expect(401);
    expect(res.body).toEqual({
      error: `the authentication function must return a non-empty string id or { id, name? }; ${why}`,
      error_code: 'AuthError',
    });
  });

  it('a function that returns nothing is 401 too', async () => {
    const res = await login(app, { nothing: true }).expect(401);
    expect(res.body.error_code).toBe('AuthError');
    expect(res.body.error).toContain('it returned nothing (or null)');
  });

  it('a returned ObjectId is not an id: 401', async () => {
    const res = await login(app, { ret: { $oid: '65a000000000000000000001' } }).expect(401);
    expect(res.body.error).toContain('it returned a BSON ObjectId');
  });

  it('an over-long id is refused: 401', async () => {
    const res = await login(app, { ret: 'x'.repeat(4097) }).expect(401);
    expect(res.body.error).toContain('longer than 4096 characters');
  });

  it('a payload that is not valid Extended JSON is 400 BadRequest', async () => {
    const res = await login(app, { userId: 'e', oid: { $oid: 'not-an-oid' } }).expect(400);
    expect(res.body.error_code).toBe('BadRequest');
    expect(res.body.error).toContain('the login payload is not valid Extended JSON');
  });

  it('a disabled provider refuses logins (401) without running the function', async () => {
    const off = await customFunctionApp(`exports = () => { throw new Error('must not run'); };`);
    const base = appPath(GROUP_A, off._id);
    const list = await srv.api
      .get(`${base}/auth_providers`)
      .set('Authorization', admin.auth)
      .expect(200);
    const cf = (list.body as { _id: string; type: string }[]).find(
      (p) => p.type === 'custom-function',
    );
    await srv.api
      .put(`${base}/auth_providers/${cf?._id}/disable`)
      .set('Authorization', admin.auth)
      .expect(204);
    const res = await login(off, { userId: 'x' }).expect(401);
    expect(res.body).toEqual({
      error: 'authentication provider "custom-function" is disabled',
      error_code: 'AuthError',
    });
  });

  it('follows a rename of its function (stored by id), even when another takes the old name', async () => {
    const renamed = await customFunctionApp();
    const base = appPath(GROUP_A, renamed._id);
    const before = await loginOk(renamed, { userId: 'r-1' });
    const fns = await srv.api.get(`${base}/functions`).set('Authorization', admin.auth).expect(200);
    const fn = (fns.body as { _id: string; name: string }[]).find((f) => f.name === 'authFunc');
    await srv.api
      .put(`${base}/functions/${fn?._id}`)
      .set('Authorization', admin.auth)
      .send({ name: 'authFuncRenamed', private: false, source: AUTH_SOURCE })
      .expect(200);
    await createFunction(
      srv,
      admin,
      base,
      'authFunc',
      `exports = () => { throw new Error('impostor'); };`,
    );
    // The runtime caches deployed configs (up to 500 ms): wait until it runs the new authFunc.
    const callImpostor = () =>
      srv.api
        .post(`${clientApp(renamed.client_app_id)}/functions/call`)
        .set('Authorization', `Bearer ${before.access_token}`)
        .send({ name: 'authFunc', arguments: [] });
    const deadline = Date.now() + 5000;
    let seen = await callImpostor();
    while ((seen.body as { error?: string }).error !== 'impostor' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await callImpostor();
    }
    expect(seen.body).toEqual({ error: 'impostor', error_code: 'FunctionExecutionError' });

    const after = await loginOk(renamed, { userId: 'r-1' });
    expect(after.user_id).toBe(before.user_id);
  });
});

describe('linking', () => {
  it('links a custom-function identity to an anonymous user; later logins find that user', async () => {
    const anon = await anonLogin(srv, app.client_app_id);
    const linked = await srv.api
      .post(loginPath(app, true))
      .set('Authorization', `Bearer ${anon.access_token}`)
      .send({ userId: 'link-1', name: 'Linked' })
      .expect(200);
    expect(linked.body.user_id).toBe(anon.user_id);
    expect((await profile(linked.body as LoginTokens)).data).toEqual({ name: 'Linked' });
    const later = await loginOk(app, { userId: 'link-1' });
    expect(later.user_id).toBe(anon.user_id);
    const p = await profile(later);
    expect(p.identities.map((i) => i.provider_type)).toEqual(['anon-user', 'custom-function']);
    // The data is this login's: the function returned no name this time (issue 12: never a
    // merge with what earlier logins gave).
    expect(p.data).toEqual({});
  });

  it('refuses to link an identity another user holds: 401', async () => {
    await loginOk(app, { userId: 'taken-1' });
    const anon = await anonLogin(srv, app.client_app_id);
    const res = await srv.api
      .post(loginPath(app, true))
      .set('Authorization', `Bearer ${anon.access_token}`)
      .send({ userId: 'taken-1' })
      .expect(401);
    expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
  });
});

describe('realm-web Credentials.function', () => {
  it('logs in, shows the name, gives the same user again, surfaces a throw as AuthError', async () => {
    const realm = new Realm.App({ id: app.client_app_id, baseUrl });
    const user = await realm.logIn(
      Realm.Credentials.function({ userId: 'web-1', name: 'Web User' }),
    );
    expect(user.id).toMatch(/^[0-9a-f]{24}$/);
    expect(user.providerType).toBe('custom-function');
    expect(user.profile.name).toBe('Web User');
    expect(user.identities).toEqual([{ id: 'web-1', providerType: 'custom-function' }]);
    const again = await realm.logIn(Realm.Credentials.function({ userId: 'web-1' }));
    expect(again.id).toBe(user.id);
    await expect(
      realm.logIn(Realm.Credentials.function({ throw: 'no such customer' })),
    ).rejects.toMatchObject({ statusCode: 401, errorCode: 'AuthError', error: 'no such customer' });
  });

  it('linkCredentials: an anonymous user links function credentials and keeps its id', async () => {
    const realm = new Realm.App({ id: app.client_app_id, baseUrl });
    const anon = await realm.logIn(Realm.Credentials.anonymous());
    await anon.linkCredentials(Realm.Credentials.function({ userId: 'web-link' }));
    expect(anon.identities.map((i) => i.providerType)).toEqual(['anon-user', 'custom-function']);
    const user = await realm.logIn(Realm.Credentials.function({ userId: 'web-link' }));
    expect(user.id).toBe(anon.id);
  });
});
