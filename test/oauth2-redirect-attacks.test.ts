import { adminLogin, type AdminSession } from './helpers/factories';
import { oauth2App, type OAuth2App } from './helpers/oauth2';
import {
  APP_PAGE,
  callback,
  landing,
  loginPath,
  PUBLIC_BASE,
  SERVER_CALLBACK,
  startLogin,
} from './helpers/oauth2-redirect';
import { startOidcProvider, type TestClient, type TestOidcProvider } from './helpers/oidc-provider';
import { startTestServer, type TestServer } from './helpers/test-server';

// The browser redirect flow (see oauth2-redirect-flow.test.ts) refusing what it must: a page not
// in redirect_uris (no open redirect), a disabled provider, a replayed, unknown or expired state,
// the provider's own refusal, a forged code, and one callback used five times at once.

const GOOGLE: TestClient = {
  client_id: 'google-web-attacks',
  client_secret: 'google-secret',
  redirect_uris: [SERVER_CALLBACK],
};

let google: TestOidcProvider;
let srv: TestServer;
let admin: AdminSession;
let app: OAuth2App;

beforeAll(async () => {
  google = await startOidcProvider([GOOGLE]);
  google.accounts.set('ann', { name: 'Ann Lee', email: 'ann@example.com' });
  srv = await startTestServer({
    PUBLIC_BASE_URL: PUBLIC_BASE,
    OAUTH2_GOOGLE_ISSUER: google.issuer,
  });
  admin = await adminLogin(srv, 'org');
  app = await oauth2App(srv, admin, 'oauth2-google', {
    config: { clientId: GOOGLE.client_id, openId: true },
    clientSecret: GOOGLE.client_secret,
    redirect_uris: [APP_PAGE],
  });
});
afterAll(async () => {
  await srv.close();
  await google.close();
});

describe('oauth2-google', () => {
  it('a redirect not in redirect_uris is a 400 and no redirect', async () => {
    for (const redirect of ['https://evil.example.com/', `${APP_PAGE}/x`, `${APP_PAGE}?a=1`]) {
      const res = await srv.api
        .get(loginPath(app, 'oauth2-google', { redirect, state: 'abcdefghijkl' }))
        .expect(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.body).toMatchObject({ error_code: 'InvalidRedirectURI' });
    }
  });

  it('the state is single-use: a replayed callback is a 400 and no redirect', async () => {
    const answer = await google.authorize(
      await startLogin(srv, app, 'oauth2-google', 'replayreplay'),
      'ann',
      SERVER_CALLBACK,
    );
    await callback(srv, answer).expect(302);
    const again = await callback(srv, answer).expect(400);
    expect(again.headers.location).toBeUndefined();
    expect(again.body).toMatchObject({ error_code: 'BadRequest' });
  });

  it('an unknown state is a 400 and no redirect', async () => {
    const res = await callback(
      srv,
      new URLSearchParams({ state: 'not-a-state', code: 'x' }),
    ).expect(400);
    expect(res.headers.location).toBeUndefined();
  });

  it("the provider's error=access_denied comes back as _baas_error", async () => {
    const providerUrl = await startLogin(srv, app, 'oauth2-google', 'deniedstatex');
    const res = await callback(
      srv,
      new URLSearchParams({
        error: 'access_denied',
        state: providerUrl.searchParams.get('state') ?? '',
      }),
    ).expect(302);
    const { page, result } = landing(res.headers.location);
    expect(page).toBe(APP_PAGE);
    expect(result).toEqual({ error: 'access_denied', state: 'deniedstatex' });
  });

  it('a refused code comes back as _baas_error', async () => {
    const providerUrl = await startLogin(srv, app, 'oauth2-google', 'badcodestate');
    const res = await callback(
      srv,
      new URLSearchParams({ code: 'forged', state: providerUrl.searchParams.get('state') ?? '' }),
    ).expect(302);
    expect(landing(res.headers.location).result).toEqual({
      error: 'unauthorized',
      state: 'badcodestate',
    });
  });

  it('the same callback fired 5 times at once: exactly one login', async () => {
    const answer = await google.authorize(
      await startLogin(srv, app, 'oauth2-google', 'racingstate1'),
      'ann',
      SERVER_CALLBACK,
    );
    const all = await Promise.all(Array.from({ length: 5 }, () => callback(srv, answer)));
    const logins = all.filter(
      (r) => r.status === 302 && landing(r.headers.location).result.userAuth !== undefined,
    );
    expect(logins).toHaveLength(1);
    expect(all.filter((r) => r.status === 400)).toHaveLength(4);
  });

  it('an expired state (after 10 minutes) comes back as _baas_error', async () => {
    const answer = await google.authorize(
      await startLogin(srv, app, 'oauth2-google', 'expiredstate'),
      'ann',
      SERVER_CALLBACK,
    );
    srv.clock.advance(10 * 60 + 1);
    try {
      const res = await callback(srv, answer).expect(302);
      expect(landing(res.headers.location).result).toEqual({
        error: 'state has expired',
        state: 'expiredstate',
      });
    } finally {
      srv.clock.advance(-(10 * 60 + 1));
    }
    // And it was used up.
    await callback(srv, answer).expect(400);
  });

  it('a provider that is disabled, or not of an OAuth 2.0 type, starts nothing', async () => {
    const disabled = await oauth2App(srv, admin, 'oauth2-google', {
      config: { clientId: GOOGLE.client_id, openId: true },
      clientSecret: GOOGLE.client_secret,
      redirect_uris: [APP_PAGE],
    });
    const providers = await srv.api
      .get(`${disabled.base}/auth_providers`)
      .set('Authorization', admin.auth)
      .expect(200);
    const id = (providers.body as { _id: string; type: string }[]).find(
      (p) => p.type === 'oauth2-google',
    )?._id;
    await srv.api
      .put(`${disabled.base}/auth_providers/${id}/disable`)
      .set('Authorization', admin.auth)
      .expect(204);
    const res = await srv.api
      .get(loginPath(disabled, 'oauth2-google', { redirect: APP_PAGE, state: 'abcdefghijkl' }))
      .expect(401);
    expect(res.headers.location).toBeUndefined();
    await srv.api
      .get(loginPath(app, 'oauth2-facebook', { redirect: APP_PAGE, state: 'abcdefghijkl' }))
      .expect(404);
  });

  it('a form POST callback without a state is a 400', async () => {
    const res = await srv.api
      .post('/api/client/v2.0/auth/callback')
      .type('form')
      .send('code=x')
      .expect(400);
    expect(res.headers.location).toBeUndefined();
  });
});
