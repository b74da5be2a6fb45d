import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { appPath, createFunction } from './helpers/config-resources';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let ownerA: AdminSession;
let ownerB: AdminSession;
let appId: string;
let base: string;
let fn: { _id: string; name: string };
beforeAll(async () => {
  srv = await startTestServer();
  ownerA = await adminLogin(srv, { groupId: GROUP_A });
  ownerB = await adminLogin(srv, { groupId: GROUP_B });
});
beforeEach(async () => {
  appId = (await createApp(srv, ownerA))._id;
  base = appPath(GROUP_A, appId);
  fn = await createFunction(srv, ownerA, base, 'onEvent');
});
afterAll(() => srv.close());

const as = (session: AdminSession) => ({
  list: (at = base) => srv.api.get(`${at}/triggers`).set('Authorization', session.auth),
  post: (body: Record<string, unknown>, at = base) =>
    srv.api.post(`${at}/triggers`).set('Authorization', session.auth).send(body),
  get: (id: string, at = base) =>
    srv.api.get(`${at}/triggers/${id}`).set('Authorization', session.auth),
  put: (id: string, body: Record<string, unknown>, at = base) =>
    srv.api.put(`${at}/triggers/${id}`).set('Authorization', session.auth).send(body),
  del: (id: string, at = base) =>
    srv.api.delete(`${at}/triggers/${id}`).set('Authorization', session.auth),
});
const a = () => as(ownerA);

const authTrigger = (over: Record<string, unknown> = {}) => ({
  name: 'onNewUser',
  type: 'AUTHENTICATION',
  function_id: fn._id,
  config: { operation_type: 'CREATE', providers: ['local-userpass'] },
  ...over,
});
const scheduledTrigger = (over: Record<string, unknown> = {}) => ({
  name: 'daily',
  type: 'SCHEDULED',
  function_id: fn._id,
  config: { schedule: '0 8 * * *' },
  ...over,
});
const mirroredFunction = () => ({
  function_id: fn._id,
  function_name: fn.name,
  event_processors: { FUNCTION: { config: { function_id: fn._id, function_name: fn.name } } },
});

describe('triggers: CRUD', () => {
  it('lists [] for a new app', async () => {
    expect((await a().list().expect(200)).body).toEqual([]);
  });

  it('creates (201 Trigger), lists, gets, replaces (204) and deletes (200 {}) an AUTHENTICATION trigger', async () => {
    const created = await a()
      .post(authTrigger({ config: { operation_type: 'CREATE', providers: 'api-key' } }))
      .expect(201);
    const id = created.body._id as string;
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'onNewUser',
      type: 'AUTHENTICATION',
      disabled: false,
      config: { operation_type: 'CREATE', providers: ['api-key'] },
      ...mirroredFunction(),
      last_modified: expect.any(Number),
    });
    expect((await a().list().expect(200)).body).toEqual([created.body]);
    expect((await a().get(id).expect(200)).body).toEqual(created.body);

    // A replace may name the function only in event_processors, by name.
    const replaced = await a()
      .put(id, {
        name: 'onLogin',
        type: 'AUTHENTICATION',
        disabled: true,
        config: {
          operation_type: 'LOGIN',
          providers: ['anon-user', 'local-userpass', 'anon-user'],
        },
        event_processors: { FUNCTION: { config: { function_name: 'onEvent' } } },
      })
      .expect(204);
    expect(replaced.text).toBe('');
    expect((await a().get(id).expect(200)).body).toEqual({
      _id: id,
      name: 'onLogin',
      type: 'AUTHENTICATION',
      disabled: true,
      config: { operation_type: 'LOGIN', providers: ['anon-user', 'local-userpass'] },
      ...mirroredFunction(),
      last_modified: expect.any(Number),
    });

    const deleted = await a().del(id).expect(200);
    expect(deleted.body).toEqual({});
    expect(deleted.headers['content-type']).toBe('application/json');
    const gone = await a().get(id).expect(404);
    expect(gone.body.error_code).toBe('TriggerNotFound');
    expect((await a().list().expect(200)).body).toEqual([]);
  });

  it('creates, replaces and deletes a SCHEDULED trigger', async () => {
    const created = await a()
      .post({
        name: 'daily',
        type: 'SCHEDULED',
        config: { schedule: '0   8 * * *', schedule_type: 'ADVANCED' },
        event_processors: { FUNCTION: { config: { function_name: 'onEvent' } } },
      })
      .expect(201);
    const id = created.body._id as string;
    expect(created.body).toEqual({
      _id: id,
      name: 'daily',
      type: 'SCHEDULED',
      disabled: false,
      config: { schedule: '0 8 * * *', skip_catchup_events: false },
      ...mirroredFunction(),
      last_modified: expect.any(Number),
    });

    // A GET body sent back edited is a valid replace.
    await a()
      .put(id, {
        ...created.body,
        config: { schedule: '*/15 * * * 1-5', skip_catchup_events: true },
      })
      .expect(204);
    const got = await a().get(id).expect(200);
    expect(got.body.config).toEqual({ schedule: '*/15 * * * 1-5', skip_catchup_events: true });

    const deployed = await srv.deps.configStore.deployed(appId);
    expect(deployed.config.triggers).toEqual([
      {
        _id: id,
        name: 'daily',
        type: 'SCHEDULED',
        disabled: false,
        function_id: fn._id,
        config: { schedule: '*/15 * * * 1-5', skip_catchup_events: true },
        last_modified: expect.any(Number),
      },
    ]);

    await a().del(id).expect(200);
    await a().get(id).expect(404);
  });

  it('mirrors the function reference given in either place, and accepts both when they agree', async () => {
    const both = await a()
      .post(authTrigger({ name: 'both', ...mirroredFunction() }))
      .expect(201);
    expect(both.body).toMatchObject(mirroredFunction());
    const byRootName = await a()
      .post(authTrigger({ name: 'byName', function_id: undefined, function_name: 'onEvent' }))
      .expect(201);
    expect(byRootName.body).toMatchObject(mirroredFunction());
    const upperId = await a()
      .post(authTrigger({ name: 'upper', function_id: fn._id.toUpperCase() }))
      .expect(201);
    expect(upperId.body).toMatchObject(mirroredFunction());
  });

  it('answers 404 TriggerNotFound for an unknown id on get, replace and delete', async () => {
    const id = '0123456789abcdef01234567';
    for (const res of [await a().get(id), await a().put(id, authTrigger()), await a().del(id)]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('TriggerNotFound');
    }
  });
});

