import { CLIENT_AUTH } from './helpers/client';
import {
  claimsFor,
  customTokenApp,
  customTokenLogin,
  HS_SECRET,
  hsApp,
  loginDocuments,
  loginOk,
  mintHs,
} from './helpers/custom-token';
import { adminLogin, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

async function profile(accessToken: string) {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${accessToken}`)
    .expect(200);
  return res.body as {
    data: Record<string, unknown>;
    identities: { id: string; provider_data: Record<string, unknown> }[];
  };
}

/** realm-core's test app fields, a .NET-style nested name, and an escaped-dot claim name. */
const FIELDS = [
  { required: false, name: 'user_data.name', field_name: 'name' },
  { required: true, name: 'user_data.occupation', field_name: 'occupation' },
  { required: true, name: 'my_metadata.name', field_name: 'anotherName' },
  { required: false, name: 'name.first', field_name: 'first_name' },
  { required: false, name: 'https://example\\.com/roles', field_name: 'roles' },
  { required: false, name: 'age', field_name: 'age' },
  { required: false, name: 'bio', field_name: 'bio' },
];

const complete = {
  user_data: { name: 'Foo Bar', occupation: 'firefighter', secret: 'not mapped' },
  my_metadata: { name: 'Bar Foo' },
  name: { first: 'Foo', last: 'not mapped' },
  'https://example.com/roles': ['admin', 'editor'],
  age: 42,
  email: 'not-mapped@example.com',
};

it('PATCH with the documented custom-token body, enable, and the field is in the profile', async () => {
  const app = await hsApp(srv, admin);
  const base = `/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/auth_providers/${app.providerId}`;
  await srv.api
    .patch(base)
    .set('Authorization', admin.auth)
    .send({
      _id: app.providerId,
      name: 'custom-token',
      type: 'custom-token',
      metadata_fields: [
        { required: true, name: 'jwt.field.path', field_name: 'metadataFieldName' },
      ],
      config: {
        audience: [],
        requireAnyAudience: false,
        signingAlgorithm: 'HS256',
        useJWKURI: false,
      },
      secret_config: { signingKeys: ['jwtKey'] },
      disabled: true,
    })
    .expect(204);
  await srv.api.put(`${base}/enable`).set('Authorization', admin.auth).expect(204);
  const token = await mintHs(claimsFor(app.clientAppId, { jwt: { field: { path: 'value' } } }));
  const p = await profile((await loginOk(srv, app.clientAppId, token)).access_token);
  expect(p.data).toEqual({ metadataFieldName: 'value' });
  expect(p.identities[0]?.provider_data).toEqual({ metadataFieldName: 'value' });
});

it('copies only the mapped fields (dot paths, escaped dots, JSON values) and refreshes them', async () => {
  const app = await hsApp(srv, admin, { metadata_fields: FIELDS });
  const first = await loginOk(
    srv,
    app.clientAppId,
    await mintHs(claimsFor(app.clientAppId, complete)),
  );
  const expected = {
    name: 'Foo Bar',
    occupation: 'firefighter',
    anotherName: 'Bar Foo',
    first_name: 'Foo',
    roles: ['admin', 'editor'],
    age: 42,
  };
  const p = await profile(first.access_token);
  expect(p.data).toEqual(expected);
  expect(p.identities).toEqual([
    expect.objectContaining({ id: 'user-1', provider_data: expected }),
  ]);

  const changed = { ...complete, user_data: { occupation: 'pilot' }, age: null };
  const again = await loginOk(
    srv,
    app.clientAppId,
    await mintHs(claimsFor(app.clientAppId, changed)),
  );
  expect(again.user_id).toBe(first.user_id);
  const fresh = {
    occupation: 'pilot',
    anotherName: 'Bar Foo',
    first_name: 'Foo',
    roles: ['admin', 'editor'],
  };
  expect((await profile(again.access_token)).identities[0]?.provider_data).toEqual(fresh);
});

it('a required field missing: 401 AuthError naming the path, and nothing is created', async () => {
  const app = await hsApp(srv, admin, { metadata_fields: FIELDS });
  const { my_metadata: _omitted, ...withoutRequired } = complete;
  const before = await loginDocuments(srv, app.appId);
  const res = await customTokenLogin(srv, app.clientAppId, {
    token: await mintHs(claimsFor(app.clientAppId, withoutRequired)),
  }).expect(401);
  expect(res.body).toEqual({
    error: "expected field 'my_metadata.name' to be in token metadata",
    error_code: 'AuthError',
  });
  expect(await loginDocuments(srv, app.appId)).toEqual(before);
  expect(before).toEqual({ users: 0, claims: 0, sessions: 0 });

  // An existing user gets no new session either.
  await loginOk(srv, app.clientAppId, await mintHs(claimsFor(app.clientAppId, complete)));
  const after = await loginDocuments(srv, app.appId);
  await customTokenLogin(srv, app.clientAppId, {
    token: await mintHs(claimsFor(app.clientAppId, { ...complete, user_data: { name: 'x' } })),
  })
    .expect(401)
    .expect((r) =>
      expect(r.body.error).toBe("expected field 'user_data.occupation' to be in token metadata"),
    );
  expect(await loginDocuments(srv, app.appId)).toEqual(after);
});

it('values over 4096 characters: an optional field is left out, a required one refused', async () => {
  const app = await customTokenApp(
    srv,
    admin,
    {
      config: { signingAlgorithm: 'HS256' },
      secret_config: { signingKeys: ['jwtKey'] },
      metadata_fields: [
        { required: false, name: 'bio', field_name: 'bio' },
        { required: true, name: 'team', field_name: 'team' },
      ],
    },
    { jwtKey: HS_SECRET },
  );
  const long = 'x'.repeat(4097);
  const ok = await loginOk(
    srv,
    app.clientAppId,
    await mintHs(claimsFor(app.clientAppId, { bio: long, team: 'x'.repeat(4096) })),
  );
  expect(Object.keys((await profile(ok.access_token)).data)).toEqual(['team']);
  const res = await customTokenLogin(srv, app.clientAppId, {
    token: await mintHs(claimsFor(app.clientAppId, { team: { list: [long] } })),
  }).expect(401);
  expect(res.body.error_code).toBe('AuthError');
  expect(res.body.error).toContain("field 'team'");
});
