import mongoose from 'mongoose';
import { anonLogin, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import { appPath, createDataSource, createFunction, createIn } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { addUserpassProvider, loginOk, register, userpassPath } from './helpers/userpass';

// What function runs leave in the app logs (GET …/logs): debug runs, client calls, the user
// creation function, custom-function logins, email/password functions and triggers; one co_id
// per client request; and no credentials anywhere in the stored entries.

let srv: TestServer;
let admin: AdminSession;

beforeAll(async () => {
  // No background loop: scheduled triggers run only when a test calls tick().
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 }, background: false });
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

interface WireLog {
  _id: string;
  type: string;
  co_id?: string;
  user_id?: string;
  error?: string;
  error_code?: string;
  function_id?: string;
  function_name?: string;
  event_subscription_id?: string;
  mem_time_usage?: number;
  [field: string]: unknown;
}

interface TestApp {
  _id: string;
  client_app_id: string;
  base: string;
}

const HEX = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The fields every entry has (the test's app in GROUP_A). */
const base = (app: TestApp, type: string) => ({
  _id: expect.stringMatching(HEX) as string,
  app_id: app._id,
  group_id: GROUP_A,
  domain_id: expect.stringMatching(HEX) as string,
  type,
  started: expect.stringMatching(ISO) as string,
  completed: expect.stringMatching(ISO) as string,
  co_id: expect.stringMatching(HEX) as string,
});

async function newApp(on = srv, as = admin): Promise<TestApp> {
  const app = await createApp(on, as);
  return { ...app, base: appPath(GROUP_A, app._id) };
}

/** The app's log entries (newest first) once every write and queued trigger is done. */
async function logsOf(app: TestApp, query = '', on = srv, as = admin): Promise<WireLog[]> {
  await on.deps.authTriggers.idle();
  await on.deps.appLogs.flush();
  const res = await on.api.get(`${app.base}/logs${query}`).set('Authorization', as.auth);
  expect(res.status).toBe(200);
  return (res.body as { logs: WireLog[] }).logs;
}

/** The app's entries as stored in the database, every field included. */
async function storedLogs(app: TestApp): Promise<string> {
  await srv.deps.authTriggers.idle();
  await srv.deps.appLogs.flush();
  const docs = await srv.conn
    .collection('app_logs')
    .find({ app_id: new mongoose.Types.ObjectId(app._id) })
    .toArray();
  expect(docs.length).toBeGreaterThan(0);
  return JSON.stringify(docs);
}

const expectInteger = (n: unknown) => expect(Number.isInteger(n)).toBe(true);

async function createTrigger(app: TestApp, body: Record<string, unknown>, on = srv, as = admin) {
  const res = await on.api
    .post(`${app.base}/triggers`)
    .set('Authorization', as.auth)
    .send(body)
    .expect(201);
  return res.body as { _id: string; name: string };
}

/** An AUTHENTICATION trigger whose function logs the operation and the user's id. */
async function authTrigger(app: TestApp, name: string, op: string, on = srv, as = admin) {
  const fn = await createFunction(
    on,
    as,
    app.base,
    name,
    `exports = function (event) { console.log(event.operationType, event.user.id); };`,
  );
  const trigger = await createTrigger(
    app,
    {
      name,
      type: 'AUTHENTICATION',
      function_id: fn._id,
      config: { operation_type: op, providers: ['anon-user'] },
    },
    on,
    as,
  );
  return { fn, trigger };
}

describe('debug runs (…/debug/execute_function[_source])', () => {
  it('are FUNCTION entries: the call, the console output in order, the time, the request', async () => {
    const app = await newApp();
    const sum = await createFunction(
      srv,
      admin,
      app.base,
      'sum',
      `exports = function (a, b) {
        console.log('adding', a, b);
        console.error('careful');
        console.log('done');
        return a + b;
      };`,
    );
    await srv.api
      .post(`${app.base}/debug/execute_function?run_as_system=true`)
      .set('Authorization', admin.auth)
      .send({ name: 'sum', arguments: [1, 2] })
      .expect(200);

    const [entry, ...rest] = await logsOf(app);
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      ...base(app, 'FUNCTION'),
      request_url: `${app.base}/debug/execute_function`,
      request_method: 'POST',
      remote_ip_address: expect.any(String),
      function_id: sum._id,
      function_name: 'sum',
      function_call: { name: 'sum', arguments: [1, 2] },
      messages: ['adding 1 2', 'careful', 'done'],
      mem_time_usage: expect.any(Number),
    });
    expectInteger(entry?.mem_time_usage);
  });

  it('a failed run has error and error_code; a run as a user has user_id; a source run too', async () => {
    const app = await newApp();
    const fails = await createFunction(
      srv,
      admin,
      app.base,
      'fails',
      `exports = function () { console.log('about to fail'); throw new Error('it broke'); };`,
    );
    const slow = await createFunction(
      srv,
      admin,
      app.base,
      'slow',
      `exports = async function () { for (;;) await null; };`,
    );
    await enableProvider(srv, admin, app._id, 'anon-user');
    const user = await anonLogin(srv, app.client_app_id);
    for (const name of ['fails', 'slow']) {
      await srv.api
        .post(`${app.base}/debug/execute_function?run_as_system=true`)
        .set('Authorization', admin.auth)
        .send({ name, arguments: [] })
        .expect(200);
    }
    await srv.api
      .post(`${app.base}/debug/execute_function_source?user_id=${user.user_id}`)
      .set('Authorization', admin.auth)
      .send({ source: 'exports = () => context.user.id;', eval_source: 'exports()' })
      .expect(200);

    const [source, timedOut, failed] = await logsOf(app, '?type=FUNCTION');
    expect(failed).toMatchObject({
      function_id: fails._id,
      function_name: 'fails',
      messages: ['about to fail'],
      error: 'it broke',
      error_code: 'FunctionExecutionError',
    });
    expect(timedOut).toMatchObject({
      function_id: slow._id,
      error_code: 'ExecutionTimeLimitExceeded',
    });
    expect(source).toEqual({
      ...base(app, 'FUNCTION'),
      user_id: user.user_id,
      request_url: `${app.base}/debug/execute_function_source`,
      request_method: 'POST',
      remote_ip_address: expect.any(String),
      function_name: '<source>',
      function_call: { name: '<source>', arguments: [] },
      messages: [],
      mem_time_usage: expect.any(Number),
    });
    expect(failed?.user_id).toBeUndefined();
    // Each request is its own correlation.
    expect(new Set([source, timedOut, failed].map((l) => l?.co_id)).size).toBe(3);

    const errors = await logsOf(app, '?errors_only');
    expect(errors.map((l) => [l.type, l.function_name])).toEqual([
      ['FUNCTION', 'slow'],
      ['FUNCTION', 'fails'],
    ]);
  });
});