describe('triggers: the function they call', () => {
  it('follows a rename of the function (stored by id), and keeps it from being deleted', async () => {
    const t = (await a().post(scheduledTrigger()).expect(201)).body as { _id: string };
    await srv.api
      .put(`${base}/functions/${fn._id}`)
      .set('Authorization', ownerA.auth)
      .send({ name: 'renamed', private: true, source: 'exports = () => 2;' })
      .expect(200);
    const got = await a().get(t._id).expect(200);
    expect(got.body.function_id).toBe(fn._id);
    expect(got.body.function_name).toBe('renamed');
    expect(got.body.event_processors).toEqual({
      FUNCTION: { config: { function_id: fn._id, function_name: 'renamed' } },
    });

    const refused = await srv.api
      .delete(`${base}/functions/${fn._id}`)
      .set('Authorization', ownerA.auth)
      .expect(409);
    expect(refused.body).toEqual({
      error: 'function "renamed" cannot be deleted: it is used by trigger "daily"',
      error_code: 'FunctionInUse',
    });

    await a().del(t._id).expect(200);
    await srv.api
      .delete(`${base}/functions/${fn._id}`)
      .set('Authorization', ownerA.auth)
      .expect(204);
  });

  it('must exist in the same config, by id or by name (400)', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ function_id: undefined }, 'MissingParameter', /needs a function/],
      [{ function_id: '0123456789abcdef01234567' }, 'FunctionNotFound', /function not found/],
      [{ function_id: undefined, function_name: 'nope' }, 'FunctionNotFound', /"nope"/],
      [
        { event_processors: { FUNCTION: { config: { function_name: 'nope' } } } },
        'FunctionNotFound',
        /"nope"/,
      ],
    ];
    for (const [over, code, message] of cases) {
      const res = await a().post(authTrigger(over)).expect(400);
      expect(res.body.error_code).toBe(code);
      expect(res.body.error).toMatch(message);
    }
    const other = await createFunction(srv, ownerA, base, 'other');
    const disagree = await a()
      .post(authTrigger({ function_id: fn._id, function_name: 'other' }))
      .expect(400);
    expect(disagree.body.error).toMatch(/different functions/);
    const rootVsNested = await a()
      .post(
        authTrigger({
          function_id: fn._id,
          event_processors: { FUNCTION: { config: { function_id: other._id } } },
        }),
      )
      .expect(400);
    expect(rootVsNested.body.error).toMatch(
      /function_id and event_processors\.FUNCTION\.config\.function_id disagree/,
    );
    // A function of another app does not count.
    const otherBase = appPath(GROUP_A, (await createApp(srv, ownerA))._id);
    const foreign = await a()
      .post(authTrigger({ function_id: undefined, function_name: 'onEvent' }), otherBase)
      .expect(400);
    expect(foreign.body.error_code).toBe('FunctionNotFound');
  });
});

