/**
 * The app's environment (`PUT …/environment`, `AppInstance.environment`) and what functions see
 * of it (`context.environment`): a versioned section of the app config, like every admin write.
 */
import { anonLogin, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import { appPath, createIn } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

interface AppBody {
  _id: string;
  environment: string;
}

let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 5000 } });
  admin = await adminLogin(srv, { groupId: GROUP_A });
});
beforeEach(async () => {
  app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
});
afterAll(() => srv.close());

const setEnvironment = (environment: unknown, session = admin) =>
  srv.api.put(`${base}/environment`).set('Authorization', session.auth).send({ environment });
const appEnvironment = async (session = admin): Promise<string> =>
  ((await srv.api.get(base).set('Authorization', session.auth).expect(200)).body as AppBody)
    .environment;
const listedEnvironment = async () => {
  const res = await srv.api
    .get(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as AppBody[]).find((a) => a._id === app._id)?.environment;
};
const openDraft = async (session = admin) =>
  (await srv.api.post(`${base}/drafts`).set('Authorization', session.auth).expect(201)).body
    ._id as string;
const deployments = async () =>
  (await srv.api.get(`${base}/deployments`).set('Authorization', admin.auth).expect(200)).body as {
    _id: string;
  }[];

describe('PUT …/environment', () => {
  it('sets the tag (200, the app as GET shows it), deployed at once with no draft open', async () => {
    expect(await appEnvironment()).toBe('');
    const before = (await deployments()).length;
    const res = await setEnvironment('production').expect(200);
    expect(res.body).toMatchObject({ _id: app._id, environment: 'production' });
    expect(await appEnvironment()).toBe('production');
    expect(await listedEnvironment()).toBe('production');
    expect((await deployments()).length).toBe(before + 1);
    expect((await srv.deps.configStore.deployed(app._id)).config.environment).toEqual({
      tag: 'production',
    });
    await setEnvironment('').expect(200);
    expect(await appEnvironment()).toBe('');
  });

  it('refuses an unknown or missing environment (400) and changes nothing', async () => {
    for (const environment of ['staging', 'Production', 5, null]) {
      const res = await setEnvironment(environment).expect(400);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'error_code']);
    }
    await srv.api.put(`${base}/environment`).set('Authorization', admin.auth).send({}).expect(400);
    expect(await deployments()).toEqual([]);
    expect(await appEnvironment()).toBe('');
  });

  it('answers 403 to another group and 404 for an unknown app', async () => {
    const other = await adminLogin(srv, { groupId: '57879f6cc4b32dbe440bb8c5' });
    await setEnvironment('qa', other).expect(403);
    const res = await srv.api
      .put(`${appPath(GROUP_A, '0123456789abcdef01234567')}/environment`)
      .set('Authorization', admin.auth)
      .send({ environment: 'qa' })
      .expect(404);
    expect(res.body.error_code).toBe('AppNotFound');
  });

  it('an app created with an environment starts with it in its config', async () => {
    const created = await createApp(srv, admin, GROUP_A, {
      name: `envapp${Math.random().toString(36).slice(2, 8)}`,
      environment: 'testing',
    });
    expect((await srv.deps.configStore.deployed(created._id)).config.environment.tag).toBe(
      'testing',
    );
    const got = await srv.api
      .get(appPath(GROUP_A, created._id))
      .set('Authorization', admin.auth)
      .expect(200);
    expect(got.body.environment).toBe('testing');
  });
});

