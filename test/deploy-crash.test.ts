import mongoose from 'mongoose';
import { DeploymentConfigs } from '../src/domain/deployments/deployment-configs';
import { draftModel, draftRevisionModel } from '../src/domain/deployments/draft.model';
import { addValue, deployedValueNames } from './helpers/config-edits';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let alice: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  alice = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const base = (appId: string) => `/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}`;

async function openDraft(appId: string): Promise<string> {
  const res = await srv.api
    .post(`${base(appId)}/drafts`)
    .set('Authorization', alice.auth)
    .expect(201);
  return res.body._id as string;
}

const postValue = (appId: string, name: string) =>
  srv.api
    .post(`${base(appId)}/values`)
    .set('Authorization', alice.auth)
    .send({ name, private: false, value: name });

const listDrafts = async (appId: string): Promise<string[]> =>
  (
    (
      await srv.api
        .get(`${base(appId)}/drafts`)
        .set('Authorization', alice.auth)
        .expect(200)
    ).body as { _id: string }[]
  ).map((d) => d._id);

/** What a deploy of the draft does up to its crash: the deployment is stored, the draft is not closed. */
async function deployWithoutClosing(appId: string, draftId: string): Promise<void> {
  const snapshots = new DeploymentConfigs(srv.conn);
  const config = await srv.deps.configStore.view(appId, alice.key.id);
  const { version } = await srv.deps.configStore.deployed(appId);
  const id = new mongoose.Types.ObjectId();
  await snapshots.put(id, appId, version + 1, config);
  await snapshots.insert({
    _id: id,
    app_id: new mongoose.Types.ObjectId(appId),
    version: version + 1,
    name: id.toHexString(),
    status: 'successful',
    status_error_message: '',
    origin: 'Draft',
    user_id: alice.key.id,
    draft_id: draftId,
    deployed_at: new Date(),
  });
}

