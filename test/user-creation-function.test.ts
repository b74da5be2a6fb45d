import mongoose from 'mongoose';
import { anonLogin, clientApp, decodeJwt, enableProvider } from './helpers/client';
import {
  appPath,
  createDataSource,
  createFunction,
  ON_USER_CREATION_SOURCE,
  enableCustomUserData,
} from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 } });
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

/** An app with anonymous login and custom user data whose creation function has `source`. */
async function appWithCreationFunction(source: string, database: string) {
  const app = await createApp(srv, admin);
  const base = appPath(GROUP_A, app._id);
  const svc = await createDataSource(srv, admin, base);
  const fn = await createFunction(srv, admin, base, 'onUserCreation', source);
  await enableCustomUserData(srv, admin, base, {
    mongo_service_id: svc._id,
    database_name: database,
    collection_name: 'users',
    user_id_field: 'user_account_id',
    on_user_creation_function_id: fn._id,
  });
  await enableProvider(srv, admin, app._id, 'anon-user');
  return app;
}

async function userCount(appId: string): Promise<number> {
  return srv.conn
    .collection('users')
    .countDocuments({ app_id: new mongoose.Types.ObjectId(appId) });
}

describe('the user creation function', () => {
  it('runs the documented example as written: its document is in the very first access token', async () => {
    const app = await appWithCreationFunction(ON_USER_CREATION_SOURCE, 'myapp');
    const tokens = await anonLogin(srv, app.client_app_id);
    const userData = decodeJwt(tokens.access_token).user_data as Record<string, unknown>;
    expect(userData).toMatchObject({ user_account_id: tokens.user_id, favorite_color: 'blue' });
    expect(userData._id).toEqual({ $oid: expect.stringMatching(/^[0-9a-f]{24}$/) as string });
    const stored = await srv.conn
      .getClient()
      .db('myapp')
      .collection('users')
      .findOne({ user_account_id: tokens.user_id });
    expect(stored?.favorite_color).toBe('blue');
  });

  it('fails the login when it throws, and leaves no user behind', async () => {
    const source = `exports = async function (user) {
      console.error('refusing', user.id);
      throw new Error('no new users today');
    };`;
    const app = await appWithCreationFunction(source, `ucf_${srv.dbName}`);
    const res = await srv.api
      .post(`${clientApp(app.client_app_id)}/auth/providers/anon-user/login`)
      .send({})
      .expect(400);
    expect(res.body).toEqual({
      error: 'user creation function failed: no new users today',
      error_code: 'FunctionExecutionError',
    });
    expect(await userCount(app._id)).toBe(0);
    // The failed run is in the app's logs, with what the function wrote to the console.
    await srv.deps.appLogs.flush();
    const logs = await srv.api
      .get(`${appPath(GROUP_A, app._id)}/logs?type=FUNCTION`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(logs.body.logs).toHaveLength(1);
    expect(logs.body.logs[0]).toMatchObject({
      type: 'FUNCTION',
      function_name: 'onUserCreation',
      error: 'no new users today',
      error_code: 'FunctionExecutionError',
      messages: [expect.stringMatching(/^refusing [0-9a-f]{24}$/) as string],
    });
  });

  it('fails the login when it runs out of time, and the server keeps serving', async () => {
    const source = `exports = async function () { for (;;) await null; };`;
    const app = await appWithCreationFunction(source, `ucf2_${srv.dbName}`);
    const res = await srv.api
      .post(`${clientApp(app.client_app_id)}/auth/providers/anon-user/login`)
      .send({})
      .expect(400);
    expect(res.body.error_code).toBe('ExecutionTimeLimitExceeded');
    expect(await userCount(app._id)).toBe(0);
    await srv.api.get('/healthz').expect(200);
  });
});
