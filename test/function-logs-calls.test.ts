import { anonLogin, clientApp, enableProvider } from './helpers/client';
import { createFunction, createIn } from './helpers/config-resources';
import {
  admin,
  base,
  expectInteger,
  functionLogsSuite,
  logsOf,
  newApp,
  srv,
} from './helpers/function-logs-suite';

// What function calls leave in the app logs (GET …/logs): debug runs and client calls, with one
// co_id per request (test/function-logs-auth.test.ts: logins; function-logs-triggers: triggers).

functionLogsSuite();

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
