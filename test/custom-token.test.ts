import { CLIENT_AUTH } from './helpers/client';
import {
  claimsFor,
  customTokenApp,
  customTokenLogin,
  HS_SECRET,
  HS_SECRET_2,
  hsApp,
  jwksServer,
  loginOk,
  mintHs,
  mintRs,
  rsaKeys,
} from './helpers/custom-token';
import { adminLogin, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const UNAUTHORIZED = { error: 'unauthorized', error_code: 'AuthError' };

async function profile(accessToken: string) {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${accessToken}`)
    .expect(200);
  return res.body as {
    user_id: string;
    data: Record<string, unknown>;
    identities: { id: string; provider_type: string; provider_data: Record<string, unknown> }[];
  };
}

async function refused(clientAppId: string, token: unknown, body = UNAUTHORIZED) {
  const res = await customTokenLogin(srv, clientAppId, { token }).expect(401);
  expect(res.body).toEqual(body);
}

describe('signing keys', () => {
  it('HS256: logs in with any of the signing keys; the same sub is the same user', async () => {
    const app = await customTokenApp(
      srv,
      admin,
      { config: { signingAlgorithm: 'HS256' }, secret_config: { signingKeys: ['k1', 'k2'] } },
      { k1: HS_SECRET, k2: HS_SECRET_2 },
    );
    const first = await loginOk(srv, app.clientAppId, await mintHs(claimsFor(app.clientAppId)));
    const second = await loginOk(
      srv,
      app.clientAppId,
      await mintHs(claimsFor(app.clientAppId), HS_SECRET_2),
    );
    expect(second.user_id).toBe(first.user_id);
    const other = await loginOk(
      srv,
      app.clientAppId,
      await mintHs(claimsFor(app.clientAppId, { sub: 'user-2' })),
    );
    expect(other.user_id).not.toBe(first.user_id);
    const p = await profile(first.access_token);
    expect(p.identities).toEqual([
      expect.objectContaining({ id: 'user-1', provider_type: 'custom-token', provider_data: {} }),
    ]);
    expect(p.data).toEqual({});
    await refused(app.clientAppId, await mintHs(claimsFor(app.clientAppId), 'x'.repeat(40)));
  });

  it('RS256: verifies with PEM public keys held in secrets', async () => {
    const [k1, k2, stranger] = await Promise.all([rsaKeys(), rsaKeys(), rsaKeys()]);
    const app = await customTokenApp(
      srv,
      admin,
      { config: { signingAlgorithm: 'RS256' }, secret_config: { signingKeys: ['pem1', 'pem2'] } },
      { pem1: k1.pem, pem2: k2.pem },
    );
    const a = await loginOk(
      srv,
      app.clientAppId,
      await mintRs(claimsFor(app.clientAppId), k1.privateKey),
    );
    const b = await loginOk(
      srv,
      app.clientAppId,
      await mintRs(claimsFor(app.clientAppId), k2.privateKey),
    );
    expect(b.user_id).toBe(a.user_id);
    await refused(app.clientAppId, await mintRs(claimsFor(app.clientAppId), stranger.privateKey));
  });

  it('JWK URI: verifies with the published key named by kid, fetched once and cached', async () => {
    const [k1, k2] = await Promise.all([rsaKeys('key-one'), rsaKeys('key-two')]);
    const jwks = await jwksServer([k1.jwk, k2.jwk]);
    try {
      const app = await customTokenApp(srv, admin, {
        config: { useJWKURI: true, jwkURI: jwks.url, signingAlgorithm: 'RS256' },
      });
      const claims = claimsFor(app.clientAppId);
      const a = await loginOk(srv, app.clientAppId, await mintRs(claims, k1.privateKey, 'key-one'));
      const b = await loginOk(srv, app.clientAppId, await mintRs(claims, k2.privateKey, 'key-two'));
      expect(b.user_id).toBe(a.user_id);
      expect(jwks.requests()).toBe(1);
      await refused(app.clientAppId, await mintRs(claims, k1.privateKey));
      await refused(app.clientAppId, await mintRs(claims, k1.privateKey, 'key-two'));
      await refused(app.clientAppId, await mintRs(claims, (await rsaKeys()).privateKey, 'nope'));
    } finally {
      await jwks.close();
    }
  });

  it('a JWK URI that does not answer refuses the login with 401', async () => {
    const k = await rsaKeys();
    const app = await customTokenApp(srv, admin, {
      config: { useJWKURI: true, jwkURI: 'http://127.0.0.1:9/jwks.json' },
    });
    await refused(app.clientAppId, await mintRs(claimsFor(app.clientAppId), k.privateKey, 'k1'));
  });
});

describe('claims', () => {
  it('requires exp (in the future), a non-empty sub, and checks nbf and iat', async () => {
    const app = await hsApp(srv, admin);
    const now = Math.floor(Date.now() / 1000);
    const id = app.clientAppId;
    await refused(id, await mintHs(claimsFor(id, { exp: undefined })));
    await refused(id, await mintHs(claimsFor(id, { exp: now - 1 })));
    await refused(id, await mintHs(claimsFor(id, { exp: String(now + 60) })));
    await refused(id, await mintHs(claimsFor(id, { sub: undefined })));
    await refused(id, await mintHs(claimsFor(id, { sub: '' })));
    await refused(id, await mintHs(claimsFor(id, { sub: 42 })));
    await refused(id, await mintHs(claimsFor(id, { nbf: now + 600 })));
    await refused(id, await mintHs(claimsFor(id, { iat: now + 600 })));
    // Within the 60 s clock skew, and without iat (SDK test tokens have none): accepted.
    await loginOk(srv, id, await mintHs(claimsFor(id, { nbf: now + 30, iat: now + 30 })));
    await loginOk(srv, id, await mintHs(claimsFor(id, { iat: undefined })));
  });

  it('refuses bodies without a usable token, and tokens over 1,000,000 characters', async () => {
    const app = await hsApp(srv, admin);
    for (const body of [{}, { token: '' }, { token: 42 }, { token: 'not.a.jwt' }]) {
      const res = await customTokenLogin(srv, app.clientAppId, body).expect(401);
      expect(res.body).toEqual(UNAUTHORIZED);
    }
    const big = await mintHs(claimsFor(app.clientAppId, { pad: 'x'.repeat(760_000) }));
    expect(big.length).toBeGreaterThan(1_000_000);
    await refused(app.clientAppId, big);
  });

  it('accepts the realm-core body shape (provider and options are ignored)', async () => {
    const app = await hsApp(srv, admin);
    await customTokenLogin(srv, app.clientAppId, {
      provider: 'custom-token',
      token: await mintHs(claimsFor(app.clientAppId)),
      options: { device: { platform: 'Linux', sdk: 'Realm Swift' } },
    }).expect(200);
  });

  it('a disabled provider refuses logins', async () => {
    const app = await hsApp(srv, admin, { disabled: true });
    const res = await customTokenLogin(srv, app.clientAppId, {
      token: await mintHs(claimsFor(app.clientAppId)),
    }).expect(401);
    expect(res.body.error_code).toBe('AuthError');
  });
});

describe('audience', () => {
  it('with no audience configured, aud must contain the client app id', async () => {
    const app = await hsApp(srv, admin, { config: { audience: [] } });
    const id = app.clientAppId;
    await loginOk(srv, id, await mintHs(claimsFor(id, { aud: ['other', id] })));
    await refused(id, await mintHs(claimsFor(id, { aud: undefined })));
    await refused(id, await mintHs(claimsFor(id, { aud: 'someone-else' })));
    await refused(id, await mintHs(claimsFor(id, { aud: [] })));
  });

  it('with a list, every audience is required', async () => {
    const app = await hsApp(srv, admin, { config: { audience: ['a', 'b'] } });
    const id = app.clientAppId;
    await loginOk(srv, id, await mintHs(claimsFor(id, { aud: ['b', 'x', 'a'] })));
    await refused(id, await mintHs(claimsFor(id, { aud: ['a'] })));
    await refused(id, await mintHs(claimsFor(id, { aud: id })));
  });

  it('with requireAnyAudience, one of them is enough', async () => {
    const app = await hsApp(srv, admin, {
      config: { audience: ['a', 'b'], requireAnyAudience: true },
    });
    const id = app.clientAppId;
    await loginOk(srv, id, await mintHs(claimsFor(id, { aud: 'b' })));
    await loginOk(srv, id, await mintHs(claimsFor(id, { aud: ['x', 'a'] })));
    await refused(id, await mintHs(claimsFor(id, { aud: ['x', id] })));
  });

  it('a single string audience works like a list of one', async () => {
    const app = await hsApp(srv, admin, { config: { audience: 'my-api' } });
    const id = app.clientAppId;
    await loginOk(srv, id, await mintHs(claimsFor(id, { aud: 'my-api' })));
    await refused(id, await mintHs(claimsFor(id)));
  });
});
