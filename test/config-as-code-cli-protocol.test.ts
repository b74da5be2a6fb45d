import fs from 'node:fs';
import path from 'node:path';
import { createApp, GROUP_A } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';
import { binary, exportZip, filesOf, importJson } from './helpers/config-as-code';
import { cliDocument } from './helpers/app-directory';
import { FIXTURE_FILES, addFixtureSecrets, pullDocument } from './helpers/fixture-app';

/**
 * The requests the App Services CLI makes for push, pull and `apps create --local`, in its
 * order and as it sends them (/work/shared/reference/realm-cli-protocol.md).
 */
const t = ownersSuite();
const CLI_BODY = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures/cli-import-body.json'), 'utf8'),
) as Record<string, unknown>;

type Doc = Record<string, unknown>;
const apps = `/api/admin/v3.0/groups/${GROUP_A}/apps`;
const call = (method: 'get' | 'post' | 'delete', url: string) =>
  t.srv.api[method](url).set('Authorization', t.ownerA.auth);
const deploymentIds = async () =>
  ((await call('get', `${t.base}/deployments`).expect(200)).body as { _id: string }[]).map(
    (d) => d._id,
  );

/** The fixture with one value changed and one function added: the local edit being pushed. */
function editedFixture(): Doc {
  const doc = cliDocument(FIXTURE_FILES);
  const values = doc.values as Doc[];
  const appName = values.find((v) => v.name === 'appName');
  if (appName) appName.value = 'Task Tracker 2';
  const functions = doc.functions as { config: Doc[]; sources: Record<string, string> };
  functions.config.push({ name: 'hello', private: false });
  functions.sources['hello.js'] = 'exports = function(name) { return "hello " + name; };\n';
  return doc;
}

/** The CLI's first step of pull and push: the app lists, for each product it knows. */
async function listApps(): Promise<void> {
  const standard = await call('get', apps).expect(200);
  expect((standard.body as { _id: string }[]).map((a) => a._id)).toContain(t.appId);
  for (const product of ['atlas', 'data-api', 'device-sync']) {
    const res = await call('get', `${apps}?product=${product}`).expect(200);
    expect(res.body).toEqual([]);
  }
}

