import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../src/config/config';
import type { AppLogEntry } from '../src/domain/app-logs/app-log';
import { adminApp, appWithApiKeys, keyLogin, ownerSession, type TestApp } from './helpers/api-keys';
import { clientApp } from './helpers/client';
import { adminLogin, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

interface WireLog {
  _id: string;
  app_id: string;
  group_id: string;
  domain_id: string;
  type: string;
  started: string;
  completed: string;
  [field: string]: unknown;
}
interface LogsPage {
  logs: WireLog[];
  nextEndDate?: string;
  nextSkip?: number;
}

let srv: TestServer;
let admin: AdminSession;
let app: TestApp;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await ownerSession(srv);
  app = await appWithApiKeys(srv, admin);
});
afterAll(() => srv.close());

const logsUrl = (appId: string, groupId = GROUP_A) => `${adminApp(appId, groupId)}/logs`;

async function getLogs(appId: string, query = '', server = srv, auth = admin.auth) {
  await server.deps.appLogs.flush();
  const res = await server.api.get(`${logsUrl(appId)}${query}`).set('Authorization', auth);
  expect([res.status, res.body]).toEqual([
    200,
    expect.objectContaining({ logs: expect.any(Array) }),
  ]);
  return res.body as LogsPage;
}

function login(clientAppId: string, provider: string, body: object, server = srv) {
  return server.api.post(`${clientApp(clientAppId)}/auth/providers/${provider}/login`).send(body);
}

const HEX = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('login attempts are AUTH entries', () => {
  it('a successful login: the user, the provider type, the request and the SDK', async () => {
    const device = {
      platform: 'node',
      platformVersion: '20.10.0',
      sdkVersion: '2.0.1',
      sdk: 'Web',
    };
    const res = await login(app.client_app_id, 'anon-user', { options: { device } }).expect(200);
    const userId = (res.body as { user_id: string }).user_id;

    const { logs, nextEndDate, nextSkip } = await getLogs(app._id, `?user_id=${userId}`);
    expect(logs).toEqual([
      {
        _id: expect.stringMatching(HEX),
        app_id: app._id,
        group_id: GROUP_A,
        domain_id: expect.stringMatching(HEX),
        type: 'AUTH',
        started: expect.stringMatching(ISO),
        completed: expect.stringMatching(ISO),
        co_id: expect.stringMatching(HEX),
        user_id: userId,
        request_url: `/api/client/v2.0/app/${app.client_app_id}/auth/providers/anon-user/login`,
        request_method: 'POST',
        remote_ip_address: expect.any(String),
        status: 200,
        auth_event: { type: 'login', provider: 'anon-user', failed: false },
        platform: 'node',
        platform_version: '20.10.0',
        sdk_name: 'Web',
        sdk_version: '2.0.1',
      },
    ]);
    const [entry] = logs;
    expect(Date.parse(entry?.completed ?? '')).toBeGreaterThanOrEqual(
      Date.parse(entry?.started ?? ''),
    );
    expect([nextEndDate, nextSkip]).toEqual([undefined, undefined]);
  });

  it('a failed login: the status and error the client got, no user', async () => {
    const res = await keyLogin(srv, app.client_app_id, 'x'.repeat(64)).expect(401);
    const answer = res.body as { error: string; error_code: string };

    const { logs } = await getLogs(app._id, '?errors_only');
    expect(logs[0]).toEqual({
      _id: expect.stringMatching(HEX),
      app_id: app._id,
      group_id: GROUP_A,
      domain_id: expect.stringMatching(HEX),
      type: 'AUTH',
      started: expect.stringMatching(ISO),
      completed: expect.stringMatching(ISO),
      co_id: expect.stringMatching(HEX),
      request_url: `/api/client/v2.0/app/${app.client_app_id}/auth/providers/api-key/login`,
      request_method: 'POST',
      remote_ip_address: expect.any(String),
      status: 401,
      error: answer.error,
      error_code: answer.error_code,
      auth_event: { type: 'login', provider: 'api-key', failed: true },
      platform: 'node',
    });
  });

  it('a provider the app lacks is logged under the requested name; a bad link token too', async () => {
    await login(app.client_app_id, 'custom-function', {}).expect(404);
    await srv.api
      .post(`${clientApp(app.client_app_id)}/auth/providers/anon-user/login?link=true`)
      .send({})
      .expect(401);
    const { logs } = await getLogs(app._id, '?errors_only&limit=2');
    expect(logs.map((l) => [l.status, l.error_code, l.auth_event])).toEqual([
      [401, 'MissingAuthReq', { type: 'login', provider: 'anon-user', failed: true }],
      [404, 'AuthProviderNotFound', { type: 'login', provider: 'custom-function', failed: true }],
    ]);
  });

  it('an unknown app writes nothing', async () => {
    const before = await srv.conn.collection('app_logs').countDocuments();
    await login('nosuchapp-abcde', 'anon-user', {}).expect(404);
    await srv.deps.appLogs.flush();
    expect(await srv.conn.collection('app_logs').countDocuments()).toBe(before);
  });

  it('rate-limited attempts (429) are failures too', async () => {
    const limited = await startTestServer({
      LOGIN_RATE_LIMIT_PER_IP: '2',
      TRUST_PROXY: 'loopback',
    });
    try {
      const owner = await ownerSession(limited);
      const own = await appWithApiKeys(limited, owner);
      const from = (ip: string) =>
        limited.api
          .post(`${clientApp(own.client_app_id)}/auth/providers/anon-user/login`)
          .set('X-Forwarded-For', ip)
          .send({});
      await from('203.0.113.9').expect(200);
      await from('203.0.113.9').expect(200);
      await from('203.0.113.9').expect(429);
      const { logs } = await getLogs(own._id, '', limited, owner.auth);
      expect(logs.map((l) => [l.status, l.error_code, l.remote_ip_address])).toEqual([
        [429, 'TooManyRequests', '203.0.113.9'],
        [200, undefined, '203.0.113.9'],
        [200, undefined, '203.0.113.9'],
      ]);
      expect(logs[0]?.auth_event).toEqual({ type: 'login', provider: 'anon-user', failed: true });
    } finally {
      await limited.close();
    }
  });
});

