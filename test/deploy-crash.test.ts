import { addValue } from './helpers/config-edits';
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
