import {
  appPath,
  createDataSource,
  createFunction,
  createIn,
  enableCustomUserData,
} from './helpers/config-resources';
import { enableProvider } from './helpers/client';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

/** GET …/apps/{appId}/description: what `realm-cli apps describe` prints. */
let srv: TestServer;
let owner: AdminSession;
beforeAll(async () => {
  srv = await startTestServer({ PUBLIC_BASE_URL: 'https://apps.example.com' });
  owner = await adminLogin(srv, { groupId: GROUP_A });
});
afterAll(() => srv.close());

const describeApp = (appId: string, session = owner, groupId = GROUP_A) =>
  srv.api.get(`${appPath(groupId, appId)}/description`).set('Authorization', session.auth);

const EMPTY_PARTS = {
  http_endpoints: [],
  services: [],
  hosting: { enabled: false, status: '', url: '' },
  sync: { state: '', data_source: '', database: '', development_mode_enabled: false },
  graphql: { url: '', custom_resolvers: [] },
  log_forwarder: [],
};

describe('GET /groups/{groupId}/apps/{appId}/description', () => {
  it('describes a new app: the disabled api-key provider and nothing else', async () => {
    const app = await createApp(srv, owner);
    const res = await describeApp(app._id).expect(200);
    expect(res.body).toEqual({
      client_app_id: app.client_app_id,
      name: app.name,
      realm_url: `https://apps.example.com/console/#/g/${GROUP_A}/a/${app._id}`,
      data_sources: [],
      auth_providers: [{ name: 'api-key', type: 'api-key', enabled: false }],
      custom_user_data: {
        enabled: false,
        data_source: '',
        database: '',
        collection: '',
        user_id_field: '',
      },
      values: [],
      functions: [],
      environment: '',
      event_subscription: [],
      ...EMPTY_PARTS,
    });
  });

  it('lists every configured part by name, never a value, a setting or a secret', async () => {
    const app = await createApp(srv, owner, GROUP_A, {
      name: `described${Date.now() % 100000}`,
      environment: 'production',
    });
    const base = appPath(GROUP_A, app._id);
    await enableProvider(srv, owner, app._id, 'anon-user');
    await createIn(srv, owner, base, 'secrets', { name: 'hidden', value: 'TOP-SECRET-VALUE' });
    await createIn(srv, owner, base, 'values', {
      name: 'greeting',
      private: false,
      value: 'VISIBLE-ONLY-AS-A-NAME',
    });
    await createIn(srv, owner, base, 'values', {
      name: 'fromSecret',
      private: true,
      from_secret: true,
      value: 'hidden',
    });
    const svc = await createDataSource(srv, owner, base, 'mongodb-atlas');
    const fn = await createFunction(srv, owner, base, 'onSchedule');
    await enableCustomUserData(srv, owner, base, {
      mongo_service_id: svc._id,
      database_name: 'appdb',
      collection_name: 'user_data',
      user_id_field: 'user_id',
    });
    await srv.api
      .post(`${base}/triggers`)
      .set('Authorization', owner.auth)
      .send({
        name: 'nightly',
        type: 'SCHEDULED',
        function_id: fn._id,
        disabled: true,
        config: { schedule: '0 3 * * *' },
      })
      .expect(201);

    const res = await describeApp(app._id).expect(200);
    expect(res.body).toEqual({
      client_app_id: app.client_app_id,
      name: app.name,
      realm_url: `https://apps.example.com/console/#/g/${GROUP_A}/a/${app._id}`,
      data_sources: [{ name: 'mongodb-atlas', type: 'mongodb-atlas', data_source: 'Cluster0' }],
      auth_providers: expect.arrayContaining([
        { name: 'api-key', type: 'api-key', enabled: false },
        { name: 'anon-user', type: 'anon-user', enabled: true },
      ]),
      custom_user_data: {
        enabled: true,
        data_source: 'Cluster0',
        database: 'appdb',
        collection: 'user_data',
        user_id_field: 'user_id',
      },
      values: ['greeting', 'fromSecret'],
      functions: [{ name: 'onSchedule', path: '' }],
      environment: 'production',
      event_subscription: [{ name: 'nightly', type: 'SCHEDULED', enabled: false }],
      ...EMPTY_PARTS,
    });
    expect(res.body.auth_providers).toHaveLength(2);
    expect(res.text).not.toContain('TOP-SECRET-VALUE');
    expect(res.text).not.toContain('VISIBLE-ONLY-AS-A-NAME');
  });

  it("shows the caller's open draft, and only theirs", async () => {
    const app = await createApp(srv, owner);
    const base = appPath(GROUP_A, app._id);
    const other = await adminLogin(srv, { groupId: GROUP_A });
    await srv.api.post(`${base}/drafts`).set('Authorization', owner.auth).expect(201);
    await createFunction(srv, owner, base, 'drafted');
    expect((await describeApp(app._id).expect(200)).body.functions).toEqual([
      { name: 'drafted', path: '' },
    ]);
    expect((await describeApp(app._id, other).expect(200)).body.functions).toEqual([]);
  });

  it("answers the request's origin in realm_url when PUBLIC_BASE_URL is not set", async () => {
    const plain = await startTestServer();
    try {
      const admin = await adminLogin(plain, { groupId: GROUP_A });
      const app = await createApp(plain, admin);
      const res = await plain.api
        .get(`${appPath(GROUP_A, app._id)}/description`)
        .set('Authorization', admin.auth)
        .set('Host', 'realm.internal:9090')
        .expect(200);
      expect(res.body.realm_url).toBe(
        `http://realm.internal:9090/console/#/g/${GROUP_A}/a/${app._id}`,
      );
    } finally {
      await plain.close();
    }
  });

  it("refuses another group's admin (403) and an unknown app (404)", async () => {
    const app = await createApp(srv, owner);
    const outsider = await adminLogin(srv, { groupId: GROUP_B });
    const denied = await describeApp(app._id, outsider).expect(403);
    expect(denied.body.error_code).toBe('GroupAccessDenied');
    const missing = await describeApp('0123456789abcdef01234567').expect(404);
    expect(missing.body.error_code).toBe('AppNotFound');
    // The app exists, but in another group than the path says.
    const org = await adminLogin(srv, 'org');
    await describeApp(app._id, org, GROUP_B).expect(404);
  });
});
