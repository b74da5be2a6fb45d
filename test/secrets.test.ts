import mongoose from 'mongoose';
import { createApp, GROUP_A } from './helpers/factories';
import { appPath, createIn } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (body: Record<string, unknown>) =>
  t.srv.api.post(`${t.base}/secrets`).set('Authorization', t.ownerA.auth).send(body);
const put = (id: string, body: Record<string, unknown>) =>
  t.srv.api.put(`${t.base}/secrets/${id}`).set('Authorization', t.ownerA.auth).send(body);
const list = async () =>
  (await t.srv.api.get(`${t.base}/secrets`).set('Authorization', t.ownerA.auth).expect(200))
    .body as {
    _id: string;
    name: string;
  }[];

describe('secrets', () => {
  it('lists [] for a new app', async () => {
    expect(await list()).toEqual([]);
  });

  it('creates (201 {_id, name}), lists and deletes; values never come back', async () => {
    const plaintext = 'p@ssw0rd-very-secret-value';
    const created = await post({ name: 'dbPassword', value: plaintext }).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'dbPassword',
    });
    const res = await t.srv.api
      .get(`${t.base}/secrets`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(res.body).toEqual([created.body]);
    expect(res.text).not.toContain(plaintext);
    expect(created.text).not.toContain(plaintext);

    await t.srv.api
      .delete(`${t.base}/secrets/${created.body._id as string}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    expect(await list()).toEqual([]);
  });

  it('stores no plaintext: the raw document holds only the encrypted value', async () => {
    const plaintext = 'plaintext-that-must-not-be-stored';
    const created = await post({ name: 'apiKey', value: plaintext }).expect(201);
    const doc = await t.srv.conn
      .collection('secrets')
      .findOne({ _id: new mongoose.Types.ObjectId(created.body._id as string) });
    expect(doc).not.toBeNull();
    expect(JSON.stringify(doc)).not.toContain(plaintext);
    expect(JSON.stringify(doc)).not.toContain(Buffer.from(plaintext).toString('base64'));
    expect(doc?.value).toEqual({
      iv: expect.any(String),
      tag: expect.any(String),
      data: expect.any(String),
    });
    expect(await t.srv.deps.secrets.resolve(t.appId, 'apiKey')).toBe(plaintext);
  });

  it('renames with value "" keeping the value (204), or replaces the value', async () => {
    const created = await post({ name: 'old', value: 'v1' }).expect(201);
    const id = created.body._id as string;
    await put(id, { name: 'newName', value: '' }).expect(204);
    expect(await list()).toEqual([{ _id: id, name: 'newName' }]);
    expect(await t.srv.deps.secrets.resolve(t.appId, 'newName')).toBe('v1');
    expect(await t.srv.deps.secrets.resolve(t.appId, 'old')).toBeUndefined();

    await put(id, { _id: id, name: 'newName', value: 'v2' }).expect(204);
    expect(await t.srv.deps.secrets.resolve(t.appId, 'newName')).toBe('v2');
  });

  it('validates names: 1 to 64 letters, digits, _ or - (400)', async () => {
    for (const name of ['', 'a b', 'a.b', 'x'.repeat(65), 'ü']) {
      const res = await post({ name, value: 'v' }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    await post({ name: `_${'x'.repeat(63)}`, value: 'v' }).expect(201);
    const created = await post({ name: 'ok', value: 'v' }).expect(201);
    await put(created.body._id as string, { name: 'not ok', value: '' }).expect(400);
    const missing = await post({ name: 'novalue' }).expect(400);
    expect(missing.body.error_code).toBe('MissingParameter');
  });

  it('refuses a duplicate name, on create and on rename (409 SecretAlreadyExists)', async () => {
    await post({ name: 'one', value: 'v' }).expect(201);
    const two = await post({ name: 'two', value: 'v' }).expect(201);
    expect((await post({ name: 'one', value: 'w' }).expect(409)).body.error_code).toBe(
      'SecretAlreadyExists',
    );
    const rename = await put(two.body._id as string, { name: 'one', value: '' }).expect(409);
    expect(rename.body.error_code).toBe('SecretAlreadyExists');
  });

  it('answers 404 with the App Services message for an unknown id', async () => {
    const id = '0123456789abcdef01234567';
    const res = await put(id, { name: 'x', value: '' }).expect(404);
    expect(res.body).toEqual({ error: `secret not found: "${id}"`, error_code: 'SecretNotFound' });
    await t.srv.api
      .delete(`${t.base}/secrets/${id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
  });

  it('cannot rename or delete a secret the config uses (409 SecretInUse)', async () => {
    const secret = await createIn(t.srv, t.ownerA, t.base, 'secrets', {
      name: 'token',
      value: 't',
    });
    await createIn(t.srv, t.ownerA, t.base, 'values', {
      name: 'tokenValue',
      private: true,
      from_secret: true,
      value: 'token',
    });
    const rename = await put(secret._id, { name: 'token2', value: '' }).expect(409);
    expect(rename.body.error_code).toBe('SecretInUse');
    // Its value may still change.
    await put(secret._id, { name: 'token', value: 't2' }).expect(204);
    await t.srv.api
      .delete(`${t.base}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(409);
  });

  it("refuses another group's owner (403) and finds nothing of another app (404)", async () => {
    const secret = await createIn(t.srv, t.ownerA, t.base, 'secrets', { name: 's', value: 'v' });
    await t.srv.api.get(`${t.base}/secrets`).set('Authorization', t.ownerB.auth).expect(403);
    await t.srv.api
      .post(`${t.base}/secrets`)
      .set('Authorization', t.ownerB.auth)
      .send({ name: 'x', value: 'y' })
      .expect(403);
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    await t.srv.api
      .delete(`${other}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
    await t.srv.api
      .put(`${other}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 's', value: '' })
      .expect(404);
    expect(await list()).toEqual([{ _id: secret._id, name: 's' }]);
  });
});
