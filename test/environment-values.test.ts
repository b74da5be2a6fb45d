/**
 * Environment values (`…/environment_values`): named values with one value per environment,
 * part of the versioned app config.
 */
import { adminLogin, createApp, GROUP_A } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (body: Record<string, unknown>, base = t.base) =>
  t.srv.api.post(`${base}/environment_values`).set('Authorization', t.ownerA.auth).send(body);
const get = (id: string) =>
  t.srv.api.get(`${t.base}/environment_values/${id}`).set('Authorization', t.ownerA.auth);
const put = (id: string, body: Record<string, unknown>) =>
  t.srv.api
    .put(`${t.base}/environment_values/${id}`)
    .set('Authorization', t.ownerA.auth)
    .send(body);
const list = async () =>
  (
    await t.srv.api
      .get(`${t.base}/environment_values`)
      .set('Authorization', t.ownerA.auth)
      .expect(200)
  ).body as { _id: string; name: string; last_modified: number }[];

describe('environment values', () => {
  it('lists [] for a new app', async () => {
    expect(await list()).toEqual([]);
  });

  it('creates (201, a description), lists, gets (with values), replaces and deletes', async () => {
    const values = { none: 'local', production: { url: 'https://prod', retries: 3 }, qa: null };
    const created = await post({ name: 'apiUrl', values }).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'apiUrl',
      last_modified: expect.any(Number),
    });
    expect(Math.abs(created.body.last_modified - Date.now() / 1000)).toBeLessThan(10);
    const id = created.body._id as string;

    expect(await list()).toEqual([created.body]);
    const got = await get(id).expect(200);
    expect(got.body).toEqual({ ...created.body, values });

    const replaced = await put(id, { name: 'serviceUrl', values: { development: [1, 'two'] } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({
      _id: id,
      name: 'serviceUrl',
      last_modified: expect.any(Number),
    });
    // A replace sets every environment: those left out are unset.
    expect((await get(id).expect(200)).body.values).toEqual({ development: [1, 'two'] });

    await t.srv.api
      .delete(`${t.base}/environment_values/${id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    const gone = await get(id).expect(404);
    expect(gone.body.error_code).toBe('EnvironmentValueNotFound');
    expect(await list()).toEqual([]);
  });

  it('takes no values at all (every environment unset), and keys that start with "$" or hold "."', async () => {
    const bare = await post({ name: 'bare' }).expect(201);
    expect((await get(bare.body._id).expect(200)).body.values).toEqual({});
    const odd = { none: { $in: [1], 'a.b': { '%24x': '$.%' } } };
    const created = await post({ name: 'odd', values: odd }).expect(201);
    expect((await get(created.body._id).expect(200)).body.values).toEqual(odd);
  });

  it('accepts only the five environments as keys of values (400)', async () => {
    for (const values of [{ staging: 1 }, { Production: 1 }, { none: 1, dev: 2 }]) {
      const res = await post({ name: 'x', values }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    for (const values of ['text', [1], null]) await post({ name: 'x', values }).expect(400);
    expect(await list()).toEqual([]);
  });

  it('refuses a duplicate name on create and on rename (409 EnvironmentValueDuplicateName)', async () => {
    await post({ name: 'one', values: { none: 1 } }).expect(201);
    const two = await post({ name: 'two' }).expect(201);
    const dup = await post({ name: 'one', values: { qa: 3 } }).expect(409);
    expect(dup.body).toEqual({
      error: 'an environment value named "one" already exists',
      error_code: 'EnvironmentValueDuplicateName',
    });
    const rename = await put(two.body._id, { name: 'one' }).expect(409);
    expect(rename.body.error_code).toBe('EnvironmentValueDuplicateName');
    // Its own name is free; a value of the same name is a different resource.
    await put(two.body._id, { name: 'two', values: { qa: 1 } }).expect(200);
    await t.srv.api
      .post(`${t.base}/values`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 'one', private: false, value: 1 })
      .expect(201);
  });

  it('validates names as values do (400 InvalidParameter), and requires one (400)', async () => {
    for (const name of ['1abc', '_abc', 'a b', 'a.b', '', 'a'.repeat(65)]) {
      const res = await post({ name }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    const missing = await post({ values: { none: 1 } }).expect(400);
    expect(missing.body.error_code).toBe('MissingParameter');
    await post({ name: `A${'b'.repeat(63)}` }).expect(201);
  });

  it('answers 404 EnvironmentValueNotFound for an unknown id on get, replace and delete', async () => {
    const id = '0123456789abcdef01234567';
    for (const res of [
      await get(id),
      await put(id, { name: 'x' }),
      await t.srv.api
        .delete(`${t.base}/environment_values/${id}`)
        .set('Authorization', t.ownerA.auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('EnvironmentValueNotFound');
    }
  });

  it('of two concurrent creates of one name, exactly one is created (201) and one refused (409)', async () => {
    const [a, b] = await Promise.all([
      post({ name: 'raced', values: { none: 'a' } }),
      post({ name: 'raced', values: { none: 'b' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error_code).toBe('EnvironmentValueDuplicateName');
    expect((await list()).map((v) => v.name)).toEqual(['raced']);
  });
});

describe('environment values: access', () => {
  it('needs a token (401) and refuses another group (403)', async () => {
    await t.srv.api.get(`${t.base}/environment_values`).expect(401);
    const res = await t.srv.api
      .post(`${t.base}/environment_values`)
      .set('Authorization', t.ownerB.auth)
      .send({ name: 'x' })
      .expect(403);
    expect(res.body.error_code).toBe('GroupAccessDenied');
  });

  it("does not find another app's environment value through this app (404)", async () => {
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    const created = await post({ name: 'x' }, other).expect(201);
    await get(created.body._id).expect(404);
    await t.srv.api
      .get(`${other}/environment_values/${created.body._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
  });
});

describe('environment values in a draft', () => {
  it('stay in the draft (diff: added) until it is deployed; another admin does not see them', async () => {
    const other = await adminLogin(t.srv, 'org');
    const draft = await t.srv.api
      .post(`${t.base}/drafts`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);
    const created = await post({ name: 'inDraft', values: { none: 1 } }).expect(201);
    expect((await list()).map((v) => v.name)).toEqual(['inDraft']);
    const seenByOther = await t.srv.api
      .get(`${t.base}/environment_values`)
      .set('Authorization', other.auth)
      .expect(200);
    expect(seenByOther.body).toEqual([]);
    expect((await t.srv.deps.configStore.deployed(t.appId)).config.environment_values).toEqual([]);

    const diff = await t.srv.api
      .get(`${t.base}/drafts/${draft.body._id}/diff`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['environment_values: added "inDraft"']);

    await t.srv.api
      .post(`${t.base}/drafts/${draft.body._id}/deployment`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);
    const afterDeploy = await t.srv.api
      .get(`${t.base}/environment_values/${created.body._id}`)
      .set('Authorization', other.auth)
      .expect(200);
    expect(afterDeploy.body.values).toEqual({ none: 1 });
  });

  it('with no draft open, every write is a deployment', async () => {
    const deployments = async () =>
      (await t.srv.api.get(`${t.base}/deployments`).set('Authorization', t.ownerA.auth).expect(200))
        .body as unknown[];
    const before = (await deployments()).length;
    const created = await post({ name: 'direct' }).expect(201);
    await put(created.body._id, { name: 'direct', values: { qa: true } }).expect(200);
    await t.srv.api
      .delete(`${t.base}/environment_values/${created.body._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    expect((await deployments()).length).toBe(before + 3);
  });

  it('a draft and a later deployment that each add the same name cannot both be deployed (409)', async () => {
    const other = await adminLogin(t.srv, 'org');
    const draft = await t.srv.api
      .post(`${t.base}/drafts`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);
    await post({ name: 'twice', values: { none: 'draft' } }).expect(201);
    await t.srv.api
      .post(`${t.base}/environment_values`)
      .set('Authorization', other.auth)
      .send({ name: 'twice', values: { none: 'direct' } })
      .expect(201);
    const res = await t.srv.api
      .post(`${t.base}/drafts/${draft.body._id}/deployment`)
      .set('Authorization', t.ownerA.auth)
      .expect(409);
    expect(res.body.error_code).toBe('EnvironmentValueDuplicateName');
    const deployed = (await t.srv.deps.configStore.deployed(t.appId)).config.environment_values;
    expect(deployed.map((v) => v.values)).toEqual([{ none: 'direct' }]);
  });
});
