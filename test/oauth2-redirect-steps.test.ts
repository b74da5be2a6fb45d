import { adminLogin, type AdminSession } from './helpers/factories';
import { startGraphApi, type FacebookAppReg, type GraphApi } from './helpers/graph-api';
import { oauth2App, profileOf, type OAuth2App } from './helpers/oauth2';
import {
  pkceChallenge,
  startOidcProvider,
  type TestClient,
  type TestOidcProvider,
} from './helpers/oidc-provider';
import { startTestServer, type TestServer } from './helpers/test-server';

// The two steps the browser redirect flow (GET …/login?redirect=…, then /auth/callback) takes
// from each OAuth 2.0 provider type: LoginService.authorizationUrl (the provider's authorization
// URL with state, PKCE S256 and, for OpenID providers, a nonce) and a login with the code the
// provider sends back (LoginRequest.oauth2Code → redirectFlow.exchangeCode). The browser is
// played against real local providers; the flow's own state handling is not here yet.

/** This server's callback, as registered at the providers. */
const SERVER_CALLBACK = 'https://apps.example.com/api/client/v2.0/auth/callback';
const GOOGLE_FLOW: TestClient = {
  client_id: 'google-flow',
  client_secret: 'flow-secret',
  redirect_uris: [SERVER_CALLBACK],
};
const APPLE_FLOW: TestClient = {
  client_id: 'com.example.app.web',
  client_secret: 'apple-client-secret-jwt',
  redirect_uris: [SERVER_CALLBACK],
};
const FB_APP: FacebookAppReg = { id: '1010101', secret: 'fb-app-secret' };

const ANN = {
  name: 'Ann Lee',
  given_name: 'Ann',
  family_name: 'Lee',
  picture: 'https://pics.example.com/ann.png',
  email: 'ann@example.com',
};
const ANN_DATA = {
  name: 'Ann Lee',
  first_name: 'Ann',
  last_name: 'Lee',
  picture: 'https://pics.example.com/ann.png',
  picture_url: 'https://pics.example.com/ann.png',
  email: 'ann@example.com',
};

let google: TestOidcProvider;
let apple: TestOidcProvider;
let graph: GraphApi;
let srv: TestServer;
let admin: AdminSession;

