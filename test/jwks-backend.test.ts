import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { anonLogin, CLIENT_AUTH, clientApp, enableProvider } from './helpers/client';
import { appPath, createDataSource } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

// A downstream API that trusts our access tokens without calling us: it verifies them offline
// with the app's published JWKS (RS256, aud = client app id, typ = access), as a backend that
// verifies its identity provider's tokens does.

let srv: TestServer;
let http: Server;
let baseUrl: string;
let admin: AdminSession;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  http = srv.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
// Some tests move the clock past the admin access token's lifetime: a new session for each test.
beforeEach(async () => {
  admin = await adminLogin(srv);
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await srv.close();
});

const jwksUrl = (clientAppId: string) =>
  `${baseUrl}${clientApp(clientAppId)}/.well-known/jwks.json`;

interface Backend {
  /** GET /me with the token: the answer's status and body. */
  me(token: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * The downstream backend of one app. Its clock is the server's test clock, so that moving the
 * clock expires tokens for both (a real backend uses the real time).
 */
async function startBackend(clientAppId: string, audience = clientAppId): Promise<Backend> {
  const JWKS = createRemoteJWKSet(new URL(jwksUrl(clientAppId)));
  const api = express();
  api.get('/me', async (req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      res.status(401).json({ error: 'no bearer token' });
      return;
    }
    try {
      const { payload } = await jwtVerify(token, JWKS, {
        audience,
        algorithms: ['RS256'],
        currentDate: srv.clock.now(),
      });
      if (payload.typ !== 'access') {
        res.status(401).json({ error: 'not an access token' });
        return;
      }
      res.json({ user_id: payload.sub, user_data: payload.user_data ?? null });
    } catch (err) {
      res.status(401).json({ error: (err as { code?: string }).code ?? 'invalid token' });
    }
  });
  const server = api.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/me`;
  return {
    async me(token) {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

/** A new app with anonymous login enabled. */
async function anonApp() {
  const app = await createApp(srv, admin);
  await enableProvider(srv, admin, app._id, 'anon-user');
  return { appId: app._id, clientAppId: app.client_app_id };
}

const refresh = async (refreshToken: string) =>
  (
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${refreshToken}`)
      .expect(201)
  ).body.access_token as string;

const kidOf = (token: string) => decodeProtectedHeader(token).kid;

describe('a backend verifying access tokens with the JWKS', () => {
  it('accepts a valid access token: the user id and custom user data', async () => {
    const app = await anonApp();
    const base = appPath(GROUP_A, app.appId);
    await createDataSource(srv, admin, base, 'mongodb-atlas');
    await srv.api
      .patch(`${base}/custom_user_data`)
      .set('Authorization', admin.auth)
      .send({
        enabled: true,
        mongo_service_name: 'mongodb-atlas',
        database_name: srv.dbName,
        collection_name: 'profiles',
        user_id_field: 'user_id',
      })
      .expect(204);
    const backend = await startBackend(app.clientAppId);
    const tokens = await anonLogin(srv, app.clientAppId);
    expect(await backend.me(tokens.access_token)).toEqual({
      status: 200,
      body: { user_id: tokens.user_id, user_data: null },
    });
    await srv.conn
      .getClient()
      .db(srv.dbName)
      .collection('profiles')
      .insertOne({ user_id: tokens.user_id, plan: 'gold' });
    const withData = await backend.me(await refresh(tokens.refresh_token));
    expect(withData.status).toBe(200);
    expect(withData.body).toMatchObject({
      user_id: tokens.user_id,
      user_data: { user_id: tokens.user_id, plan: 'gold' },
    });
  });

  it('refuses a refresh token (typ), though it is signed by the same key', async () => {
    const app = await anonApp();
    const backend = await startBackend(app.clientAppId);
    const tokens = await anonLogin(srv, app.clientAppId);
    expect(kidOf(tokens.refresh_token)).toBe(kidOf(tokens.access_token));
    expect(await backend.me(tokens.refresh_token)).toEqual({
      status: 401,
      body: { error: 'not an access token' },
    });
  });

  it("refuses another app's token: its key is not in this app's JWKS, and aud differs", async () => {
    const mine = await anonApp();
    const other = await anonApp();
    const backend = await startBackend(mine.clientAppId);
    const foreign = await anonLogin(srv, other.clientAppId);
    expect(await backend.me(foreign.access_token)).toEqual({
      status: 401,
      body: { error: 'ERR_JWKS_NO_MATCHING_KEY' },
    });
    // Even with a key it trusts, a backend refuses a token minted for another audience.
    const misconfigured = await startBackend(other.clientAppId, mine.clientAppId);
    expect(await misconfigured.me(foreign.access_token)).toEqual({
      status: 401,
      body: { error: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
    });
  });

  it('refuses a tampered token and an algorithm switch', async () => {
    const app = await anonApp();
    const backend = await startBackend(app.clientAppId);
    const victim = await anonLogin(srv, app.clientAppId);
    const attacker = await anonLogin(srv, app.clientAppId);
    const [header, payload, signature] = attacker.access_token.split('.') as [
      string,
      string,
      string,
    ];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: victim.user_id })).toString(
      'base64url',
    );
    expect(await backend.me(`${header}.${forged}.${signature}`)).toEqual({
      status: 401,
      body: { error: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    });
    const hsHeader = Buffer.from(
      JSON.stringify({ ...decodeProtectedHeader(attacker.access_token), alg: 'HS256' }),
    ).toString('base64url');
    expect(await backend.me(`${hsHeader}.${payload}.${signature}`)).toEqual({
      status: 401,
      body: { error: 'ERR_JOSE_ALG_NOT_ALLOWED' },
    });
    // The genuine token still verifies.
    expect((await backend.me(attacker.access_token)).status).toBe(200);
  });

  it('refuses an expired token (after its 30 minutes)', async () => {
    const app = await anonApp();
    const backend = await startBackend(app.clientAppId);
    const tokens = await anonLogin(srv, app.clientAppId);
    expect((await backend.me(tokens.access_token)).status).toBe(200);
    srv.clock.advance(30 * 60 + 1);
    expect(await backend.me(tokens.access_token)).toEqual({
      status: 401,
      body: { error: 'ERR_JWT_EXPIRED' },
    });
    // A refresh gives a token the backend accepts again.
    expect((await backend.me(await refresh(tokens.refresh_token))).status).toBe(200);
  });
});

