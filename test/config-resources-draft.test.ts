import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let drafter: AdminSession;
let other: AdminSession;
let base: string;
beforeAll(async () => {
  srv = await startTestServer();
  drafter = await adminLogin(srv, 'org');
  other = await adminLogin(srv, 'org');
  base = appPath(GROUP_A, (await createApp(srv, drafter))._id);
});
afterAll(() => srv.close());

const names = async (session: AdminSession, resource: 'values' | 'functions') =>
  (
    (await srv.api.get(`${base}/${resource}`).set('Authorization', session.auth).expect(200))
      .body as { name: string }[]
  ).map((e) => e.name);

describe('config resources in a draft', () => {
  it('are seen only by the drafting admin until the draft is deployed', async () => {
    const draft = await srv.api
      .post(`${base}/drafts`)
      .set('Authorization', drafter.auth)
      .expect(201);
    await srv.api
      .post(`${base}/values`)
      .set('Authorization', drafter.auth)
      .send({ name: 'greeting', private: false, value: 'hello' })
      .expect(201);
    const fn = await srv.api
      .post(`${base}/functions`)
      .set('Authorization', drafter.auth)
      .send({ name: 'hello', private: false, source: 'exports = () => "hello";' })
      .expect(201);
    await srv.api
      .put(`${base}/security/refresh_token_expiration`)
      .set('Authorization', drafter.auth)
      .send({ expiration_time_seconds: 3600 })
      .expect(204);

    expect(await names(drafter, 'values')).toEqual(['greeting']);
    expect(await names(drafter, 'functions')).toEqual(['hello']);
    expect(await names(other, 'values')).toEqual([]);
    expect(await names(other, 'functions')).toEqual([]);
    await srv.api
      .get(`${base}/functions/${fn.body._id as string}`)
      .set('Authorization', other.auth)
      .expect(404);
    const before = await srv.api
      .get(`${base}/security/refresh_token_expiration`)
      .set('Authorization', other.auth)
      .expect(200);
    expect(before.body.expiration_time_seconds).toBe(5184000);

    await srv.api
      .post(`${base}/drafts/${draft.body._id as string}/deployment`)
      .set('Authorization', drafter.auth)
      .expect(201);

    expect(await names(other, 'values')).toEqual(['greeting']);
    expect(await names(other, 'functions')).toEqual(['hello']);
    const after = await srv.api
      .get(`${base}/security/refresh_token_expiration`)
      .set('Authorization', other.auth)
      .expect(200);
    expect(after.body.expiration_time_seconds).toBe(3600);
  });
});