beforeAll(async () => {
  google = await startOidcProvider([GOOGLE_FLOW]);
  apple = await startOidcProvider([APPLE_FLOW]);
  graph = await startGraphApi([FB_APP]);
  google.accounts.set('ann', ANN);
  apple.accounts.set('001234.abcd', { email: 'x7@privaterelay.example.com' });
  graph.users.set('fb-ann', { id: 'fb-ann', name: 'Ann Lee' });
  srv = await startTestServer({
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

describe('oauth2-google', () => {
  let app: OAuth2App;
  beforeAll(async () => {
    app = await oauth2App(srv, admin, 'oauth2-google', {
      config: { clientId: GOOGLE_FLOW.client_id, openId: true },
      clientSecret: GOOGLE_FLOW.client_secret,
      metadata_fields: ['name', 'first_name', 'last_name', 'picture', 'email'].map((name) => ({
        name,
      })),
    });
  });

  /** The browser's round trip: the authorization URL, signing in, the callback's parameters. */
  async function signIn(state: string, verifier: string, nonce: string) {
    const url = await srv.deps.login.authorizationUrl(app.clientAppId, 'oauth2-google', {
      redirectUri: SERVER_CALLBACK,
      state,
      codeChallenge: pkceChallenge(verifier),
      nonce,
    });
    return { url, answer: await google.authorize(url, 'ann', SERVER_CALLBACK) };
  }

  const codeLogin = (code: string, codeVerifier: string, nonce: string) =>
    srv.deps.login.login({
      clientAppId: app.clientAppId,
      providerName: 'oauth2-google',
      payload: {},
      oauth2Code: { code, redirectUri: SERVER_CALLBACK, codeVerifier, nonce },
    });

  it('authorization code with PKCE and a nonce, then a login with the code', async () => {
    const verifier = 'v'.repeat(43);
    const { url, answer } = await signIn('state-1', verifier, 'nonce-1');
    expect(url.origin + url.pathname).toBe(`${google.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: GOOGLE_FLOW.client_id,
      redirect_uri: SERVER_CALLBACK,
      scope: 'openid email profile',
      state: 'state-1',
      code_challenge: pkceChallenge(verifier),
      code_challenge_method: 'S256',
      nonce: 'nonce-1',
    });
    expect(answer.get('state')).toBe('state-1');
    const { session } = await codeLogin(answer.get('code') ?? '', verifier, 'nonce-1');
    const p = await profileOf(srv, session.access_token);
    expect(p.identities).toMatchObject([{ id: 'ann', provider_type: 'oauth2-google' }]);
    expect(p.data).toEqual(ANN_DATA);
  });

  it('refuses a wrong PKCE verifier, a wrong nonce and a replayed code (401)', async () => {
    const verifier = 'w'.repeat(43);
    const first = await signIn('state-2', verifier, 'nonce-2');
    await expect(
      codeLogin(first.answer.get('code') ?? '', 'x'.repeat(43), 'nonce-2'),
    ).rejects.toMatchObject({ message: 'unauthorized', code: 'AuthError' });
    const second = await signIn('state-3', verifier, 'nonce-3');
    await expect(
      codeLogin(second.answer.get('code') ?? '', verifier, 'nonce-x'),
    ).rejects.toMatchObject({ message: 'unauthorized', code: 'AuthError' });
    const third = await signIn('state-4', verifier, 'nonce-4');
    const code = third.answer.get('code') ?? '';
    await codeLogin(code, verifier, 'nonce-4');
    await expect(codeLogin(code, verifier, 'nonce-4')).rejects.toMatchObject({
      message: 'unauthorized',
    });
  });
});

it('oauth2-apple: a form_post authorization, then a login with its code', async () => {
  const flowApp = await oauth2App(srv, admin, 'oauth2-apple', {
    config: { clientId: APPLE_FLOW.client_id },
    clientSecret: APPLE_FLOW.client_secret,
    metadata_fields: [{ name: 'email' }],
  });
  const verifier = 'apple-verifier-'.repeat(4);
  const url = await srv.deps.login.authorizationUrl(flowApp.clientAppId, 'oauth2-apple', {
    redirectUri: SERVER_CALLBACK,
    state: 'apple-state',
    codeChallenge: pkceChallenge(verifier),
    nonce: 'apple-nonce',
  });
  expect(url.origin).toBe(apple.issuer);
  expect(url.searchParams.get('scope')).toBe('openid email');
  expect(url.searchParams.get('response_mode')).toBe('form_post');
  const answer = await apple.authorize(url, '001234.abcd', SERVER_CALLBACK);
  expect(answer.get('state')).toBe('apple-state');
  const { session } = await srv.deps.login.login({
    clientAppId: flowApp.clientAppId,
    providerName: 'oauth2-apple',
    payload: {},
    oauth2Code: {
      code: answer.get('code') ?? '',
      redirectUri: SERVER_CALLBACK,
      codeVerifier: verifier,
      nonce: 'apple-nonce',
    },
  });
  const p = await profileOf(srv, session);
  expect(p.identities).toMatchObject([{ id: '001234.abcd', provider_type: 'oauth2-apple' }]);
  expect(p.data).toEqual({ email: 'x7@privaterelay.example.com' });
});

it('oauth2-facebook: the login dialog URL, then a login with its code (PKCE)', async () => {
  const app = await oauth2App(srv, admin, 'oauth2-facebook', {
    config: { clientId: FB_APP.id },
    clientSecret: FB_APP.secret,
    metadata_fields: ['gender', 'birthday', 'min_age', 'email'].map((name) => ({ name })),
  });
  const callback = SERVER_CALLBACK;
  const url = await srv.deps.login.authorizationUrl(app.clientAppId, 'oauth2-facebook', {
    redirectUri: callback,
    state: 'fb-state',
    codeChallenge: 'challenge-of-the-verifier-0123456789abcdefgh',
  });
  expect(url.origin + url.pathname).toBe('https://dialog.example.com/v1/dialog/oauth');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: FB_APP.id,
    redirect_uri: callback,
    state: 'fb-state',
    response_type: 'code',
    scope: 'public_profile,user_gender,user_birthday,user_age_range,email',
    code_challenge: 'challenge-of-the-verifier-0123456789abcdefgh',
    code_challenge_method: 'S256',
  });
  const verifier = 'verifier-'.repeat(5);
  const challenge = pkceChallenge(verifier);
  const codeLogin = (code: string, codeVerifier: string) =>
    srv.deps.login.login({
      clientAppId: app.clientAppId,
      providerName: 'oauth2-facebook',
      payload: {},
      oauth2Code: { code, redirectUri: callback, codeVerifier },
    });
  const { session } = await codeLogin(graph.code(FB_APP, 'fb-ann', callback, challenge), verifier);
  expect((await profileOf(srv, session.access_token)).identities).toMatchObject([
    { id: 'fb-ann', provider_type: 'oauth2-facebook' },
  ]);
  await expect(
    codeLogin(graph.code(FB_APP, 'fb-ann', callback, challenge), 'another-verifier'),
  ).rejects.toMatchObject({ message: 'unauthorized', code: 'AuthError' });
});