describe('a crash between deploying a draft and closing it', () => {
  it('leaves the draft gone: not listed, not diffed or deployed again, not written to; a new draft opens', async () => {
    const { _id: appId } = await createApp(srv, alice);
    const draftId = await openDraft(appId);
    await postValue(appId, 'drafted').expect(201);
    await deployWithoutClosing(appId, draftId);
    expect(await deployedValueNames(srv, appId)).toEqual(['drafted']);

    expect(await listDrafts(appId)).toEqual([]);
    for (const call of [
      srv.api.get(`${base(appId)}/drafts/${draftId}/diff`),
      srv.api.post(`${base(appId)}/drafts/${draftId}/deployment`),
      srv.api.delete(`${base(appId)}/drafts/${draftId}`),
    ]) {
      const res = await call.set('Authorization', alice.auth).expect(404);
      expect(res.body.error_code).toBe('DraftNotFound');
    }

    // With no draft open, a write deploys at once (it does not land in the stale draft).
    await postValue(appId, 'after-crash').expect(201);
    expect(await deployedValueNames(srv, appId)).toEqual(['after-crash', 'drafted']);
    const history = await srv.api
      .get(`${base(appId)}/deployments`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(history.body.map((d: { origin: string }) => d.origin)).toEqual(['API', 'Draft']);

    // The stale draft was cleaned up, so the admin can open a new one, and writes land in it.
    expect(await draftModel(srv.conn).countDocuments({ _id: draftId })).toBe(0);
    expect(
      await draftRevisionModel(srv.conn).countDocuments({
        draft_id: draftId,
        config: { $exists: true },
      }),
    ).toBe(0);
    const fresh = await openDraft(appId);
    expect(fresh).not.toBe(draftId);
    await postValue(appId, 'in-new-draft').expect(201);
    expect(await deployedValueNames(srv, appId)).toEqual(['after-crash', 'drafted']);
    const diff = await srv.api
      .get(`${base(appId)}/drafts/${fresh}/diff`)
      .set('Authorization', alice.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(['values: added "in-new-draft"']);
  });

  it('a draft whose deployment crashed before it was stored is deployed by deploying it again', async () => {
    const { _id: appId } = await createApp(srv, alice);
    const draftId = await openDraft(appId);
    await postValue(appId, 'drafted').expect(201);
    // The crash left the draft sealed for a deployment that was never stored.
    const revisions = draftRevisionModel(srv.conn);
    const head = await revisions.findOne({ draft_id: draftId }).sort({ rev: -1 }).lean();
    await revisions.create({
      draft_id: head!.draft_id,
      app_id: head!.app_id,
      rev: head!.rev + 1,
      config: head!.config,
      deployment_id: new mongoose.Types.ObjectId(),
    });

    // Nothing was deployed; the draft still shows, and is not written to meanwhile.
    expect(await deployedValueNames(srv, appId)).toEqual([]);
    expect(await listDrafts(appId)).toEqual([draftId]);
    const refused = await postValue(appId, 'meanwhile').expect(409);
    expect(refused.body.error_code).toBe('DeploymentConflict');

    await srv.api
      .post(`${base(appId)}/drafts/${draftId}/deployment`)
      .set('Authorization', alice.auth)
      .expect(201);
    expect(await deployedValueNames(srv, appId)).toEqual(['drafted']);
    expect(await listDrafts(appId)).toEqual([]);
    await postValue(appId, 'meanwhile').expect(201);
    expect(await deployedValueNames(srv, appId)).toEqual(['drafted', 'meanwhile']);
  });
});

describe('writes racing each other in a draft', () => {
  it('every acknowledged write is in the working copy (a superseded revision number is never reused)', async () => {
    const { _id: appId } = await createApp(srv, alice);
    await openDraft(appId);
    const names = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const outcomes = await Promise.all(
      names.map((name) =>
        addValue(srv, appId, alice.key.id, name).then(
          () => true,
          () => false,
        ),
      ),
    );
    const acknowledged = names.filter((_, i) => outcomes[i]);
    expect(acknowledged.length).toBeGreaterThan(0);
    const seen = (await srv.deps.configStore.view(appId, alice.key.id)).values.map((v) => v.name);
    expect(seen).toEqual(expect.arrayContaining(acknowledged));
  });
});

describe('writes racing the deployment of their draft', () => {
  it('every acknowledged write ends up deployed (in the draft deployment or a later one)', async () => {
    const ROUNDS = 4;
    const WRITERS = 8;
    for (let round = 0; round < ROUNDS; round++) {
      const { _id: appId } = await createApp(srv, alice);
      const draftId = await openDraft(appId);
      await addValue(srv, appId, alice.key.id, 'first');
      const names = Array.from({ length: WRITERS }, (_, i) => `w${i}`);
      const writes = names.map((name) => addValue(srv, appId, alice.key.id, name));
      const deploy = srv.api
        .post(`${base(appId)}/drafts/${draftId}/deployment`)
        .set('Authorization', alice.auth)
        .then((res) => res.status);
      const [status, ...outcomes] = await Promise.all([
        deploy,
        ...writes.map((w) => w.then(() => true).catch(() => false)),
      ]);
      expect([201, 409]).toContain(status);
      // A deploy that lost its race leaves the draft open; deploy what it holds now.
      for (const open of await listDrafts(appId)) {
        await srv.api
          .post(`${base(appId)}/drafts/${open}/deployment`)
          .set('Authorization', alice.auth)
          .expect(201);
      }
      const acknowledged = names.filter((_, i) => outcomes[i]);
      const deployed = await deployedValueNames(srv, appId);
      expect(deployed).toEqual(expect.arrayContaining(['first', ...acknowledged]));
      expect(await listDrafts(appId)).toEqual([]);
    }
  });
});

describe('a write that lands after its draft was discarded', () => {
  it('leaves nothing that counts as in use: the secret it names can still be deleted', async () => {
    const appId = (await createApp(srv, alice))._id;
    const secret = await srv.api
      .post(`${base(appId)}/secrets`)
      .set('Authorization', alice.auth)
      .send({ name: 'late', value: 'v' })
      .expect(201);
    const draftId = await openDraft(appId);
    await postValue(appId, 'before').expect(201);
    await srv.api
      .delete(`${base(appId)}/drafts/${draftId}`)
      .set('Authorization', alice.auth)
      .expect(204);
    // A write that read the draft's head before the discard inserts its revision after it.
    const { config } = await srv.deps.configStore.deployed(appId);
    await draftRevisionModel(srv.conn).create({
      draft_id: new mongoose.Types.ObjectId(draftId),
      app_id: new mongoose.Types.ObjectId(appId),
      rev: 99,
      config: {
        ...structuredClone(config),
        values: [
          {
            _id: new mongoose.Types.ObjectId().toHexString(),
            name: 'fromSecret',
            private: false,
            from_secret: true,
            value: 'late',
            last_modified: 0,
          },
        ],
      },
    });
    await srv.api
      .delete(`${base(appId)}/secrets/${secret.body._id as string}`)
      .set('Authorization', alice.auth)
      .expect(204);
  });
});
