import supertest from 'supertest';
import { clientApp, type LoginTokens } from './helpers/client';
import { adminLogin, type AdminSession } from './helpers/factories';
import { startGraphApi, type FacebookAppReg, type GraphApi } from './helpers/graph-api';
import { oauth2App, profileOf, type OAuth2App } from './helpers/oauth2';
import {
  APP_PAGE,
  callback,
  decodeAuthInfo,
  DEVICE_ID,
  landing,
  loginPath,
  PUBLIC_BASE,
  SERVER_CALLBACK,
  startLogin,
} from './helpers/oauth2-redirect';
import { startOidcProvider, type TestClient, type TestOidcProvider } from './helpers/oidc-provider';
import { startTestServer, type TestServer } from './helpers/test-server';

// The browser redirect flow realm-web uses (`Credentials.google({redirectUrl})`), over HTTP as a
// browser follows it: GET …/login?redirect=…&state=… → 302 to the provider (a real OpenID
// provider standing in for Google and Apple, a Graph-like server for Facebook) → sign in there →
// the provider's redirect to /api/client/v2.0/auth/callback → 302 to the app's page with the
// result in the fragment, parsed as realm-web parses it.

const GOOGLE: TestClient = {
  client_id: 'google-web',
  client_secret: 'google-secret',
  redirect_uris: [SERVER_CALLBACK],
};
const APPLE: TestClient = {
  client_id: 'com.example.web',
  client_secret: 'apple-secret',
  redirect_uris: [SERVER_CALLBACK],
};
const FB_APP: FacebookAppReg = { id: '2020202', secret: 'fb-secret' };
let google: TestOidcProvider;
let apple: TestOidcProvider;
let graph: GraphApi;
let srv: TestServer;
let admin: AdminSession;

beforeAll(async () => {
  google = await startOidcProvider([GOOGLE]);
  apple = await startOidcProvider([APPLE]);
  graph = await startGraphApi([FB_APP]);
  google.accounts.set('ann', { name: 'Ann Lee', email: 'ann@example.com' });
  apple.accounts.set('001.apple', { email: 'a1@privaterelay.example.com' });
  graph.users.set('fb-bob', { id: 'fb-bob', name: 'Bob Ray' });
  srv = await startTestServer({
    PUBLIC_BASE_URL: PUBLIC_BASE,
    OAUTH2_GOOGLE_ISSUER: google.issuer,
    OAUTH2_APPLE_ISSUER: apple.issuer,
    OAUTH2_FACEBOOK_GRAPH_URL: graph.base,
    OAUTH2_FACEBOOK_DIALOG_URL: 'https://dialog.example.com/v1/dialog/oauth',
  });
  admin = await adminLogin(srv, 'org');
});
afterAll(async () => {
  await srv.close();
  await google.close();
  await apple.close();
  await graph.close();
});

const googleApp = (also: string[] = []) =>
  oauth2App(
    srv,
    admin,
    'oauth2-google',
    {
      config: { clientId: GOOGLE.client_id, openId: true },
      clientSecret: GOOGLE.client_secret,
      metadata_fields: [{ name: 'name' }, { name: 'email' }],
      redirect_uris: [APP_PAGE],
    },
    also,
  );

