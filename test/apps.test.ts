import mongoose from 'mongoose';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

const apps = (groupId: string) => `/api/admin/v3.0/groups/${groupId}/apps`;

let srv: TestServer;
let org: AdminSession;
let ownerA: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  org = await adminLogin(srv, 'org');
  ownerA = await adminLogin(srv, { groupId: GROUP_A });
});
afterAll(() => srv.close());

describe('POST /groups/{groupId}/apps', () => {
  it('creates an app with App Services defaults and a <name>-<5 chars> client_app_id', async () => {
    const res = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', ownerA.auth)
      .send({ name: 'MyApp' })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'MyApp',
      group_id: GROUP_A,
      location: 'US-VA',
      deployment_model: 'GLOBAL',
      provider_region: 'aws-us-east-1',
      environment: '',
      product: 'standard',
    });
    expect(res.body.client_app_id).toMatch(/^myapp-[a-z0-9]{5}$/);
    expect(res.body._id).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.domain_id).toMatch(/^[0-9a-f]{24}$/);
    expect(Math.abs(res.body.last_modified - Date.now() / 1000)).toBeLessThan(5);
  });

  it('starts the app with the api-key provider present and disabled', async () => {
    const app = await createApp(srv, ownerA);
    const doc = await srv.conn
      .collection('apps')
      .findOne({ _id: new mongoose.Types.ObjectId(app._id) });
    expect(doc?.config.auth_providers).toEqual([
      expect.objectContaining({ name: 'api-key', type: 'api-key', disabled: true }),
    ]);
  });

  it('accepts the CLI body (location + deployment_model) and derives the region', async () => {
    const res = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', ownerA.auth)
      .send({
        name: 'cliapp',
        location: 'IE',
        deployment_model: 'LOCAL',
        environment: 'production',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      location: 'IE',
      provider_region: 'aws-eu-west-1',
      deployment_model: 'LOCAL',
      environment: 'production',
    });
  });

  it('derives the location from provider_region and refuses a mismatch', async () => {
    const res = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', ownerA.auth)
      .send({ name: 'regional', provider_region: 'aws-eu-central-1' })
      .expect(201);
    expect(res.body).toMatchObject({ location: 'DE-FF', deployment_model: 'LOCAL' });
    const bad = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', ownerA.auth)
      .send({ name: 'mismatch', provider_region: 'aws-eu-central-1', location: 'US-VA' })
      .expect(400);
    expect(bad.body.error_code).toBe('InvalidParameter');
    const global = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', ownerA.auth)
      .send({ name: 'globalbad', provider_region: 'aws-sa-east-1', deployment_model: 'GLOBAL' })
      .expect(400);
    expect(global.body.error).toContain('LOCAL');
  });

  it.each([['1app'], ['my app'], ['app!'], ['ünïcode'], ['']])(
    'rejects the name %j with 400',
    async (name) => {
      const res = await srv.api
        .post(apps(GROUP_A))
        .set('Authorization', ownerA.auth)
        .send({ name })
        .expect(400);
      expect(['InvalidParameter', 'MissingParameter']).toContain(res.body.error_code);
    },
  );

  it.each([
    ['no name', {}],
    ['a numeric name', { name: 5 }],
    ['an unknown location', { name: 'x', location: 'MARS' }],
    ['an unknown region', { name: 'x', provider_region: 'aws-moon-1' }],
    ['a lowercase deployment model', { name: 'x', deployment_model: 'global' }],
  ])('rejects %s with 400', async (_label, body) => {
    await srv.api.post(apps(GROUP_A)).set('Authorization', ownerA.auth).send(body).expect(400);
  });

  it('refuses a second app with the same name in the group with 409, but allows it in another group', async () => {
    await createApp(srv, org, GROUP_A, { name: 'dupe' });
    const res = await srv.api
      .post(apps(GROUP_A))
      .set('Authorization', org.auth)
      .send({ name: 'dupe' })
      .expect(409);
    expect(res.body).toEqual({
      error: 'an app named "dupe" already exists in this group',
      error_code: 'AppAlreadyExists',
    });
    await createApp(srv, org, GROUP_B, { name: 'dupe' });
  });
});

