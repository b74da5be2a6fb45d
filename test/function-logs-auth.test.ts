import { anonLogin, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import { createDataSource, createFunction } from './helpers/config-resources';
import {
  admin,
  authTrigger,
  base,
  createTrigger,
  expectInteger,
  functionLogsSuite,
  HEX,
  logsOf,
  newApp,
  srv,
  storedLogs,
  type WireLog,
} from './helpers/function-logs-suite';
import { addUserpassProvider, loginOk, register, userpassPath } from './helpers/userpass';

// What logins leave in the app logs (GET …/logs): the user creation function, custom-function
// logins, email/password functions and the AUTHENTICATION triggers, under one co_id per login;
// and no credentials anywhere in the stored entries.

functionLogsSuite();

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
