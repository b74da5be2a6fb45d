import { createApp, GROUP_B } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';
import { exportZip, filesOf, importJson } from './helpers/config-as-code';
import { cliDocument } from './helpers/app-directory';
import { FIXTURE_FILES, addFixtureSecrets, adminGet } from './helpers/fixture-app';

/**
 * Concurrent imports into one app: each answers 204 or a clean 409, and the config is always
 * exactly one of the imported apps, never a mix of them.
 */
const t = ownersSuite();

type Doc = Record<string, unknown> & {
  values: Record<string, unknown>[];
  functions: { config: Record<string, unknown>[]; sources: Record<string, string> };
  triggers: Record<string, unknown>[];
  environments: Record<string, { values: Record<string, unknown> }>;
};

/** Three apps that differ in every section an import replaces. */
function documents(): Doc[] {
  const a = cliDocument(FIXTURE_FILES) as Doc;
  const b = cliDocument(FIXTURE_FILES) as Doc;
  b.values = b.values.map((v) => ({ ...v, value: v.from_secret ? v.value : 'b' }));
  b.functions.config.push({ name: 'onlyInB', private: true });
  b.functions.sources['onlyInB.js'] = 'exports = () => "b";\n';
  b.triggers = b.triggers.slice(0, 1);
  b.environments['qa.json'] = { values: { apiBaseUrl: 'https://qa.example.com' } };
  const c = cliDocument(FIXTURE_FILES) as Doc;
  c.values = c.values.filter((v) => v.name !== 'digestSettings');
  c.values.push({ name: 'onlyInC', value: ['c'], from_secret: false });
  c.functions.sources['getTasks.js'] = 'exports = () => [];\n';
  c.triggers = c.triggers.slice(1);
  c.environment = 'development';
  return [a, b, c];
}

const template = async (base: string, session = t.ownerA, deployment?: string) =>
  filesOf(
    (
      await exportZip(
        t.srv,
        session.auth,
        base,
        `version=20210101&template=true${deployment ? `&deployment=${deployment}` : ''}`,
      )
    ).zip,
  );

/** What each document exports to, from an app of the same name (in another group) it went into. */
async function expectedExports(docs: Doc[]): Promise<Record<string, string>[]> {
  const { name } = await adminGet<{ name: string }>(t.srv, t.ownerA, t.base, '');
  const out: Record<string, string>[] = [];
  for (const doc of docs) {
    const app = await createApp(t.srv, t.ownerB, GROUP_B, { name });
    const base = appPath(GROUP_B, app._id);
    await addFixtureSecrets(t.srv, t.ownerB, base);
    await importJson(t.srv, t.ownerB.auth, base, doc).expect(204);
    out.push(await template(base, t.ownerB));
    await t.srv.api.delete(base).set('Authorization', t.ownerB.auth).expect(204);
  }
  return out;
}

function expectCleanAnswers(results: { status: number; body: unknown }[]): void {
  for (const res of results) {
    expect([204, 409]).toContain(res.status);
    if (res.status === 409) {
      expect(res.body).toEqual({ error: expect.any(String), error_code: 'DeploymentConflict' });
    }
  }
  expect(results.some((r) => r.status === 204)).toBe(true);
}

const fire = (docs: Doc[]) =>
  Promise.all(
    [...docs, ...docs].map(async (doc) => {
      const res = await importJson(t.srv, t.ownerA.auth, t.base, doc);
      return { status: res.status, body: res.body as unknown };
    }),
  );

describe('concurrent imports', () => {
  beforeEach(() => addFixtureSecrets(t.srv, t.ownerA, t.base));

  it('with no draft: every deployment, and the config in the end, is exactly one document', async () => {
    const docs = documents();
    const expected = await expectedExports(docs);
    expect(new Set(expected.map((e) => JSON.stringify(e))).size).toBe(3);

    expectCleanAnswers(await fire(docs));
    expect(expected).toContainEqual(await template(t.base));
    const deployments = await adminGet<{ _id: string }[]>(t.srv, t.ownerA, t.base, '/deployments');
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments)
      expect(expected).toContainEqual(await template(t.base, t.ownerA, d._id));
  });

  it("into the admin's draft: the draft holds exactly one document, deployed as such", async () => {
    const docs = documents();
    const expected = await expectedExports(docs);
    const before = await template(t.base);
    const draft = await t.srv.api
      .post(`${t.base}/drafts`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);

    expectCleanAnswers(await fire(docs));
    expect(await template(t.base)).toEqual(before); // all of it went into the draft
    await t.srv.api
      .post(`${t.base}/drafts/${draft.body._id as string}/deployment`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);
    expect(expected).toContainEqual(await template(t.base));
  });
});
