import { anonLogin, clientApp, enableProvider } from './helpers/client';
import {
  appPath,
  createDataSource,
  createIn,
  enableCustomUserData,
} from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

// The Admin API's debug execution (realm-cli `function run`, the console's function editor).

let srv: TestServer;
let owner: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 } });
  owner = await adminLogin(srv, { groupId: GROUP_A });
});
beforeEach(async () => {
  app = await createApp(srv, owner);
  base = appPath(GROUP_A, app._id);
});
afterAll(() => srv.close());

const SYSTEM = '?run_as_system=true';
const GO_DURATION = /^\d+(\.\d+)?(ns|µs|ms|s)$/;

const addFunction = (name: string, source: string, extra: Record<string, unknown> = {}) =>
  createIn(srv, owner, base, 'functions', { name, source, private: false, ...extra });

const execute = (query: string, body: Record<string, unknown>, session = owner, at = base) =>
  srv.api
    .post(`${at}/debug/execute_function${query}`)
    .set('Authorization', session.auth)
    .send(body);

const executeSource = (query: string, body: Record<string, unknown>) =>
  srv.api
    .post(`${base}/debug/execute_function_source${query}`)
    .set('Authorization', owner.auth)
    .send(body);

/** A user of the app, logged in anonymously; returns its id. */
async function newUser(): Promise<string> {
  await enableProvider(srv, owner, app._id, 'anon-user');
  return (await anonLogin(srv, app.client_app_id)).user_id;
}

describe('POST …/debug/execute_function', () => {
  it('answers the result as canonical Extended JSON, with null logs and a Go duration', async () => {
    await addFunction(
      'passed_args_test',
      'exports = function(arg1, arg2) { return {arg1, arg2}; };',
    );
    const res = await execute(SYSTEM, {
      name: 'passed_args_test',
      arguments: [{ value1: 1, abcs: ['x', 'y', 'z'] }, [1, 2]],
    }).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      result: {
        arg1: { value1: { $numberInt: '1' }, abcs: ['x', 'y', 'z'] },
        arg2: [{ $numberInt: '1' }, { $numberInt: '2' }],
      },
      logs: null,
      error_logs: null,
      stats: { execution_time: expect.stringMatching(GO_DURATION) as string },
    });
  });

  it('takes Extended JSON arguments: ObjectId, Date, numbers as JS numbers, int64 kept exact', async () => {
    await addFunction(
      'types',
      `exports = function(id, when, n, x, big) {
        return {
          id, hex: id.toHexString(), isOid: id instanceof BSON.ObjectId,
          when, year: when.getUTCFullYear(),
          n, nType: typeof n, strictlyOne: n === 1, x,
          big: big.toString(),
        };
      };`,
    );
    const oid = '633209ffd3bd3478005d1bac';
    const res = await execute(SYSTEM, {
      name: 'types',
      arguments: [
        { $oid: oid },
        { $date: '2021-02-03T04:05:06.789Z' },
        1,
        2.5,
        { $numberLong: '9007199254740993' },
      ],
    }).expect(200);
    expect(res.body.result).toEqual({
      id: { $oid: oid },
      hex: oid,
      isOid: true,
      when: { $date: { $numberLong: String(Date.parse('2021-02-03T04:05:06.789Z')) } },
      year: { $numberInt: '2021' },
      n: { $numberInt: '1' },
      nType: 'number',
      strictlyOne: true,
      x: { $numberDouble: '2.5' },
      big: '9007199254740993',
    });
  });

  it('returns strings as JSON strings and undefined as {"$undefined": true}', async () => {
    await addFunction('str', 'exports = () => "successful test";');
    await addFunction('nothing', 'exports = () => {};');
    expect((await execute(SYSTEM, { name: 'str' }).expect(200)).body.result).toBe(
      'successful test',
    );
    expect((await execute(SYSTEM, { name: 'nothing' }).expect(200)).body.result).toEqual({
      $undefined: true,
    });
  });

  it('takes no arguments as [], null or absent', async () => {
    await addFunction('count', 'exports = (...args) => args.length;');
    for (const body of [{ arguments: [] }, { arguments: null }, {}]) {
      const res = await execute(SYSTEM, { name: 'count', ...body }).expect(200);
      expect(res.body.result).toEqual({ $numberInt: '0' });
    }
  });

  it('answers console.log lines as logs and console.error/warn lines as error_logs', async () => {
    await addFunction(
      'chatty',
      `exports = function() {
        console.log('hello', 1, {a: 2});
        console.error('bad thing');
        console.warn('careful');
        console.info('fyi');
        return true;
      };`,
    );
    const res = await execute(SYSTEM, { name: 'chatty' }).expect(200);
    expect(res.body).toMatchObject({
      result: true,
      logs: ['hello 1 {"a":2}', 'fyi'],
      error_logs: ['bad thing', 'careful'],
    });
  });

  it('answers a failed function with 200 and error, its message also the last error log', async () => {
    await addFunction(
      'fails',
      `exports = async function() {
        console.log('before');
        console.error('about to fail');
        throw new Error('boom');
      };`,
    );
    const res = await execute(SYSTEM, { name: 'fails' }).expect(200);
    expect(res.body).toEqual({
      error: { message: 'boom', error_code: 'FunctionExecutionError' },
      logs: ['before'],
      error_logs: ['about to fail', 'FunctionExecutionError: boom'],
      stats: { execution_time: expect.stringMatching(GO_DURATION) as string },
    });
    expect(res.body).not.toHaveProperty('result');
  });

  it('answers a function that runs out of time with ExecutionTimeLimitExceeded', async () => {
    await addFunction('forever', 'exports = async function() { for (;;) await null; };');
    const res = await execute(SYSTEM, { name: 'forever' }).expect(200);
    expect(res.body.error).toEqual({
      message: 'execution time limit exceeded',
      error_code: 'ExecutionTimeLimitExceeded',
    });
    await srv.api.get('/healthz').expect(200);
  });

  it('runs private functions too', async () => {
    await addFunction('secret', 'exports = () => 42;', { private: true });
    const res = await execute(SYSTEM, { name: 'secret' }).expect(200);
    expect(res.body.result).toEqual({ $numberInt: '42' });
  });

  it('answers 404 FunctionNotFound for an unknown function', async () => {
    const res = await execute(SYSTEM, { name: 'nope' }).expect(404);
    expect(res.body).toEqual({
      error: "function not found: 'nope'",
      error_code: 'FunctionNotFound',
    });
  });

  it('refuses service functions and arguments that are not Extended JSON (400)', async () => {
    await addFunction('echo', 'exports = (x) => x;');
    const svc = await execute(SYSTEM, {
      name: 'find',
      service: 'mongodb-atlas',
      arguments: [{}],
    }).expect(400);
    expect(svc.body.error_code).toBe('ServiceCommandNotFound');
    const bad = await execute(SYSTEM, { name: 'echo', arguments: [{ $oid: 'zz' }] }).expect(400);
    expect(bad.body.error_code).toBe('InvalidParameter');
    expect(bad.body.error).toMatch(/^arguments are not valid Extended JSON: /);
  });
});

