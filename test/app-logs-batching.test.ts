import mongoose from 'mongoose';
import type { AppLogEntry } from '../src/domain/app-logs/app-log';
import { claimsFor, hsApp, loginOk, mintHs } from './helpers/custom-token';
import { adminLogin, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let recorded: string[] | undefined;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  srv.conn.set('debug', (collection: string, method: string) => {
    if (collection === 'app_logs') recorded?.push(method);
  });
});
afterAll(() => srv.close());

/** An entry of a made-up app (its own id, so each test counts only its own entries). */
function entryOf(appId: string, i = 0): AppLogEntry {
  const started = new Date();
  return {
    type: 'FUNCTION',
    app_id: appId,
    group_id: GROUP_A,
    domain_id: appId,
    function_name: `f${i}`,
    started,
    completed: started,
  };
}

const stored = (appId: string) =>
  srv.conn.collection('app_logs').countDocuments({ app_id: new mongoose.Types.ObjectId(appId) });

async function eventually(check: () => Promise<boolean>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('a login’s AUTH entry is listed by the logs read that follows it, with no flush by the test', async () => {
  const app = await hsApp(srv, admin);
  const token = await mintHs(claimsFor(app.clientAppId, { sub: 'logged' }));
  const { user_id } = await loginOk(srv, app.clientAppId, token);
  const res = await srv.api
    .get(`/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/logs?type=AUTH`)
    .set('Authorization', admin.auth)
    .expect(200);
  expect(res.body.logs).toEqual([expect.objectContaining({ type: 'AUTH', user_id, status: 200 })]);
});

it('buffered entries reach the database on their own, shortly', async () => {
  const appId = new mongoose.Types.ObjectId().toHexString();
  srv.deps.appLogs.write(entryOf(appId));
  await eventually(async () => (await stored(appId)) === 1);
});

it('entries written together are inserted in one batch', async () => {
  const appId = new mongoose.Types.ObjectId().toHexString();
  recorded = [];
  try {
    for (let i = 0; i < 50; i++) srv.deps.appLogs.write(entryOf(appId, i));
    await srv.deps.appLogs.flush();
    expect(recorded).toEqual(['insertMany']);
  } finally {
    recorded = undefined;
  }
  expect(await stored(appId)).toBe(50);
});

it('at most 1,000 entries are held unstored: the rest are dropped', async () => {
  const appId = new mongoose.Types.ObjectId().toHexString();
  for (let i = 0; i < 1500; i++) srv.deps.appLogs.write(entryOf(appId, i));
  await srv.deps.appLogs.flush();
  expect(await stored(appId)).toBe(1000);
});

it('a server that stops stores the entries it still buffered', async () => {
  const other = await startTestServer({}, { dbName: srv.dbName });
  const appId = new mongoose.Types.ObjectId().toHexString();
  for (let i = 0; i < 5; i++) other.deps.appLogs.write(entryOf(appId, i));
  await other.close();
  expect(await stored(appId)).toBe(5);
});
