import { createServerKey } from './helpers/api-keys';
import { anonLogin, CLIENT_AUTH, enableProvider, type LoginTokens } from './helpers/client';
import {
  appPath,
  createDataSource,
  createFunction,
  enableCustomUserData,
} from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  AUTO_CONFIRM,
  addUserpassProvider,
  loginOk,
  register,
  userpassPath,
} from './helpers/userpass';

let srv: TestServer;
let admin: AdminSession;
const databases: string[] = [];

beforeAll(async () => {
  // No background loop: the scheduler runs only when a test calls tick().
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 }, background: false });
});
// Tests move the clock by hours: a fresh admin session each time.
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
  /** The database the app's trigger functions write to. */
  db: string;
  serviceId: string;
}

/** An app with a data source whose database (of its own) trigger functions write to. */
async function appWithDataSource(on: TestServer = srv, as: AdminSession = admin): Promise<TestApp> {
  const app = await createApp(on, as);
  const base = appPath(GROUP_A, app._id);
  const svc = await createDataSource(on, as, base);
  const db = `trg_${on.dbName}_${databases.length}`;
  databases.push(db);
  return { ...app, base, db, serviceId: svc._id };
}

/** A function that stores `{tag, event}` (its first argument) in the app's `events` collection. */
async function recorder(app: TestApp, tag: string, on = srv, as = admin) {
  const source = `exports = async function (event) {
    await context.services.get('mongodb-atlas').db(${JSON.stringify(app.db)})
      .collection('events').insertOne({ tag: ${JSON.stringify(tag)}, event });
  };`;
  return createFunction(on, as, app.base, tag, source);
}

async function createTrigger(
  app: TestApp,
  body: Record<string, unknown>,
  on = srv,
  as = admin,
): Promise<{ _id: string }> {
  const res = await on.api
    .post(`${app.base}/triggers`)
    .set('Authorization', as.auth)
    .send(body)
    .expect(201);
  return res.body as { _id: string };
}

/** An AUTHENTICATION trigger calling a new recorder function named `tag`. */
async function authTrigger(
  app: TestApp,
  tag: string,
  operationType: string,
  providers: string[],
  disabled = false,
) {
  const fn = await recorder(app, tag);
  return createTrigger(app, {
    name: tag,
    type: 'AUTHENTICATION',
    function_id: fn._id,
    disabled,
    config: { operation_type: operationType, providers },
  });
}

interface Recorded {
  tag: string;
  event: Record<string, unknown> & { user: { id: string }; time: Date };
}

/** What the app's trigger functions recorded, once every queued auth event was worked on. */
async function recorded(app: TestApp, on = srv): Promise<Recorded[]> {
  await on.deps.authTriggers.idle();
  return on.conn
    .getClient()
    .db(app.db)
    .collection<Recorded>('events')
    .find({}, { projection: { _id: 0 } })
    .sort({ _id: 1 })
    .toArray();
}

const tags = async (app: TestApp, on = srv) => (await recorded(app, on)).map((r) => r.tag);

