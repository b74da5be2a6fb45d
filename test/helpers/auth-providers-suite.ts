import mongoose from 'mongoose';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './factories';
import { startTestServer, type TestServer } from './test-server';

// The prologue of the auth provider suites (test/auth-providers-*.test.ts): one server per test
// file, the org owner and the owners of groups A and B, and the requests the tests make.
//
// The tests use `srv`, `org`, `ownerA` and `ownerB` directly, so the hooks that
// `authProvidersSuite()` registers fill in these exported bindings (ES module live bindings: an
// importer always reads the current value) rather than the fields of a returned object.

export type Json = Record<string, unknown>;

export const appPath = (appId: string, groupId = GROUP_A) =>
  `/api/admin/v3.0/groups/${groupId}/apps/${appId}`;
export const providers = (appId: string, groupId = GROUP_A) =>
  `${appPath(appId, groupId)}/auth_providers`;
export const provider = (appId: string, id: string, groupId = GROUP_A) =>
  `${providers(appId, groupId)}/${id}`;

const SIGNING_KEY_VALUE = 'k'.repeat(32);

export let srv: TestServer;
export let org: AdminSession;
export let ownerA: AdminSession;
export let ownerB: AdminSession;

/**
 * Starts the server and logs the admins in before the file's tests, and closes it after them.
 * Call it at the top level of a test file.
 */
export function authProvidersSuite(): void {
  beforeAll(async () => {
    srv = await startTestServer();
    [org, ownerA, ownerB] = await Promise.all([
      adminLogin(srv, 'org'),
      adminLogin(srv, { groupId: GROUP_A }),
      adminLogin(srv, { groupId: GROUP_B }),
    ]);
  });
  afterAll(() => srv.close());
}

export async function newApp(): Promise<string> {
  return (await createApp(srv, ownerA))._id;
}

export async function createSecret(appId: string, name: string, value = SIGNING_KEY_VALUE) {
  await srv.api
    .post(`${appPath(appId)}/secrets`)
    .set('Authorization', ownerA.auth)
    .send({ name, value })
    .expect(201);
}

/** Puts a function in the config directly (functions.test.ts covers their API); returns its id. */
export async function addFunction(appId: string, name: string): Promise<string> {
  const _id = new mongoose.Types.ObjectId().toHexString();
  await srv.deps.configStore.change(appId, 'test-setup', (config) => {
    config.functions.push({
      _id,
      name,
      source: 'exports = () => true;',
      private: false,
      last_modified: 0,
    });
  });
  return _id;
}

export function post(appId: string, body: Json, session = ownerA) {
  return srv.api.post(providers(appId)).set('Authorization', session.auth).send(body);
}

export function get(appId: string, id: string, session = ownerA) {
  return srv.api.get(provider(appId, id)).set('Authorization', session.auth);
}

export function patch(appId: string, id: string, body: Json, session = ownerA) {
  return srv.api.patch(provider(appId, id)).set('Authorization', session.auth).send(body);
}

export async function list(appId: string, session = ownerA): Promise<Json[]> {
  const res = await srv.api.get(providers(appId)).set('Authorization', session.auth).expect(200);
  return res.body as Json[];
}

export async function idOf(appId: string, type: string, session = ownerA): Promise<string> {
  const found = (await list(appId, session)).find((p) => p.type === type);
  if (!found) throw new Error(`no ${type} provider`);
  return found._id as string;
}