describe('triggers: validation', () => {
  const refused = async (body: Record<string, unknown>, code: string, message: RegExp) => {
    const res = await a().post(body).expect(400);
    expect(res.body).toEqual({ error: expect.stringMatching(message), error_code: code });
  };

  it('refuses DATABASE triggers, saying this server does not support them', async () => {
    await refused(
      authTrigger({
        type: 'DATABASE',
        config: {
          operation_types: ['INSERT'],
          database: 'db',
          collection: 'c',
          service_id: fn._id,
        },
      }),
      'InvalidParameter',
      /^DATABASE triggers are not supported by this server/,
    );
    await refused(authTrigger({ type: 'HTTP' }), 'InvalidParameter', /unknown trigger type "HTTP"/);
    await refused(
      authTrigger({
        event_processors: {
          AWS_EVENTBRIDGE: { config: { account_id: '1', region: 'us-east-1' } },
        },
      }),
      'InvalidParameter',
      /AWS_EVENTBRIDGE not supported/,
    );
  });

  it('checks AUTHENTICATION configs', async () => {
    const config = (c: Record<string, unknown>) => authTrigger({ config: c });
    await refused(config({ providers: ['api-key'] }), 'MissingParameter', /operation_type/);
    await refused(
      config({ operation_type: 'UPDATE', providers: ['api-key'] }),
      'InvalidParameter',
      /operation_type must be one of LOGIN, CREATE, DELETE, got "UPDATE"/,
    );
    await refused(
      config({ operation_type: ['CREATE'], providers: ['api-key'] }),
      'InvalidParameter',
      /operation_type must be one of/,
    );
    await refused(config({ operation_type: 'LOGIN' }), 'MissingParameter', /providers/);
    await refused(
      config({ operation_type: 'LOGIN', providers: ['api-key', 'oauth2-github'] }),
      'InvalidParameter',
      /unknown provider type "oauth2-github"/,
    );
    await refused(
      config({ operation_type: 'LOGIN', providers: [] }),
      'InvalidParameter',
      /non-empty list/,
    );
    await refused(
      config({ operation_type: 'LOGIN', providers: ['api-key'], operation_types: ['LOGIN'] }),
      'InvalidParameter',
      /unknown AUTHENTICATION trigger config field\(s\): operation_types/,
    );
  });

  it('checks SCHEDULED configs: 5-field cron only, at most once a minute', async () => {
    const schedule = (s: unknown) => scheduledTrigger({ config: { schedule: s } });
    await refused(scheduledTrigger({ config: {} }), 'MissingParameter', /config\.schedule/);
    await refused(schedule(5), 'InvalidParameter', /must be a string/);
    await refused(schedule('* * * * * *'), 'InvalidParameter', /exactly 5 fields.*got 6/);
    await refused(schedule('@daily'), 'InvalidParameter', /exactly 5 fields/);
    await refused(schedule('61 * * * *'), 'InvalidParameter', /^invalid schedule "61 \* \* \* \*"/);
    await refused(schedule('0 0 30 2 *'), 'InvalidParameter', /invalid schedule/);
    await refused(schedule('every day'), 'InvalidParameter', /invalid schedule/);
    await refused(
      scheduledTrigger({ config: { schedule: '0 8 * * *', skip_catchup_events: 'yes' } }),
      'InvalidParameter',
      /skip_catchup_events must be a boolean/,
    );
    await refused(
      scheduledTrigger({ config: { schedule: '0 8 * * *', timezone: 'Europe/Paris' } }),
      'InvalidParameter',
      /unknown SCHEDULED trigger config field\(s\): timezone/,
    );
    await a().post(schedule('* * * * *')).expect(201);
  });

  it('checks names and required fields', async () => {
    for (const name of ['1st', 'a b', 'a.b', 'x'.repeat(65)]) {
      await refused(authTrigger({ name }), 'InvalidParameter', /invalid trigger name/);
    }
    const missing = await a().post({ name: 'x', type: 'SCHEDULED' }).expect(400);
    expect(missing.body.error_code).toBe('MissingParameter');
  });

  it('refuses a duplicate name on create and on rename (409 TriggerDuplicateName)', async () => {
    await a()
      .post(authTrigger({ name: 'one' }))
      .expect(201);
    const two = (
      await a()
        .post(scheduledTrigger({ name: 'two' }))
        .expect(201)
    ).body;
    const dup = await a()
      .post(scheduledTrigger({ name: 'one' }))
      .expect(409);
    expect(dup.body).toEqual({
      error: 'a trigger named "one" already exists',
      error_code: 'TriggerDuplicateName',
    });
    const rename = await a()
      .put(two._id as string, scheduledTrigger({ name: 'one' }))
      .expect(409);
    expect(rename.body.error_code).toBe('TriggerDuplicateName');
    // Keeping its own name is not a duplicate.
    await a()
      .put(two._id as string, scheduledTrigger({ name: 'two', disabled: true }))
      .expect(204);
  });

  it('refuses to change the type of a trigger on replace', async () => {
    const t = (await a().post(authTrigger()).expect(201)).body;
    const res = await a()
      .put(t._id as string, scheduledTrigger({ name: 'onNewUser' }))
      .expect(400);
    expect(res.body.error).toMatch(/type cannot change/);
  });
});