describe('client calls (functions/call)', () => {
  it('are FUNCTION entries under the caller, also for a function that runs as another user', async () => {
    const app = await newApp();
    await enableProvider(srv, admin, app._id, 'anon-user');
    const echo = await createFunction(srv, admin, app.base, 'echo');
    const caller = await anonLogin(srv, app.client_app_id);
    const other = await anonLogin(srv, app.client_app_id);
    await createIn(srv, admin, app.base, 'functions', {
      name: 'asOther',
      private: false,
      run_as_user_id: other.user_id,
      source: `exports = () => { console.log('running as', context.user.id); return 1; };`,
    });
    const call = (name: string, args: unknown[]) =>
      srv.api
        .post(`${clientApp(app.client_app_id)}/functions/call`)
        .set('Authorization', `Bearer ${caller.access_token}`)
        .send({ name, arguments: args });
    await call('echo', ['hello']).expect(200);
    // Deployed after the cache was filled: this process sees its own deploy at once.
    await call('asOther', []).expect(200);

    const [asOther, echoed] = await logsOf(app, '?type=FUNCTION');
    expect(echoed).toEqual({
      ...base(app, 'FUNCTION'),
      user_id: caller.user_id,
      request_url: `${clientApp(app.client_app_id)}/functions/call`,
      request_method: 'POST',
      remote_ip_address: expect.any(String),
      function_id: echo._id,
      function_name: 'echo',
      function_call: { name: 'echo', arguments: ['hello'] },
      messages: [],
      mem_time_usage: expect.any(Number),
    });
    expect(asOther).toMatchObject({
      user_id: caller.user_id,
      function_name: 'asOther',
      messages: [`running as ${other.user_id}`],
    });
    // The caller's entries: the two calls and its login.
    const mine = await logsOf(app, `?user_id=${caller.user_id}`);
    expect(mine.map((l) => l.type)).toEqual(['FUNCTION', 'FUNCTION', 'AUTH']);
  });
});

