import * as Realm from 'realm-web';
import type { LoginTokens } from './helpers/client';
import { loginDocuments } from './helpers/custom-token';
import { adminLogin, type AdminSession } from './helpers/factories';
import { startGraphApi, type FacebookAppReg, type GraphApi } from './helpers/graph-api';
import {
  oauth2App,
  oauth2Login,
  profileOf,
  type OAuth2App,
  type OAuth2ProviderSettings,
} from './helpers/oauth2';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';

// oauth2-facebook against a local server shaped like the Graph API, and realm-web's
// Credentials.facebook(accessToken).

const FB_APP: FacebookAppReg = { id: '1010101', secret: 'fb-app-secret' };
const OTHER_APP: FacebookAppReg = { id: '2020202', secret: 'other-app-secret' };

let graph: GraphApi;
let srv: TestServer;
let http: ListeningServer;
let baseUrl: string;
let admin: AdminSession;

beforeAll(async () => {
  graph = await startGraphApi([FB_APP, OTHER_APP]);
  graph.users.set('fb-ann', {
    id: 'fb-ann',
    name: 'Ann Lee',
    first_name: 'Ann',
    last_name: 'Lee',
    email: 'ann@example.com',
    gender: 'female',
    birthday: '03/11/1989',
    picture: 'https://fb.example.com/ann.jpg',
    age_range: { min: 21 },
  });
  graph.users.set('fb-bob', { id: 'fb-bob', name: 'Bob', email: 'bob@corp.example.com' });
  srv = await startTestServer({
    OAUTH2_FACEBOOK_GRAPH_URL: graph.base,
    OAUTH2_FACEBOOK_DIALOG_URL: 'https://dialog.example.com/v1/dialog/oauth',
  });
  http = await listenOnLoopback(srv);
  baseUrl = http.baseUrl;
  admin = await adminLogin(srv, 'org');
});
afterAll(async () => {
  await http.close();
  await srv.close();
  await graph.close();
});

const ALL = ['name', 'first_name', 'last_name', 'picture', 'gender', 'birthday', 'min_age'];
const SETTINGS: OAuth2ProviderSettings = {
  config: { clientId: FB_APP.id },
  clientSecret: FB_APP.secret,
  metadata_fields: [...ALL, 'max_age', 'email'].map((name) => ({ name, required: false })),
};

const facebookApp = (settings: Partial<OAuth2ProviderSettings> = {}, also: string[] = []) =>
  oauth2App(srv, admin, 'oauth2-facebook', { ...SETTINGS, ...settings }, also);

const login = (app: OAuth2App, accessToken: string, linkWith?: string) =>
  oauth2Login(srv, app, 'oauth2-facebook', { accessToken }, linkWith);

it('Credentials.facebook(token): the user, its identity and all nine metadata fields', async () => {
  const app = await facebookApp();
  const realm = new Realm.App({ id: app.clientAppId, baseUrl });
  const user = await realm.logIn(Realm.Credentials.facebook(graph.token(FB_APP, 'fb-ann')));
  expect(user.providerType).toBe('oauth2-facebook');
  expect(user.identities).toEqual([{ id: 'fb-ann', providerType: 'oauth2-facebook' }]);
  expect((await profileOf(srv, user.accessToken ?? '')).data).toEqual({
    name: 'Ann Lee',
    first_name: 'Ann',
    last_name: 'Lee',
    picture: 'https://fb.example.com/ann.jpg',
    picture_url: 'https://fb.example.com/ann.jpg',
    gender: 'female',
    birthday: '03/11/1989',
    // Profile values are strings (realm-core reads them so); Facebook gives no max here.
    min_age: '21',
    email: 'ann@example.com',
  });
  expect(user.profile).toMatchObject({ firstName: 'Ann', minAge: '21', gender: 'female' });
  const again = await realm.logIn(Realm.Credentials.facebook(graph.token(FB_APP, 'fb-ann')));
  expect(again.id).toBe(user.id);
});

it('checks the token with debug_token and the app token, then reads /me with appsecret_proof', async () => {
  const app = await facebookApp({ metadata_fields: [{ name: 'name' }] });
  const token = graph.token(FB_APP, 'fb-ann');
  const from = graph.requests.length;
  await login(app, token).expect(200);
  const [debug, me] = graph.requests.slice(from);
  expect(debug?.path).toBe('/v1/debug_token');
  expect(debug?.query.get('input_token')).toBe(token);
  expect(debug?.query.get('access_token')).toBe(`${FB_APP.id}|${FB_APP.secret}`);
  expect(me?.path).toBe('/v1/me');
  expect(me?.query.get('fields')).toBe('id,name');
  expect(me?.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
  // The token itself is sent in the Authorization header, not in the URL.
  expect(me?.authorization).toBe(`Bearer ${token}`);
  expect(me?.query.has('access_token')).toBe(false);
});

describe('refused', () => {
  let app: OAuth2App;
  beforeAll(async () => {
    app = await facebookApp();
  });

  it('a token issued to another Facebook app: 401, and it is never used on /me', async () => {
    const token = graph.token(OTHER_APP, 'fb-ann');
    const from = graph.requests.length;
    const res = await login(app, token).expect(401);
    expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
    expect(graph.requests.slice(from).map((r) => r.path)).toEqual(['/v1/debug_token']);
  });

  it('an expired, unknown or empty token', async () => {
    await login(app, graph.token(FB_APP, 'fb-ann', true)).expect(401);
    await login(app, 'EAAnot-a-token').expect(401);
    await login(app, '').expect(401);
    await oauth2Login(srv, app, 'oauth2-facebook', {}).expect(401);
  });

  it('a wrong client secret (Facebook refuses the app token)', async () => {
    const wrong = await facebookApp({ clientSecret: 'not-the-secret' });
    await login(wrong, graph.token(FB_APP, 'fb-ann')).expect(401);
  });

  it('a required field Facebook does not give: 401, nothing created', async () => {
    const strict = await facebookApp({ metadata_fields: [{ name: 'birthday', required: true }] });
    const res = await login(strict, graph.token(FB_APP, 'fb-bob')).expect(401);
    expect(res.body).toEqual({
      error: "expected field 'birthday' to be in token metadata",
      error_code: 'AuthError',
    });
    expect(await loginDocuments(srv, strict.appId)).toEqual({ users: 0, claims: 0, sessions: 0 });
  });

  it('domain_restrictions: the email domain must be listed', async () => {
    const corp = await facebookApp({ domain_restrictions: ['corp.example.com'] });
    await login(corp, graph.token(FB_APP, 'fb-bob')).expect(200);
    await login(corp, graph.token(FB_APP, 'fb-ann')).expect(401);
  });
});

it('links a Facebook identity to an anonymous user; one another user holds is refused', async () => {
  const app = await facebookApp({}, ['anon-user']);
  const realm = new Realm.App({ id: app.clientAppId, baseUrl });
  const anon = await realm.logIn(Realm.Credentials.anonymous());
  await anon.linkCredentials(Realm.Credentials.facebook(graph.token(FB_APP, 'fb-ann')));
  expect(anon.identities.map((i) => i.providerType)).toEqual(['anon-user', 'oauth2-facebook']);
  const other = await realm.logIn(Realm.Credentials.anonymous(false));
  const res = await login(app, graph.token(FB_APP, 'fb-ann'), other.accessToken ?? '').expect(401);
  expect(res.body).toEqual({ error: 'unauthorized', error_code: 'AuthError' });
  const later = await login(app, graph.token(FB_APP, 'fb-ann')).expect(200);
  expect((later.body as LoginTokens).user_id).toBe(anon.id);
});
