import http from 'node:http';
import supertest from 'supertest';
import {
  anonLogin,
  CLIENT_AUTH,
  clientApp,
  enableProvider,
  type LoginTokens,
} from './helpers/client';
import {
  claimsFor,
  customTokenApp,
  customTokenLogin,
  HS_SECRET,
  jwksServer,
  loginDocuments,
  loginOk,
  mintHs,
  mintRs,
  rsaKeys,
  type CustomTokenApp,
  type RsaKeys,
} from './helpers/custom-token';
import { adminLogin, type AdminSession } from './helpers/factories';
import {
  decodePart,
  flipSignature,
  hmacToken,
  publishedPem,
  signWithAppKey,
  unsignedToken,
  withPayload,
} from './helpers/jwt-forge';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let jwks: Awaited<ReturnType<typeof jwksServer>>;
let rsa: RsaKeys;
/** One app per way of verifying custom JWTs; A and B share an HS256 secret. */
let hsA: CustomTokenApp;
let hsB: CustomTokenApp;
let rs: CustomTokenApp;
let jwk: CustomTokenApp;

const hs = { config: { signingAlgorithm: 'HS256' }, secret_config: { signingKeys: ['k'] } };

beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  rsa = await rsaKeys('kid-1');
  jwks = await jwksServer([rsa.jwk]);
  [hsA, hsB, rs, jwk] = await Promise.all([
    customTokenApp(srv, admin, hs, { k: HS_SECRET }),
    customTokenApp(srv, admin, hs, { k: HS_SECRET }),
    customTokenApp(
      srv,
      admin,
      { config: { signingAlgorithm: 'RS256' }, secret_config: { signingKeys: ['pem'] } },
      { pem: rsa.pem },
    ),
    customTokenApp(srv, admin, { config: { useJWKURI: true, jwkURI: jwks.url } }),
  ]);
  await Promise.all([hsA, hsB].map((a) => enableProvider(srv, admin, a.appId, 'anon-user')));
});
afterAll(async () => {
  await jwks.close();
  await srv.close();
});

const UNAUTHORIZED = { error: 'unauthorized', error_code: 'AuthError' };

describe('custom-token login refuses forged and misused tokens (401 AuthError)', () => {
  async function refused(app: CustomTokenApp, token: string) {
    const before = await loginDocuments(srv, app.appId);
    const res = await customTokenLogin(srv, app.clientAppId, { token }).expect(401);
    expect(res.body).toEqual(UNAUTHORIZED);
    expect(await loginDocuments(srv, app.appId)).toEqual(before);
  }
  const now = () => Math.floor(Date.now() / 1000);

  it('a genuine token of each kind works (the baseline for the rest)', async () => {
    await loginOk(srv, hsA.clientAppId, await mintHs(claimsFor(hsA.clientAppId)));
    await loginOk(srv, rs.clientAppId, await mintRs(claimsFor(rs.clientAppId), rsa.privateKey));
    const token = await mintRs(claimsFor(jwk.clientAppId), rsa.privateKey, 'kid-1');
    await loginOk(srv, jwk.clientAppId, token);
  });

  it('alg none', async () => {
    for (const app of [hsA, rs, jwk])
      await refused(app, unsignedToken(claimsFor(app.clientAppId), 'kid-1'));
  });

  it('HS/RS confusion: HS256 signed with the public key, RS256 where HS256 is configured', async () => {
    await refused(rs, hmacToken(claimsFor(rs.clientAppId), rsa.pem));
    await refused(rs, hmacToken(claimsFor(rs.clientAppId), rsa.pem.trim()));
    await refused(jwk, hmacToken(claimsFor(jwk.clientAppId), rsa.pem, 'kid-1'));
    await refused(jwk, hmacToken(claimsFor(jwk.clientAppId), JSON.stringify(rsa.jwk), 'kid-1'));
    await refused(hsA, await mintRs(claimsFor(hsA.clientAppId), rsa.privateKey, 'kid-1'));
  });

  it('wrong audience, and a token minted for another app with the same secret', async () => {
    await refused(hsA, await mintHs(claimsFor(hsA.clientAppId, { aud: 'not-this-app' })));
    await refused(hsB, await mintHs(claimsFor(hsA.clientAppId)));
  });

  it('expired, and not yet valid', async () => {
    await refused(hsA, await mintHs(claimsFor(hsA.clientAppId, { exp: now() - 3600 })));
    await refused(hsA, await mintHs(claimsFor(hsA.clientAppId, { nbf: now() + 3600 })));
  });

  it('bad signature, changed payload, oversized, garbage, empty', async () => {
    const good = await mintHs(claimsFor(hsA.clientAppId));
    await refused(hsA, flipSignature(good));
    await refused(hsA, withPayload(good, { sub: 'someone-else' }));
    await refused(hsA, await mintHs(claimsFor(hsA.clientAppId, { pad: 'x'.repeat(750_001) })));
    for (const garbage of ['garbage', 'a.b.c', '..', 'e30.e30.', '']) await refused(hsA, garbage);
  });
});