describe('a login shares one co_id across its entries', () => {
  it('AUTH, the user creation function and the AUTHENTICATION triggers it fired', async () => {
    const app = await newApp();
    const svc = await createDataSource(srv, admin, app.base);
    const creation = await createFunction(
      srv,
      admin,
      app.base,
      'onUserCreation',
      `exports = function (user) { console.log('creating', user.id); };`,
    );
    await srv.api
      .patch(`${app.base}/custom_user_data`)
      .set('Authorization', admin.auth)
      .send({
        enabled: true,
        mongo_service_id: svc._id,
        database_name: `fnlogs_${srv.dbName}`,
        collection_name: 'users',
        user_id_field: 'user_id',
        on_user_creation_function_id: creation._id,
      })
      .expect(204);
    await enableProvider(srv, admin, app._id, 'anon-user');
    const onCreate = await authTrigger(app, 'onCreate', 'CREATE');
    const onLogin = await authTrigger(app, 'onLogin', 'LOGIN');

    const first = await anonLogin(srv, app.client_app_id);
    const second = await anonLogin(srv, app.client_app_id);

    const all = await logsOf(app);
    const auth = all.filter((l) => l.type === 'AUTH');
    expect(auth.map((l) => l.user_id)).toEqual([second.user_id, first.user_id]);
    const coIds = auth.map((l) => l.co_id);
    expect(new Set(coIds).size).toBe(2);

    for (const [tokens, coId] of [
      [first, coIds[1]],
      [second, coIds[0]],
    ] as [LoginTokens, string][]) {
      const entries = await logsOf(app, `?co_id=${coId}`);
      // The triggers run after the response, so they are the newest; in either order.
      const byType = (type: string) => entries.filter((l) => l.type === type);
      expect(entries).toHaveLength(4);
      expect(byType('AUTH')).toHaveLength(1);
      expect(byType('FUNCTION')).toEqual([
        {
          ...base(app, 'FUNCTION'),
          co_id: coId,
          user_id: tokens.user_id,
          request_url: `${clientApp(app.client_app_id)}/auth/providers/anon-user/login`,
          request_method: 'POST',
          remote_ip_address: expect.any(String),
          function_id: creation._id,
          function_name: 'onUserCreation',
          function_call: {
            name: 'onUserCreation',
            arguments: [expect.objectContaining({ id: tokens.user_id })],
          },
          messages: [`creating ${tokens.user_id}`],
          mem_time_usage: expect.any(Number),
        },
      ]);
      const triggers = byType('AUTH_TRIGGER').sort((a, b) =>
        String(a.function_name).localeCompare(String(b.function_name)),
      );
      expect(triggers).toEqual(
        [
          ['CREATE', onCreate],
          ['LOGIN', onLogin],
        ].map(([op, t]) => {
          const { fn, trigger } = t as typeof onCreate;
          return {
            ...base(app, 'AUTH_TRIGGER'),
            co_id: coId,
            function_id: fn._id,
            function_name: fn.name,
            function_call: {
              name: fn.name,
              arguments: [expect.objectContaining({ operationType: op })],
            },
            messages: [`${op as string} ${tokens.user_id}`],
            mem_time_usage: expect.any(Number),
            event_subscription_id: trigger._id,
            event_subscription_name: trigger.name,
          };
        }),
      );
      for (const l of entries) expectInteger(l.mem_time_usage ?? 0);
    }

    // Filters: two types (a comma list) and errors only.
    const typed = await logsOf(app, '?type=FUNCTION,AUTH_TRIGGER');
    expect(typed.map((l) => l.type).sort()).toEqual([
      'AUTH_TRIGGER',
      'AUTH_TRIGGER',
      'AUTH_TRIGGER',
      'AUTH_TRIGGER',
      'FUNCTION',
      'FUNCTION',
    ]);
    expect(await logsOf(app, '?errors_only')).toEqual([]);
  });

  it('a failing trigger function is an error entry with the login co_id', async () => {
    const app = await newApp();
    await enableProvider(srv, admin, app._id, 'anon-user');
    const fn = await createFunction(
      srv,
      admin,
      app.base,
      'grumpy',
      `exports = function () { console.error('no logins today'); throw new Error('grumpy'); };`,
    );
    const trigger = await createTrigger(app, {
      name: 'grumpyLogin',
      type: 'AUTHENTICATION',
      function_id: fn._id,
      config: { operation_type: 'LOGIN', providers: ['anon-user'] },
    });
    await anonLogin(srv, app.client_app_id);
    const errors = await logsOf(app, '?errors_only');
    const [auth] = await logsOf(app, '?type=AUTH');
    expect(errors).toEqual([
      expect.objectContaining({
        type: 'AUTH_TRIGGER',
        co_id: auth?.co_id,
        event_subscription_id: trigger._id,
        event_subscription_name: 'grumpyLogin',
        messages: ['no logins today'],
        error: 'grumpy',
        error_code: 'FunctionExecutionError',
      }),
    ]);
  });
});

