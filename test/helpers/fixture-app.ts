import type { AdminSession } from './factories';
import { createApp } from './factories';
import { appPath, createIn } from './config-resources';
import { FIXTURE_SECRETS, readAppDirectory } from './app-directory';
import type { TestServer } from './test-server';

/** The fixture's files, and one of its JSON files parsed. */
export const FIXTURE_FILES = readAppDirectory();
export function fixtureJson<T = Record<string, unknown>>(file: string): T {
  const text = FIXTURE_FILES.get(file);
  if (text === undefined) throw new Error(`the fixture has no ${file}`);
  return JSON.parse(text) as T;
}

export interface FixtureApp {
  _id: string;
  client_app_id: string;
  base: string;
}

/**
 * An app placed as the fixture's realm_config.json says (name, location, deployment model,
 * region: what an import does not change), holding the secrets the fixture names.
 */
export async function createFixtureApp(
  srv: TestServer,
  session: AdminSession,
  groupId: string,
  name?: string,
): Promise<FixtureApp> {
  const realm = fixtureJson('realm_config.json');
  const app = await createApp(srv, session, groupId, {
    name: name ?? realm.name,
    location: realm.location,
    deployment_model: realm.deployment_model,
    provider_region: realm.provider_region,
  });
  const base = appPath(groupId, app._id);
  await addFixtureSecrets(srv, session, base);
  return { _id: app._id, client_app_id: app.client_app_id, base };
}

/** The secrets the fixture names, created in the app at `base`. */
export async function addFixtureSecrets(
  srv: TestServer,
  session: AdminSession,
  base: string,
): Promise<void> {
  for (const [secret, value] of Object.entries(FIXTURE_SECRETS)) {
    await createIn(srv, session, base, 'secrets', { name: secret, value });
  }
}

/** GET under the app, 200, the body. */
export async function adminGet<T = unknown>(
  srv: TestServer,
  session: AdminSession,
  base: string,
  path: string,
): Promise<T> {
  const res = await srv.api.get(`${base}${path}`).set('Authorization', session.auth).expect(200);
  return res.body as T;
}

/** `GET A/pull` as JSON: the deployed app as one document (the CLI's form). */
export async function pullDocument(
  srv: TestServer,
  session: AdminSession,
  base: string,
): Promise<Record<string, unknown>> {
  const res = await srv.api
    .get(`${base}/pull`)
    .set('Authorization', session.auth)
    .set('Accept', 'application/json')
    .expect(200);
  return res.body as Record<string, unknown>;
}
