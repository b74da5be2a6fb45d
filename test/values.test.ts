import { adminLogin, createApp, GROUP_A, GROUP_B } from './helpers/factories';
import { appPath, createIn } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (body: Record<string, unknown>) =>
  t.srv.api.post(`${t.base}/values`).set('Authorization', t.ownerA.auth).send(body);

describe('values', () => {
  it('lists [] for a new app', async () => {
    const res = await t.srv.api
      .get(`${t.base}/values`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(res.body).toEqual([]);
  });

  it('creates, lists, gets, replaces and deletes a value', async () => {
    const created = await post({
      name: 'apiSettings',
      private: true,
      value: { retries: 3 },
    }).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'apiSettings',
      private: true,
      from_secret: false,
      value: { retries: 3 },
    });
    const id = created.body._id as string;

    const list = await t.srv.api
      .get(`${t.base}/values`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(list.body).toEqual([{ _id: id, name: 'apiSettings', private: true }]);

    const got = await t.srv.api.get(`${t.base}/values/${id}`).set('Authorization', t.ownerA.auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const updated = await t.srv.api
      .put(`${t.base}/values/${id}`)
      .set('Authorization', t.ownerA.auth)
      .send({ _id: id, name: 'apiConfig', private: false, from_secret: false, value: [1, 'two'] })
      .expect(200);
    expect(updated.body).toEqual({
      _id: id,
      name: 'apiConfig',
      private: false,
      from_secret: false,
      value: [1, 'two'],
    });
    const again = await t.srv.api.get(`${t.base}/values/${id}`).set('Authorization', t.ownerA.auth);
    expect(again.body).toEqual(updated.body);

    await t.srv.api
      .delete(`${t.base}/values/${id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    const gone = await t.srv.api.get(`${t.base}/values/${id}`).set('Authorization', t.ownerA.auth);
    expect(gone.status).toBe(404);
    expect(gone.body.error_code).toBe('ValueNotFound');
  });

  it('keeps any JSON value: strings, numbers, booleans, null and nested documents', async () => {
    for (const value of ['text', 42.5, false, null, { a: { b: [1, { c: 'd' }] } }]) {
      const res = await post({
        name: `v${Math.random().toString(36).slice(2, 8)}`,
        private: false,
        value,
      }).expect(201);
      const got = await t.srv.api
        .get(`${t.base}/values/${res.body._id as string}`)
        .set('Authorization', t.ownerA.auth)
        .expect(200);
      expect(got.body.value).toEqual(value);
    }
  });

  it('stores object keys with "$", "." or "%", and arrays of arrays, exactly as sent', async () => {
    const values = [
      { $in: [1] },
      { a: [{ 'b.c': 1 }] },
      { '%24literal': { 'x%2Ey': '$.%' } },
      { a$: { 'b-c': 1 } },
      [[1, 2], [[3]], []],
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
        '%a': [[2]],
      },
    ];
    for (const [i, value] of values.entries()) {
      const created = await post({ name: `odd${i}`, private: false, value }).expect(201);
      const got = await t.srv.api
        .get(`${t.base}/values/${created.body._id}`)
        .set('Authorization', t.ownerA.auth)
        .expect(200);
      expect(got.body.value).toEqual(value);
    }
  });

  it('refuses a duplicate name on create (409) and on rename (409)', async () => {
    await post({ name: 'one', private: false, value: 1 }).expect(201);
    const two = await post({ name: 'two', private: false, value: 2 }).expect(201);
    const dup = await post({ name: 'one', private: true, value: 3 }).expect(409);
    expect(dup.body.error_code).toBe('ValueDuplicateName');
    const rename = await t.srv.api
      .put(`${t.base}/values/${two.body._id as string}`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 'one', private: false, value: 2 })
      .expect(409);
    expect(rename.body.error_code).toBe('ValueDuplicateName');
  });

  it('validates names: a letter first, then letters, digits, _ and -, at most 64', async () => {
    for (const name of ['1abc', '_abc', 'a b', 'a.b', '', 'a'.repeat(65)]) {
      const res = await post({ name, private: false, value: 1 }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    await post({ name: `A${'b'.repeat(63)}`, private: false, value: 1 }).expect(201);
    await post({ name: 'my_value-2', private: false, value: 1 }).expect(201);
  });

  it('requires name, private and value', async () => {
    for (const body of [
      { private: false, value: 1 },
      { name: 'x', value: 1 },
      { name: 'x', private: false },
    ]) {
      const res = await post(body).expect(400);
      expect(res.body.error_code).toBe('MissingParameter');
    }
    await post({ name: 'x', private: 'no', value: 1 }).expect(400);
  });

  it('answers 404 ValueNotFound for an unknown id on get, replace and delete', async () => {
    const id = '0123456789abcdef01234567';
    const auth = t.ownerA.auth;
    for (const res of [
      await t.srv.api.get(`${t.base}/values/${id}`).set('Authorization', auth),
      await t.srv.api
        .put(`${t.base}/values/${id}`)
        .set('Authorization', auth)
        .send({ name: 'x', private: false, value: 1 }),
      await t.srv.api.delete(`${t.base}/values/${id}`).set('Authorization', auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('ValueNotFound');
    }
  });
});

describe('values from secrets', () => {
  it('refers to an existing secret by name; the secret cannot then be deleted', async () => {
    const secret = await createIn(t.srv, t.ownerA, t.base, 'secrets', {
      name: 'apiKey',
      value: 's3cr3t',
    });
    const value = await post({
      name: 'key',
      private: true,
      from_secret: true,
      value: 'apiKey',
    }).expect(201);
    expect(value.body).toMatchObject({ from_secret: true, value: 'apiKey' });

    const refused = await t.srv.api
      .delete(`${t.base}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(409);
    expect(refused.body.error_code).toBe('SecretInUse');
    expect(refused.body.error).toContain('value "key"');

    await t.srv.api
      .delete(`${t.base}/values/${value.body._id as string}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    await t.srv.api
      .delete(`${t.base}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
  });

  it('refuses a value naming a missing secret (400), on create and on replace', async () => {
    const res = await post({ name: 'key', private: true, from_secret: true, value: 'nope' }).expect(
      400,
    );
    expect(res.body.error_code).toBe('SecretNotFound');
    const plain = await post({ name: 'plain', private: false, value: 'nope' }).expect(201);
    const put = await t.srv.api
      .put(`${t.base}/values/${plain.body._id as string}`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 'plain', private: false, from_secret: true, value: 'nope' })
      .expect(400);
    expect(put.body.error_code).toBe('SecretNotFound');
    const list = await t.srv.api
      .get(`${t.base}/values`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(list.body).toEqual([{ _id: plain.body._id, name: 'plain', private: false }]);
  });

  it('requires a secret name as the value of a from_secret value', async () => {
    for (const value of [42, '', { name: 'apiKey' }]) {
      const res = await post({ name: 'key', private: true, from_secret: true, value }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
  });
});

describe('values: access', () => {
  it('needs a token (401)', async () => {
    await t.srv.api.get(`${t.base}/values`).expect(401);
  });

  it("refuses another group's owner (403)", async () => {
    const res = await t.srv.api
      .get(`${t.base}/values`)
      .set('Authorization', t.ownerB.auth)
      .expect(403);
    expect(res.body.error_code).toBe('GroupAccessDenied');
    await t.srv.api
      .post(`${t.base}/values`)
      .set('Authorization', t.ownerB.auth)
      .send({ name: 'x', private: false, value: 1 })
      .expect(403);
  });

  it("does not find another app's value through this app (404)", async () => {
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    const value = await createIn(t.srv, t.ownerA, other, 'values', {
      name: 'x',
      private: false,
      value: 1,
    });
    const auth = t.ownerA.auth;
    await t.srv.api.get(`${t.base}/values/${value._id}`).set('Authorization', auth).expect(404);
    await t.srv.api.delete(`${t.base}/values/${value._id}`).set('Authorization', auth).expect(404);
    await t.srv.api.get(`${other}/values/${value._id}`).set('Authorization', auth).expect(200);
  });

  it('answers 404 for an app of another group, even to an owner of both', async () => {
    const org = await adminLogin(t.srv, 'org');
    const appB = await createApp(t.srv, org, GROUP_B);
    const res = await t.srv.api
      .get(`${appPath(GROUP_A, appB._id)}/values`)
      .set('Authorization', org.auth)
      .expect(404);
    expect(res.body.error_code).toBe('AppNotFound');
  });
});