describe('custom-function logins', () => {
  const PIN = 'pin-7f3a9c1e-Secret';
  const WRONG_PIN = 'pin-0000-Wrong-Guess';
  const MALFORMED = 'pin-5511-InBadEjson';

  it('log the function under the login co_id, and never the payload', async () => {
    const app = await newApp();
    await createFunction(
      srv,
      admin,
      app.base,
      'authFunc',
      `exports = function (payload) {
        console.log('checking a login');
        if (payload.pin !== ${JSON.stringify(PIN)}) throw new Error('wrong pin');
        return { id: payload.user, name: 'Ann' };
      };`,
    );
    await srv.api
      .post(`${app.base}/auth_providers`)
      .set('Authorization', admin.auth)
      .send({
        name: 'custom-function',
        type: 'custom-function',
        config: { authFunctionName: 'authFunc' },
      })
      .expect(201);
    const loginPath = `${clientApp(app.client_app_id)}/auth/providers/custom-function/login`;
    const ok = await srv.api.post(loginPath).send({ user: 'ann', pin: PIN }).expect(200);
    const bad = await srv.api.post(loginPath).send({ user: 'ann', pin: WRONG_PIN }).expect(401);
    expect(bad.body).toEqual({ error: 'wrong pin', error_code: 'AuthError' });
    // bson's reason for malformed Extended JSON quotes the value: it is not in the answer.
    const malformed = await srv.api
      .post(loginPath)
      .send({ user: 'ann', pin: { $numberLong: MALFORMED } })
      .expect(400);
    expect(JSON.stringify(malformed.body)).not.toContain(MALFORMED);

    // Each login's entries share its co_id (a login and its run may start in the same ms, so
    // their order in the list is not fixed).
    const all = await logsOf(app);
    const auths = all.filter((l) => l.type === 'AUTH');
    expect(auths.map((l) => l.status)).toEqual([400, 401, 200]);
    const [malformedAuth, failedAuth, okAuth] = auths;
    const runsOf = (auth: WireLog | undefined) =>
      all.filter((l) => l.type === 'FUNCTION' && l.co_id === auth?.co_id);
    expect(runsOf(malformedAuth)).toEqual([]);
    const [failedRun, ...moreFailed] = runsOf(failedAuth);
    const [okRun, ...moreOk] = runsOf(okAuth);
    expect([all.length, moreFailed, moreOk]).toEqual([5, [], []]);
    expect(okAuth?.user_id).toBe((ok.body as LoginTokens).user_id);
    expect(failedRun).toMatchObject({ error: 'wrong pin', error_code: 'FunctionExecutionError' });
    expect(okRun).toEqual({
      ...base(app, 'FUNCTION'),
      co_id: okAuth?.co_id,
      request_url: loginPath,
      request_method: 'POST',
      remote_ip_address: expect.any(String),
      function_id: expect.stringMatching(HEX),
      function_name: 'authFunc',
      function_call: { name: 'authFunc' },
      messages: ['checking a login'],
      mem_time_usage: expect.any(Number),
    });

    const stored = await storedLogs(app);
    for (const secret of [PIN, WRONG_PIN, MALFORMED]) expect(stored).not.toContain(secret);
    // The two failed logins and the failed run are the errors.
    const errors = await logsOf(app, '?errors_only');
    expect(errors.map((l) => l._id).sort()).toEqual(
      [malformedAuth, failedAuth, failedRun].map((l) => l?._id).sort(),
    );
  });
});

describe('email/password functions', () => {
  const OLD_PASSWORD = 'Old-Passw0rd-1f9e';
  const NEW_PASSWORD = 'New-Passw0rd-8c2d';
  const EXTRA = 'extra-argument-4b7a';

  it('/reset/call is a FUNCTION entry without the password or the arguments', async () => {
    const app = await newApp();
    await createFunction(
      srv,
      admin,
      app.base,
      'resetPassword',
      `exports = function (details) {
        console.log('reset for', details.username);
        return { status: 'success' };
      };`,
    );
    await addUserpassProvider(srv, admin, app._id, {
      autoConfirm: true,
      runResetFunction: true,
      resetFunctionName: 'resetPassword',
    });
    await register(srv, app.client_app_id, 'ann@example.com', OLD_PASSWORD).expect(201);
    await loginOk(srv, app.client_app_id, 'ann@example.com', OLD_PASSWORD);
    await srv.api
      .post(userpassPath(app.client_app_id, 'reset/call'))
      .send({ email: 'ann@example.com', password: NEW_PASSWORD, arguments: [{ code: EXTRA }] })
      .expect(204);
    await loginOk(srv, app.client_app_id, 'ann@example.com', NEW_PASSWORD);

    const [run] = await logsOf(app, '?type=FUNCTION');
    expect(run).toEqual({
      ...base(app, 'FUNCTION'),
      function_id: expect.stringMatching(HEX),
      function_name: 'resetPassword',
      function_call: { name: 'resetPassword' },
      messages: ['reset for ann@example.com'],
      mem_time_usage: expect.any(Number),
    });
    const stored = await storedLogs(app);
    for (const secret of [OLD_PASSWORD, NEW_PASSWORD, EXTRA]) expect(stored).not.toContain(secret);
    // The token pair handed to the function is not stored either.
    expect(stored).not.toContain('tokenId');
  });
});

