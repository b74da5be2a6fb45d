import { ownersSuite } from './helpers/suites';
import { exportZip, importJson, importZip } from './helpers/config-as-code';
import { cliDocument, zipDirectory } from './helpers/app-directory';
import { FIXTURE_FILES, addFixtureSecrets, adminGet } from './helpers/fixture-app';

/**
 * A failing import changes nothing: not the deployed config, not the deployments, not the
 * caller's draft. Each bad app below changes much that is valid and has one bad item, among the
 * last the import reads.
 */
const t = ownersSuite();

type Doc = Record<string, unknown> & {
  values: Record<string, unknown>[];
  functions: { config: Record<string, unknown>[]; sources: Record<string, string> };
  triggers: { config: Record<string, unknown> }[];
};

/** Many valid changes: a value changed, a value and a function added, a trigger removed. */
function changedDoc(): Doc {
  const doc = cliDocument(FIXTURE_FILES) as Doc;
  doc.values = doc.values.map((v) => (v.name === 'appName' ? { ...v, value: 'Renamed' } : v));
  doc.values.push({ name: 'newValue', value: 42, from_secret: false });
  doc.functions.config.push({ name: 'hello', private: false });
  doc.functions.sources['hello.js'] = 'exports = () => "hello";\n';
  doc.triggers = doc.triggers.slice(1);
  return doc;
}

const BAD: { what: string; send: () => ReturnType<typeof importJson>; error: RegExp }[] = [
  {
    what: 'a trigger with a bad schedule',
    send: () => {
      const doc = changedDoc();
      doc.triggers[doc.triggers.length - 1]!.config.schedule = '61 * * * *';
      return importJson(t.srv, t.ownerA.auth, t.base, doc);
    },
    error: /^triggers\/sendDailyDigest\.json: invalid schedule/,
  },
  {
    what: 'a provider missing a required setting',
    send: () => {
      const doc = changedDoc();
      const providers = (doc.auth as { providers: Record<string, Record<string, unknown>> })
        .providers;
      providers['custom-token'] = { ...providers['custom-token'], secret_config: {} };
      return importJson(t.srv, t.ownerA.auth, t.base, doc);
    },
    error: /^auth\/providers\.json: custom-token: .*signingKeys must name 1 to 3 secrets/,
  },
  {
    what: 'a value exposing a missing secret (checked after every item is read)',
    send: () => {
      const doc = changedDoc();
      doc.values.push({ name: 'zzKey', value: 'notASecret', from_secret: true });
      return importJson(t.srv, t.ownerA.auth, t.base, doc);
    },
    error: /^values\/zzKey\.json: value: secret not found/,
  },
  {
    what: 'a zip whose last file is not JSON',
    send: () => {
      const files = new Map(FIXTURE_FILES);
      files.set('values/appName.json', JSON.stringify({ name: 'appName', value: 'Renamed' }));
      files.set('values/zzz.json', '{ not json');
      return importZip(t.srv, t.ownerA.auth, t.base, zipDirectory(files));
    },
    error: /^values\/zzz\.json: is not valid JSON/,
  },
];

/** Everything an import could change, as the owner sees it. */
async function snapshot(draftId?: string) {
  const get = (path: string) => adminGet(t.srv, t.ownerA, t.base, path);
  return {
    deployed: (await exportZip(t.srv, t.ownerA.auth, t.base)).zip.toString('base64'),
    deployments: await get('/deployments'),
    drafts: await get('/drafts'),
    draftDiff: draftId ? await get(`/drafts/${draftId}/diff`) : undefined,
    view: await Promise.all(
      [
        '/values',
        '/functions',
        '/triggers',
        '/auth_providers',
        '/services',
        '/custom_user_data',
      ].map(get),
    ),
  };
}

describe('a failing import changes nothing', () => {
  beforeEach(async () => {
    await addFixtureSecrets(t.srv, t.ownerA, t.base);
    await importJson(t.srv, t.ownerA.auth, t.base, cliDocument(FIXTURE_FILES)).expect(204);
  });

  it.each(BAD)('with no draft open: $what', async ({ send, error }) => {
    const before = await snapshot();
    const res = await send();
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(error);
    expect(await snapshot()).toEqual(before);
    expect(before.deployments).toHaveLength(1);
  });

  it.each(BAD)('with a draft open: $what', async ({ send, error }) => {
    const draft = await t.srv.api
      .post(`${t.base}/drafts`)
      .set('Authorization', t.ownerA.auth)
      .expect(201);
    await t.srv.api
      .post(`${t.base}/values`)
      .set('Authorization', t.ownerA.auth)
      .send({ name: 'draftOnly', private: false, value: true })
      .expect(201);
    const before = await snapshot(draft.body._id as string);
    expect(before.draftDiff).toEqual(
      expect.objectContaining({ diffs: ['values: added "draftOnly"'] }),
    );
    const res = await send();
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(error);
    expect(await snapshot(draft.body._id as string)).toEqual(before);

    // The draft still takes a good import, and only the draft does.
    await importJson(t.srv, t.ownerA.auth, t.base, changedDoc()).expect(204);
    const after = await snapshot(draft.body._id as string);
    expect(after.deployed).toBe(before.deployed);
    expect(after.deployments).toEqual(before.deployments);
    expect(after.draftDiff).not.toEqual(before.draftDiff);
  });
});