describe("our user tokens refuse forged and misused tokens (401, App Services' shape)", () => {
  let userA: LoginTokens;
  beforeAll(async () => {
    userA = await anonLogin(srv, hsA.clientAppId);
  });

  const profile = (token: string) =>
    srv.api.get(`${CLIENT_AUTH}/profile`).set('Authorization', `Bearer ${token}`);
  const refresh = (token: string) =>
    srv.api.post(`${CLIENT_AUTH}/session`).set('Authorization', `Bearer ${token}`);

  async function refusedEverywhere(token: string) {
    for (const res of [await profile(token), await refresh(token)]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: expect.any(String), error_code: expect.any(String) });
    }
  }

  it('genuine tokens work (the baseline for the rest)', async () => {
    await profile(userA.access_token).expect(200);
    await refresh(userA.refresh_token).expect(201);
  });

  it('alg none, with the real kid', async () => {
    for (const t of [userA.access_token, userA.refresh_token]) {
      await refusedEverywhere(unsignedToken(decodePart(t, 1), decodePart(t, 0).kid as string));
    }
  });

  it('HS/RS confusion: HS256 signed with the published public key', async () => {
    const { pem, jwk: published } = await publishedPem(srv, hsA.clientAppId);
    for (const t of [userA.access_token, userA.refresh_token]) {
      for (const key of [pem, pem.trim(), JSON.stringify(published)])
        await refusedEverywhere(hmacToken(decodePart(t, 1), key, published.kid));
    }
  });

  it('a custom-token JWT (signed with the provider secret) is not a session token', async () => {
    const claims = { ...decodePart(userA.access_token, 1), typ: 'access' };
    await refusedEverywhere(await mintHs(claims));
    await refusedEverywhere(await mintHs(claimsFor(hsA.clientAppId)));
  });

  it("wrong audience, and app A's key and tokens cannot act in app B", async () => {
    const claims = decodePart(userA.access_token, 1);
    const res = await profile(withPayload(userA.access_token, { aud: hsB.clientAppId })).expect(
      401,
    );
    expect(res.body.error_code).toBe('InvalidSession');
    const forB = { ...claims, aud: hsB.clientAppId, baas_domain_id: hsB.appId };
    await refusedEverywhere(await signWithAppKey(srv, hsA.appId, forB));
    await refusedEverywhere(await signWithAppKey(srv, hsA.appId, { ...claims, aud: 'other' }));
    // A's genuine access token used to link an identity in app B: refused, nothing created in B.
    const before = await loginDocuments(srv, hsB.appId);
    const link = await srv.api
      .post(`${clientApp(hsB.clientAppId)}/auth/providers/anon-user/login?link=true`)
      .set('Authorization', `Bearer ${userA.access_token}`)
      .send({})
      .expect(401);
    expect(link.body).toEqual(UNAUTHORIZED);
    expect(await loginDocuments(srv, hsB.appId)).toEqual(before);
  });

  it('wrong iss (another session id), and not yet valid', async () => {
    const claims = decodePart(userA.access_token, 1);
    await profile(await signWithAppKey(srv, hsA.appId, { ...claims, iss: '0'.repeat(24) })).expect(
      401,
    );
    const nbf = Math.floor(srv.clock.now().getTime() / 1000) + 3600;
    await profile(await signWithAppKey(srv, hsA.appId, { ...claims, nbf })).expect(401);
  });

  it('bad signature, changed payload, garbage, empty', async () => {
    for (const t of [userA.access_token, userA.refresh_token]) {
      await refusedEverywhere(flipSignature(t));
      await refusedEverywhere(withPayload(t, { sub: '0'.repeat(24) }));
    }
    for (const garbage of ['garbage', 'a.b.c', 'e30.e30.', '..', ' '])
      await refusedEverywhere(garbage);
    const empty = await srv.api
      .get(`${CLIENT_AUTH}/profile`)
      .set('Authorization', 'Bearer ')
      .expect(401);
    expect(empty.body.error_code).toBe('MissingAuthReq');
  });

  it('oversized: refused by the token service before any parsing', async () => {
    // Node refuses headers over 16 KB itself (431); a larger limit shows the service's own cap.
    const server = http.createServer({ maxHeaderSize: 128 * 1024 }, srv.app);
    const big = `${userA.access_token.split('.')[0]}.${'A'.repeat(40_000)}.sig`;
    const res = await supertest(server)
      .get(`${CLIENT_AUTH}/profile`)
      .set('Authorization', `Bearer ${big}`)
      .expect(401)
      .expect('Content-Type', 'application/json');
    expect(res.body).toEqual({
      error: 'invalid session: token too large',
      error_code: 'InvalidSession',
    });
  });

  it('refresh token as access token, and access token as refresh token', async () => {
    const asAccess = await profile(userA.refresh_token).expect(401);
    expect(asAccess.body).toEqual({
      error: 'invalid session: incorrect token type',
      error_code: 'InvalidSession',
    });
    const asRefresh = await refresh(userA.access_token).expect(401);
    expect(asRefresh.body.error).toBe('invalid refresh token: incorrect token type');
  });

  it('expired access and refresh tokens (the server clock moves; no sleeping)', async () => {
    const user = await loginOk(
      srv,
      hsA.clientAppId,
      await mintHs(claimsFor(hsA.clientAppId, { sub: 'exp' })),
    );
    srv.clock.advance(31 * 60);
    const expired = await profile(user.access_token).expect(401);
    expect(expired.body).toEqual({
      error: 'invalid session: token expired',
      error_code: 'InvalidSession',
    });
    await refresh(user.refresh_token).expect(201);
    srv.clock.advance(61 * 24 * 60 * 60);
    const dead = await refresh(user.refresh_token).expect(401);
    expect(dead.body.error_code).toBe('InvalidSession');
  });
});