describe('oauth2-google', () => {
  let app: OAuth2App;
  beforeAll(async () => {
    app = await googleApp(['anon-user']);
  });

  it('a full login: 302 to the provider, sign in, callback, 302 to the app page with the session', async () => {
    const providerUrl = await startLogin(srv, app, 'oauth2-google', 'abcdefghijkl');
    expect(providerUrl.origin + providerUrl.pathname).toBe(`${google.issuer}/auth`);
    expect(providerUrl.searchParams.get('redirect_uri')).toBe(SERVER_CALLBACK);
    expect(providerUrl.searchParams.get('code_challenge_method')).toBe('S256');
    // The provider gets the server's own random state, not the client's.
    expect(providerUrl.searchParams.get('state')).not.toBe('abcdefghijkl');
    const answer = await google.authorize(providerUrl, 'ann', SERVER_CALLBACK);
    const res = await callback(srv, answer).expect(302);
    const { page, result } = landing(res.headers.location);
    expect(page).toBe(APP_PAGE);
    expect(result).toMatchObject({ appId: app.clientAppId, state: 'abcdefghijkl' });
    expect(result.error).toBeUndefined();
    expect(result.link).toBeUndefined();
    const auth = decodeAuthInfo(result.userAuth);
    expect(auth.deviceId).toBe(DEVICE_ID);
    const profile = await profileOf(srv, auth.accessToken);
    expect(profile.user_id).toBe(auth.userId);
    expect(profile.identities).toMatchObject([{ id: 'ann', provider_type: 'oauth2-google' }]);
    expect(profile.data).toEqual({ name: 'Ann Lee', email: 'ann@example.com' });
    // The refresh token is a working one.
    await srv.api
      .post('/api/client/v2.0/auth/session')
      .set('Authorization', `Bearer ${auth.refreshToken}`)
      .expect(201);
  });

  it('link=true with providerRedirectHeader: X-BAAS-Location (CORS with credentials), then the anonymous user is linked', async () => {
    const anon = await srv.api
      .post(`${clientApp(app.clientAppId)}/auth/providers/anon-user/login`)
      .send({})
      .expect(200);
    const anonTokens = anon.body as LoginTokens;
    google.accounts.set('cy', { name: 'Cy Fox', email: 'cy@example.com' });
    const path = loginPath(app, 'oauth2-google', {
      link: 'true',
      state: 'linkstateabc',
      redirect: APP_PAGE,
      providerRedirectHeader: 'true',
    });
    // Without the user's token there is nothing to link to.
    await srv.api.get(path).expect(401);
    const res = await srv.api
      .get(path)
      .set('Origin', 'https://app.example.com')
      .set('Authorization', `Bearer ${anonTokens.access_token}`)
      .expect(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(String(res.headers['access-control-expose-headers'])).toMatch(/X-BAAS-Location/i);
    const providerUrl = new URL(String(res.headers['x-baas-location']));
    expect(providerUrl.origin).toBe(google.issuer);
    const cb = await callback(
      srv,
      await google.authorize(providerUrl, 'cy', SERVER_CALLBACK),
    ).expect(302);
    const { result } = landing(cb.headers.location);
    expect(result).toMatchObject({ link: 'ok', state: 'linkstateabc', appId: app.clientAppId });
    const auth = decodeAuthInfo(result.userAuth);
    expect(auth.userId).toBe(anonTokens.user_id);
    expect(auth.deviceId).toBe(anonTokens.device_id);
    const profile = await profileOf(srv, auth.accessToken);
    expect(profile.identities.map((i) => i.provider_type)).toEqual(['anon-user', 'oauth2-google']);
  });

  it('the link request: its preflight allows credentials, and a refusal is readable by the page', async () => {
    const path = loginPath(app, 'oauth2-google', { link: 'true', state: 's', redirect: APP_PAGE });
    const pre = await supertest(srv.app)
      .options(path)
      .set('Origin', 'https://app.example.com')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization')
      .expect(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(pre.headers['access-control-allow-credentials']).toBe('true');
    expect(String(pre.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    const res = await srv.api
      .get(path)
      .set('Origin', 'https://app.example.com')
      .set('Authorization', 'Bearer nope')
      .expect(401);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });
});

it('oauth2-facebook: the login dialog, then the callback with its code', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-facebook', {
    config: { clientId: FB_APP.id },
    clientSecret: FB_APP.secret,
    metadata_fields: [{ name: 'name' }],
    redirect_uris: [APP_PAGE],
  });
  const dialog = await startLogin(srv, app, 'oauth2-facebook', 'fbstateabcde');
  expect(dialog.origin + dialog.pathname).toBe('https://dialog.example.com/v1/dialog/oauth');
  expect(dialog.searchParams.get('redirect_uri')).toBe(SERVER_CALLBACK);
  // The dialog signs Bob in and sends the browser back with a code for that challenge.
  const code = graph.code(
    FB_APP,
    'fb-bob',
    SERVER_CALLBACK,
    dialog.searchParams.get('code_challenge') ?? '',
  );
  const res = await callback(
    srv,
    new URLSearchParams({ code, state: dialog.searchParams.get('state') ?? '' }),
  ).expect(302);
  const { result } = landing(res.headers.location);
  expect(result.state).toBe('fbstateabcde');
  const profile = await profileOf(srv, decodeAuthInfo(result.userAuth).accessToken);
  expect(profile.identities).toMatchObject([{ id: 'fb-bob', provider_type: 'oauth2-facebook' }]);
  expect(profile.data).toEqual({ name: 'Bob Ray' });
});

it('oauth2-apple: the answer comes back as a form POST (response_mode=form_post)', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-apple', {
    config: { clientId: APPLE.client_id },
    clientSecret: APPLE.client_secret,
    metadata_fields: [{ name: 'email' }],
    redirect_uris: [APP_PAGE],
  });
  const providerUrl = await startLogin(srv, app, 'oauth2-apple', 'applestateab');
  expect(providerUrl.searchParams.get('response_mode')).toBe('form_post');
  const form = await apple.authorize(providerUrl, '001.apple', SERVER_CALLBACK);
  const res = await srv.api
    .post('/api/client/v2.0/auth/callback')
    .type('form')
    .send(form.toString())
    .expect(302);
  const { result } = landing(res.headers.location);
  expect(result.state).toBe('applestateab');
  const profile = await profileOf(srv, decodeAuthInfo(result.userAuth).accessToken);
  expect(profile.identities).toMatchObject([{ id: '001.apple', provider_type: 'oauth2-apple' }]);
});
