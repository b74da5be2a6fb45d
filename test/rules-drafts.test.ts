import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import {
  appPath,
  createDataSource,
  createFunction,
  enableCustomUserData,
} from './helpers/config-resources';
import { defaultRulePath, postRule, rulesPath, THIS_USER_RULE } from './helpers/rules';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let alice: AdminSession;
let bob: AdminSession;
let appId: string;
let base: string;
beforeAll(async () => {
  srv = await startTestServer();
  alice = await adminLogin(srv, { groupId: GROUP_A });
  bob = await adminLogin(srv, { groupId: GROUP_A });
});
beforeEach(async () => {
  appId = (await createApp(srv, alice))._id;
  base = appPath(GROUP_A, appId);
});
afterAll(() => srv.close());

const openDraft = async (who: AdminSession) =>
  (await srv.api.post(`${base}/drafts`).set('Authorization', who.auth).expect(201)).body
    ._id as string;
const diffOf = async (who: AdminSession, draftId: string) =>
  (await srv.api.get(`${base}/drafts/${draftId}/diff`).set('Authorization', who.auth).expect(200))
    .body.diffs as string[];
const deploy = (who: AdminSession, draftId: string) =>
  srv.api.post(`${base}/drafts/${draftId}/deployment`).set('Authorization', who.auth);
const ruleNames = async (who: AdminSession, serviceId: string) =>
  (
    (await srv.api.get(rulesPath(base, serviceId)).set('Authorization', who.auth).expect(200))
      .body as { database: string; collection: string }[]
  ).map((r) => `${r.database}.${r.collection}`);

describe('collection rules in drafts', () => {
  it('stay in the draft (diff: added) until it is deployed, then everyone sees them', async () => {
    const svc = await createDataSource(srv, alice, base);
    const draftId = await openDraft(alice);
    await postRule(srv, alice, base, svc._id, THIS_USER_RULE).expect(201);
    await srv.api
      .post(defaultRulePath(base, svc._id))
      .set('Authorization', alice.auth)
      .send({ roles: [{ name: 'readAll', read: true }] })
      .expect(201);

    expect(await ruleNames(alice, svc._id)).toEqual(['myapp.users']);
    expect(await ruleNames(bob, svc._id)).toEqual([]);
    await srv.api.get(defaultRulePath(base, svc._id)).set('Authorization', bob.auth).expect(404);
    expect((await srv.deps.configStore.deployed(appId)).config.rules).toEqual([]);
    expect(await diffOf(alice, draftId)).toEqual([
      'rules: added "myapp.users"',
      'default_rules: added "default rule of mongodb-atlas"',
    ]);

    await deploy(alice, draftId).expect(201);
    expect(await ruleNames(bob, svc._id)).toEqual(['myapp.users']);
    await srv.api.get(defaultRulePath(base, svc._id)).set('Authorization', bob.auth).expect(200);
    // What the runtime reads: the deployed config, with the data source's id.
    const deployed = (await srv.deps.configStore.deployed(appId)).config;
    expect(deployed.rules).toEqual([
      expect.objectContaining({
        name: 'myapp.users',
        service_id: svc._id,
        database: 'myapp',
        collection: 'users',
        roles: THIS_USER_RULE.roles,
        filters: [],
      }),
    ]);
    expect(deployed.default_rules).toEqual([
      expect.objectContaining({ name: svc._id, service_id: svc._id }),
    ]);

    // A change and a removal in a new draft.
    const next = await openDraft(alice);
    const [rule] = (
      await srv.api.get(rulesPath(base, svc._id)).set('Authorization', alice.auth).expect(200)
    ).body as { _id: string }[];
    await srv.api
      .put(`${rulesPath(base, svc._id)}/${rule?._id}`)
      .set('Authorization', alice.auth)
      .send({ ...THIS_USER_RULE, filters: [{ name: 'mine', query: { user_id: '%%user.id' } }] })
      .expect(200);
    await srv.api
      .delete(defaultRulePath(base, svc._id))
      .set('Authorization', alice.auth)
      .expect(204);
    expect(await diffOf(alice, next)).toEqual([
      'rules: modified "myapp.users" (filters)',
      'default_rules: removed "default rule of mongodb-atlas"',
    ]);
  });

  it('a rule both drafts add for the same collection: the second deploy is a 409', async () => {
    const svc = await createDataSource(srv, alice, base);
    const mine = await openDraft(alice);
    const theirs = await openDraft(bob);
    await postRule(srv, alice, base, svc._id, THIS_USER_RULE).expect(201);
    await postRule(srv, bob, base, svc._id, { ...THIS_USER_RULE, roles: [] }).expect(201);
    await deploy(alice, mine).expect(201);
    const lost = await deploy(bob, theirs).expect(409);
    expect(lost.body.error_code).toBe('RuleAlreadyExists');
    expect(await ruleNames(alice, svc._id)).toEqual(['myapp.users']);
  });

  it('a rule added in a draft whose data source a later deployment deleted cannot be deployed', async () => {
    const svc = await createDataSource(srv, alice, base);
    const draftId = await openDraft(alice);
    await postRule(srv, alice, base, svc._id, THIS_USER_RULE).expect(201);
    await srv.api.delete(`${base}/services/${svc._id}`).set('Authorization', bob.auth).expect(204);
    const res = await deploy(alice, draftId).expect(400);
    expect(res.body.error_code).toBe('ServiceNotFound');
  });
});