describe('debug execution: whom the function runs as', () => {
  const WHO = `exports = function() {
    return { id: context.user.id, type: context.user.type, system: context.runningAsSystem(),
             custom: context.user.custom_data };
  };`;

  it('runs as the system user with run_as_system=true', async () => {
    await addFunction('who', WHO);
    const res = await execute(SYSTEM, { name: 'who' }).expect(200);
    expect(res.body.result).toEqual({
      id: '000000000000000000000000',
      type: 'system',
      system: true,
      custom: {},
    });
  });

  it('runs as the user_id user, with its custom user data, not as system', async () => {
    const svc = await createDataSource(srv, owner, base);
    const database = `cud_${srv.dbName}`;
    await enableCustomUserData(srv, owner, base, {
      mongo_service_id: svc._id,
      database_name: database,
      collection_name: 'profiles',
      user_id_field: 'user_id',
      on_user_creation_function_id: '',
    });
    await addFunction('who', WHO);
    const userId = await newUser();
    await srv.conn
      .getClient()
      .db(database)
      .collection('profiles')
      .insertOne({ user_id: userId, plan: 'gold', seats: 3 });

    const res = await execute(`?user_id=${userId}`, { name: 'who' }).expect(200);
    expect(res.body.result).toEqual({
      id: userId,
      type: 'normal',
      system: false,
      custom: {
        _id: { $oid: expect.stringMatching(/^[0-9a-f]{24}$/) as string },
        user_id: userId,
        plan: 'gold',
        seats: { $numberInt: '3' },
      },
    });
  });

  it('runs as system, keeping the user as context.user, when the function says run_as_system', async () => {
    await addFunction('who', WHO, { run_as_system: true });
    const userId = await newUser();
    const res = await execute(`?user_id=${userId}`, { name: 'who' }).expect(200);
    expect(res.body.result).toMatchObject({ id: userId, system: true });
  });

  it('runs as the user run_as_user_id names', async () => {
    const userId = await newUser();
    await addFunction('who', WHO, { run_as_user_id: userId });
    const caller = await newUser();
    const res = await execute(`?user_id=${caller}`, { name: 'who' }).expect(200);
    expect(res.body.result).toMatchObject({ id: userId, system: false });
  });

  it('needs exactly one of user_id and run_as_system=true (400)', async () => {
    await addFunction('who', WHO);
    const userId = await newUser();
    for (const query of ['', '?run_as_system=false', '?user_id=']) {
      const res = await execute(query, { name: 'who' }).expect(400);
      expect(res.body).toEqual({
        error: 'one of user_id or run_as_system=true is required',
        error_code: 'InvalidParameter',
      });
    }
    const both = await execute(`?user_id=${userId}&run_as_system=true`, { name: 'who' }).expect(
      400,
    );
    expect(both.body.error).toBe('send either user_id or run_as_system=true, not both');
    // An empty user_id next to run_as_system=true (as some clients send it) counts as absent.
    const res = await execute('?run_as_system=true&user_id=', { name: 'who' }).expect(200);
    expect(res.body.result).toMatchObject({ system: true });
  });

  it('answers 404 UserNotFound for a user_id that is not a user of this app', async () => {
    await addFunction('who', WHO);
    const otherApp = await createApp(srv, owner);
    await enableProvider(srv, owner, otherApp._id, 'anon-user');
    const stranger = (await anonLogin(srv, otherApp.client_app_id)).user_id;
    for (const id of [stranger, '633209ffd3bd3478005d1bac', 'not-an-id']) {
      const res = await execute(`?user_id=${id}`, { name: 'who' }).expect(404);
      expect(res.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
    }
  });
});

describe('debug execution: which config', () => {
  it("runs the admin's open draft; others (and clients) still see the deployed config", async () => {
    await addFunction('greet', 'exports = () => "deployed";');
    const draft = await srv.api.post(`${base}/drafts`).set('Authorization', owner.auth).expect(201);
    const list = await srv.api.get(`${base}/functions`).set('Authorization', owner.auth);
    const greet = (list.body as { _id: string; name: string }[]).find((f) => f.name === 'greet');
    await srv.api
      .put(`${base}/functions/${greet?._id ?? ''}`)
      .set('Authorization', owner.auth)
      .send({ name: 'greet', source: 'exports = () => "drafted";', private: false })
      .expect(200);

    const mine = await execute(SYSTEM, { name: 'greet' }).expect(200);
    expect(mine.body.result).toBe('drafted');
    const colleague = await adminLogin(srv, { groupId: GROUP_A });
    const theirs = await execute(SYSTEM, { name: 'greet' }, colleague).expect(200);
    expect(theirs.body.result).toBe('deployed');

    await enableProvider(srv, colleague, app._id, 'anon-user');
    const user = await anonLogin(srv, app.client_app_id);
    const called = await srv.api
      .post(`${clientApp(app.client_app_id)}/functions/call`)
      .set('Authorization', `Bearer ${user.access_token}`)
      .send({ name: 'greet', arguments: [] })
      .expect(200);
    expect(called.body).toBe('deployed');

    await srv.api
      .post(`${base}/drafts/${draft.body._id as string}/deployment`)
      .set('Authorization', owner.auth)
      .expect(201);
    expect((await execute(SYSTEM, { name: 'greet' }, colleague).expect(200)).body.result).toBe(
      'drafted',
    );
  });
});

describe('POST …/debug/execute_function_source', () => {
  it('evaluates eval_source with the source export bound to exports', async () => {
    const res = await executeSource(SYSTEM, {
      source: 'exports = function(a, b) { console.log("multiplying"); return a * b; };',
      eval_source: 'exports(6, 7)',
    }).expect(200);
    expect(res.body).toMatchObject({ result: { $numberInt: '42' }, logs: ['multiplying'] });
  });

  it('calls the export with no arguments without eval_source (or with an empty one)', async () => {
    const source = 'exports = (...a) => ({ n: a.length, system: context.runningAsSystem() });';
    for (const extra of [{}, { eval_source: '' }]) {
      const res = await executeSource(SYSTEM, { source, ...extra }).expect(200);
      expect(res.body.result).toEqual({ n: { $numberInt: '0' }, system: true });
    }
  });

  it('runs as the user_id user', async () => {
    const userId = await newUser();
    const res = await executeSource(`?user_id=${userId}`, {
      source: 'exports = () => [context.user.id, context.runningAsSystem()];',
    }).expect(200);
    expect(res.body.result).toEqual([userId, false]);
  });

  it('answers a source that does not compile with 200 and FunctionSyntaxError', async () => {
    const res = await executeSource(SYSTEM, { source: 'exports = function( {' }).expect(200);
    expect(res.body.error).toEqual({
      message: expect.any(String) as string,
      error_code: 'FunctionSyntaxError',
    });
    expect(res.body.error_logs).toEqual([
      `FunctionSyntaxError: ${res.body.error.message as string}`,
    ]);
  });

  it('needs exactly one of user_id and run_as_system=true (400)', async () => {
    await executeSource('', { source: 'exports = () => 1;' }).expect(400);
  });
});

describe('debug execution: access', () => {
  it("refuses another group's owner (403) and finds no app of another group (404)", async () => {
    await addFunction('echo', 'exports = (x) => x;');
    const ownerB = await adminLogin(srv, { groupId: GROUP_B });
    const forbidden = await execute(SYSTEM, { name: 'echo' }, ownerB).expect(403);
    expect(forbidden.body.error_code).toBe('GroupAccessDenied');
    // The app exists, but not in the group of the path.
    await execute(SYSTEM, { name: 'echo' }, ownerB, appPath(GROUP_B, app._id)).expect(404);
    await srv.api
      .post(`${base}/debug/execute_function${SYSTEM}`)
      .send({ name: 'echo' })
      .expect(401);
  });
});
