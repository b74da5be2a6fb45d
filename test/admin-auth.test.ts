import { SignJWT } from 'jose';
import { adminLogin, createAdminKey, GROUP_A } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';
const SESSION = '/api/admin/v3.0/auth/session';
const PROFILE = '/api/admin/v3.0/auth/profile';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

describe('POST /auth/providers/mongodb-cloud/login', () => {
  it('logs in with a key pair and returns access and refresh tokens', async () => {
    const key = await createAdminKey(srv, { groupId: GROUP_A });
    const res = await srv.api
      .post(LOGIN)
      .send({ username: key.publicKey, apiKey: key.privateKey })
      .expect(200);
    expect(res.body.user_id).toBe(key.id);
    expect(res.body.device_id).toMatch(/^[0-9a-f]{24}$/);
    const access = claimsOf(res.body.access_token);
    const refresh = claimsOf(res.body.refresh_token);
    expect(access.typ).toBe('access');
    expect(refresh.typ).toBe('refresh');
    expect(Number(access.exp) - Number(access.iat)).toBe(30 * 60);
    expect(Number(refresh.exp) - Number(refresh.iat)).toBe(60 * 24 * 60 * 60);
  });

  it('keeps only a hash of the private key and of the refresh token', async () => {
    const session = await adminLogin(srv);
    const keyDoc = await srv.conn
      .collection('admin_keys')
      .findOne({ public_key: session.key.publicKey });
    expect(JSON.stringify(keyDoc)).not.toContain(session.key.privateKey);
    expect(String(keyDoc?.private_key_hash)).toMatch(/^\$argon2id\$/);
    const sessions = await srv.conn.collection('admin_sessions').find().toArray();
    expect(JSON.stringify(sessions)).not.toContain(session.refreshToken);
  });

  it.each([
    [
      'an unknown public key',
      { username: 'zzzzzzzz', apiKey: '00000000-0000-0000-0000-000000000000' },
    ],
    ['a wrong private key', 'wrong-private'],
  ])('refuses %s with 401', async (_label, body) => {
    const key = await createAdminKey(srv);
    const payload =
      typeof body === 'string' ? { username: key.publicKey, apiKey: 'not-the-key' } : body;
    const res = await srv.api.post(LOGIN).send(payload).expect(401);
    expect(res.body).toEqual({
      error:
        'failed to authenticate with MongoDB Cloud API: You are not authorized for this resource.',
      error_code: 'AuthError',
    });
  });

  it('refuses a revoked key', async () => {
    const key = await createAdminKey(srv);
    await srv.deps.adminKeys.revoke(key.publicKey);
    await srv.api.post(LOGIN).send({ username: key.publicKey, apiKey: key.privateKey }).expect(401);
  });

  it.each([
    ['no body', undefined],
    ['a missing apiKey', { username: 'abcdefgh' }],
    ['a number for username', { username: 12, apiKey: 'x' }],
  ])('rejects %s with 400', async (_label, body) => {
    const req = srv.api.post(LOGIN);
    const res = await (body === undefined ? req : req.send(body)).expect(400);
    expect(['MissingParameter', 'InvalidParameter']).toContain(res.body.error_code);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await srv.api
      .post(LOGIN)
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(res.body).toEqual({ error: 'request body is not valid JSON', error_code: 'BadRequest' });
  });

  it('rejects an oversized body with 413', async () => {
    const res = await srv.api
      .post(LOGIN)
      .send({ username: 'a'.repeat(2 * 1024 * 1024), apiKey: 'x' })
      .expect(413);
    expect(res.body.error_code).toBe('PayloadTooLarge');
  });
});

