import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import mongoose from 'mongoose';
import { connectDatabase } from '../src/db/connection';
import { ATLAS_CONFIG } from './helpers/config-resources';
import { GROUP_A } from './helpers/factories';
import { send, type Outcome } from './helpers/http-outcome';
import {
  ERROR_LEVEL,
  startServerProcess,
  WARN_LEVEL,
  type ServerProcess,
} from './helpers/server-process';
import { testDatabaseUri } from './helpers/test-server';

// A clean shutdown (SIGTERM) of the real server process (src/main.ts): under login and refresh
// load on keep-alive connections, with function calls still running whose clients hang up at
// the signal; and past the drain timeout.

const WORKERS = 12;
const SLOW_CALLS = 2;
const KEY = { publicKey: 'shutdown', privateKey: randomUUID() };
const dbName = `t_${randomBytes(6).toString('hex')}`;

let srv: ServerProcess | undefined;
let conn: mongoose.Connection;
beforeAll(async () => {
  conn = await connectDatabase(testDatabaseUri(), dbName);
});
afterEach(() => {
  if (srv && srv.child.exitCode === null && srv.child.signalCode === null)
    srv.child.kill('SIGKILL');
});
afterAll(async () => {
  for (const db of appDbs) await conn.getClient().db(db).dropDatabase();
  await conn.dropDatabase();
  await conn.close();
});

interface Sent {
  op: 'login' | 'refresh' | 'slow call';
  outcome: Outcome;
}

/** The body of a complete response with that status, or a failure naming what came instead. */
function expectResponse(o: Outcome, status: number): Record<string, unknown> {
  if (o.kind !== 'response' || o.status !== status)
    throw new Error(`expected ${status}, got ${JSON.stringify(o)}`);
  return o.body as Record<string, unknown>;
}

/** Polls `condition` every 10 ms (some read the database) until it holds; fails after 20 s. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How the process ended, or 'still running' after `ms`. */
async function exitWithin(
  server: ServerProcess,
  ms: number,
): Promise<{ code: number | null; signal: string | null } | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), ms);
  });
  const exit = await Promise.race([server.exited, late]);
  clearTimeout(timer);
  return exit;
}

/** The databases of the apps the tests made (each app has its own on the built-in source). */
const appDbs: string[] = [];

/**
 * The server with this drain timeout, an app with the anonymous provider, and a function that
 * records that it has started, then runs about 1.2 s.
 */
async function start(drainTimeoutMs: number) {
  // Where each run of the slow function records that it has started.
  const appDb = `${dbName}_app${appDbs.length}`;
  appDbs.push(appDb);
  const slowStarted = () => conn.getClient().db(appDb).collection('slow_started').countDocuments();
  srv = await startServerProcess(
    {
      MONGODB_URI: testDatabaseUri(),
      MONGODB_DB_NAME: dbName,
      ADMIN_API_PUBLIC_KEY: KEY.publicKey,
      ADMIN_API_PRIVATE_KEY: KEY.privateKey,
      LOGIN_RATE_LIMIT_PER_IP: '0',
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '0',
      SHUTDOWN_DRAIN_TIMEOUT_MS: String(drainTimeoutMs),
    },
    30_000,
  );
  const { base } = srv;
  const agent = new http.Agent();
  const admin = expectResponse(
    await send(agent, `${base}/api/admin/v3.0/auth/providers/mongodb-cloud/login`, 'POST', {
      body: { username: KEY.publicKey, apiKey: KEY.privateKey },
    }),
    200,
  );
  const authorization = `Bearer ${String(admin.access_token)}`;
  const app = expectResponse(
    await send(agent, `${base}/api/admin/v3.0/groups/${GROUP_A}/apps`, 'POST', {
      body: { name: `shutdown${drainTimeoutMs}` },
      authorization,
    }),
    201,
  ) as { _id: string; client_app_id: string };
  const appBase = `${base}/api/admin/v3.0/groups/${GROUP_A}/apps/${app._id}`;
  const started = `context.services.get('mongodb-atlas').db(${JSON.stringify(appDb)})
    .collection('slow_started')`;
  for (const [resource, body] of [
    ['auth_providers', { name: 'anon-user', type: 'anon-user', disabled: false }],
    ['services', { name: 'mongodb-atlas', type: 'mongodb-atlas', config: ATLAS_CONFIG }],
    [
      'functions',
      {
        name: 'slow',
        private: false,
        run_as_system: true,
        source: `exports = async () => {
          await ${started}.insertOne({ at: new Date() });
          const end = Date.now() + 1200;
          while (Date.now() < end);
        };`,
      },
    ],
  ] as const) {
    expectResponse(
      await send(agent, `${appBase}/${resource}`, 'POST', { body, authorization }),
      201,
    );
  }
  const client = `${base}/api/client/v2.0`;
  const login = `${client}/app/${app.client_app_id}/auth/providers/anon-user/login`;
  const caller = expectResponse(await send(agent, login, 'POST', { body: {} }), 200);
  agent.destroy();
  /** Sends the calls of the slow function at once; resolves with how they ended. */
  const slowCalls = (signal?: AbortSignal) => {
    const slowAgent = new http.Agent();
    const calls = Array.from({ length: SLOW_CALLS }, () =>
      send(slowAgent, `${client}/app/${app.client_app_id}/functions/call`, 'POST', {
        body: { name: 'slow', arguments: [] },
        authorization: `Bearer ${String(caller.access_token)}`,
        signal,
      }),
    );
    return Promise.all(calls).finally(() => slowAgent.destroy());
  };
  return { server: srv, app, client, login, slowCalls, slowStarted };
}

