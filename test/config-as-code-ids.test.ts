import { ownersSuite } from './helpers/suites';
import { exportZip, filesOf, importJson, importZip } from './helpers/config-as-code';
import { cliDocument } from './helpers/app-directory';
import { FIXTURE_FILES, addFixtureSecrets, adminGet, pullDocument } from './helpers/fixture-app';

/** Ids survive a round trip, a no-op import deploys nothing, and the export's options. */
const t = ownersSuite();

type Entity = { _id: string; name: string; last_modified?: number };
const SECTIONS = ['/functions', '/values', '/triggers', '/auth_providers', '/services'];

/** Every entity of the app as the list endpoints show it (ids, names, last_modified). */
const entities = async () =>
  Promise.all(SECTIONS.map((s) => adminGet<Entity[]>(t.srv, t.ownerA, t.base, s)));
const deployments = () => adminGet<{ _id: string }[]>(t.srv, t.ownerA, t.base, '/deployments');

beforeEach(async () => {
  await addFixtureSecrets(t.srv, t.ownerA, t.base);
  await importJson(t.srv, t.ownerA.auth, t.base, cliDocument(FIXTURE_FILES)).expect(204);
});

describe('importing what the app exports', () => {
  it('keeps every _id, changes nothing and deploys nothing, as a zip or as JSON', async () => {
    const before = await entities();
    const deployed = await deployments();
    expect(deployed).toHaveLength(1);
    const { zip } = await exportZip(t.srv, t.ownerA.auth, t.base);
    const doc = await pullDocument(t.srv, t.ownerA, t.base);

    const zipDiff = await t.srv.api
      .post(`${t.base}/import?strategy=replace-by-name&diff=true`)
      .set('Authorization', t.ownerA.auth)
      .set('Content-Type', 'application/zip')
      .send(zip)
      .expect(200);
    expect(zipDiff.body).toEqual([]);
    expect((await importJson(t.srv, t.ownerA.auth, t.base, doc, true).expect(200)).body).toEqual(
      [],
    );

    await importZip(t.srv, t.ownerA.auth, t.base, zip).expect(204);
    await importJson(t.srv, t.ownerA.auth, t.base, doc).expect(204);
    expect(await entities()).toEqual(before);
    expect(await deployments()).toEqual(deployed);
    expect((await exportZip(t.srv, t.ownerA.auth, t.base)).zip.equals(zip)).toBe(true);
  });

  it('keeps the ids of the items it changes and of those it leaves alone', async () => {
    const before = await entities();
    const doc = await pullDocument(t.srv, t.ownerA, t.base);
    const values = doc.values as { name: string; value: unknown }[];
    values.forEach((v) => v.name === 'appName' && (v.value = 'Renamed'));
    await importJson(t.srv, t.ownerA.auth, t.base, doc).expect(204);
    const after = await entities();
    expect(after.map((list) => list.map((e) => e._id))).toEqual(
      before.map((list) => list.map((e) => e._id)),
    );
    expect(await deployments()).toHaveLength(2);
  });
});

describe('export options', () => {
  it('deployment=<id> exports that version, not the deployed one', async () => {
    const [first] = await deployments();
    const v1 = await exportZip(t.srv, t.ownerA.auth, t.base);
    const doc = cliDocument(FIXTURE_FILES) as { values: { name: string; value: unknown }[] };
    doc.values.forEach((v) => v.name === 'appName' && (v.value = 'Version two'));
    await importJson(t.srv, t.ownerA.auth, t.base, doc).expect(204);
    const v2 = await exportZip(t.srv, t.ownerA.auth, t.base);
    expect(v2.zip.equals(v1.zip)).toBe(false);

    const old = await exportZip(
      t.srv,
      t.ownerA.auth,
      t.base,
      `version=20210101&source_control=true&deployment=${first?._id ?? ''}`,
    );
    expect(old.zip.equals(v1.zip)).toBe(true);
    expect(old.filename).toBe(v1.filename);
    expect(v2.filename).not.toBe(v1.filename);
    await t.srv.api
      .get(`${t.base}/export?version=20210101&deployment=${'0'.repeat(24)}`)
      .set('Authorization', t.ownerA.auth)
      .expect(404);
  });

  it('template=true leaves out app_id and nothing else', async () => {
    const plain = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    const template = filesOf(
      (await exportZip(t.srv, t.ownerA.auth, t.base, 'version=20210101&template=true')).zip,
    );
    const realm = JSON.parse(plain['realm_config.json'] ?? '{}') as Record<string, unknown>;
    const { app_id: appId, ...rest } = realm;
    expect(appId).toEqual(expect.any(String));
    expect(JSON.parse(template['realm_config.json'] ?? '{}')).toEqual(rest);
    expect({ ...template, 'realm_config.json': '' }).toEqual({ ...plain, 'realm_config.json': '' });
  });

  it('source_control=true with template=true is refused (400)', async () => {
    const res = await t.srv.api
      .get(`${t.base}/export?version=20210101&source_control=true&template=true`)
      .set('Authorization', t.ownerA.auth)
      .expect(400);
    expect(res.body).toEqual({
      error: 'source_control and template cannot be used together',
      error_code: 'InvalidParameter',
    });
  });
});
