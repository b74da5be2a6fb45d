import { SignJWT, decodeJwt as decodeClaims, decodeProtectedHeader, generateKeyPair } from 'jose';
import * as Realm from 'realm-web';
import type { LoginTokens } from './helpers/client';
import { loginDocuments } from './helpers/custom-token';
import { adminLogin, type AdminSession } from './helpers/factories';
import {
  oauth2App,
  oauth2Login,
  profileOf,
  type OAuth2App,
  type OAuth2ProviderSettings,
} from './helpers/oauth2';
import { startOidcProvider, type TestClient, type TestOidcProvider } from './helpers/oidc-provider';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';
import { AUTO_CONFIRM, addUserpassProvider, loginOk, register } from './helpers/userpass';

// oauth2-google against a real OpenID provider (oidc-provider) standing in for Google, and
// realm-web used as apps use it: Credentials.google({idToken}) and ({authCode}).

const CLIENT: TestClient = { client_id: 'google-client-1', client_secret: 'google-secret-1' };
const OTHER: TestClient = { client_id: 'another-client', client_secret: 'another-secret' };

let google: TestOidcProvider;
let apple: TestOidcProvider;
let srv: TestServer;
let http: ListeningServer;
let baseUrl: string;
let admin: AdminSession;

beforeAll(async () => {
  google = await startOidcProvider([CLIENT, OTHER]);
  apple = await startOidcProvider([CLIENT]);
  srv = await startTestServer({
    OAUTH2_GOOGLE_ISSUER: google.issuer,
    OAUTH2_APPLE_ISSUER: apple.issuer,
  });
  http = await listenOnLoopback(srv);
  baseUrl = http.baseUrl;
  admin = await adminLogin(srv, 'org');
  for (const [id, claims] of Object.entries(ACCOUNTS)) google.accounts.set(id, claims);
  apple.accounts.set('ann', { ...ACCOUNTS.ann });
});
afterAll(async () => {
  await http.close();
  await srv.close();
  await google.close();
  await apple.close();
});

const ACCOUNTS: Record<string, Record<string, unknown>> = {
  ann: {
    name: 'Ann Lee',
    given_name: 'Ann',
    family_name: 'Lee',
    picture: 'https://pics.example.com/ann.png',
    email: 'ann@example.com',
    email_verified: true,
  },
  bob: { name: 'Bob', email: 'bob@corp.example.com', email_verified: true, hd: 'corp.example.com' },
  // Same email as ann, another account: never the same user.
  twin: { name: 'Twin', email: 'ann@example.com', email_verified: true },
};

const ALL_FIELDS = ['name', 'first_name', 'last_name', 'picture', 'email'].map((name) => ({
  name,
  required: false,
}));

const OPENID: OAuth2ProviderSettings = {
  config: { clientId: CLIENT.client_id, openId: true },
  clientSecret: CLIENT.client_secret,
  metadata_fields: ALL_FIELDS,
};

const googleApp = (settings: Partial<OAuth2ProviderSettings> = {}, also: string[] = []) =>
  oauth2App(srv, admin, 'oauth2-google', { ...OPENID, ...settings }, also);

const realmFor = (app: OAuth2App) => new Realm.App({ id: app.clientAppId, baseUrl });

const idTokenOf = async (account: string, client = CLIENT, nonce?: string) =>
  (await google.tokens(client, account, nonce ? { nonce } : {})).id_token;

const ANN_DATA = {
  name: 'Ann Lee',
  first_name: 'Ann',
  last_name: 'Lee',
  picture: 'https://pics.example.com/ann.png',
  picture_url: 'https://pics.example.com/ann.png',
  email: 'ann@example.com',
};