it('answers or refuses every request, stores their app log entries, and exits 0 with no error', async () => {
  const drainTimeoutMs = 10_000;
  const { server, app, client, login, slowCalls, slowStarted } = await start(drainTimeoutMs);
  const sent: Sent[] = [];
  let isExited = false;
  void server.exited.then(() => (isExited = true));

  // Load: each worker logs in and refreshes twice, again and again, on keep-alive connections,
  // until the server refuses it or has exited.
  const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
  const worker = async () => {
    while (!isExited) {
      const l = await send(agent, login, 'POST', { body: {} });
      sent.push({ op: 'login', outcome: l });
      if (l.kind !== 'response') return;
      for (let i = 0; i < 2; i++) {
        const r = await send(agent, `${client}/auth/session`, 'POST', {
          authorization: `Bearer ${String((l.body as { refresh_token?: unknown }).refresh_token)}`,
        });
        sent.push({ op: 'refresh', outcome: r });
        if (r.kind !== 'response') return;
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);
  await until(
    () => sent.filter((s) => s.outcome.kind === 'response').length >= 3 * WORKERS,
    'the load to run',
  );

  // Calls still running at the signal, whose clients hang up at once: the server must finish
  // them (and store their app log entries) before it closes the database.
  const hangUp = new AbortController();
  const slow = slowCalls(hangUp.signal);
  await until(async () => (await slowStarted()) === SLOW_CALLS, 'the slow calls to start');
  const signalledAt = Date.now();
  server.child.kill('SIGTERM');
  hangUp.abort();

  const exit = await exitWithin(server, drainTimeoutMs);
  isExited = true;
  await Promise.all(workers);
  for (const outcome of await slow) sent.push({ op: 'slow call', outcome });
  agent.destroy();

  expect(exit).toEqual({ code: 0, signal: null });
  // Every request was answered completely (logins 200, refreshes 201) or refused, or (the slow
  // calls) abandoned by its client; none broke, none failed.
  const expected = { login: 200, refresh: 201 } as const;
  const unexpected = sent.filter(({ op, outcome: o }) =>
    op === 'slow call'
      ? o.kind !== 'aborted'
      : o.kind !== 'refused' && !(o.kind === 'response' && o.status === expected[op]),
  );
  expect(unexpected).toEqual([]);
  // The drain was tested: requests in flight at the signal were answered after it.
  expect(
    sent.some(
      ({ outcome: o }) =>
        o.kind === 'response' && o.sentAt < signalledAt && o.endedAt > signalledAt,
    ),
  ).toBe(true);
  // Nothing at warn level or above: no error, no drain timeout, no app log entry lost.
  expect(server.log.filter((l) => l.level >= WARN_LEVEL)).toEqual([]);

  // The app log has an AUTH entry for every answered login, and the slow calls' FUNCTION entries.
  const stored = await conn
    .collection('app_logs')
    .find({ app_id: new mongoose.Types.ObjectId(app._id) })
    .project<{ type: string; user_id?: string; function_name?: string }>({
      type: 1,
      user_id: 1,
      function_name: 1,
    })
    .toArray();
  const loggedIn = new Set(stored.filter((e) => e.type === 'AUTH').map((e) => e.user_id));
  const answeredLogins = sent.flatMap(({ op, outcome: o }) =>
    op === 'login' && o.kind === 'response' ? [(o.body as { user_id: string }).user_id] : [],
  );
  expect(answeredLogins.filter((id) => !loggedIn.has(id))).toEqual([]);
  expect(stored.filter((e) => e.type === 'FUNCTION' && e.function_name === 'slow')).toHaveLength(
    SLOW_CALLS,
  );
}, 90_000);

it('past the drain timeout, cuts the requests left, ends their functions and exits 0', async () => {
  const drainTimeoutMs = 300;
  const { server, slowCalls, slowStarted } = await start(drainTimeoutMs);
  const slow = slowCalls();
  await until(async () => (await slowStarted()) === SLOW_CALLS, 'the slow calls to start');
  server.child.kill('SIGTERM');

  // The calls' isolates were disposed (a process that exits while an isolate runs may crash).
  expect(await exitWithin(server, 5_000)).toEqual({ code: 0, signal: null });
  expect((await slow).map((o) => o.kind === 'response')).toEqual([false, false]);
  expect(server.log.filter((l) => l.level >= ERROR_LEVEL)).toEqual([]);
  expect(server.log.filter((l) => l.level >= WARN_LEVEL)).toEqual([
    expect.objectContaining({ unfinished: SLOW_CALLS }),
  ]);
}, 90_000);