describe('sessions', () => {
  it('refreshes: POST /auth/session with the refresh token returns 201 and a working access token', async () => {
    const s = await adminLogin(srv);
    srv.clock.advance(5);
    const res = await srv.api.post(SESSION).set('Authorization', s.refreshAuth).expect(201);
    expect(Object.keys(res.body)).toEqual(['access_token']);
    expect(res.body.access_token).not.toBe(s.accessToken);
    await srv.api.get(PROFILE).set('Authorization', `Bearer ${res.body.access_token}`).expect(200);
  });

  it('refuses an access token on POST and DELETE /auth/session', async () => {
    const s = await adminLogin(srv);
    for (const method of ['post', 'delete'] as const) {
      const res = await srv.api[method](SESSION).set('Authorization', s.auth).expect(401);
      expect(res.body).toEqual({
        error: 'invalid refresh token: incorrect token type',
        error_code: 'InvalidSession',
      });
    }
  });

  it('refuses a refresh token as an access token', async () => {
    const s = await adminLogin(srv);
    const res = await srv.api.get(PROFILE).set('Authorization', s.refreshAuth).expect(401);
    expect(res.body.error_code).toBe('InvalidSession');
  });

  it('expires access tokens after 30 minutes with InvalidSession (so the CLI refreshes)', async () => {
    const s = await adminLogin(srv);
    srv.clock.advance(29 * 60);
    await srv.api.get(PROFILE).set('Authorization', s.auth).expect(200);
    srv.clock.advance(2 * 60);
    const res = await srv.api.get(PROFILE).set('Authorization', s.auth).expect(401);
    expect(res.body).toEqual({
      error: 'invalid session: access token expired',
      error_code: 'InvalidSession',
    });
    await srv.api.post(SESSION).set('Authorization', s.refreshAuth).expect(201);
  });

  it('expires refresh tokens after 60 days', async () => {
    const s = await adminLogin(srv);
    srv.clock.advance(60 * 24 * 60 * 60 + 1);
    const res = await srv.api.post(SESSION).set('Authorization', s.refreshAuth).expect(401);
    expect(res.body.error_code).toBe('InvalidSession');
  });

  it('DELETE /auth/session revokes the session: its refresh and access tokens stop working at once', async () => {
    const s = await adminLogin(srv);
    await srv.api.delete(SESSION).set('Authorization', s.refreshAuth).expect(204);
    const res = await srv.api.delete(SESSION).set('Authorization', s.refreshAuth).expect(401);
    expect(res.body).toEqual({
      error: 'invalid session: failed to find refresh token',
      error_code: 'InvalidSession',
    });
    await srv.api.post(SESSION).set('Authorization', s.refreshAuth).expect(401);
    await srv.api.get(PROFILE).set('Authorization', s.auth).expect(401);
  });

  it('revoking a key kills its live sessions', async () => {
    const s = await adminLogin(srv);
    await srv.deps.adminKeys.revoke(s.key.publicKey);
    await srv.api.get(PROFILE).set('Authorization', s.auth).expect(401);
    await srv.api.post(SESSION).set('Authorization', s.refreshAuth).expect(401);
  });

  it.each([
    ['no Authorization header', undefined, 'MissingAuthReq'],
    ['a non-bearer scheme', 'Basic YTpi', 'MissingAuthReq'],
    ['a malformed token', 'Bearer not.a.jwt', 'InvalidSession'],
    ['an empty bearer', 'Bearer ', 'MissingAuthReq'],
  ])('refuses %s with 401', async (_label, header, code) => {
    const req = srv.api.get(PROFILE);
    const res = await (header ? req.set('Authorization', header) : req).expect(401);
    expect(res.body.error_code).toBe(code);
  });

  it('refuses tokens signed with another key, with alg none, or for another audience', async () => {
    const s = await adminLogin(srv);
    const claims = claimsOf(s.accessToken);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32).fill(7));
    const [header, payload] = s.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '000000000000000000000000' })).toString('base64url')}.${s.accessToken.split('.')[2]}`;
    for (const token of [forged, none, tampered]) {
      const res = await srv.api.get(PROFILE).set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.error_code).toBe('InvalidSession');
    }
  });
});

describe('GET /auth/profile', () => {
  it('returns the key as user with its group roles', async () => {
    const s = await adminLogin(srv, { groupId: GROUP_A });
    const res = await srv.api.get(PROFILE).set('Authorization', s.auth).expect(200);
    expect(res.body).toMatchObject({
      user_id: s.key.id,
      type: 'normal',
      roles: [{ role_name: 'GROUP_OWNER', group_id: GROUP_A }],
      identities: [{ id: s.key.publicKey, provider_type: 'mongodb-cloud' }],
    });
  });
});

describe('GET /auth/providers', () => {
  it('lists the admin login provider without authentication', async () => {
    const res = await srv.api.get('/api/admin/v3.0/auth/providers').expect(200);
    expect(res.body).toEqual([{ name: 'mongodb-cloud', type: 'mongodb-cloud', disabled: false }]);
  });
});