describe('the CLI push sequence', () => {
  it('lists, diffs, replaces a stale draft, imports into the draft, deploys and polls', async () => {
    await addFixtureSecrets(t.srv, t.ownerA, t.base);
    await importJson(t.srv, t.ownerA.auth, t.base, cliDocument(FIXTURE_FILES)).expect(204);
    // A draft left open by an earlier, interrupted push.
    const stale = await call('post', `${t.base}/drafts`).expect(201);
    await call('post', `${t.base}/values`)
      .send({ name: 'leftover', private: false, value: 1 })
      .expect(201);
    const deployedBefore = (await exportZip(t.srv, t.ownerA.auth, t.base)).zip;
    const deploymentsBefore = await deploymentIds();
    expect(deploymentsBefore).toHaveLength(1);

    await listApps();
    const app = await call('get', t.base).expect(200);
    expect(app.body).toMatchObject({ _id: t.appId, template_id: '' });

    const doc = editedFixture();
    const diff = await importJson(t.srv, t.ownerA.auth, t.base, doc, true).expect(200);
    // The changes against what the caller sees: their stale draft (its value would go too).
    expect([...(diff.body as string[])].sort()).toEqual([
      'functions: added "hello"',
      'values: modified "appName" (value)',
      'values: removed "leftover"',
    ]);

    const conflict = await call('post', `${t.base}/drafts`).expect(409);
    expect(conflict.body).toMatchObject({ error_code: 'DraftAlreadyExists' });
    const drafts = await call('get', `${t.base}/drafts`).expect(200);
    expect((drafts.body as { _id: string }[]).map((d) => d._id)).toEqual([stale.body._id]);
    const staleDiff = await call('get', `${t.base}/drafts/${stale.body._id}/diff`).expect(200);
    expect(staleDiff.body.diffs).toEqual(['values: added "leftover"']);
    await call('delete', `${t.base}/drafts/${stale.body._id}`).expect(204);
    const draft = await call('post', `${t.base}/drafts`).expect(201);
    const draftId = draft.body._id as string;

    await importJson(t.srv, t.ownerA.auth, t.base, doc).expect(204);
    // Into the draft: the deployed config and the deployments are as they were.
    expect(
      Buffer.compare((await exportZip(t.srv, t.ownerA.auth, t.base)).zip, deployedBefore),
    ).toBe(0);
    expect(await deploymentIds()).toEqual(deploymentsBefore);
    const draftDiff = await call('get', `${t.base}/drafts/${draftId}/diff`).expect(200);
    expect([...(draftDiff.body.diffs as string[])].sort()).toEqual([
      'functions: added "hello"',
      'values: modified "appName" (value)',
    ]);

    const deployed = await call('post', `${t.base}/drafts/${draftId}/deployment`).expect(201);
    let status = deployed.body.status as string;
    for (let polls = 0; status === 'created' || status === 'pending'; polls++) {
      expect(polls).toBeLessThan(50);
      status = (await call('get', `${t.base}/deployments/${deployed.body._id}`).expect(200)).body
        .status as string;
    }
    expect(status).toBe('successful');

    const pulled = await pullDocument(t.srv, t.ownerA, t.base);
    expect((pulled.values as Doc[]).find((v) => v.name === 'appName')?.value).toBe(
      'Task Tracker 2',
    );
    expect((pulled.functions as { sources: Doc }).sources['hello.js']).toBeDefined();
    expect(pulled.values).not.toContainEqual(expect.objectContaining({ name: 'leftover' }));
    expect(await deploymentIds()).toEqual([deployed.body._id, ...deploymentsBefore]);
    expect((await call('get', `${t.base}/drafts`).expect(200)).body).toEqual([]);
    const after = await importJson(t.srv, t.ownerA.auth, t.base, doc, true).expect(200);
    expect(after.body).toEqual([]);
  });
});

describe('the CLI pull sequence', () => {
  it('reads the app, then exports a zip whose file name gives the folder name', async () => {
    const app = await createApp(t.srv, t.ownerA, GROUP_A, { name: 'task_tracker_2' });
    const base = appPath(GROUP_A, app._id);
    await importJson(t.srv, t.ownerA.auth, base, CLI_BODY).expect(204);
    await listApps();
    const got = await call('get', base).expect(200);
    expect(got.body).toMatchObject({ name: 'task_tracker_2', template_id: '' });

    const res = await call('get', `${base}/export?version=20210101&source_control=true`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const disposition = String(res.headers['content-disposition']);
    const filename = /^attachment; filename=(\S+\.zip)$/.exec(disposition)?.[1] ?? '';
    // The CLI names the folder after the part of the file name before the last "_".
    expect(filename.slice(0, filename.lastIndexOf('_'))).toBe('task_tracker_2');
    const realm = JSON.parse(filesOf(res.body as Buffer)['realm_config.json'] ?? '{}') as Doc;
    expect(realm).toMatchObject({ app_id: app.client_app_id, name: 'task_tracker_2' });
  });
});

describe('apps create --local', () => {
  it('creates the app, then imports with no draft open: applied at once, in one deployment', async () => {
    const created = await call('post', apps)
      .send({ name: 'clitest', location: 'US-VA', deployment_model: 'GLOBAL' })
      .expect(201);
    const base = appPath(GROUP_A, created.body._id as string);
    await importJson(t.srv, t.ownerA.auth, base, CLI_BODY).expect(204);
    const deployments = await call('get', `${base}/deployments`).expect(200);
    expect(deployments.body).toEqual([
      expect.objectContaining({ status: 'successful', user_id: t.ownerA.key.id }),
    ]);
    const pulled = await pullDocument(t.srv, t.ownerA, base);
    expect(pulled.values).toEqual(CLI_BODY.values);
    expect(pulled.functions).toEqual(CLI_BODY.functions);
    expect(pulled.auth).toEqual(CLI_BODY.auth);
  });
});
