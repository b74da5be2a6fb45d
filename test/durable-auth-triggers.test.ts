import type { ChildProcess } from 'node:child_process';
import { startChildServer } from './helpers/child-server';
import { clientApp, enableProvider } from './helpers/client';
import { appPath, createDataSource, createFunction } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, testDatabaseUri, type TestServer } from './helpers/test-server';

// AUTHENTICATION trigger events are recorded before the response and run at least once: a
// process killed with events queued or running leaves them to another process's sweep, and a
// failing trigger is retried a bounded number of times.

const MAX_ATTEMPTS = 3;
const RETRY_DELAY_MS = 30_000;

let srv: TestServer;
let admin: AdminSession;
const databases: string[] = [];

beforeAll(async () => {
  // No background loop: the sweep runs only when a test calls sweep().
  srv = await startTestServer(
    {},
    {
      functionLimits: { timeoutMs: 5000 },
      background: false,
      authTriggerDurability: {
        leaseMs: 60_000,
        maxAttempts: MAX_ATTEMPTS,
        retryDelayMs: RETRY_DELAY_MS,
      },
    },
  );
});
beforeEach(async () => {
  admin = await adminLogin(srv, 'org');
});
afterAll(async () => {
  for (const name of databases) await srv.conn.getClient().db(name).dropDatabase();
  await srv.close();
});

interface TestApp {
  _id: string;
  client_app_id: string;
  base: string;
  db: string;
}

/** An app with anonymous logins and a LOGIN trigger running `source` (which may use DB). */
async function appWithLoginTrigger(source: string): Promise<TestApp> {
  const app = await createApp(srv, admin);
  const base = appPath(GROUP_A, app._id);
  await createDataSource(srv, admin, base);
  const db = `dat_${srv.dbName}_${databases.length}`;
  databases.push(db);
  await enableProvider(srv, admin, app._id, 'anon-user');
  const fn = await createFunction(
    srv,
    admin,
    base,
    'onLogin',
    source.replaceAll('DB', JSON.stringify(db)),
  );
  await srv.api
    .post(`${base}/triggers`)
    .set('Authorization', admin.auth)
    .send({
      name: 'onLogin',
      type: 'AUTHENTICATION',
      function_id: fn._id,
      config: { operation_type: 'LOGIN', providers: ['anon-user'] },
    })
    .expect(201);
  return { ...app, base, db };
}

async function logsOf(app: TestApp, type: string) {
  await srv.deps.authTriggers.idle();
  await srv.deps.appLogs.flush();
  admin = await adminLogin(srv, 'org'); // the clock may have moved past the last session
  const res = await srv.api
    .get(`${app.base}/logs?type=${type}`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as { logs: { type: string; error?: string; co_id: string }[] }).logs;
}

const stored = (name: 'auth_trigger_events' | 'auth_trigger_claims') =>
  srv.conn.collection(name).countDocuments({});

/** Polls `check` until it is true or `ms` have passed. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A server in a child process (test/fixtures/auth-trigger-server.ts) on this database. */
function startChild(): Promise<{ child: ChildProcess; base: string }> {
  return startChildServer('auth-trigger-server.ts', [testDatabaseUri(), srv.dbName], 60_000);
}

describe('AUTHENTICATION trigger events survive the death of the process that took them', () => {
  it('a SIGKILLed server leaves its running and queued events to another server, which runs each once', async () => {
    // Waits for the test to release it, then records the user it ran for.
    const app = await appWithLoginTrigger(`exports = async function (event) {
      const db = context.services.get('mongodb-atlas').db(DB);
      while (!(await db.collection('gate').findOne({ open: true }))) {}
      await db.collection('ran').insertOne({ user_id: event.user.id });
    };`);
    const { child, base } = await startChild();
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const users: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(
          `${base}${clientApp(app.client_app_id)}/auth/providers/anon-user/login`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          },
        );
        expect(res.status).toBe(200);
        users.push(((await res.json()) as { user_id: string }).user_id);
      }
      // Recorded before each response; the child is running the first and holds the others.
      expect(await stored('auth_trigger_events')).toBe(3);
      await until(async () => (await stored('auth_trigger_claims')) === 1, 20_000, 'a claim');
      child.kill('SIGKILL');
      await exited;

      const data = srv.conn.getClient().db(app.db);
      await data.collection('gate').insertOne({ open: true });
      // Within the lease, the events are still the dead process's.
      await srv.deps.authTriggers.sweep();
      expect(await data.collection('ran').countDocuments({})).toBe(0);

      srv.clock.advance(120);
      await srv.deps.authTriggers.sweep();
      const ran = await data.collection('ran').find({}).toArray();
      expect(ran.map((r) => r.user_id as string).sort()).toEqual([...users].sort());
      expect(await stored('auth_trigger_events')).toBe(0);
      expect(await stored('auth_trigger_claims')).toBe(0);
      const runs = await logsOf(app, 'AUTH_TRIGGER');
      expect(runs).toHaveLength(3);
      expect(runs.every((l) => l.error === undefined)).toBe(true);
      expect(await logsOf(app, 'TRIGGER_FAILURE')).toEqual([]);

      // Done is done: later sweeps run nothing again.
      srv.clock.advance(600);
      await srv.deps.authTriggers.sweep();
      expect(await data.collection('ran').countDocuments({})).toBe(3);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a failing AUTHENTICATION trigger', () => {
  it(`is retried after growing delays, ${MAX_ATTEMPTS} attempts in all, then given up with a TRIGGER_FAILURE entry`, async () => {
    const app = await appWithLoginTrigger(
      `exports = function () { throw new Error('trigger says no'); };`,
    );
    const res = await srv.api
      .post(`${clientApp(app.client_app_id)}/auth/providers/anon-user/login`)
      .send({})
      .expect(200);
    expect(res.body).toEqual(expect.objectContaining({ access_token: expect.any(String) }));
    const [auth] = await logsOf(app, 'AUTH');
    const attempts = async () => (await logsOf(app, 'AUTH_TRIGGER')).length;
    expect(await attempts()).toBe(1);

    // Not before the retry delay.
    await srv.deps.authTriggers.sweep();
    expect(await attempts()).toBe(1);
    srv.clock.advance(RETRY_DELAY_MS / 1000 + 1);
    await srv.deps.authTriggers.sweep();
    expect(await attempts()).toBe(2);
    expect(await logsOf(app, 'TRIGGER_FAILURE')).toEqual([]);
    // The second delay is twice the first.
    srv.clock.advance(RETRY_DELAY_MS / 1000 + 1);
    await srv.deps.authTriggers.sweep();
    expect(await attempts()).toBe(2);
    srv.clock.advance(RETRY_DELAY_MS / 1000);
    await srv.deps.authTriggers.sweep();
    expect(await attempts()).toBe(MAX_ATTEMPTS);

    const failures = await logsOf(app, 'TRIGGER_FAILURE');
    expect(failures).toEqual([
      expect.objectContaining({
        type: 'TRIGGER_FAILURE',
        co_id: auth?.co_id,
        error: `gave up after ${MAX_ATTEMPTS} attempts: trigger says no`,
      }),
    ]);
    expect(await stored('auth_trigger_events')).toBe(0);
    expect(await stored('auth_trigger_claims')).toBe(0);
    srv.clock.advance(3600);
    await srv.deps.authTriggers.sweep();
    expect(await attempts()).toBe(MAX_ATTEMPTS);
  });
});
