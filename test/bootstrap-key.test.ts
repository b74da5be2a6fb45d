import { digestGet } from './helpers/digest';
import { startTestServer, type TestServer } from './helpers/test-server';

const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';
const PRIVATE = '6f1d4c2a-8b3e-4f5a-9c7d-0e1f2a3b4c5d';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('ADMIN_API_PUBLIC_KEY / ADMIN_API_PRIVATE_KEY bootstrap', () => {
  it('ensures an org-owner key, idempotently, and follows a changed private key', async () => {
    await srv.deps.adminKeys.ensureBootstrapKey('bootkeyx', PRIVATE);
    await srv.deps.adminKeys.ensureBootstrapKey('bootkeyx', PRIVATE);
    expect(await srv.conn.collection('admin_keys').countDocuments({ public_key: 'bootkeyx' })).toBe(
      1,
    );
    const res = await srv.api
      .post(LOGIN)
      .send({ username: 'bootkeyx', apiKey: PRIVATE })
      .expect(200);
    const profile = await srv.api
      .get('/api/admin/v3.0/auth/profile')
      .set('Authorization', `Bearer ${res.body.access_token}`)
      .expect(200);
    expect(profile.body.roles).toContainEqual({ role_name: 'ORG_OWNER', group_id: '' });

    const rotated = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
    await srv.deps.adminKeys.ensureBootstrapKey('bootkeyx', rotated);
    await srv.api.post(LOGIN).send({ username: 'bootkeyx', apiKey: PRIVATE }).expect(401);
    await srv.api.post(LOGIN).send({ username: 'bootkeyx', apiKey: rotated }).expect(200);
  });

  it("keeps the key's Digest HA1 with its private key (the public API's group list)", async () => {
    const groups = '/api/public/v1.0/groups';
    await srv.deps.adminKeys.ensureBootstrapKey('bootdigx', PRIVATE);
    await digestGet(srv, groups, { publicKey: 'bootdigx', privateKey: PRIVATE }, 200);
    const rotated = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
    await srv.deps.adminKeys.ensureBootstrapKey('bootdigx', rotated);
    await digestGet(srv, groups, { publicKey: 'bootdigx', privateKey: PRIVATE }, 401);
    await digestGet(srv, groups, { publicKey: 'bootdigx', privateKey: rotated }, 200);
  });
});
