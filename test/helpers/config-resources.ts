import type { AdminSession } from './factories';
import type { TestServer } from './test-server';

/** The path of an app, under which all config resources live. */
export const appPath = (groupId: string, appId: string): string =>
  `/api/admin/v3.0/groups/${groupId}/apps/${appId}`;

export const ATLAS_CONFIG = {
  clusterName: 'Cluster0',
  readPreference: 'primary',
  wireProtocolEnabled: false,
} as const;

export const ON_USER_CREATION_SOURCE = `exports = async function onUserCreation(user) {
  const customUserDataCollection = context.services
    .get("mongodb-atlas")
    .db("myapp")
    .collection("users");
  try {
    await customUserDataCollection.insertOne({
      user_account_id: user.id,
      favorite_color: "blue",
    });
  } catch (e) {
    console.error(\`Failed to create custom user data document for user:\${user.id}\`);
    throw e
  }
}`;

/** POSTs a resource under the app and returns the 201 body. */
export async function createIn<T = { _id: string; name: string }>(
  srv: TestServer,
  session: AdminSession,
  base: string,
  resource: 'values' | 'functions' | 'services' | 'secrets',
  body: Record<string, unknown>,
): Promise<T> {
  const res = await srv.api
    .post(`${base}/${resource}`)
    .set('Authorization', session.auth)
    .send(body)
    .expect(201);
  return res.body as T;
}

export function createFunction(
  srv: TestServer,
  session: AdminSession,
  base: string,
  name: string,
  source = 'exports = function(arg) { return arg; };',
) {
  return createIn(srv, session, base, 'functions', { name, source, private: false });
}

export function createDataSource(
  srv: TestServer,
  session: AdminSession,
  base: string,
  name = 'mongodb-atlas',
) {
  return createIn(srv, session, base, 'services', {
    name,
    type: 'mongodb-atlas',
    config: ATLAS_CONFIG,
  });
}

export interface CustomUserDataSettings {
  mongo_service_id: string;
  database_name: string;
  collection_name: string;
  user_id_field: string;
  on_user_creation_function_id?: string;
}

/** Turns custom user data on for the app at `base` (PATCH, 204). */
export async function enableCustomUserData(
  srv: TestServer,
  session: AdminSession,
  base: string,
  settings: CustomUserDataSettings,
): Promise<void> {
  await srv.api
    .patch(`${base}/custom_user_data`)
    .set('Authorization', session.auth)
    .send({ enabled: true, on_user_creation_function_id: '', ...settings })
    .expect(204);
}
