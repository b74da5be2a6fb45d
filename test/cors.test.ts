import supertest from 'supertest';
import { clientApp, CLIENT_AUTH, enableProvider } from './helpers/client';
import { appPath } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

const ALLOWED = 'https://app.example.com';
const OTHER = 'https://evil.example.net';

let srv: TestServer;
let owner: AdminSession;
let open: { _id: string; client_app_id: string };
let listed: { _id: string; client_app_id: string };
beforeAll(async () => {
  srv = await startTestServer();
  owner = await adminLogin(srv, { groupId: GROUP_A });
  open = await createApp(srv, owner);
  listed = await createApp(srv, owner);
  for (const app of [open, listed]) await enableProvider(srv, owner, app._id, 'anon-user');
  await srv.api
    .post(`${appPath(GROUP_A, listed._id)}/security/allowed_request_origins`)
    .set('Authorization', owner.auth)
    .send([ALLOWED])
    .expect(204);
});
afterAll(() => srv.close());

const raw = () => supertest(srv.app);
const loginPath = (clientAppId: string) =>
  `${clientApp(clientAppId)}/auth/providers/anon-user/login`;
const preflight = (path: string, origin: string) =>
  raw()
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization,content-type');

function expectAllowed(res: supertest.Response, origin: string) {
  expect(res.status).toBe(204);
  expect(res.headers['access-control-allow-origin']).toBe(origin);
  expect(res.headers.vary).toMatch(/\bOrigin\b/);
  expect(res.headers['access-control-allow-methods']).toMatch(/\bPOST\b/);
  const headers = (res.headers['access-control-allow-headers'] as string).toLowerCase();
  for (const h of ['authorization', 'content-type', 'accept']) expect(headers).toContain(h);
  expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
}

describe('CORS on the Client API', () => {
  it('answers a preflight from a listed origin with 204 and the allow headers', async () => {
    expectAllowed(await preflight(loginPath(listed.client_app_id), ALLOWED), ALLOWED);
  });

  it('answers a preflight from any origin when the list is empty (the default)', async () => {
    expectAllowed(await preflight(loginPath(open.client_app_id), OTHER), OTHER);
    expectAllowed(await preflight(`${clientApp(open.client_app_id)}/location`, OTHER), OTHER);
  });

  it('refuses an origin not listed: 403 without CORS headers, preflight or request', async () => {
    const pre = await preflight(loginPath(listed.client_app_id), OTHER);
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    const post = await raw().post(loginPath(listed.client_app_id)).set('Origin', OTHER).send({});
    expect(post.status).toBe(403);
    expect(post.body).toEqual({
      error: `origin not allowed: ${OTHER}`,
      error_code: 'OriginNotAllowed',
    });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves requests without an Origin header (non-browser clients) alone', async () => {
    const res = await srv.api.post(loginPath(listed.client_app_id)).send({}).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('puts Access-Control-Allow-Origin on the cross-origin login response', async () => {
    const res = await srv.api
      .post(loginPath(listed.client_app_id))
      .set('Origin', ALLOWED)
      .send({})
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('allows any origin on the routes outside an app (bearer tokens only, no cookies)', async () => {
    for (const path of [
      `${CLIENT_AUTH}/session`,
      `${CLIENT_AUTH}/profile`,
      `${CLIENT_AUTH}/api_keys`,
    ])
      expectAllowed(await preflight(path, OTHER), OTHER);
    const login = await srv.api.post(loginPath(open.client_app_id)).send({}).expect(200);
    const session = await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Origin', OTHER)
      .set('Authorization', `Bearer ${(login.body as { refresh_token: string }).refresh_token}`)
      .expect(201);
    expect(session.headers['access-control-allow-origin']).toBe(OTHER);
  });
});

describe('CORS on the Admin API', () => {
  it('is off by default: a preflight gets 204 without allow headers', async () => {
    const res = await preflight('/api/admin/v3.0/auth/providers/mongodb-cloud/login', ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await raw()
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Origin', ALLOWED)
      .set('Authorization', owner.auth)
      .expect(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('follows ADMIN_ALLOWED_ORIGINS when set', async () => {
    const other = await startTestServer({ ADMIN_ALLOWED_ORIGINS: ALLOWED });
    try {
      const path = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';
      expectAllowed(
        await supertest(other.app)
          .options(path)
          .set('Origin', ALLOWED)
          .set('Access-Control-Request-Method', 'POST'),
        ALLOWED,
      );
      const refused = await supertest(other.app)
        .options(path)
        .set('Origin', OTHER)
        .set('Access-Control-Request-Method', 'POST');
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

describe('CORS on the public API (/api/public/v1.0)', () => {
  const GROUPS = '/api/public/v1.0/groups';

  it("follows the Admin API's origins: off by default", async () => {
    const res = await raw()
      .options(GROUPS)
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with ADMIN_ALLOWED_ORIGINS: a listed origin is allowed, another refused in Atlas shape', async () => {
    const other = await startTestServer({ ADMIN_ALLOWED_ORIGINS: ALLOWED });
    try {
      const allowed = await supertest(other.app).get(GROUPS).set('Origin', ALLOWED).expect(401);
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
      const refused = await supertest(other.app).get(GROUPS).set('Origin', OTHER).expect(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.body).toEqual({
        detail: `origin not allowed: ${OTHER}`,
        error: 403,
        errorCode: 'ORIGIN_NOT_ALLOWED',
        reason: 'Forbidden',
      });
    } finally {
      await other.close();
    }
  });
});

describe('token responses and security headers', () => {
  it('sends Cache-Control: no-store with tokens, on both APIs', async () => {
    const client = await srv.api.post(loginPath(open.client_app_id)).send({}).expect(200);
    expect(client.headers['cache-control']).toBe('no-store');
    const refresh = await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${(client.body as { refresh_token: string }).refresh_token}`)
      .expect(201);
    expect(refresh.headers['cache-control']).toBe('no-store');
    const adminLoginRes = await srv.api
      .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
      .send({ username: owner.key.publicKey, apiKey: owner.key.privateKey })
      .expect(200);
    expect(adminLoginRes.headers['cache-control']).toBe('no-store');
    const adminRefresh = await srv.api
      .post('/api/admin/v3.0/auth/session')
      .set('Authorization', owner.refreshAuth)
      .expect(201);
    expect(adminRefresh.headers['cache-control']).toBe('no-store');
  });

  it('sends helmet headers on admin and client responses, and no X-Powered-By', async () => {
    const responses = [
      await srv.api
        .get(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
        .set('Authorization', owner.auth)
        .expect(200),
      await srv.api.get(`${clientApp(open.client_app_id)}/location`).expect(200),
    ];
    for (const res of responses) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
