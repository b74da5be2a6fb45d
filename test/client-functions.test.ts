import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Realm from 'realm-web';
import { anonLogin, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import {
  appPath,
  createDataSource,
  createIn,
  enableCustomUserData,
} from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

// Client function calls (POST /api/client/v2.0/app/{id}/functions/call): through supertest, and
// through the official web SDK (realm-web 2.0.1) against a listening server.

let srv: TestServer;
let http: Server;
let baseUrl: string;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 1500 } });
  http = srv.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  admin = await adminLogin(srv, { groupId: GROUP_A });
});
beforeEach(async () => {
  app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
  await enableProvider(srv, admin, app._id, 'anon-user');
});
afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await srv.close();
});

const addFunction = (name: string, source: string, extra: Record<string, unknown> = {}) =>
  createIn(srv, admin, base, 'functions', { name, source, private: false, ...extra });

const call = (tokens: LoginTokens | undefined, body: Record<string, unknown>, clientAppId = '') => {
  const req = srv.api.post(`${clientApp(clientAppId || app.client_app_id)}/functions/call`);
  if (tokens) req.set('Authorization', `Bearer ${tokens.access_token}`);
  return req.send(body);
};

/** The functions these tests define, as realm-web's `user.functions` calls them. */
interface TestFunctions {
  add(a: number, b: number): Promise<number>;
  describe(doc: Record<string, unknown>): Promise<Record<string, unknown>>;
  whoami(): Promise<unknown>;
  whoamiSystem(): Promise<unknown>;
  secret(): Promise<unknown>;
  fails(): Promise<unknown>;
}

async function realmUser(): Promise<Realm.User<TestFunctions>> {
  const realm = new Realm.App<TestFunctions>({ id: app.client_app_id, baseUrl });
  return realm.logIn(Realm.Credentials.anonymous());
}

/** What a realm-web call rejected with. */
async function rejection(p: Promise<unknown>): Promise<Realm.MongoDBRealmError> {
  try {
    await p;
  } catch (err) {
    return err as Realm.MongoDBRealmError;
  }
  throw new Error('expected the call to fail');
}

