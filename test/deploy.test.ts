import { addValue, deployedValueNames, setValue } from './helpers/config-edits';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let alice: AdminSession;
let bob: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  alice = await adminLogin(srv, 'org');
  bob = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const base = (appId: string) => `/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}`;

async function newApp(): Promise<string> {
  return (await createApp(srv, alice))._id;
}

describe('drafts', () => {
  it('a new app has no drafts and no deployments', async () => {
    const appId = await newApp();
    expect(
      (
        await srv.api
          .get(`${base(appId)}/drafts`)
          .set('Authorization', alice.auth)
          .expect(200)
      ).body,
    ).toEqual([]);
    expect(
      (
        await srv.api
          .get(`${base(appId)}/deployments`)
          .set('Authorization', alice.auth)
          .expect(200)
      ).body,
    ).toEqual([]);
  });

  it('open → edit → diff → deploy: edits stay out of the deployed config until the draft is deployed', async () => {
    const appId = await newApp();
    const created = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    const draftId = created.body._id as string;
    expect(created.body).toMatchObject({ user_id: alice.key.id, app: { _id: appId } });
    const listed = await srv.api
      .get(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(listed.body.map((d: { _id: string }) => d._id)).toEqual([draftId]);

    await addValue(srv, appId, alice.key.id, 'greeting', 'hello');
    await addValue(srv, appId, alice.key.id, 'farewell', 'bye');
    expect(await deployedValueNames(srv, appId)).toEqual([]);
    expect((await srv.deps.configStore.view(appId, bob.key.id)).values).toEqual([]);

    const diff = await srv.api
      .get(`${base(appId)}/drafts/${draftId}/diff`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['values: added "greeting"', 'values: added "farewell"']);
    expect(diff.body.hosting_files_diff).toEqual({ added: [], deleted: [], modified: [] });

    const deployed = await srv.api
      .post(`${base(appId)}/drafts/${draftId}/deployment`)
      .set('Authorization', alice.auth)
      .expect(201);
    expect(deployed.body).toMatchObject({
      app_id: appId,
      draft_id: draftId,
      user_id: alice.key.id,
      status: 'successful',
      origin: 'Draft',
    });
    expect(deployed.body.name).toBe(deployed.body._id);
    expect(await deployedValueNames(srv, appId)).toEqual(['farewell', 'greeting']);
    expect(
      (
        await srv.api
          .get(`${base(appId)}/drafts`)
          .set('Authorization', alice.auth)
          .expect(200)
      ).body,
    ).toEqual([]);

    const list = await srv.api
      .get(`${base(appId)}/deployments`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(list.body.map((d: { _id: string }) => d._id)).toEqual([deployed.body._id]);
    const one = await srv.api
      .get(`${base(appId)}/deployments/${deployed.body._id}`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(one.body).toEqual(deployed.body);
  });

  it('accepts the CLI deploy call with no body, and a named deployment', async () => {
    const appId = await newApp();
    const d1 = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await srv.api
      .post(`${base(appId)}/drafts/${d1.body._id}/deployment`)
      .set('Authorization', alice.auth)
      .expect(201);
    const d2 = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    const named = await srv.api
      .post(`${base(appId)}/drafts/${d2.body._id}/deployment`)
      .set('Authorization', alice.auth)
      .send({ name: 'release-1' })
      .expect(201);
    expect(named.body.name).toBe('release-1');
  });

  it('refuses a second draft for the same admin with 409 DraftAlreadyExists, but another admin may open one', async () => {
    const appId = await newApp();
    await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    const again = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(409);
    expect(again.body).toEqual({
      error: 'a draft already exists',
      error_code: 'DraftAlreadyExists',
    });
    await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', bob.auth)
      .expect(201);
    const bobs = await srv.api
      .get(`${base(appId)}/drafts`)
      .set('Authorization', bob.auth)
      .expect(200);
    expect(bobs.body).toHaveLength(1);
  });

  it('discard drops the draft and its changes; further use of its id is 404', async () => {
    const appId = await newApp();
    const d = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await addValue(srv, appId, alice.key.id, 'temp');
    await srv.api
      .delete(`${base(appId)}/drafts/${d.body._id}`)
      .set('Authorization', alice.auth)
      .expect(204);
    expect(await deployedValueNames(srv, appId)).toEqual([]);
    expect((await srv.deps.configStore.view(appId, alice.key.id)).values).toEqual([]);
    for (const call of [
      srv.api.delete(`${base(appId)}/drafts/${d.body._id}`),
      srv.api.get(`${base(appId)}/drafts/${d.body._id}/diff`),
      srv.api.post(`${base(appId)}/drafts/${d.body._id}/deployment`),
    ]) {
      const res = await call.set('Authorization', alice.auth).expect(404);
      expect(res.body.error_code).toBe('DraftNotFound');
    }
  });

  it("an admin cannot see, diff, deploy or discard another admin's draft", async () => {
    const appId = await newApp();
    const d = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await srv.api
      .get(`${base(appId)}/drafts/${d.body._id}/diff`)
      .set('Authorization', bob.auth)
      .expect(404);
    await srv.api
      .post(`${base(appId)}/drafts/${d.body._id}/deployment`)
      .set('Authorization', bob.auth)
      .expect(404);
    await srv.api
      .delete(`${base(appId)}/drafts/${d.body._id}`)
      .set('Authorization', bob.auth)
      .expect(404);
  });

  it('merges a draft over a newer deployment, and refuses with 409 when both changed the same item', async () => {
    const appId = await newApp();
    await addValue(srv, appId, bob.key.id, 'shared', 1);
    const d = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await addValue(srv, appId, alice.key.id, 'mine');
    await addValue(srv, appId, bob.key.id, 'theirs'); // bob has no draft: deploys at once
    const diff = await srv.api
      .get(`${base(appId)}/drafts/${d.body._id}/diff`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['values: added "mine"']);
    await srv.api
      .post(`${base(appId)}/drafts/${d.body._id}/deployment`)
      .set('Authorization', alice.auth)
      .expect(201);
    expect(await deployedValueNames(srv, appId)).toEqual(['mine', 'shared', 'theirs']);

    const d2 = await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await setValue(srv, appId, alice.key.id, 'shared', 2);
    await setValue(srv, appId, bob.key.id, 'shared', 3);
    const conflictDiff = await srv.api
      .get(`${base(appId)}/drafts/${d2.body._id}/diff`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(conflictDiff.body.diffs.join('\n')).toContain('conflict: values "shared"');
    const refused = await srv.api
      .post(`${base(appId)}/drafts/${d2.body._id}/deployment`)
      .set('Authorization', alice.auth)
      .expect(409);
    expect(refused.body.error_code).toBe('DeploymentConflict');
    const { config } = await srv.deps.configStore.deployed(appId);
    expect(config.values.find((v) => v.name === 'shared')?.value).toBe(3);
  });
});

describe('deployments', () => {
  it('each write without a draft is its own deployment, newest first, at most 25 listed', async () => {
    const appId = await newApp();
    for (let i = 0; i < 27; i++) await addValue(srv, appId, alice.key.id, `v${i}`);
    const list = await srv.api
      .get(`${base(appId)}/deployments`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(list.body).toHaveLength(25);
    const times = list.body.map((d: { _id: string }) => d._id);
    expect([...times].sort().reverse()).toEqual(times);
    expect(list.body[0]).toMatchObject({
      origin: 'API',
      status: 'successful',
      draft_id: '',
      remote_location: 'US-VA',
    });
  });

  it('redeploy rolls back to an earlier complete config (204), as a new deployment', async () => {
    const appId = await newApp();
    await addValue(srv, appId, alice.key.id, 'one');
    const first = (
      await srv.api
        .get(`${base(appId)}/deployments`)
        .set('Authorization', alice.auth)
        .expect(200)
    ).body[0];
    await addValue(srv, appId, alice.key.id, 'two');
    expect(await deployedValueNames(srv, appId)).toEqual(['one', 'two']);
    await srv.api
      .post(`${base(appId)}/deployments/${first._id}/redeploy`)
      .set('Authorization', alice.auth)
      .expect(204);
    expect(await deployedValueNames(srv, appId)).toEqual(['one']);
    const list = await srv.api
      .get(`${base(appId)}/deployments`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(list.body).toHaveLength(3);
    expect(list.body[0]).toMatchObject({ origin: 'Redeploy', status: 'successful' });
  });

  it('unknown deployment → 404 DeploymentNotFound; another app’s deployment is not reachable', async () => {
    const appId = await newApp();
    const other = await newApp();
    await addValue(srv, appId, alice.key.id, 'x');
    const dep = (
      await srv.api
        .get(`${base(appId)}/deployments`)
        .set('Authorization', alice.auth)
        .expect(200)
    ).body[0];
    const res = await srv.api
      .post(`${base(other)}/deployments/${dep._id}/redeploy`)
      .set('Authorization', alice.auth)
      .expect(404);
    expect(res.body).toEqual({ error: 'deployment not found', error_code: 'DeploymentNotFound' });
    await srv.api
      .get(`${base(other)}/deployments/${dep._id}`)
      .set('Authorization', alice.auth)
      .expect(404);
  });

  it('two concurrent deploys of the same app cannot interleave: one wins, the other gets 409', async () => {
    const appId = await newApp();
    const { version } = await srv.deps.configStore.deployed(appId);
    const configA = structuredClone((await srv.deps.configStore.deployed(appId)).config);
    const configB = structuredClone(configA);
    configA.security.refresh_token_expiration_seconds = 3600;
    configB.security.refresh_token_expiration_seconds = 7200;
    const results = await Promise.allSettled([
      srv.deps.configStore.deploy(appId, configA, version, { origin: 'API', userId: 'a' }),
      srv.deps.configStore.deploy(appId, configB, version, { origin: 'API', userId: 'b' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected');
    expect((loser as PromiseRejectedResult).reason).toMatchObject({
      code: 'DeploymentConflict',
      kind: 'conflict',
    });
    const after = await srv.deps.configStore.deployed(appId);
    expect(after.version).toBe(version + 1);
    expect([3600, 7200]).toContain(after.config.security.refresh_token_expiration_seconds);
  });

  it('concurrent direct writes are all applied (lost races are retried on fresh data)', async () => {
    const appId = await newApp();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => addValue(srv, appId, alice.key.id, `c${i}`)),
    );
    expect(await deployedValueNames(srv, appId)).toEqual(['c0', 'c1', 'c2', 'c3']);
  });
});

describe('deploy config', () => {
  it('reads the defaults and applies a PATCH', async () => {
    const appId = await newApp();
    const before = await srv.api
      .get(`${base(appId)}/deploy/config`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(before.body).toEqual({
      ui_drafts_disabled: false,
      automatic_deployment: { enabled: false, provider: 'github', installation_ids: [] },
      last_modified: 0,
    });
    await srv.api
      .patch(`${base(appId)}/deploy/config`)
      .set('Authorization', alice.auth)
      .send({ ui_drafts_disabled: true })
      .expect(204);
    const after = await srv.api
      .get(`${base(appId)}/deploy/config`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(after.body.ui_drafts_disabled).toBe(true);
    expect(after.body.last_modified).toBeGreaterThan(0);
    await srv.api
      .patch(`${base(appId)}/deploy/config`)
      .set('Authorization', alice.auth)
      .send({ ui_drafts_disabled: 'yes' })
      .expect(400);
  });
});

describe('isolation', () => {
  it('a group owner of another group gets 403 on every deploy endpoint', async () => {
    const appId = await newApp();
    const other = await adminLogin(srv, { groupId: GROUP_B });
    await srv.api
      .get(`${base(appId)}/drafts`)
      .set('Authorization', other.auth)
      .expect(403);
    await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', other.auth)
      .expect(403);
    await srv.api
      .get(`${base(appId)}/deployments`)
      .set('Authorization', other.auth)
      .expect(403);
    await srv.api
      .get(`${base(appId)}/deploy/config`)
      .set('Authorization', other.auth)
      .expect(403);
  });

  it('deleting an app removes its drafts and deployments', async () => {
    const appId = await newApp();
    await addValue(srv, appId, alice.key.id, 'x');
    await srv.api
      .post(`${base(appId)}/drafts`)
      .set('Authorization', alice.auth)
      .expect(201);
    await srv.api.delete(base(appId)).set('Authorization', alice.auth).expect(204);
    const { ObjectId } = await import('mongodb');
    expect(
      await srv.conn.collection('deployments').countDocuments({ app_id: new ObjectId(appId) }),
    ).toBe(0);
    expect(
      await srv.conn.collection('drafts').countDocuments({ app_id: new ObjectId(appId) }),
    ).toBe(0);
  });
});