describe('signing key rotation', () => {
  it('new tokens get the new kid; old access and refresh tokens keep working', async () => {
    const app = await anonApp();
    const old = await anonLogin(srv, app.clientAppId);
    const oldKid = kidOf(old.access_token);

    const newKid = await srv.deps.signingKeys.rotate(app.appId);
    expect(newKid).not.toBe(oldKid);
    const fresh = await anonLogin(srv, app.clientAppId);
    expect(kidOf(fresh.access_token)).toBe(newKid);
    expect(kidOf(fresh.refresh_token)).toBe(newKid);

    const jwks = (await (await fetch(jwksUrl(app.clientAppId))).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKid, oldKid]);

    const backend = await startBackend(app.clientAppId);
    expect(await backend.me(old.access_token)).toMatchObject({
      status: 200,
      body: { user_id: old.user_id },
    });
    expect(await backend.me(fresh.access_token)).toMatchObject({
      status: 200,
      body: { user_id: fresh.user_id },
    });
    // A refresh token signed by the retired key still refreshes, now with the new key.
    const renewed = await refresh(old.refresh_token);
    expect(kidOf(renewed)).toBe(newKid);
    expect(await backend.me(renewed)).toMatchObject({
      status: 200,
      body: { user_id: old.user_id },
    });
  });

  it('the retired key leaves the JWKS once its access tokens have expired', async () => {
    const app = await anonApp();
    const old = await anonLogin(srv, app.clientAppId);
    const oldKid = kidOf(old.access_token);
    const newKid = await srv.deps.signingKeys.rotate(app.appId);
    srv.clock.advance(30 * 60 + 5 * 60 + 1); // access token lifetime + the published margin
    const jwks = (await (await fetch(jwksUrl(app.clientAppId))).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKid]);
    expect(jwks.keys.map((k) => k.kid)).not.toContain(oldKid);
    // The server still verifies refresh tokens of the retired key.
    expect(kidOf(await refresh(old.refresh_token))).toBe(newKid);
  });
});

describe('POST .../security/signing_keys/rotate (adminRotateSigningKey)', () => {
  const rotatePath = (appId: string, groupId = GROUP_A) =>
    `${appPath(groupId, appId)}/security/signing_keys/rotate`;

  it('rotates: 200 {kid}, the JWKS lists the new key first, new logins use it', async () => {
    const app = await anonApp();
    const before = await anonLogin(srv, app.clientAppId);
    const res = await srv.api
      .post(rotatePath(app.appId))
      .set('Authorization', admin.auth)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({ kid: expect.stringMatching(/^[0-9a-f]{24}$/) });
    const kid = res.body.kid as string;
    expect(kid).not.toBe(kidOf(before.access_token));
    const jwks = (await (await fetch(jwksUrl(app.clientAppId))).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys[0]?.kid).toBe(kid);
    expect(kidOf((await anonLogin(srv, app.clientAppId)).access_token)).toBe(kid);
  });

  it('needs an admin token (401), the group (403) and the app in it (404)', async () => {
    const app = await anonApp();
    await srv.api.post(rotatePath(app.appId)).expect(401);
    const ownerB = await adminLogin(srv, { groupId: GROUP_B });
    await srv.api.post(rotatePath(app.appId)).set('Authorization', ownerB.auth).expect(403);
    await srv.api
      .post(rotatePath(app.appId, GROUP_B))
      .set('Authorization', ownerB.auth)
      .expect(404);
    await srv.api
      .post(rotatePath('0123456789abcdef01234567'))
      .set('Authorization', admin.auth)
      .expect(404);
    // Nothing was rotated: the app still has its single key.
    const jwks = (await (await fetch(jwksUrl(app.clientAppId))).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });
});