describe('POST /functions/call', () => {
  it('answers the return value as canonical Extended JSON', async () => {
    await addFunction('add', 'exports = (a, b) => a + b;');
    await addFunction('count', 'exports = (...a) => a.length;');
    const user = await anonLogin(srv, app.client_app_id);
    const res = await call(user, {
      name: 'add',
      arguments: [{ $numberInt: '1' }, { $numberInt: '2' }],
    }).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({ $numberInt: '3' });
    // Relaxed Extended JSON (plain JSON numbers) is read too; no arguments means none.
    expect((await call(user, { name: 'add', arguments: [1, 2.5] }).expect(200)).body).toEqual({
      $numberDouble: '3.5',
    });
    expect((await call(user, { name: 'count' }).expect(200)).body).toEqual({ $numberInt: '0' });
  });

  it('works with realm-web: user.functions.<name>(…) and user.callFunction', async () => {
    await addFunction('add', 'exports = (a, b) => a + b;');
    await addFunction(
      'describe',
      `exports = (doc) => ({ hex: doc.id.toHexString(), year: doc.when.getUTCFullYear(),
                            id: doc.id, when: doc.when, n: doc.n, nType: typeof doc.n });`,
    );
    const user = await realmUser();
    expect(await user.functions.add(1, 2)).toBe(3);
    expect(await user.callFunction('add', 40, 2)).toBe(42);

    const id = new Realm.BSON.ObjectId();
    const when = new Date('2021-02-03T04:05:06.789Z');
    const out = await user.functions.describe({ id, when, n: 7 });
    expect(out).toMatchObject({ hex: id.toHexString(), year: 2021, n: 7, nType: 'number' });
    expect((out.id as Realm.BSON.ObjectId).toHexString()).toBe(id.toHexString());
    expect(out.when).toEqual(when);
  });

  it('gives the caller as context.user with fresh custom data, not running as system', async () => {
    const svc = await createDataSource(srv, admin, base);
    const database = `cfn_${srv.dbName}`;
    await enableCustomUserData(srv, admin, base, {
      mongo_service_id: svc._id,
      database_name: database,
      collection_name: 'profiles',
      user_id_field: 'owner',
      on_user_creation_function_id: '',
    });
    const who =
      'exports = () => ({ id: context.user.id, system: context.runningAsSystem(), plan: context.user.custom_data.plan });';
    await addFunction('whoami', who);
    await addFunction('whoamiSystem', who, { run_as_system: true });
    const user = await realmUser();
    // Written after the login: the function reads it afresh (the token does not have it).
    await srv.conn
      .getClient()
      .db(database)
      .collection('profiles')
      .insertOne({ owner: user.id, plan: 'gold' });

    expect(await user.functions.whoami()).toEqual({ id: user.id, system: false, plan: 'gold' });
    expect(await user.functions.whoamiSystem()).toEqual({
      id: user.id,
      system: true,
      plan: 'gold',
    });
  });

  it('runs as the user run_as_user_id names', async () => {
    const other = await anonLogin(srv, app.client_app_id);
    await addFunction('whoami', 'exports = () => context.user.id;', {
      run_as_user_id: other.user_id,
    });
    // The login above cached the config; this process sees its own deploy at once all the same.
    const user = await realmUser();
    expect(await user.functions.whoami()).toBe(other.user_id);
  });

  it('hides private functions: 404 FunctionNotFound, as for unknown ones', async () => {
    await addFunction('secret', 'exports = () => 42;', { private: true });
    const user = await anonLogin(srv, app.client_app_id);
    for (const name of ['secret', 'nope']) {
      const res = await call(user, { name, arguments: [] }).expect(404);
      expect(res.body).toEqual({
        error: `function not found: '${name}'`,
        error_code: 'FunctionNotFound',
      });
    }
    const err = await rejection((await realmUser()).functions.secret());
    expect(err.errorCode).toBe('FunctionNotFound');
    expect(err.statusCode).toBe(404);
  });

  it("answers a function's error with 400 FunctionExecutionError and its message", async () => {
    await addFunction('fails', 'exports = async () => { throw new Error("no way"); };');
    const user = await anonLogin(srv, app.client_app_id);
    const res = await call(user, { name: 'fails', arguments: [] }).expect(400);
    expect(res.body).toEqual({ error: 'no way', error_code: 'FunctionExecutionError' });
    const err = await rejection((await realmUser()).functions.fails());
    expect(err).toMatchObject({ errorCode: 'FunctionExecutionError', error: 'no way' });
  });

  it('answers a function that runs out of time with 400 ExecutionTimeLimitExceeded', async () => {
    await addFunction('forever', 'exports = async () => { for (;;) await null; };');
    const user = await anonLogin(srv, app.client_app_id);
    const res = await call(user, { name: 'forever', arguments: [] }).expect(400);
    expect(res.body).toEqual({
      error: 'execution time limit exceeded',
      error_code: 'ExecutionTimeLimitExceeded',
    });
  });

  it('refuses functions with a can_evaluate expression (403 NotCallable); {} is no restriction', async () => {
    await addFunction('guarded', 'exports = () => 1;', { can_evaluate: { '%%true': true } });
    await addFunction('open', 'exports = () => 1;', { can_evaluate: {} });
    await addFunction('scripted', 'exports = () => 1;', {
      run_as_user_id_script_source: 'exports = () => "633209ffd3bd3478005d1bac";',
    });
    const user = await anonLogin(srv, app.client_app_id);
    const guarded = await call(user, { name: 'guarded', arguments: [] }).expect(403);
    expect(guarded.body.error_code).toBe('NotCallable');
    const scripted = await call(user, { name: 'scripted', arguments: [] }).expect(403);
    expect(scripted.body.error_code).toBe('NotCallable');
    expect((await call(user, { name: 'open', arguments: [] }).expect(200)).body).toEqual({
      $numberInt: '1',
    });
  });

  it('answers service functions the server does not have: an unknown data source (ServiceNotFound), an unknown method (ServiceCommandNotFound)', async () => {
    // The SDK's MongoDB client itself, under collection rules: test/rules-*.test.ts.
    const user = await anonLogin(srv, app.client_app_id);
    const res = await call(user, {
      name: 'findOne',
      service: 'mongodb-atlas',
      arguments: [{ database: 'db', collection: 'c', query: {} }],
    }).expect(400);
    expect(res.body).toEqual({
      error: "service not found: 'mongodb-atlas'",
      error_code: 'ServiceNotFound',
    });
    const err = await rejection(
      (await realmUser()).mongoClient('mongodb-atlas').db('db').collection('c').findOne({}),
    );
    expect(err.errorCode).toBe('ServiceNotFound');
    const unknown = await call(user, {
      name: 'dropDatabase',
      service: 'mongodb-atlas',
      arguments: [{ database: 'db', collection: 'c' }],
    }).expect(400);
    expect(unknown.body.error_code).toBe('ServiceCommandNotFound');
  });

  it('needs an access token of this app (401 without one, 403 with another app’s)', async () => {
    await addFunction('add', 'exports = (a, b) => a + b;');
    const none = await call(undefined, { name: 'add', arguments: [1, 2] }).expect(401);
    expect(none.body.error_code).toBe('MissingAuthReq');
    const user = await anonLogin(srv, app.client_app_id);
    const refresh = await srv.api
      .post(`${clientApp(app.client_app_id)}/functions/call`)
      .set('Authorization', `Bearer ${user.refresh_token}`)
      .send({ name: 'add', arguments: [1, 2] })
      .expect(401);
    expect(refresh.body.error_code).toBe('InvalidSession');

    const other = await createApp(srv, admin);
    const res = await call(user, { name: 'add', arguments: [1, 2] }, other.client_app_id).expect(
      403,
    );
    expect(res.body.error_code).toBe('UserAppDomainMismatch');
  });
});
