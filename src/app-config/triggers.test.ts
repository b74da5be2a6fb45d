import { defaultAppConfig, type AppConfig, type TriggerConfig } from './app-config.types';
import {
  authTriggersFor,
  nextFireTime,
  normalizeSchedule,
  previousFireTime,
  scheduledTriggers,
  scheduleProblem,
} from './triggers';

const at = (iso: string) => new Date(iso);

describe('nextFireTime (UTC)', () => {
  it.each([
    ['0 8 * * *', '2024-01-01T07:59:59.999Z', '2024-01-01T08:00:00.000Z'],
    // Strictly after: a fire time equal to `after` is not returned again.
    ['0 8 * * *', '2024-01-01T08:00:00.000Z', '2024-01-02T08:00:00.000Z'],
    ['*/5 * * * *', '2024-01-01T08:02:30.500Z', '2024-01-01T08:05:00.000Z'],
    ['* * * * *', '2024-01-01T08:02:30.000Z', '2024-01-01T08:03:00.000Z'],
    ['0 0 1 * *', '2024-01-15T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ['0 0 29 2 *', '2024-03-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['30 9 * * MON-FRI', '2024-01-06T00:00:00.000Z', '2024-01-08T09:30:00.000Z'],
    ['0 12 * * 0', '2024-01-01T00:00:00.000Z', '2024-01-07T12:00:00.000Z'],
    ['  15   10 * * *  ', '2024-01-01T00:00:00.000Z', '2024-01-01T10:15:00.000Z'],
  ])('%j after %s is %s', (schedule, after, next) => {
    expect(nextFireTime(schedule, at(after)).toISOString()).toBe(next);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: 23:30 UTC is already the next day there
    try {
      expect(nextFireTime('45 23 * * *', at('2024-06-30T23:30:00Z')).toISOString()).toBe(
        '2024-06-30T23:45:00.000Z',
      );
      expect(nextFireTime('0 0 1 * *', at('2024-06-30T23:30:00Z')).toISOString()).toBe(
        '2024-07-01T00:00:00.000Z',
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('throws on a schedule it would refuse', () => {
    expect(() => nextFireTime('* * * * * *', new Date())).toThrow(/5 fields/);
  });
});

describe('previousFireTime (UTC)', () => {
  it.each([
    // At or before: a fire time equal to the instant is returned.
    ['0 8 * * *', '2024-01-02T08:00:00.000Z', '2024-01-02T08:00:00.000Z'],
    ['0 8 * * *', '2024-01-02T07:59:59.999Z', '2024-01-01T08:00:00.000Z'],
    ['* * * * *', '2024-01-01T08:02:30.500Z', '2024-01-01T08:02:00.000Z'],
    ['0 0 29 2 *', '2027-03-01T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
  ])('%j at or before %s is %s', (schedule, at0, prev) => {
    expect(previousFireTime(schedule, at(at0))?.toISOString()).toBe(prev);
  });

  it('normalizes the spelling of a schedule', () => {
    expect(normalizeSchedule('  0   8 * *  * ')).toBe('0 8 * * *');
  });
});

describe('scheduleProblem', () => {
  it.each(['0 8 * * *', '*/15 * * * *', '0 0 1,15 * *', '0 0 * JAN,JUL THU', '5 4 * * 7'])(
    'accepts %j',
    (schedule) => {
      expect(scheduleProblem(schedule)).toBeUndefined();
    },
  );

  it.each([
    ['', /exactly 5 fields.*got 0/],
    ['* * * *', /got 4/],
    ['* * * * * *', /got 6/], // a seconds field would fire more often than once a minute
    ['@daily', /got 1/],
    ['@secondly', /got 1/],
    ['61 * * * *', /0-59/],
    ['0 24 * * *', /0-23/],
    ['0 0 30 2 *', /day of month/i],
    ['x * * * *', /Invalid characters/],
    ['*/0 * * * *', /every 0/],
    ['H * * * *', /hashed/],
    ['? * * * *', /hashed values \(H\) and "\?"/],
  ])('refuses %j', (schedule, message) => {
    expect(scheduleProblem(schedule)).toMatch(message);
  });
});

function trigger(
  over: Partial<TriggerConfig> & Pick<TriggerConfig, 'type' | 'config'>,
): TriggerConfig {
  return {
    _id: `${Math.random()}`,
    name: 't',
    disabled: false,
    function_id: 'f',
    last_modified: 0,
    ...over,
  };
}

describe('authTriggersFor and scheduledTriggers', () => {
  const onCreate = trigger({
    name: 'onCreate',
    type: 'AUTHENTICATION',
    config: { operation_type: 'CREATE', providers: ['local-userpass', 'anon-user'] },
  });
  const onLogin = trigger({
    name: 'onLogin',
    type: 'AUTHENTICATION',
    config: { operation_type: 'LOGIN', providers: ['local-userpass'] },
  });
  const offCreate = trigger({
    name: 'offCreate',
    type: 'AUTHENTICATION',
    disabled: true,
    config: { operation_type: 'CREATE', providers: ['local-userpass'] },
  });
  const daily = trigger({
    name: 'daily',
    type: 'SCHEDULED',
    config: { schedule: '0 8 * * *', skip_catchup_events: false },
  });
  const offDaily = trigger({
    name: 'offDaily',
    type: 'SCHEDULED',
    disabled: true,
    config: { schedule: '0 9 * * *', skip_catchup_events: true },
  });
  const config: AppConfig = {
    ...defaultAppConfig(),
    triggers: [onCreate, onLogin, offCreate, daily, offDaily],
  };

  it('selects enabled AUTHENTICATION triggers by operation and provider type', () => {
    expect(authTriggersFor(config, 'CREATE', 'local-userpass').map((t) => t.name)).toEqual([
      'onCreate',
    ]);
    expect(authTriggersFor(config, 'CREATE', 'anon-user').map((t) => t.name)).toEqual(['onCreate']);
    expect(authTriggersFor(config, 'LOGIN', 'local-userpass').map((t) => t.name)).toEqual([
      'onLogin',
    ]);
    expect(authTriggersFor(config, 'LOGIN', 'api-key')).toEqual([]);
    expect(authTriggersFor(config, 'DELETE', 'local-userpass')).toEqual([]);
  });

  it('selects by any of several provider types (a deleted user with linked identities)', () => {
    expect(
      authTriggersFor(config, 'LOGIN', ['api-key', 'local-userpass']).map((t) => t.name),
    ).toEqual(['onLogin']);
    expect(authTriggersFor(config, 'LOGIN', [])).toEqual([]);
  });

  it('selects enabled SCHEDULED triggers', () => {
    expect(scheduledTriggers(config).map((t) => t.name)).toEqual(['daily']);
    expect(scheduledTriggers(defaultAppConfig())).toEqual([]);
  });
});
