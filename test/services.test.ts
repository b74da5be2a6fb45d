import { createApp, GROUP_A } from './helpers/factories';
import { appPath, ATLAS_CONFIG, createDataSource, createIn } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const post = (body: Record<string, unknown>) =>
  t.srv.api.post(`${t.base}/services`).set('Authorization', t.ownerA.auth).send(body);
const get = (id: string) =>
  t.srv.api.get(`${t.base}/services/${id}`).set('Authorization', t.ownerA.auth);
const patch = (id: string, body: Record<string, unknown>) =>
  t.srv.api.patch(`${t.base}/services/${id}`).set('Authorization', t.ownerA.auth).send(body);

describe('services (MongoDB data sources)', () => {
  it('lists [] for a new app', async () => {
    const res = await t.srv.api
      .get(`${t.base}/services`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(res.body).toEqual([]);
  });

  it('creates, lists, gets, replaces and deletes a data source', async () => {
    const created = await post({
      name: 'mongodb-atlas',
      type: 'mongodb-atlas',
      config: { ...ATLAS_CONFIG, readPreferenceTagSets: [{ dc: 'east' }, 'use:reporting'] },
    }).expect(201);
    expect(created.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'mongodb-atlas',
      type: 'mongodb-atlas',
      version: 1,
      config: { ...ATLAS_CONFIG, readPreferenceTagSets: [{ dc: 'east' }, 'use:reporting'] },
      last_modified: expect.any(Number),
    });
    const id = created.body._id as string;

    const list = await t.srv.api
      .get(`${t.base}/services`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(list.body).toEqual([
      {
        _id: id,
        name: 'mongodb-atlas',
        type: 'mongodb-atlas',
        version: 1,
        last_modified: created.body.last_modified,
      },
    ]);
    expect((await get(id).expect(200)).body).toEqual(created.body);

    const updated = await patch(id, {
      name: 'main',
      type: 'mongodb-atlas',
      config: { clusterName: 'Cluster1', readPreference: 'nearest', wireProtocolEnabled: true },
    }).expect(200);
    expect(updated.body).toMatchObject({
      _id: id,
      name: 'main',
      config: { clusterName: 'Cluster1', readPreference: 'nearest', wireProtocolEnabled: true },
    });
    expect((await get(id).expect(200)).body).toEqual(updated.body);

    await t.srv.api
      .delete(`${t.base}/services/${id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
    const gone = await get(id).expect(404);
    expect(gone.body.error_code).toBe('ServiceNotFound');
  });

  it('reads and patches the config on its own (fields left out keep their values)', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const cfg = await t.srv.api
      .get(`${t.base}/services/${svc._id}/config`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(cfg.body).toEqual(ATLAS_CONFIG);
    await t.srv.api
      .patch(`${t.base}/services/${svc._id}/config`)
      .set('Authorization', t.ownerA.auth)
      .send({ readPreference: 'secondaryPreferred', clusterId: '05e821b3975d271289f372e3a' })
      .expect(204);
    const after = await t.srv.api
      .get(`${t.base}/services/${svc._id}/config`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(after.body).toEqual({
      ...ATLAS_CONFIG,
      readPreference: 'secondaryPreferred',
      clusterId: '05e821b3975d271289f372e3a',
    });
    const bad = await t.srv.api
      .patch(`${t.base}/services/${svc._id}/config`)
      .set('Authorization', t.ownerA.auth)
      .send({ readPreference: 'fastest' })
      .expect(400);
    expect(bad.body.error_code).toBe('InvalidParameter');
    await t.srv.api
      .patch(`${t.base}/services/0123456789abcdef01234567/config`)
      .set('Authorization', t.ownerA.auth)
      .send({ readPreference: 'primary' })
      .expect(404);
  });

  it('supports only mongodb-atlas (400 ServiceTypeNotFound), on create and on replace', async () => {
    const res = await post({ name: 'lake', type: 'datalake', config: ATLAS_CONFIG }).expect(400);
    expect(res.body.error_code).toBe('ServiceTypeNotFound');
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    const put = await patch(svc._id, { name: 'x', type: 'twilio', config: ATLAS_CONFIG }).expect(
      400,
    );
    expect(put.body.error_code).toBe('ServiceTypeNotFound');
  });

  it('validates the config: clusterName, readPreference, wireProtocolEnabled, no unknown keys', async () => {
    for (const config of [
      { ...ATLAS_CONFIG, clusterName: 'bad name' },
      { ...ATLAS_CONFIG, clusterName: 'c'.repeat(65) },
      { ...ATLAS_CONFIG, clusterName: '' },
      { ...ATLAS_CONFIG, readPreference: 'fastest' },
      { ...ATLAS_CONFIG, wireProtocolEnabled: 'yes' },
      { ...ATLAS_CONFIG, unknownKey: 1 },
      { clusterName: 'Cluster0', readPreference: 'primary' },
    ]) {
      await post({ name: 'svc', type: 'mongodb-atlas', config }).expect(400);
    }
    await post({
      name: 'svc',
      type: 'mongodb-atlas',
      config: { ...ATLAS_CONFIG, clusterName: `A_b-${'c'.repeat(60)}` },
    }).expect(201);
  });

  it('validates names and refuses a duplicate (409 ServiceAlreadyExists)', async () => {
    for (const name of ['1db', 'my db', 'a'.repeat(65)]) {
      const res = await post({ name, type: 'mongodb-atlas', config: ATLAS_CONFIG }).expect(400);
      expect(res.body.error_code).toBe('InvalidParameter');
    }
    await createDataSource(t.srv, t.ownerA, t.base, 'one');
    const two = await createDataSource(t.srv, t.ownerA, t.base, 'two');
    const dup = await post({ name: 'one', type: 'mongodb-atlas', config: ATLAS_CONFIG }).expect(
      409,
    );
    expect(dup.body.error_code).toBe('ServiceAlreadyExists');
    const rename = await patch(two._id, {
      name: 'one',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
    }).expect(409);
    expect(rename.body.error_code).toBe('ServiceAlreadyExists');
  });

  it('answers 404 ServiceNotFound for an unknown id', async () => {
    const id = '0123456789abcdef01234567';
    for (const res of [
      await get(id),
      await patch(id, { name: 'x', type: 'mongodb-atlas', config: ATLAS_CONFIG }),
      await t.srv.api.delete(`${t.base}/services/${id}`).set('Authorization', t.ownerA.auth),
      await t.srv.api.get(`${t.base}/services/${id}/config`).set('Authorization', t.ownerA.auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('ServiceNotFound');
    }
  });
});

describe('a data source on another cluster (secret_config.uri)', () => {
  it('stores the name of an existing secret; the secret is then in use', async () => {
    const secret = await createIn(t.srv, t.ownerA, t.base, 'secrets', {
      name: 'clusterUri',
      value: 'mongodb://user:pw@elsewhere:27017',
    });
    const svc = await post({
      name: 'remote',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
      secret_config: { uri: 'clusterUri' },
    }).expect(201);
    expect(svc.body.secret_config).toEqual({ uri: 'clusterUri' });
    expect(svc.text).not.toContain('elsewhere');
    const id = svc.body._id as string;

    const refused = await t.srv.api
      .delete(`${t.base}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(409);
    expect(refused.body.error).toContain('service "remote" (uri)');

    // Left out on replace: kept. Sent empty: cleared.
    const kept = await patch(id, {
      name: 'remote',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
    }).expect(200);
    expect(kept.body.secret_config).toEqual({ uri: 'clusterUri' });
    const cleared = await patch(id, {
      name: 'remote',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
      secret_config: {},
    }).expect(200);
    expect(cleared.body.secret_config).toBeUndefined();
    await t.srv.api
      .delete(`${t.base}/secrets/${secret._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
  });

  it('refuses a uri secret that does not exist (400 SecretNotFound)', async () => {
    const res = await post({
      name: 'remote',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
      secret_config: { uri: 'missing' },
    }).expect(400);
    expect(res.body.error_code).toBe('SecretNotFound');
    await post({
      name: 'remote',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
      secret_config: { uri: 'x', password: 'y' },
    }).expect(400);
  });
});

describe('a data source in use', () => {
  it('cannot be deleted while custom user data reads from it (409 ServiceInUse)', async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    await t.srv.api
      .patch(`${t.base}/custom_user_data`)
      .set('Authorization', t.ownerA.auth)
      .send({ mongo_service_id: svc._id })
      .expect(204);
    const refused = await t.srv.api
      .delete(`${t.base}/services/${svc._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(409);
    expect(refused.body.error_code).toBe('ServiceInUse');
    expect(refused.body.error).toContain('custom user data');
    await t.srv.api
      .patch(`${t.base}/custom_user_data`)
      .set('Authorization', t.ownerA.auth)
      .send({ mongo_service_id: '' })
      .expect(204);
    await t.srv.api
      .delete(`${t.base}/services/${svc._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(204);
  });
});

describe('services: access', () => {
  it("refuses another group's owner (403) and finds nothing of another app (404)", async () => {
    const svc = await createDataSource(t.srv, t.ownerA, t.base);
    await t.srv.api.get(`${t.base}/services`).set('Authorization', t.ownerB.auth).expect(403);
    await t.srv.api
      .patch(`${t.base}/services/${svc._id}/config`)
      .set('Authorization', t.ownerB.auth)
      .send({ readPreference: 'nearest' })
      .expect(403);
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    await t.srv.api
      .get(`${other}/services/${svc._id}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
    await t.srv.api
      .get(`${other}/services/${svc._id}/config`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
  });
});
