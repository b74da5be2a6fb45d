import { adminLogin, createApp, GROUP_A } from './helpers/factories';
import {
  appPath,
  createDataSource,
  createFunction,
  ON_USER_CREATION_SOURCE,
} from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const setCud = (body: Record<string, unknown>, session = t.ownerA) =>
  t.srv.api.patch(`${t.base}/custom_user_data`).set('Authorization', session.auth).send(body);
const getCud = async (session = t.ownerA) =>
  (await t.srv.api.get(`${t.base}/custom_user_data`).set('Authorization', session.auth).expect(200))
    .body as Record<string, unknown>;

const DISABLED = {
  enabled: false,
  mongo_service_id: '',
  database_name: '',
  collection_name: '',
  user_id_field: '',
  on_user_creation_function_id: '',
};

describe('custom user data', () => {
  it('is disabled and empty for a new app', async () => {
    expect(await getCud()).toEqual(DISABLED);
  });

  it('accepts the config-file form, by names (custom_user_data.json), and stores ids', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base, 'mongodb-atlas');
    const fn = await createFunction(
      t.srv,
      t.ownerA,
      t.base,
      'onUserCreation',
      ON_USER_CREATION_SOURCE,
    );
    await setCud({
      enabled: true,
      mongo_service_name: 'mongodb-atlas',
      database_name: 'myapp',
      collection_name: 'users',
      user_id_field: 'user_account_id',
      on_user_creation_function_name: 'onUserCreation',
    }).expect(204);
    expect(await getCud()).toEqual({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: 'myapp',
      collection_name: 'users',
      user_id_field: 'user_account_id',
      on_user_creation_function_id: fn._id,
    });
  });

  it('accepts the API form, by ids', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base, 'cluster');
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'createUser');
    await setCud({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: 'db',
      collection_name: 'custom',
      user_id_field: 'userId',
      on_user_creation_function_id: fn._id,
    }).expect(204);
    expect(await getCud()).toMatchObject({
      enabled: true,
      mongo_service_id: svc._id,
      on_user_creation_function_id: fn._id,
    });
  });

  it('changes only the fields sent, and clears a reference with ""', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'createUser');
    await setCud({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: 'db',
      collection_name: 'users',
      user_id_field: 'userId',
      on_user_creation_function_name: 'createUser',
    }).expect(204);
    await setCud({ collection_name: 'people' }).expect(204);
    expect(await getCud()).toMatchObject({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: 'db',
      collection_name: 'people',
      on_user_creation_function_id: fn._id,
    });
    await setCud({ on_user_creation_function_id: '' }).expect(204);
    await setCud({ enabled: false }).expect(204);
    expect(await getCud()).toMatchObject({ enabled: false, on_user_creation_function_id: '' });
  });

  it('enabling needs a data source, a database, a collection and a user id field (400)', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const none = await setCud({ enabled: true }).expect(400);
    expect(none.body.error_code).toBe('MissingParameter');
    expect(none.body.error).toContain('a data source');
    expect(none.body.error).toContain('database_name');
    const noField = await setCud({
      enabled: true,
      mongo_service_id: svc._id,
      database_name: 'db',
      collection_name: 'users',
    }).expect(400);
    expect(noField.body.error).toBe('enabling custom user data requires user_id_field');
    expect(await getCud()).toEqual(DISABLED);
  });

  it('refuses unknown data sources and functions, by id or name (400)', async () => {
    await createDataSource(t.srv, t.ownerA, t.base, 'known');
    const byName = await setCud({ mongo_service_name: 'unknown' }).expect(400);
    expect(byName.body).toEqual({
      error: 'data source not found: "unknown"',
      error_code: 'ServiceNotFound',
    });
    const byId = await setCud({ mongo_service_id: '0123456789abcdef01234567' }).expect(400);
    expect(byId.body.error_code).toBe('ServiceNotFound');
    const fnByName = await setCud({ on_user_creation_function_name: 'nope' }).expect(400);
    expect(fnByName.body.error_code).toBe('FunctionNotFound');
    const fnById = await setCud({
      on_user_creation_function_id: '0123456789abcdef01234567',
    }).expect(400);
    expect(fnById.body.error_code).toBe('FunctionNotFound');
  });

  it('refuses an id and a name that name different data sources (400)', async () => {
    const a = await createDataSource(t.srv, t.ownerA, t.base, 'a');
    await createDataSource(t.srv, t.ownerA, t.base, 'b');
    await setCud({ mongo_service_id: a._id, mongo_service_name: 'b' }).expect(400);
    await setCud({ mongo_service_id: a._id, mongo_service_name: 'a' }).expect(204);
  });

  it('refuses database, collection and field names MongoDB would refuse (400)', async () => {
    for (const body of [
      { database_name: 'my.db' },
      { database_name: 'a b' },
      { database_name: 'd'.repeat(64) },
      { collection_name: 'a$b' },
      { collection_name: 'system.users' },
      { user_id_field: '$id' },
    ]) {
      const res = await setCud(body).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
  });

  it("refuses another group's owner (403) and an unknown app (404)", async () => {
    await t.srv.api
      .get(`${t.base}/custom_user_data`)
      .set('Authorization', t.ownerB.auth)
      .expect(403);
    await setCud({ enabled: false }, t.ownerB).expect(403);
    await t.srv.api
      .get(`${appPath(GROUP_A, '0123456789abcdef01234567')}/custom_user_data`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
  });

  it('ids of another app are unknown here (400)', async () => {
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    const svc = await createDataSource(t.srv, t.ownerA, other);
    const res = await setCud({ mongo_service_id: svc._id }).expect(400);
    expect(res.body.error_code).toBe('ServiceNotFound');
  });
});

describe('custom user data references survive drafts and merges', () => {
  it('refuses to deploy a draft whose merge would leave it pointing at a deleted function', async () => {
    const drafter = await adminLogin(t.srv, 'org');
    const fn = await createFunction(t.srv, t.ownerA, t.base, 'createUser');
    const draft = await t.srv.api
      .post(`${t.base}/drafts`)
      .set('Authorization', drafter.auth)
      .expect(201);
    // In the draft the function is unused, so it may be deleted there.
    await t.srv.api
      .delete(`${t.base}/functions/${fn._id}`)
      .set('Authorization', drafter.auth)
      .expect(204);
    // Meanwhile another admin deploys custom user data that uses it.
    await setCud({ on_user_creation_function_id: fn._id }).expect(204);

    const res = await t.srv.api
      .post(`${t.base}/drafts/${draft.body._id as string}/deployment`)
      .set('Authorization', drafter.auth)
      .expect(400);
    expect(res.body.error_code).toBe('FunctionNotFound');
    expect(res.body.error).toContain('custom user data');
    // The deployed config is unchanged.
    expect((await getCud()).on_user_creation_function_id).toBe(fn._id);
    await t.srv.api
      .get(`${t.base}/functions/${fn._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
  });
});