describe('AUTHENTICATION triggers', () => {
  it('CREATE and LOGIN at the first login, LOGIN alone after, with the documented event', async () => {
    const app = await appWithDataSource();
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    await authTrigger(app, 'onCreate', 'CREATE', ['local-userpass']);
    await authTrigger(app, 'onLogin', 'LOGIN', ['local-userpass']);
    await register(srv, app.client_app_id, 'ann@example.com', 'secret1').expect(201);

    const before = srv.clock.now();
    const first = await loginOk(srv, app.client_app_id, 'ann@example.com', 'secret1');
    const events = await recorded(app);
    expect(events.map((e) => e.tag).sort()).toEqual(['onCreate', 'onLogin']);
    const user = {
      id: first.user_id,
      type: 'normal',
      data: { email: 'ann@example.com' },
      custom_data: {},
      identities: [
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
          provider_type: 'local-userpass',
          data: { email: 'ann@example.com' },
        },
      ],
    };
    expect(events.find((e) => e.tag === 'onCreate')?.event).toEqual({
      operationType: 'CREATE',
      providers: ['local-userpass'],
      user,
      time: expect.any(Date) as Date,
    });
    const login = events.find((e) => e.tag === 'onLogin');
    expect(login?.event).toEqual({
      operationType: 'LOGIN',
      providers: ['local-userpass'],
      user,
      time: expect.any(Date) as Date,
    });
    expect(login?.event.time.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(login?.event.time.getTime()).toBeLessThanOrEqual(srv.clock.now().getTime());

    await loginOk(srv, app.client_app_id, 'ann@example.com', 'secret1');
    expect((await tags(app)).sort()).toEqual(['onCreate', 'onLogin', 'onLogin']);
  });

  it('fires only for the listed provider types', async () => {
    const app = await appWithDataSource();
    await enableProvider(srv, admin, app._id, 'anon-user');
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    await authTrigger(app, 'userpassLogins', 'LOGIN', ['local-userpass']);
    await authTrigger(app, 'anyLogins', 'LOGIN', ['anon-user', 'local-userpass']);

    await anonLogin(srv, app.client_app_id);
    expect(await tags(app)).toEqual(['anyLogins']);
    await register(srv, app.client_app_id, 'bob@example.com', 'secret1').expect(201);
    await loginOk(srv, app.client_app_id, 'bob@example.com', 'secret1');
    expect((await tags(app)).sort()).toEqual(['anyLogins', 'anyLogins', 'userpassLogins']);
  });

  it('a disabled trigger does not run', async () => {
    const app = await appWithDataSource();
    await enableProvider(srv, admin, app._id, 'anon-user');
    await authTrigger(app, 'off', 'CREATE', ['anon-user'], true);
    await authTrigger(app, 'on', 'CREATE', ['anon-user']);
    await anonLogin(srv, app.client_app_id);
    expect(await tags(app)).toEqual(['on']);
  });

  it('DELETE: by the user, by an admin and at an anonymous logout; `providers` lists all of the user', async () => {
    const app = await appWithDataSource();
    await enableProvider(srv, admin, app._id, 'anon-user');
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    await authTrigger(app, 'onDelete', 'DELETE', ['local-userpass']);
    await authTrigger(app, 'onAnonDelete', 'DELETE', ['anon-user']);

    // A user with an anonymous and an email identity deletes itself.
    const anon = await anonLogin(srv, app.client_app_id);
    await register(srv, app.client_app_id, 'cy@example.com', 'secret1').expect(201);
    await srv.api
      .post(`${userpassPath(app.client_app_id, 'login')}?link=true`)
      .set('Authorization', `Bearer ${anon.access_token}`)
      .send({ username: 'cy@example.com', password: 'secret1' })
      .expect(200);
    await srv.api
      .delete(`${CLIENT_AUTH}/delete`)
      .set('Authorization', `Bearer ${anon.access_token}`)
      .expect(204);
    let events = await recorded(app);
    expect(events.map((e) => e.tag).sort()).toEqual(['onAnonDelete', 'onDelete']);
    expect(events[0]?.event).toMatchObject({
      operationType: 'DELETE',
      providers: ['anon-user', 'local-userpass'],
      user: { id: anon.user_id, type: 'normal' },
    });
    expect(events[0]?.event.user).toEqual(
      expect.objectContaining({ identities: [expect.anything(), expect.anything()] }),
    );

    // An admin deletes an email user.
    await register(srv, app.client_app_id, 'di@example.com', 'secret1').expect(201);
    const di = await loginOk(srv, app.client_app_id, 'di@example.com', 'secret1');
    await srv.api
      .delete(`${app.base}/users/${di.user_id}`)
      .set('Authorization', admin.auth)
      .expect(204);
    events = await recorded(app);
    expect(events.slice(2).map((e) => [e.tag, e.event.user.id])).toEqual([
      ['onDelete', di.user_id],
    ]);

    // An anonymous user is deleted when it logs out.
    const gone = await anonLogin(srv, app.client_app_id);
    await srv.api
      .delete(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${gone.refresh_token}`)
      .expect(204);
    events = await recorded(app);
    expect(events.slice(3).map((e) => [e.tag, e.event.providers, e.event.user.id])).toEqual([
      ['onAnonDelete', ['anon-user'], gone.user_id],
    ]);
  });

  it('the event carries the custom user data: as the login read it, or read for a deletion', async () => {
    const app = await appWithDataSource();
    await enableCustomUserData(srv, admin, app.base, {
      mongo_service_id: app.serviceId,
      database_name: app.db,
      collection_name: 'custom',
      user_id_field: 'user_id',
    });
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    await authTrigger(app, 'onLogin', 'LOGIN', ['local-userpass']);
    await authTrigger(app, 'onDelete', 'DELETE', ['local-userpass']);
    await register(srv, app.client_app_id, 'eve@example.com', 'secret1').expect(201);
    const first = await loginOk(srv, app.client_app_id, 'eve@example.com', 'secret1');
    await srv.deps.authTriggers.idle();
    const at = new Date('2024-05-01T00:00:00Z');
    await srv.conn
      .getClient()
      .db(app.db)
      .collection('custom')
      .insertOne({ user_id: first.user_id, color: 'blue', at });
    await loginOk(srv, app.client_app_id, 'eve@example.com', 'secret1');
    await srv.api
      .delete(`${app.base}/users/${first.user_id}`)
      .set('Authorization', admin.auth)
      .expect(204);
    // In event order: ObjectIds made in different isolates do not sort by insertion time.
    const events = (await recorded(app)).sort((a, b) => +a.event.time - +b.event.time);
    expect(events.map((e) => [e.tag, e.event.user])).toEqual([
      ['onLogin', expect.objectContaining({ custom_data: {} })],
      [
        'onLogin',
        expect.objectContaining({ custom_data: expect.objectContaining({ color: 'blue', at }) }),
      ],
      [
        'onDelete',
        expect.objectContaining({ custom_data: expect.objectContaining({ color: 'blue', at }) }),
      ],
    ]);
  });

  it('CREATE for the server user of a new server API key', async () => {
    const app = await appWithDataSource();
    await enableProvider(srv, admin, app._id, 'api-key');
    await authTrigger(app, 'onKeyUser', 'CREATE', ['api-key']);
    await createServerKey(srv, admin, app._id, 'backend');
    expect((await recorded(app)).map((e) => e.event)).toEqual([
      expect.objectContaining({
        operationType: 'CREATE',
        providers: ['api-key'],
        user: expect.objectContaining({ type: 'server', data: { name: 'backend' } }),
      }),
    ]);
  });

  it('a failing or slow trigger function neither fails nor delays the login', async () => {
    const app = await appWithDataSource();
    await enableProvider(srv, admin, app._id, 'anon-user');
    const failing = await createFunction(
      srv,
      admin,
      app.base,
      'failing',
      `exports = function () { throw new Error('trigger says no'); };`,
    );
    await createTrigger(app, {
      name: 'failing',
      type: 'AUTHENTICATION',
      function_id: failing._id,
      config: { operation_type: 'LOGIN', providers: ['anon-user'] },
    });
    // Finishes only once the test has seen the login's response and released it.
    const waiting = await createFunction(
      srv,
      admin,
      app.base,
      'waiting',
      `exports = async function (event) {
        const coll = context.services.get('mongodb-atlas').db(${JSON.stringify(app.db)})
          .collection('events');
        while (!(await coll.findOne({ release: true }))) {}
        await coll.insertOne({ tag: 'waited', event });
      };`,
    );
    await createTrigger(app, {
      name: 'waiting',
      type: 'AUTHENTICATION',
      function_id: waiting._id,
      config: { operation_type: 'LOGIN', providers: ['anon-user'] },
    });

    const tokens: LoginTokens = await anonLogin(srv, app.client_app_id);
    expect(tokens.access_token).toEqual(expect.any(String));
    await srv.conn.getClient().db(app.db).collection('events').insertOne({ release: true });
    expect((await tags(app)).filter(Boolean)).toEqual(['waited']);
    await anonLogin(srv, app.client_app_id); // and the next login works as well
  });
});

/** Moves the clock to `offsetMs` after the next whole UTC hour. */
function toNextHour(server: TestServer, offsetMs = 10_000): void {
  const now = server.clock.now().getTime();
  const hour = 3_600_000;
  server.clock.advance((hour - (now % hour) + offsetMs) / 1000);
}

async function scheduledTrigger(
  app: TestApp,
  tag: string,
  config: Record<string, unknown>,
  disabled = false,
  on = srv,
  as = admin,
) {
  const fn = await recorder(app, tag, on, as);
  return createTrigger(
    app,
    { name: tag, type: 'SCHEDULED', function_id: fn._id, disabled, config },
    on,
    as,
  );
}

describe('SCHEDULED triggers', () => {
  it('run when the clock passes their time, once per fire time', async () => {
    const app = await appWithDataSource();
    await scheduledTrigger(app, 'hourly', { schedule: '0 * * * *' });
    await scheduledTrigger(app, 'paused', { schedule: '0 * * * *' }, true);
    await srv.deps.scheduler.tick();
    // The last whole hour is before the trigger existed.
    expect(await tags(app)).toEqual([]);
    toNextHour(srv);
    await srv.deps.scheduler.tick();
    expect(await tags(app)).toEqual(['hourly']);
    await srv.deps.scheduler.tick();
    expect(await tags(app)).toEqual(['hourly']);
    srv.clock.advance(3600);
    await srv.deps.scheduler.tick();
    await srv.deps.scheduler.tick();
    expect(await tags(app)).toEqual(['hourly', 'hourly']);
  });

  it('after downtime, run the latest missed fire time once, or none with skip_catchup_events', async () => {
    const app = await appWithDataSource();
    await scheduledTrigger(app, 'catchUp', { schedule: '0 0 * * *' });
    await scheduledTrigger(app, 'skip', { schedule: '0 0 * * *', skip_catchup_events: true });
    // Three midnights pass with no pass at all; the latest is two hours old.
    const day = 86_400_000;
    const now = srv.clock.now().getTime();
    srv.clock.advance((day - (now % day) + 2 * day + 2 * 3_600_000) / 1000);
    await srv.deps.scheduler.tick();
    await srv.deps.scheduler.tick();
    expect(await tags(app)).toEqual(['catchUp']);
    // The next midnight is seen on time: both run.
    srv.clock.advance(22 * 3600 + 30);
    await srv.deps.scheduler.tick();
    expect((await tags(app)).sort()).toEqual(['catchUp', 'catchUp', 'skip']);
  });

  it('a deleted trigger stops running, and the index forgets it', async () => {
    const app = await appWithDataSource();
    const t = await scheduledTrigger(app, 'doomed', { schedule: '0 * * * *' });
    const entries = () =>
      srv.conn.collection('trigger_schedules').countDocuments({ trigger_id: t._id });
    expect(await entries()).toBe(1);
    await srv.api
      .delete(`${app.base}/triggers/${t._id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    toNextHour(srv, 6 * 60_000); // the entry is kept a few minutes after it leaves the config
    await srv.deps.scheduler.tick();
    expect(await tags(app)).toEqual([]);
    expect(await entries()).toBe(0);
  });
});

describe('SCHEDULED triggers with two server processes on one database', () => {
  let a: TestServer;
  let b: TestServer;
  let adminA: AdminSession;
  beforeAll(async () => {
    a = await startTestServer({}, { background: false });
    b = await startTestServer({}, { dbName: a.dbName, background: false });
    adminA = await adminLogin(a, 'org');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('each fire time runs exactly once', async () => {
    const app = await appWithDataSource(a, adminA);
    await scheduledTrigger(app, 'shared', { schedule: '0 * * * *' }, false, a, adminA);
    for (let round = 1; round <= 5; round++) {
      toNextHour(a);
      toNextHour(b);
      await Promise.all([a.deps.scheduler.tick(), b.deps.scheduler.tick()]);
      await Promise.all([a.deps.scheduler.tick(), b.deps.scheduler.tick()]);
      expect(await tags(app, a)).toEqual(Array.from({ length: round }, () => 'shared'));
    }
    const claims = await a.conn.collection('trigger_runs').countDocuments({});
    expect(claims).toBeLessThanOrEqual(2); // the newest claims only
  });
});
