import { CLIENT_AUTH, clientApp, type LoginTokens } from './helpers/client';
import { appPath, createFunction } from './helpers/config-resources';
import { claimsFor, hsApp, loginOk, mintHs, type CustomTokenApp } from './helpers/custom-token';
import { adminLogin, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { AUTO_CONFIRM, addUserpassProvider, register, userpassPath } from './helpers/userpass';

// A user's `data` is the metadata of the provider used for the current login ("the request is
// always guaranteed to have the most up-to-date metadata associated with the authentication
// provider used"), never a merge across logins or identities.

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const FIELDS = [
  { required: false, name: 'name', field_name: 'name' },
  { required: false, name: 'plan', field_name: 'plan' },
];

async function profile(accessToken: string) {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${accessToken}`)
    .expect(200);
  return res.body as {
    data: Record<string, unknown>;
    identities: { id: string; provider_type: string; provider_data: Record<string, unknown> }[];
  };
}

async function refreshed(refreshToken: string): Promise<string> {
  const res = await srv.api
    .post(`${CLIENT_AUTH}/session`)
    .set('Authorization', `Bearer ${refreshToken}`)
    .expect(201);
  return (res.body as { access_token: string }).access_token;
}

/** What the admin API says the user's data is. */
async function adminData(app: CustomTokenApp, userId: string) {
  const res = await srv.api
    .get(`${appPath(GROUP_A, app.appId)}/users/${userId}`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as { data: Record<string, unknown> }).data;
}

const jwt = (app: CustomTokenApp, sub: string, extra: Record<string, unknown>) =>
  mintHs(claimsFor(app.clientAppId, { sub, ...extra }));

function userpassLogin(app: CustomTokenApp, email: string, accessToken?: string) {
  const req = srv.api
    .post(`${userpassPath(app.clientAppId, 'login')}${accessToken ? '?link=true' : ''}`)
    .send({ username: email, password: 'secret1' });
  return accessToken ? req.set('Authorization', `Bearer ${accessToken}`) : req;
}

/** A custom-token user {name, plan} with a linked email/password identity {email}. */
async function twoProviderUser(app: CustomTokenApp, n: number) {
  const email = `two-${n}@example.com`;
  await register(srv, app.clientAppId, email, 'secret1').expect(201);
  const first = await loginOk(srv, app.clientAppId, await jwt(app, `two-${n}`, JWT_DATA));
  await userpassLogin(app, email, first.access_token).expect(200);
  return { email, sub: `two-${n}`, userId: first.user_id };
}

const JWT_DATA = { name: 'Jay', plan: 'gold' };

it('a field dropped from a newer custom JWT does not linger (profile, refresh, admin)', async () => {
  const app = await hsApp(srv, admin, { metadata_fields: FIELDS });
  const first = await loginOk(srv, app.clientAppId, await jwt(app, 'drop-1', JWT_DATA));
  expect((await profile(first.access_token)).data).toEqual(JWT_DATA);
  const second = await loginOk(srv, app.clientAppId, await jwt(app, 'drop-1', { name: 'B' }));
  expect(second.user_id).toBe(first.user_id);
  const p = await profile(second.access_token);
  expect(p.data).toEqual({ name: 'B' });
  expect(p.identities[0]?.provider_data).toEqual({ name: 'B' });
  expect((await profile(await refreshed(second.refresh_token))).data).toEqual({ name: 'B' });
  // The first session's token also sees this provider's newest metadata.
  expect((await profile(first.access_token)).data).toEqual({ name: 'B' });
  expect(await adminData(app, first.user_id)).toEqual({ name: 'B' });
});

describe('a user with two identities', () => {
  let app: CustomTokenApp;
  beforeAll(async () => {
    app = await hsApp(srv, admin, { metadata_fields: FIELDS });
    await addUserpassProvider(srv, admin, app.appId, AUTO_CONFIRM);
    await createFunction(
      srv,
      admin,
      appPath(GROUP_A, app.appId),
      'whoami',
      'exports = function() { return context.user.data; };',
    );
  });

  const callWhoami = async (accessToken: string) => {
    const res = await srv.api
      .post(`${clientApp(app.clientAppId)}/functions/call`)
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ name: 'whoami', arguments: [] })
      .expect(200);
    return res.body as Record<string, unknown>;
  };

  it('each login shows its own provider metadata; a refresh shows the latest login', async () => {
    const { email, sub, userId } = await twoProviderUser(app, 1);
    const viaJwt = await loginOk(srv, app.clientAppId, await jwt(app, sub, JWT_DATA));
    const viaEmail = (await userpassLogin(app, email).expect(200)).body as LoginTokens;
    expect(viaEmail.user_id).toBe(userId);
    expect((await profile(viaJwt.access_token)).data).toEqual(JWT_DATA);
    expect((await profile(viaEmail.access_token)).data).toEqual({ email });
    expect(await callWhoami(viaJwt.access_token)).toEqual(JWT_DATA);
    expect(await callWhoami(viaEmail.access_token)).toEqual({ email });
    // Each identity keeps its own provider data.
    const identities = (await profile(viaJwt.access_token)).identities;
    expect(identities.map((i) => [i.provider_type, i.provider_data])).toEqual([
      ['custom-token', JWT_DATA],
      ['local-userpass', { email }],
    ]);
    // Tokens from a refresh (and the admin API) show the latest login: the email one.
    expect((await profile(await refreshed(viaJwt.refresh_token))).data).toEqual({ email });
    expect(await adminData(app, userId)).toEqual({ email });
  });

  it('the link answer shows the linked identity, and so does the linking session after a refresh', async () => {
    const email = 'link-view@example.com';
    await register(srv, app.clientAppId, email, 'secret1').expect(201);
    const first = await loginOk(srv, app.clientAppId, await jwt(app, 'link-view', JWT_DATA));
    const linked = (await userpassLogin(app, email, first.access_token).expect(200))
      .body as LoginTokens;
    expect((await profile(linked.access_token)).data).toEqual({ email });
    expect((await profile(await refreshed(first.refresh_token))).data).toEqual({ email });
    // The first login's own token still shows the provider it logged in with.
    expect((await profile(first.access_token)).data).toEqual(JWT_DATA);
  });

  // CPU-bound by what it tests: 10 rounds, one after another, of 7 requests for each of 5 users
  // (350 requests, about 6 s of the in-process server's and client's CPU, 50 argon2id checks among
  // them); with a load average of 12 on 2 cores it neared or passed the default 30 s, hence 60 s.
  it('concurrent logins through both identities never mix their metadata (10 rounds)', async () => {
    const users = await Promise.all([2, 3, 4, 5, 6].map((n) => twoProviderUser(app, n)));
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        users.map(async ({ email, sub, userId }) => {
          const token = await jwt(app, sub, JWT_DATA);
          const [a, b] = await Promise.all([
            loginOk(srv, app.clientAppId, token),
            userpassLogin(app, email).expect(200),
          ]);
          const viaEmail = b.body as LoginTokens;
          expect([a.user_id, viaEmail.user_id]).toEqual([userId, userId]);
          expect((await profile(a.access_token)).data).toEqual(JWT_DATA);
          expect((await profile(viaEmail.access_token)).data).toEqual({ email });
          // The stored data is one provider's, whole.
          expect([JWT_DATA, { email }]).toContainEqual(await adminData(app, userId));
          expect([JWT_DATA, { email }]).toContainEqual(
            (await profile(await refreshed(a.refresh_token))).data,
          );
        }),
      );
    }
  }, 60_000);
});