describe('GET /groups/{groupId}/apps', () => {
  const group = '6461f3a1b2c3d4e5f6a7b8c9';
  let standard: { _id: string };
  let atlas: { _id: string };
  let dataApi: { _id: string };
  beforeAll(async () => {
    standard = await createApp(srv, org, group, { name: 'std' });
    const a = await srv.api
      .post(`${apps(group)}?product=atlas`)
      .set('Authorization', org.auth)
      .send({ name: 'trig' })
      .expect(201);
    atlas = a.body;
    const d = await srv.api
      .post(`${apps(group)}?product=data-api`)
      .set('Authorization', org.auth)
      .send({ name: 'dapi' })
      .expect(201);
    dataApi = d.body;
  });

  it('lists only standard apps without a product filter (no duplicates for the CLI)', async () => {
    const res = await srv.api.get(apps(group)).set('Authorization', org.auth).expect(200);
    expect(res.body.map((a: { _id: string }) => a._id)).toEqual([standard._id]);
  });

  it('filters by one product or a comma-separated list', async () => {
    const one = await srv.api
      .get(`${apps(group)}?product=atlas`)
      .set('Authorization', org.auth)
      .expect(200);
    expect(one.body.map((a: { _id: string }) => a._id)).toEqual([atlas._id]);
    const two = await srv.api
      .get(`${apps(group)}?product=atlas,data-api`)
      .set('Authorization', org.auth)
      .expect(200);
    expect(two.body.map((a: { _id: string }) => a._id).sort()).toEqual(
      [atlas._id, dataApi._id].sort(),
    );
    const none = await srv.api
      .get(`${apps(group)}?product=device-sync`)
      .set('Authorization', org.auth)
      .expect(200);
    expect(none.body).toEqual([]);
  });

  it('rejects an unknown product with 400', async () => {
    await srv.api
      .get(`${apps(group)}?product=nope`)
      .set('Authorization', org.auth)
      .expect(400);
  });

  it('returns [] for a group without apps', async () => {
    const res = await srv.api
      .get(apps('0123456789abcdef01234567'))
      .set('Authorization', org.auth)
      .expect(200);
    expect(res.body).toEqual([]);
  });
});

describe('GET and DELETE /groups/{groupId}/apps/{appId}', () => {
  it('reads an app', async () => {
    const app = await createApp(srv, ownerA);
    const res = await srv.api
      .get(`${apps(GROUP_A)}/${app._id}`)
      .set('Authorization', ownerA.auth)
      .expect(200);
    expect(res.body).toMatchObject({
      _id: app._id,
      client_app_id: app.client_app_id,
      template_id: '',
    });
  });

  it('answers 404 for an unknown app and 400 for a malformed id', async () => {
    const missing = await srv.api
      .get(`${apps(GROUP_A)}/${new mongoose.Types.ObjectId().toHexString()}`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    expect(missing.body).toEqual({ error: 'app not found', error_code: 'AppNotFound' });
    await srv.api
      .get(`${apps(GROUP_A)}/not-an-id`)
      .set('Authorization', ownerA.auth)
      .expect(400);
    await srv.api
      .delete(`${apps(GROUP_A)}/zzzzzzzzzzzzzzzzzzzzzzzz`)
      .set('Authorization', ownerA.auth)
      .expect(400);
  });

  it('deletes an app and everything stored for it', async () => {
    const app = await createApp(srv, ownerA);
    await srv.api
      .delete(`${apps(GROUP_A)}/${app._id}`)
      .set('Authorization', ownerA.auth)
      .expect(204);
    await srv.api
      .get(`${apps(GROUP_A)}/${app._id}`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    await srv.api
      .delete(`${apps(GROUP_A)}/${app._id}`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    const list = await srv.api.get(apps(GROUP_A)).set('Authorization', ownerA.auth).expect(200);
    expect(list.body.map((a: { _id: string }) => a._id)).not.toContain(app._id);
    expect(
      await srv.conn
        .collection('apps')
        .countDocuments({ _id: new mongoose.Types.ObjectId(app._id) }),
    ).toBe(0);
  });
});

describe('tenant isolation', () => {
  it('a group owner cannot list, create, read or delete in another group', async () => {
    const appB = await createApp(srv, org, GROUP_B);
    const calls = [
      srv.api.get(apps(GROUP_B)),
      srv.api.post(apps(GROUP_B)).send({ name: 'intruder' }),
      srv.api.get(`${apps(GROUP_B)}/${appB._id}`),
      srv.api.delete(`${apps(GROUP_B)}/${appB._id}`),
    ];
    for (const call of calls) {
      const res = await call.set('Authorization', ownerA.auth).expect(403);
      expect(res.body).toEqual({
        error: 'you do not have access to this group',
        error_code: 'GroupAccessDenied',
      });
    }
    await srv.api
      .get(`${apps(GROUP_B)}/${appB._id}`)
      .set('Authorization', org.auth)
      .expect(200);
  });

  it('an app is not reachable through another group’s path', async () => {
    const appB = await createApp(srv, org, GROUP_B);
    await srv.api
      .get(`${apps(GROUP_A)}/${appB._id}`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    await srv.api
      .delete(`${apps(GROUP_A)}/${appB._id}`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    await srv.api
      .get(`${apps(GROUP_B)}/${appB._id}`)
      .set('Authorization', org.auth)
      .expect(200);
  });

  it('the group id in the path is case-insensitive for access checks', async () => {
    await srv.api.get(apps(GROUP_A.toUpperCase())).set('Authorization', ownerA.auth).expect(200);
  });

  it('an org owner’s profile lists the groups that have apps', async () => {
    const res = await srv.api
      .get('/api/admin/v3.0/auth/profile')
      .set('Authorization', org.auth)
      .expect(200);
    const groups = res.body.roles.map((r: { group_id: string }) => r.group_id);
    expect(groups).toEqual(expect.arrayContaining(['', GROUP_A, GROUP_B]));
  });

  it('requires authentication', async () => {
    await srv.api.get(apps(GROUP_A)).expect(401);
  });
});
