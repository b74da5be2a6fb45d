import { anonLogin, enableProvider } from './helpers/client';
import { createFunction } from './helpers/config-resources';
import { adminLogin } from './helpers/factories';
import {
  admin,
  authTrigger,
  base,
  createTrigger,
  expectInteger,
  functionLogsSuite,
  logsOf,
  newApp,
  srv,
} from './helpers/function-logs-suite';
import { startTestServer } from './helpers/test-server';

// What triggers leave in the app logs (GET …/logs): scheduled trigger runs, and TRIGGER_FAILURE
// when an event is dropped.

functionLogsSuite();

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