describe('through realm-web', () => {
  it('Credentials.google({idToken}): the user, its identity and the mapped metadata', async () => {
    const app = await googleApp();
    const realm = realmFor(app);
    const user = await realm.logIn(Realm.Credentials.google({ idToken: await idTokenOf('ann') }));
    expect(user.providerType).toBe('oauth2-google');
    expect(user.identities).toEqual([{ id: 'ann', providerType: 'oauth2-google' }]);
    expect(user.profile).toMatchObject({
      name: 'Ann Lee',
      firstName: 'Ann',
      lastName: 'Lee',
      pictureUrl: 'https://pics.example.com/ann.png',
      email: 'ann@example.com',
    });
    // The same Google account is the same user.
    const again = await realm.logIn(Realm.Credentials.google({ idToken: await idTokenOf('ann') }));
    expect(again.id).toBe(user.id);
  });

  it('Credentials.google({authCode}): the code is exchanged with the client secret', async () => {
    const app = await googleApp();
    const realm = realmFor(app);
    const code = await google.code(CLIENT, 'ann');
    const user = await realm.logIn(Realm.Credentials.google({ authCode: code }));
    expect(user.identities).toEqual([{ id: 'ann', providerType: 'oauth2-google' }]);
    expect((await profileOf(srv, user.accessToken ?? '')).data).toEqual(ANN_DATA);
    // A code works once.
    await expect(realm.logIn(Realm.Credentials.google({ authCode: code }))).rejects.toMatchObject({
      statusCode: 401,
      errorCode: 'AuthError',
    });
  });

  it('links an anonymous user to Google: same user, both identities, Google metadata', async () => {
    const app = await googleApp({}, ['anon-user']);
    const realm = realmFor(app);
    const anon = await realm.logIn(Realm.Credentials.anonymous());
    await anon.linkCredentials(Realm.Credentials.google({ idToken: await idTokenOf('ann') }));
    expect(anon.identities.map((i) => i.providerType)).toEqual(['anon-user', 'oauth2-google']);
    expect(anon.profile.name).toBe('Ann Lee');
    const later = await realm.logIn(Realm.Credentials.google({ idToken: await idTokenOf('ann') }));
    expect(later.id).toBe(anon.id);
  });
});

describe('metadata', () => {
  it('without openId, an auth code logs in through userinfo', async () => {
    const app = await googleApp({ config: { clientId: CLIENT.client_id } });
    const res = await oauth2Login(srv, app, 'oauth2-google', {
      authCode: await google.code(CLIENT, 'ann'),
    }).expect(200);
    const p = await profileOf(srv, res.body as LoginTokens);
    expect(p.data).toEqual(ANN_DATA);
    expect(p.identities).toMatchObject([{ id: 'ann', provider_type: 'oauth2-google' }]);
  });

  it('only the configured fields, refreshed at every login (a dropped one is gone)', async () => {
    const app = await googleApp({
      metadata_fields: [{ name: 'name' }, { name: 'email', required: true }],
    });
    google.accounts.set('carl', { name: 'Carl', email: 'carl@example.com', given_name: 'C' });
    const first = await oauth2Login(srv, app, 'oauth2-google', {
      id_token: await idTokenOf('carl'),
    }).expect(200);
    expect((await profileOf(srv, first.body as LoginTokens)).data).toEqual({
      name: 'Carl',
      email: 'carl@example.com',
    });
    google.accounts.set('carl', { email: 'carl@new.example.com' });
    const second = await oauth2Login(srv, app, 'oauth2-google', {
      id_token: await idTokenOf('carl'),
    }).expect(200);
    const p = await profileOf(srv, second.body as LoginTokens);
    expect(p.data).toEqual({ email: 'carl@new.example.com' });
    expect(p.identities[0]?.provider_data).toEqual({ email: 'carl@new.example.com' });
  });

  it('a required field Google does not give fails the login and creates nothing', async () => {
    const app = await googleApp({ metadata_fields: [{ name: 'last_name', required: true }] });
    const res = await oauth2Login(srv, app, 'oauth2-google', {
      id_token: await idTokenOf('bob'),
    }).expect(401);
    expect(res.body).toEqual({
      error: "expected field 'last_name' to be in token metadata",
      error_code: 'AuthError',
    });
    expect(await loginDocuments(srv, app.appId)).toEqual({ users: 0, claims: 0, sessions: 0 });
  });

  it('domain_restrictions: only accounts whose hd claim is listed', async () => {
    const app = await googleApp({ domain_restrictions: ['Corp.Example.com'] });
    await oauth2Login(srv, app, 'oauth2-google', { id_token: await idTokenOf('bob') }).expect(200);
    const res = await oauth2Login(srv, app, 'oauth2-google', {
      id_token: await idTokenOf('ann'),
    }).expect(401);
    expect(res.body).toMatchObject({ error_code: 'AuthError' });
  });
});