/** An entry of `appId` that started at `startedMs`. */
function entry(appId: string, startedMs: number, fields: Partial<AppLogEntry> = {}): AppLogEntry {
  const started = new Date(startedMs);
  return {
    type: 'AUTH',
    app_id: appId,
    group_id: GROUP_A,
    domain_id: appId,
    started,
    completed: new Date(started.getTime() + 5),
    ...fields,
  };
}

describe('filters', () => {
  let own: TestApp;
  let base: number;
  beforeAll(async () => {
    own = await appWithApiKeys(srv, admin);
    base = srv.clock.now().getTime();
    const w = (msAgo: number, fields: Partial<AppLogEntry>) =>
      srv.deps.appLogs.write(entry(own._id, base - msAgo, fields));
    w(6000, { user_id: 'u1', status: 200, co_id: 'c1' });
    w(5000, { user_id: 'u2', status: 401, error: 'bad', error_code: 'AuthError', co_id: 'c1' });
    w(4000, {
      type: 'FUNCTION',
      user_id: 'u1',
      status: 200,
      function_id: 'f1',
      function_name: 'sum',
      function_call: { name: 'sum', arguments: [{ $set: { 'a.b': 1 } }, 2] },
      messages: ['one', 'two'],
      mem_time_usage: 12.7,
    });
    w(3000, {
      type: 'SCHEDULED_TRIGGER',
      event_subscription_id: 't1',
      event_subscription_name: 'nightly',
      function_name: 'cleanup',
    });
    w(2000, { type: 'TRIGGER_FAILURE', event_subscription_id: 't1', error: 'boom' });
    await srv.deps.appLogs.flush();
  });

  const types = async (query: string) =>
    (await getLogs(own._id, query)).logs.map(
      (l) => `${l.type}:${typeof l.user_id === 'string' ? l.user_id : ''}`,
    );

  it('no filter: every entry, newest first', async () => {
    expect(await types('')).toEqual([
      'TRIGGER_FAILURE:',
      'SCHEDULED_TRIGGER:',
      'FUNCTION:u1',
      'AUTH:u2',
      'AUTH:u1',
    ]);
  });

  it('type: one, or a comma list; an unknown type is a 400', async () => {
    expect(await types('?type=FUNCTION')).toEqual(['FUNCTION:u1']);
    expect(await types('?type=AUTH,SCHEDULED_TRIGGER')).toEqual([
      'SCHEDULED_TRIGGER:',
      'AUTH:u2',
      'AUTH:u1',
    ]);
    const bad = await srv.api
      .get(`${logsUrl(own._id)}?type=AUTH,NOPE`)
      .set('Authorization', admin.auth);
    expect([bad.status, (bad.body as { error_code: string }).error_code]).toEqual([
      400,
      'InvalidParameter',
    ]);
  });

  it('the query realm-cli sends (Go url encoding: sorted keys, %2C and %3A)', async () => {
    const go = (ms: number) =>
      encodeURIComponent(new Date(base - ms).toISOString().replace(/0*Z$/, 'Z'));
    const query = `?end_date=${go(1000)}&errors_only=true&start_date=${go(9000)}&type=AUTH%2CAPI_KEY`;
    expect(await types(query)).toEqual(['AUTH:u2']);
  });

  it('errors_only: its presence alone selects errors (even =false)', async () => {
    const errors = ['TRIGGER_FAILURE:', 'AUTH:u2'];
    expect(await types('?errors_only')).toEqual(errors);
    expect(await types('?errors_only=true')).toEqual(errors);
    expect(await types('?errors_only=false')).toEqual(errors);
  });

  it('user_id and co_id', async () => {
    expect(await types('?user_id=u1')).toEqual(['FUNCTION:u1', 'AUTH:u1']);
    expect(await types('?co_id=c1')).toEqual(['AUTH:u2', 'AUTH:u1']);
    expect(await types('?co_id=c1&user_id=u1&type=AUTH')).toEqual(['AUTH:u1']);
  });

  it('the date window: start_date exclusive, end_date inclusive, to the millisecond', async () => {
    const at = (msAgo: number) => new Date(base - msAgo).toISOString();
    expect(await types(`?start_date=${at(5000)}&end_date=${at(3000)}`)).toEqual([
      'SCHEDULED_TRIGGER:',
      'FUNCTION:u1',
    ]);
    expect(await types(`?start_date=${at(5001)}&end_date=${at(3001)}`)).toEqual([
      'FUNCTION:u1',
      'AUTH:u2',
    ]);
    // The CLI's layout, with a zone offset.
    const offset = new Date(base - 4000 + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    expect(await types(`?end_date=${encodeURIComponent(offset)}`)).toEqual([
      'FUNCTION:u1',
      'AUTH:u2',
      'AUTH:u1',
    ]);
    const bad = await srv.api
      .get(`${logsUrl(own._id)}?start_date=yesterday`)
      .set('Authorization', admin.auth);
    expect([bad.status, bad.body]).toEqual([
      400,
      { error: 'invalid start_date: expected an ISO 8601 date', error_code: 'InvalidParameter' },
    ]);
  });

  it('function and trigger entries: their wire shape', async () => {
    const { logs } = await getLogs(own._id, '?type=FUNCTION,SCHEDULED_TRIGGER');
    const [trigger, fn] = logs;
    expect(fn).toMatchObject({
      function_id: 'f1',
      function_name: 'sum',
      function_call: { name: 'sum', arguments: [{ $set: { 'a.b': 1 } }, 2] },
      messages: ['one', 'two'],
      mem_time_usage: 13,
    });
    expect(trigger).toMatchObject({
      event_subscription_id: 't1',
      event_subscription_name: 'nightly',
      function_name: 'cleanup',
      messages: [],
    });
  });

  it('skip and limit; limit is 1..100', async () => {
    expect(await types('?skip=1&limit=2')).toEqual(['SCHEDULED_TRIGGER:', 'FUNCTION:u1']);
    for (const q of ['limit=0', 'limit=101', 'skip=-1']) {
      const res = await srv.api.get(`${logsUrl(own._id)}?${q}`).set('Authorization', admin.auth);
      expect([q, res.status]).toEqual([q, 400]);
    }
  });
});

describe('paging', () => {
  let own: TestApp;
  let expected: string[];
  let base: number;
  beforeAll(async () => {
    own = await appWithApiKeys(srv, admin);
    base = srv.clock.now().getTime();
    // 260 entries: single ones, a tie of 120 (more than a page), and ties around page edges.
    const msAgo: number[] = [];
    for (let i = 0; i < 95; i++) msAgo.push(1000 + i);
    for (let i = 0; i < 120; i++) msAgo.push(2000);
    for (let i = 0; i < 30; i++) msAgo.push(3000 + i);
    for (let i = 0; i < 15; i++) msAgo.push(4000);
    for (const ms of msAgo) srv.deps.appLogs.write(entry(own._id, base - ms));
    await srv.deps.appLogs.flush();
    const docs = await srv.conn
      .collection('app_logs')
      .find({ app_id: new mongoose.Types.ObjectId(own._id) }, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .toArray();
    expected = docs.map((d) => String(d._id));
    expect(expected).toHaveLength(260);
  });

  /** Follows nextEndDate/nextSkip from the first page of the window to the last. */
  async function walk(limit: number, start?: string, end?: string): Promise<string[]> {
    const seen: string[] = [];
    const from = start === undefined ? '' : `&start_date=${start}`;
    let query = `?limit=${limit}${from}${end === undefined ? '' : `&end_date=${end}`}`;
    for (let pages = 0; pages < 300; pages++) {
      const page = await getLogs(own._id, query);
      seen.push(...page.logs.map((l) => l._id));
      if (page.nextEndDate === undefined) {
        expect(page.nextSkip).toBeUndefined();
        return seen;
      }
      expect(page.logs).toHaveLength(limit);
      const last = page.logs[limit - 1];
      expect(Date.parse(page.nextEndDate)).toBeLessThanOrEqual(Date.parse(last?.started ?? ''));
      query = `?limit=${limit}${from}&end_date=${page.nextEndDate}&skip=${String(page.nextSkip)}`;
    }
    throw new Error('paging did not end');
  }

  it('nextEndDate and nextSkip walk every entry once, newest first (100 per page)', async () => {
    const first = await getLogs(own._id);
    expect(first.logs).toHaveLength(100);
    expect(first.nextEndDate).toMatch(ISO);
    expect(await walk(100)).toEqual(expected);
  });

  it('the same with small pages, and within a date window', async () => {
    expect(await walk(7)).toEqual(expected);
    expect(await walk(33)).toEqual(expected);
    const end = new Date(base - 2000).toISOString();
    const start = new Date(base - 3010).toISOString();
    const windowed = await walk(50, start, end);
    expect(windowed).toEqual(expected.slice(95, 95 + 120 + 10));
  });
});

describe('access', () => {
  it("another group's app: 403 for its owner's group, 404 under another group", async () => {
    const other = await adminLogin(srv, { groupId: GROUP_B });
    const res = await srv.api.get(logsUrl(app._id)).set('Authorization', other.auth);
    expect(res.status).toBe(403);
    const moved = await srv.api.get(logsUrl(app._id, GROUP_B)).set('Authorization', other.auth);
    expect(moved.status).toBe(404);
    const anonymous = await srv.api.get(logsUrl(app._id));
    expect(anonymous.status).toBe(401);
  });

  it('deleting an app deletes its logs', async () => {
    const own = await appWithApiKeys(srv, admin);
    srv.deps.appLogs.write(entry(own._id, Date.now()));
    await srv.deps.appLogs.flush();
    const logs = srv.conn.collection('app_logs');
    const ofApp = { app_id: new mongoose.Types.ObjectId(own._id) };
    expect(await logs.countDocuments(ofApp)).toBe(1);
    await srv.api.delete(adminApp(own._id)).set('Authorization', admin.auth).expect(204);
    expect(await logs.countDocuments(ofApp)).toBe(0);
  });
});

describe('what an entry may hold', () => {
  it('messages are cut to 100 lines and 64 KiB, with a marker; writing never throws', async () => {
    const own = await appWithApiKeys(srv, admin);
    const now = srv.clock.now().getTime();
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    srv.deps.appLogs.write(entry(own._id, now - 2, { type: 'FUNCTION', messages: lines }));
    srv.deps.appLogs.write(
      entry(own._id, now - 1, { type: 'FUNCTION', messages: ['é'.repeat(100_000)] }),
    );
    expect(() => srv.deps.appLogs.write(entry('not-an-id', now))).not.toThrow();
    const odd = { function_call: { name: 'f', arguments: 10n }, started: new Date(NaN) };
    expect(() => srv.deps.appLogs.write(entry(own._id, now, odd))).not.toThrow();
    const { logs } = await getLogs(own._id, '?type=FUNCTION');
    const [big, many] = logs.map((l) => l.messages as string[]);
    expect(many).toHaveLength(100);
    expect(many?.[98]).toBe('line 98');
    expect(many?.[99]).toBe('[truncated: 401 of 500 lines not kept in full]');
    expect(Buffer.byteLength((big ?? []).join(''))).toBeLessThanOrEqual(64 * 1024);
    expect(big?.[1]).toBe('[truncated: 1 of 1 lines not kept in full]');
    const [stored] = (await getLogs(own._id, '?type=AUTH')).logs;
    expect(stored?.function_call).toEqual({ name: 'f', arguments: '10' });
  });
});

describe('retention', () => {
  it('APP_LOG_RETENTION_DAYS: 10 by default, 1..3650', () => {
    expect(loadConfig({}).appLogRetentionDays).toBe(10);
    expect(loadConfig({ APP_LOG_RETENTION_DAYS: '30' }).appLogRetentionDays).toBe(30);
    expect(() => loadConfig({ APP_LOG_RETENTION_DAYS: '0' })).toThrow(ConfigError);
  });

  it('the sweep removes entries older than the retention, by the server clock', async () => {
    const own = await appWithApiKeys(srv, admin);
    const day = 24 * 3600_000;
    const now = srv.clock.now().getTime();
    srv.deps.appLogs.write(entry(own._id, now - 10 * day - 60_000, { user_id: 'old' }));
    srv.deps.appLogs.write(entry(own._id, now - 10 * day + 60_000, { user_id: 'recent' }));
    srv.deps.appLogs.write(entry(own._id, now, { user_id: 'new' }));
    await srv.deps.appLogs.flush();
    await srv.deps.appLogs.sweep();
    const users = async () => (await getLogs(own._id)).logs.map((l) => l.user_id);
    expect(await users()).toEqual(['new', 'recent']);

    srv.clock.advance(2 * 60);
    await srv.deps.appLogs.sweep();
    expect(await users()).toEqual(['new']);
  });

  it('a TTL index where the database has them (not FerretDB v1)', async () => {
    const { ttl } = await srv.deps.appLogs.init();
    const indexes = await srv.conn.collection('app_logs').indexes();
    const names = indexes.map((i) => i.name);
    expect(names.includes('expires_at_ttl')).toBe(ttl);
  });
});
