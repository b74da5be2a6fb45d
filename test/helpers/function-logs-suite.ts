import mongoose from 'mongoose';
import { appPath, createFunction } from './config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './factories';
import { startTestServer, type TestServer } from './test-server';

// The prologue of the function log suites (test/function-logs-*.test.ts): one server per test
// file, the org owner, and reading an app's log entries.
//
// The tests use `srv` and `admin` directly, so the hooks that `functionLogsSuite()` registers
// fill in these exported bindings (ES module live bindings: an importer always reads the current
// value) rather than the fields of a returned object.

export let srv: TestServer;
export let admin: AdminSession;

/**
 * Starts the server and logs the org owner in before the file's tests, and closes it after them.
 * Call it at the top level of a test file.
 */
export function functionLogsSuite(): void {
  beforeAll(async () => {
    // No background loop: scheduled triggers run only when a test calls tick().
    srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 }, background: false });
    admin = await adminLogin(srv, 'org');
  });
  afterAll(() => srv.close());
}

export interface WireLog {
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

export interface TestApp {
  _id: string;
  client_app_id: string;
  base: string;
}

export const HEX = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The fields every entry has (the test's app in GROUP_A). */
export const base = (app: TestApp, type: string) => ({
  _id: expect.stringMatching(HEX) as string,
  app_id: app._id,
  group_id: GROUP_A,
  domain_id: expect.stringMatching(HEX) as string,
  type,
  started: expect.stringMatching(ISO) as string,
  completed: expect.stringMatching(ISO) as string,
  co_id: expect.stringMatching(HEX) as string,
});

export async function newApp(on = srv, as = admin): Promise<TestApp> {
  const app = await createApp(on, as);
  return { ...app, base: appPath(GROUP_A, app._id) };
}

/** The app's log entries (newest first) once every write and queued trigger is done. */
export async function logsOf(app: TestApp, query = '', on = srv, as = admin): Promise<WireLog[]> {
  await on.deps.authTriggers.idle();
  await on.deps.appLogs.flush();
  const res = await on.api.get(`${app.base}/logs${query}`).set('Authorization', as.auth);
  expect(res.status).toBe(200);
  return (res.body as { logs: WireLog[] }).logs;
}

/** The app's entries as stored in the database, every field included. */
export async function storedLogs(app: TestApp): Promise<string> {
  await srv.deps.authTriggers.idle();
  await srv.deps.appLogs.flush();
  const docs = await srv.conn
    .collection('app_logs')
    .find({ app_id: new mongoose.Types.ObjectId(app._id) })
    .toArray();
  expect(docs.length).toBeGreaterThan(0);
  return JSON.stringify(docs);
}

export const expectInteger = (n: unknown) => expect(Number.isInteger(n)).toBe(true);

export async function createTrigger(
  app: TestApp,
  body: Record<string, unknown>,
  on = srv,
  as = admin,
) {
  const res = await on.api
    .post(`${app.base}/triggers`)
    .set('Authorization', as.auth)
    .send(body)
    .expect(201);
  return res.body as { _id: string; name: string };
}

/** An AUTHENTICATION trigger whose function logs the operation and the user's id. */
export async function authTrigger(app: TestApp, name: string, op: string, on = srv, as = admin) {
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