describe('scheduled triggers', () => {
  /** Moves the clock to 10 s after the next whole minute. */
  function toNextMinute(): void {
    const now = srv.clock.now().getTime();
    srv.clock.advance((60_000 - (now % 60_000) + 10_000) / 1000);
  }

  it('each run is a SCHEDULED_TRIGGER entry with the trigger and the console output', async () => {
    const app = await newApp();
    const fn = await createFunction(
      srv,
      admin,
      app.base,
      'everyMinute',
      `exports = function () { console.log('tick', arguments.length); };`,
    );
    const failing = await createFunction(
      srv,
      admin,
      app.base,
      'failsEveryMinute',
      `exports = function () { throw new Error('scheduled failure'); };`,
    );
    const trigger = await createTrigger(app, {
      name: 'minutely',
      type: 'SCHEDULED',
      function_id: fn._id,
      config: { schedule: '* * * * *' },
    });
    await createTrigger(app, {
      name: 'minutelyFailing',
      type: 'SCHEDULED',
      function_id: failing._id,
      config: { schedule: '* * * * *' },
    });
    toNextMinute();
    await srv.deps.scheduler.tick();

    const runs = await logsOf(app, '?type=SCHEDULED_TRIGGER');
    expect(runs).toHaveLength(2);
    const ok = runs.find((l) => l.function_name === 'everyMinute');
    expect(ok).toEqual({
      ...base(app, 'SCHEDULED_TRIGGER'),
      function_id: fn._id,
      function_name: 'everyMinute',
      function_call: { name: 'everyMinute', arguments: [] },
      messages: ['tick 0'],
      mem_time_usage: expect.any(Number),
      event_subscription_id: trigger._id,
      event_subscription_name: 'minutely',
    });
    expectInteger(ok?.mem_time_usage);
    const errors = await logsOf(app, '?errors_only&type=SCHEDULED_TRIGGER,TRIGGER_FAILURE');
    expect(errors).toEqual([
      expect.objectContaining({
        type: 'SCHEDULED_TRIGGER',
        function_name: 'failsEveryMinute',
        event_subscription_name: 'minutelyFailing',
        error: 'scheduled failure',
        error_code: 'FunctionExecutionError',
      }),
    ]);
  });
});

describe('TRIGGER_FAILURE', () => {
  it('is written when an event is dropped (full queue), with the co_id of the login', async () => {
    // A server whose trigger queue takes nothing: every auth event is dropped.
    const full = await startTestServer(
      {},
      { authTriggerLimits: { maxPending: 0, concurrency: 1 }, background: false },
    );
    try {
      const owner = await adminLogin(full, 'org');
      const app = await newApp(full, owner);
      await enableProvider(full, owner, app._id, 'anon-user');
      const { trigger } = await authTrigger(app, 'onLogin', 'LOGIN', full, owner);
      await anonLogin(full, app.client_app_id);

      const [auth] = await logsOf(app, '?type=AUTH', full, owner);
      const failures = await logsOf(app, '?type=TRIGGER_FAILURE', full, owner);
      expect(failures).toEqual([
        {
          ...base(app, 'TRIGGER_FAILURE'),
          co_id: auth?.co_id,
          event_subscription_id: trigger._id,
          event_subscription_name: 'onLogin',
          error: 'the trigger queue was full: the event was dropped',
        },
      ]);
      const errors = await logsOf(app, '?errors_only', full, owner);
      expect(errors.map((l) => l.type)).toEqual(['TRIGGER_FAILURE']);
      // Nothing ran: no AUTH_TRIGGER entry.
      expect(await logsOf(app, '?type=AUTH_TRIGGER', full, owner)).toEqual([]);
    } finally {
      await full.close();
    }
  });
});
