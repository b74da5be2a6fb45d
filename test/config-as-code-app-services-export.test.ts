import { GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { ownersSuite } from './helpers/suites';
import { exportZip, filesOf, importJson, importZip } from './helpers/config-as-code';
import { cliDocument, zipDirectory } from './helpers/app-directory';
import { managedFiles } from './helpers/export-compare';
import {
  FIXTURE_FILES,
  adminGet,
  createFixtureApp,
  fixtureJson,
  pullDocument,
  type FixtureApp,
} from './helpers/fixture-app';

/**
 * An app directory as App Services exported it (test/fixtures/app-services-export), imported
 * as a zip and as the CLI's JSON document: every part lands as its file says, under new ids,
 * and an export gives back the same files.
 */
const t = ownersSuite();

type Entity = { _id: string; name: string } & Record<string, unknown>;
type Json = Record<string, unknown>;
const ID = expect.stringMatching(/^[0-9a-f]{24}$/) as unknown;
const byName = (list: readonly { name: string }[]) => list.map((e) => e.name).sort();
const idsByName = (list: readonly Entity[]) => Object.fromEntries(list.map((e) => [e.name, e._id]));
const filesUnder = (dir: string) =>
  [...FIXTURE_FILES.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => fixtureJson(f));

/** Every part of the app, read through the Admin API, is as the fixture's files say. */
async function expectAsFixture(session: AdminSession, app: FixtureApp): Promise<void> {
  const get = <T>(path: string) => adminGet<T>(t.srv, session, app.base, path);
  const fixtureIds = new Set(filesUnder('triggers').map((f) => f.id));
  const seenIds: string[] = [];

  const functions = await get<Entity[]>('/functions');
  const fnConfigs = fixtureJson<Json[]>('functions/config.json');
  expect(byName(functions)).toEqual(byName(fnConfigs as Entity[]));
  const fnId = idsByName(functions);
  for (const entry of fnConfigs) {
    const name = entry.name as string;
    expect(await get(`/functions/${fnId[name]}`)).toEqual({
      _id: fnId[name],
      ...entry,
      source: FIXTURE_FILES.get(`functions/${name}.js`),
      last_modified: expect.any(Number),
    });
  }

  const services = await get<Entity[]>('/services');
  const ds = fixtureJson('data_sources/mongodb-atlas/config.json');
  expect(services).toEqual([
    {
      _id: ID,
      name: ds.name,
      type: ds.type,
      version: ds.version,
      last_modified: expect.any(Number),
    },
  ]);
  const serviceId = services[0]?._id ?? '';
  expect(await get(`/services/${serviceId}/config`)).toEqual(ds.config);

  const values = await get<Entity[]>('/values');
  const valueFiles = filesUnder('values');
  expect(byName(values)).toEqual(byName(valueFiles as Entity[]));
  for (const file of valueFiles) {
    const id = idsByName(values)[file.name as string] ?? '';
    expect(await get(`/values/${id}`)).toEqual({ _id: id, private: false, ...file });
  }

  const providers = await get<Entity[]>('/auth_providers');
  const providerFile = fixtureJson<Record<string, Json>>('auth/providers.json');
  expect(byName(providers)).toEqual(Object.keys(providerFile).sort());
  for (const [name, file] of Object.entries(providerFile)) {
    const id = idsByName(providers)[name] ?? '';
    const expected: Json = { _id: id, ...file };
    if (name === 'local-userpass') {
      // Functions are named in the file; the API answers with the id of each as well.
      expected.config = {
        ...(file.config as Json),
        confirmationFunctionId: fnId.confirmUser,
        resetFunctionId: fnId.resetPassword,
      };
    }
    expect(await get(`/auth_providers/${id}`)).toEqual(expected);
  }

  const cud = fixtureJson('auth/custom_user_data.json');
  expect(await get('/custom_user_data')).toEqual({
    enabled: cud.enabled,
    mongo_service_id: serviceId,
    database_name: cud.database_name,
    collection_name: cud.collection_name,
    user_id_field: cud.user_id_field,
    on_user_creation_function_id: fnId[cud.on_user_creation_function_name as string],
  });

  const triggers = await get<Entity[]>('/triggers');
  const triggerFiles = filesUnder('triggers');
  expect(byName(triggers)).toEqual(byName(triggerFiles as Entity[]));
  for (const file of triggerFiles) {
    const trigger = triggers.find((tr) => tr.name === file.name);
    const fnName = (file.event_processors as { FUNCTION: { config: Json } }).FUNCTION.config
      .function_name as string;
    const fn = { function_id: fnId[fnName], function_name: fnName };
    expect(trigger).toEqual({
      _id: ID,
      name: file.name,
      type: file.type,
      disabled: file.disabled,
      config: file.config,
      ...fn,
      event_processors: { FUNCTION: { config: fn } },
      last_modified: expect.any(Number),
    });
  }

  // Environment values and the environment tag are read back from the app as one document.
  const pulled = await pullDocument(t.srv, session, app.base);
  expect(pulled.environment).toBe(fixtureJson('realm_config.json').environment);
  expect(pulled.environments).toEqual(
    Object.fromEntries(
      [...FIXTURE_FILES.keys()]
        .filter((f) => f.startsWith('environments/'))
        .map((f) => [f.slice('environments/'.length), fixtureJson(f)]),
    ),
  );

  // Every id is this server's: none is taken from the files.
  for (const list of [functions, services, values, providers, triggers]) {
    seenIds.push(...list.map((e) => e._id));
  }
  expect(seenIds.filter((id) => fixtureIds.has(id))).toEqual([]);
  expect(new Set(seenIds).size).toBe(seenIds.length);
}

/** An export of the app holds the fixture's files of every section this server serves. */
async function expectExportAsFixture(session: AdminSession, app: FixtureApp): Promise<void> {
  const { zip, filename } = await exportZip(t.srv, session.auth, app.base);
  expect(filename).toMatch(/^tasktracker_[^_]+\.zip$/);
  expect(managedFiles(filesOf(zip), app.client_app_id)).toEqual(
    managedFiles(FIXTURE_FILES, app.client_app_id),
  );
}

describe('an app directory exported by App Services', () => {
  it('imports from a zip of the directory: every part as its file says, and exports back', async () => {
    const app = await createFixtureApp(t.srv, t.ownerA, GROUP_A);
    await importZip(t.srv, t.ownerA.auth, app.base, zipDirectory(FIXTURE_FILES)).expect(204);
    await expectAsFixture(t.ownerA, app);
    await expectExportAsFixture(t.ownerA, app);
  });

  it("imports from the CLI's JSON document of the directory the same way", async () => {
    const app = await createFixtureApp(t.srv, t.ownerB, GROUP_B);
    const doc = cliDocument(FIXTURE_FILES);
    expect(doc).not.toHaveProperty('provider_region'); // the CLI does not send it
    const diff = await importJson(t.srv, t.ownerB.auth, app.base, doc, true).expect(200);
    expect(diff.body).toEqual(expect.arrayContaining([expect.any(String)]));
    await importJson(t.srv, t.ownerB.auth, app.base, doc).expect(204);
    await expectAsFixture(t.ownerB, app);
    await expectExportAsFixture(t.ownerB, app);
    const again = await importJson(t.srv, t.ownerB.auth, app.base, doc, true).expect(200);
    expect(again.body).toEqual([]);
  });
});