describe('refused', () => {
  let app: OAuth2App;
  beforeAll(async () => {
    app = await googleApp();
  });
  const expectRefused = async (body: Record<string, unknown>) => {
    const res = await oauth2Login(srv, app, 'oauth2-google', body).expect(401);
    expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
  };

  it('an ID token for another client (wrong aud)', async () => {
    await expectRefused({ id_token: await idTokenOf('ann', OTHER) });
  });

  it("another provider's token (Apple's ID token at Google)", async () => {
    await expectRefused({ id_token: (await apple.tokens(CLIENT, 'ann')).id_token });
  });

  it('an expired ID token', async () => {
    const token = await idTokenOf('ann');
    await oauth2Login(srv, app, 'oauth2-google', { id_token: token }).expect(200);
    srv.clock.advance(3600 + 120);
    try {
      await expectRefused({ id_token: token });
    } finally {
      srv.clock.advance(-(3600 + 120));
    }
  });

  it('a bad signature: a changed payload, and a token signed with another key', async () => {
    const token = await idTokenOf('ann');
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeClaims(token), sub: 'bob' })).toString(
      'base64url',
    );
    await expectRefused({ id_token: `${header}.${forged}.${signature}` });
    const { privateKey } = await generateKeyPair('RS256');
    const resigned = await new SignJWT({ ...decodeClaims(token) })
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(token).kid ?? 'k' })
      .sign(privateKey);
    await expectRefused({ id_token: resigned });
  });

  it('a nonce that is not the one the body gives; garbage; an unknown code', async () => {
    await expectRefused({ id_token: await idTokenOf('ann', CLIENT, 'n-1'), nonce: 'n-2' });
    await oauth2Login(srv, app, 'oauth2-google', {
      id_token: await idTokenOf('ann', CLIENT, 'n-3'),
      nonce: 'n-3',
    }).expect(200);
    await expectRefused({ id_token: 'not.a.jwt' });
    await expectRefused({ authCode: 'no-such-code' });
    await expectRefused({});
  });

  it('an ID token when the provider is not in OpenID Connect mode', async () => {
    const plain = await googleApp({ config: { clientId: CLIENT.client_id } });
    const res = await oauth2Login(srv, plain, 'oauth2-google', {
      id_token: await idTokenOf('ann'),
    }).expect(401);
    expect(res.body).toMatchObject({
      error_code: 'AuthError',
      error: expect.stringMatching(/openId/),
    });
  });
});

describe('users and identities', () => {
  it('never merged by email: one verified address in two Google accounts and an email/password account is three users', async () => {
    const app = await googleApp();
    await addUserpassProvider(srv, admin, app.appId, AUTO_CONFIRM);
    await register(srv, app.clientAppId, 'ann@example.com', 'secret1').expect(201);
    const byPassword = await loginOk(srv, app.clientAppId, 'ann@example.com', 'secret1');
    const a = await oauth2Login(srv, app, 'oauth2-google', { id_token: await idTokenOf('ann') });
    const b = await oauth2Login(srv, app, 'oauth2-google', { id_token: await idTokenOf('twin') });
    const ids = [byPassword.user_id, ...[a, b].map((r) => (r.body as LoginTokens).user_id)];
    expect(new Set(ids).size).toBe(3);
  });

  it('linking an identity another user holds is refused: 401', async () => {
    const app = await googleApp({}, ['anon-user']);
    await oauth2Login(srv, app, 'oauth2-google', { id_token: await idTokenOf('ann') }).expect(200);
    const anon = await srv.api
      .post(`/api/client/v2.0/app/${app.clientAppId}/auth/providers/anon-user/login`)
      .send({})
      .expect(200);
    const res = await oauth2Login(
      srv,
      app,
      'oauth2-google',
      { id_token: await idTokenOf('ann') },
      (anon.body as LoginTokens).access_token,
    ).expect(401);
    expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
  });

  it('10 concurrent first logins of one new Google account: all 200, one user', async () => {
    const app = await googleApp();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => idTokenOf('ann')));
    const all = await Promise.all(
      tokens.map((id_token) => oauth2Login(srv, app, 'oauth2-google', { id_token })),
    );
    expect(all.map((r) => r.status)).toEqual(all.map(() => 200));
    expect(new Set(all.map((r) => (r.body as LoginTokens).user_id)).size).toBe(1);
    expect(await loginDocuments(srv, app.appId)).toMatchObject({ users: 1, claims: 1 });
  });
});