describe('collection rules and what they refer to', () => {
  it('two concurrent creates of the same collection rule: one 201, one 409, one rule', async () => {
    const svc = await createDataSource(srv, alice, base);
    for (let round = 0; round < 3; round++) {
      const body = { ...THIS_USER_RULE, collection: `c${round}` };
      const results = await Promise.all([
        postRule(srv, alice, base, svc._id, body),
        postRule(srv, bob, base, svc._id, body),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.error_code).toBe('RuleAlreadyExists');
    }
    expect((await ruleNames(alice, svc._id)).sort()).toEqual(['myapp.c0', 'myapp.c1', 'myapp.c2']);
  });

  it('concurrent creates of different collections are all kept', async () => {
    const svc = await createDataSource(srv, alice, base);
    const names = ['a', 'b', 'c', 'd'];
    const results = await Promise.all(
      names.map((c, i) =>
        postRule(srv, i % 2 ? alice : bob, base, svc._id, { ...THIS_USER_RULE, collection: c }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect((await ruleNames(alice, svc._id)).sort()).toEqual(names.map((c) => `myapp.${c}`));
  });

  it('deleting a data source deletes its rules and default rule (not those of another)', async () => {
    const svc = await createDataSource(srv, alice, base);
    const other = await createDataSource(srv, alice, base, 'analytics');
    await postRule(srv, alice, base, svc._id, THIS_USER_RULE).expect(201);
    await postRule(srv, alice, base, other._id, THIS_USER_RULE).expect(201);
    await srv.api
      .post(defaultRulePath(base, svc._id))
      .set('Authorization', alice.auth)
      .send({})
      .expect(201);
    const draftId = await openDraft(alice);
    await srv.api
      .delete(`${base}/services/${svc._id}`)
      .set('Authorization', alice.auth)
      .expect(204);
    expect(await diffOf(alice, draftId)).toEqual([
      'services: removed "mongodb-atlas"',
      'rules: removed "myapp.users"',
      'default_rules: removed "default rule of mongodb-atlas"',
    ]);
    await deploy(alice, draftId).expect(201);
    const config = (await srv.deps.configStore.deployed(appId)).config;
    expect(config.rules.map((r) => r.service_id)).toEqual([other._id]);
    expect(config.default_rules).toEqual([]);
  });

  it('a data source custom user data reads from is still not deleted, rules or not', async () => {
    const svc = await createDataSource(srv, alice, base);
    await postRule(srv, alice, base, svc._id, THIS_USER_RULE).expect(201);
    await enableCustomUserData(srv, alice, base, {
      mongo_service_id: svc._id,
      database_name: 'myapp',
      collection_name: 'users',
      user_id_field: 'user_id',
    });
    const res = await srv.api
      .delete(`${base}/services/${svc._id}`)
      .set('Authorization', alice.auth)
      .expect(409);
    expect(res.body.error_code).toBe('ServiceInUse');
    expect(await ruleNames(alice, svc._id)).toEqual(['myapp.users']);
  });

  it('a function a rule calls (%function) cannot be deleted or renamed while the rule calls it', async () => {
    const svc = await createDataSource(srv, alice, base);
    const fn = await createFunction(srv, alice, base, 'isOwner', 'exports = () => true;');
    const call = { '%%true': { '%function': { name: 'isOwner', arguments: ['%%root'] } } };
    const rule = await postRule(srv, alice, base, svc._id, {
      ...THIS_USER_RULE,
      roles: [{ name: 'owner', apply_when: call, read: true }],
    }).expect(201);
    const del = await srv.api
      .delete(`${base}/functions/${fn._id}`)
      .set('Authorization', alice.auth)
      .expect(409);
    expect(del.body).toEqual({
      error:
        'function "isOwner" cannot be deleted: it is used by rule "myapp.users" of data source "mongodb-atlas"',
      error_code: 'FunctionInUse',
    });
    const rename = await srv.api
      .put(`${base}/functions/${fn._id}`)
      .set('Authorization', alice.auth)
      .send({ name: 'isOwner2', private: false, source: 'exports = () => true;' })
      .expect(409);
    expect(rename.body.error_code).toBe('FunctionInUse');

    await srv.api
      .delete(`${rulesPath(base, svc._id)}/${rule.body._id as string}`)
      .set('Authorization', alice.auth)
      .expect(204);
    await srv.api
      .delete(`${base}/functions/${fn._id}`)
      .set('Authorization', alice.auth)
      .expect(204);
  });
});
