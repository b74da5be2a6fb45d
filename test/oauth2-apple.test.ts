import { decodeJwt as decodeClaims } from 'jose';
import * as Realm from 'realm-web';
import { adminLogin, type AdminSession } from './helpers/factories';
import { oauth2App, oauth2Login, type OAuth2App } from './helpers/oauth2';
import { startOidcProvider, type TestClient, type TestOidcProvider } from './helpers/oidc-provider';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';

// oauth2-apple against oidc-provider standing in for Apple's OpenID issuer, and realm-web's
// Credentials.apple(idToken).

const SERVICES_ID: TestClient = { client_id: 'com.example.app.signin', client_secret: 'apple-jwt' };
const OTHER: TestClient = { client_id: 'com.example.other', client_secret: 'other' };

let apple: TestOidcProvider;
let google: TestOidcProvider;
let srv: TestServer;
let http: ListeningServer;
let baseUrl: string;
let admin: AdminSession;
let app: OAuth2App;

beforeAll(async () => {
  apple = await startOidcProvider([SERVICES_ID, OTHER]);
  google = await startOidcProvider([SERVICES_ID]);
  for (const p of [apple, google])
    p.accounts.set('001234.abcd', { email: 'x7@privaterelay.example.com', email_verified: true });
  srv = await startTestServer({
    OAUTH2_APPLE_ISSUER: apple.issuer,
    OAUTH2_GOOGLE_ISSUER: google.issuer,
  });
  http = await listenOnLoopback(srv);
  baseUrl = http.baseUrl;
  admin = await adminLogin(srv, 'org');
  app = await oauth2App(srv, admin, 'oauth2-apple', {
    config: { clientId: SERVICES_ID.client_id },
    metadata_fields: [{ name: 'email', required: true }],
  });
});
afterAll(async () => {
  await http.close();
  await srv.close();
  await apple.close();
  await google.close();
});

const idToken = async (client = SERVICES_ID, nonce?: string, provider = apple) =>
  (await provider.tokens(client, '001234.abcd', nonce ? { nonce } : {})).id_token;

const refused = async (body: Record<string, unknown>) => {
  const res = await oauth2Login(srv, app, 'oauth2-apple', body).expect(401);
  expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
};

it('Credentials.apple(idToken): the user, its identity and the email', async () => {
  const realm = new Realm.App({ id: app.clientAppId, baseUrl });
  const user = await realm.logIn(Realm.Credentials.apple(await idToken()));
  expect(user.providerType).toBe('oauth2-apple');
  expect(user.identities).toEqual([{ id: '001234.abcd', providerType: 'oauth2-apple' }]);
  expect(user.profile).toEqual({ email: 'x7@privaterelay.example.com' });
  const again = await realm.logIn(Realm.Credentials.apple(await idToken()));
  expect(again.id).toBe(user.id);
});

it('refuses a wrong aud, Google’s token, an expired token, a bad signature, a wrong nonce', async () => {
  await refused({ id_token: await idToken(OTHER) });
  await refused({ id_token: await idToken(SERVICES_ID, undefined, google) });
  const token = await idToken();
  srv.clock.advance(3600 + 120);
  try {
    await refused({ id_token: token });
  } finally {
    srv.clock.advance(-(3600 + 120));
  }
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(
    JSON.stringify({ ...decodeClaims(token), sub: '009999.other' }),
  ).toString('base64url');
  await refused({ id_token: `${header}.${payload}.${signature}` });
  await refused({ id_token: await idToken(SERVICES_ID, 'n-1'), nonce: 'n-2' });
  await oauth2Login(srv, app, 'oauth2-apple', {
    id_token: await idToken(SERVICES_ID, 'n-3'),
    nonce: 'n-3',
  }).expect(200);
  await refused({ accessToken: 'apple has no such credential' });
});