describe('the environment in drafts and deployments', () => {
  it('no path stores an unknown tag or environment (the config rule, e.g. for imports)', async () => {
    const store = srv.deps.configStore;
    await expect(
      store.change(app._id, admin.key.id, (config) => {
        (config.environment as { tag: string }).tag = 'staging';
      }),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(
      store.change(app._id, admin.key.id, (config) => {
        config.environment_values.push({
          _id: '0123456789abcdef01234567',
          name: 'x',
          values: { staging: 1 } as never,
          last_modified: 0,
        });
      }),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    expect(await deployments()).toEqual([]);
  });

  it('lands in an open draft: GET shows the deployed tag until the draft is deployed', async () => {
    const draftId = await openDraft();
    const res = await setEnvironment('development').expect(200);
    expect(res.body.environment).toBe('');
    expect(await appEnvironment()).toBe('');
    expect(await listedEnvironment()).toBe('');
    const diff = await srv.api
      .get(`${base}/drafts/${draftId}/diff`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['environment: modified (tag)']);
    await srv.api
      .post(`${base}/drafts/${draftId}/deployment`)
      .set('Authorization', admin.auth)
      .expect(201);
    expect(await appEnvironment()).toBe('development');
  });

  it('a redeploy of an earlier deployment rolls the tag back', async () => {
    await setEnvironment('qa').expect(200);
    const [qa] = await deployments();
    await setEnvironment('production').expect(200);
    expect(await appEnvironment()).toBe('production');
    await srv.api
      .post(`${base}/deployments/${qa?._id}/redeploy`)
      .set('Authorization', admin.auth)
      .expect(204);
    expect(await appEnvironment()).toBe('qa');
  });
});

const ENV_SOURCE = 'exports = () => context.environment;';

describe('context.environment', () => {
  let tokens: LoginTokens;
  beforeEach(async () => {
    await enableProvider(srv, admin, app._id, 'anon-user');
    await createIn(srv, admin, base, 'functions', {
      name: 'env',
      source: ENV_SOURCE,
      private: false,
    });
    tokens = await anonLogin(srv, app.client_app_id);
  });

  /** What `context.environment` is in a client call (the deployed config), canonical EJSON. */
  const callEnv = async (): Promise<unknown> =>
    (
      await srv.api
        .post(`${clientApp(app.client_app_id)}/functions/call`)
        .set('Authorization', `Bearer ${tokens.access_token}`)
        .send({ name: 'env', arguments: [] })
        .expect(200)
    ).body;
  const addEnvValue = (name: string, values: Record<string, unknown>) =>
    srv.api
      .post(`${base}/environment_values`)
      .set('Authorization', admin.auth)
      .send({ name, values })
      .expect(201);

  it('is {tag: "", values: {}} for a new app', async () => {
    expect(await callEnv()).toEqual({ tag: '', values: {} });
  });

  it("resolves each value for the deployed tag ('none' when there is none); unset ones are absent", async () => {
    await addEnvValue('apiUrl', { none: 'http://local', production: 'https://prod' });
    await addEnvValue('limits', {
      development: { max: 5, ratio: 0.5, tags: ['a'] },
      production: { max: 100, ratio: 1.5, tags: [] },
    });
    await addEnvValue('flag', { none: false, production: null });
    await addEnvValue('devOnly', { development: 'yes' });

    expect(await callEnv()).toEqual({
      tag: '',
      values: { apiUrl: 'http://local', flag: false },
    });

    await setEnvironment('production').expect(200);
    expect(await callEnv()).toEqual({
      tag: 'production',
      values: {
        apiUrl: 'https://prod',
        limits: { max: { $numberInt: '100' }, ratio: { $numberDouble: '1.5' }, tags: [] },
        flag: null,
      },
    });

    await setEnvironment('development').expect(200);
    expect(await callEnv()).toEqual({
      tag: 'development',
      values: {
        limits: { max: { $numberInt: '5' }, ratio: { $numberDouble: '0.5' }, tags: ['a'] },
        devOnly: 'yes',
      },
    });
  });

  it('follows changes to the values once they are deployed, not before', async () => {
    const created = await addEnvValue('greeting', { qa: 'hello' });
    await setEnvironment('qa').expect(200);
    expect(await callEnv()).toEqual({ tag: 'qa', values: { greeting: 'hello' } });

    const draftId = await openDraft();
    await srv.api
      .put(`${base}/environment_values/${created.body._id}`)
      .set('Authorization', admin.auth)
      .send({ name: 'greeting', values: { qa: 'bonjour', testing: 'hi' } })
      .expect(200);
    await setEnvironment('testing').expect(200);
    expect(await callEnv()).toEqual({ tag: 'qa', values: { greeting: 'hello' } });

    // The admin's debug console runs the config as the admin sees it: their draft.
    const debug = await srv.api
      .post(`${base}/debug/execute_function?run_as_system=true`)
      .set('Authorization', admin.auth)
      .send({ name: 'env', arguments: [] })
      .expect(200);
    expect(debug.body.result).toEqual({ tag: 'testing', values: { greeting: 'hi' } });

    await srv.api
      .post(`${base}/drafts/${draftId}/deployment`)
      .set('Authorization', admin.auth)
      .expect(201);
    expect(await callEnv()).toEqual({ tag: 'testing', values: { greeting: 'hi' } });
  });

  it('is read-only in the function', async () => {
    await addEnvValue('x', { none: 1 });
    await createIn(srv, admin, base, 'functions', {
      name: 'tamper',
      private: false,
      source: `exports = () => {
        'use strict';
        const attempts = [
          () => { context.environment.tag = 'production'; },
          () => { context.environment.values.x = 2; },
          () => { context.environment.values = {}; },
        ];
        return attempts.map((f) => { try { f(); return 'changed'; } catch (e) { return 'refused'; } })
          .concat([context.environment.tag, context.environment.values.x]);
      };`,
    });
    const res = await srv.api
      .post(`${clientApp(app.client_app_id)}/functions/call`)
      .set('Authorization', `Bearer ${tokens.access_token}`)
      .send({ name: 'tamper', arguments: [] })
      .expect(200);
    expect(res.body).toEqual(['refused', 'refused', 'refused', '', { $numberInt: '1' }]);
  });
});