describe('triggers: access', () => {
  it("refuses another group's owner (403) and finds nothing of another app (404)", async () => {
    const t = (await a().post(authTrigger()).expect(201)).body as { _id: string };
    const b = as(ownerB);
    await b.list().expect(403);
    await b.get(t._id).expect(403);
    await b.put(t._id, authTrigger()).expect(403);
    await b.del(t._id).expect(403);
    await b.post(authTrigger()).expect(403);

    const other = appPath(GROUP_A, (await createApp(srv, ownerA))._id);
    for (const res of [
      await a().get(t._id, other),
      await a().put(t._id, authTrigger(), other),
      await a().del(t._id, other),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('TriggerNotFound');
    }
    expect((await a().list(other).expect(200)).body).toEqual([]);
    await a().get(t._id).expect(200);
  });
});

describe('triggers in a draft', () => {
  it('are not deployed (nor seen by another admin) until the draft is deployed', async () => {
    const drafter = await adminLogin(srv, 'org');
    const other = await adminLogin(srv, 'org');
    const draft = await srv.api
      .post(`${base}/drafts`)
      .set('Authorization', drafter.auth)
      .expect(201);
    const draftId = draft.body._id as string;
    const created = await as(drafter).post(scheduledTrigger()).expect(201);

    expect((await as(drafter).list().expect(200)).body).toEqual([created.body]);
    expect((await as(other).list().expect(200)).body).toEqual([]);
    await as(other)
      .get(created.body._id as string)
      .expect(404);
    expect((await srv.deps.configStore.deployed(appId)).config.triggers).toEqual([]);
    const diff = await srv.api
      .get(`${base}/drafts/${draftId}/diff`)
      .set('Authorization', drafter.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['triggers: added "daily"']);

    await srv.api
      .post(`${base}/drafts/${draftId}/deployment`)
      .set('Authorization', drafter.auth)
      .expect(201);
    expect((await as(other).list().expect(200)).body).toEqual([created.body]);
    expect((await srv.deps.configStore.deployed(appId)).config.triggers.map((t) => t.name)).toEqual(
      ['daily'],
    );
  });

  it('cannot be deployed when a later deployment deleted the function they call', async () => {
    const drafter = await adminLogin(srv, 'org');
    const spare = await createFunction(srv, ownerA, base, 'spare');
    const draftId = (
      await srv.api.post(`${base}/drafts`).set('Authorization', drafter.auth).expect(201)
    ).body._id as string;
    await as(drafter)
      .post(scheduledTrigger({ function_id: spare._id }))
      .expect(201);
    // Deployed directly by another admin: nothing deployed uses "spare" yet.
    await srv.api
      .delete(`${base}/functions/${spare._id}`)
      .set('Authorization', ownerA.auth)
      .expect(204);

    const res = await srv.api
      .post(`${base}/drafts/${draftId}/deployment`)
      .set('Authorization', drafter.auth)
      .expect(400);
    expect(res.body).toEqual({
      error: `trigger "daily" calls function "${spare._id}", which does not exist`,
      error_code: 'FunctionNotFound',
    });
    expect((await srv.deps.configStore.deployed(appId)).config.triggers).toEqual([]);
  });
});
