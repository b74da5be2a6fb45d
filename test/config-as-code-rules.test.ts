import { cliDocument } from './helpers/app-directory';
import { createDataSource, createFunction } from './helpers/config-resources';
import { exportZip, filesOf, importJson, importZip } from './helpers/config-as-code';
import { createApp, GROUP_A } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { defaultRulePath, postRule, rulesPath, THIS_USER_RULE } from './helpers/rules';
import { ownersSuite } from './helpers/suites';

const t = ownersSuite();

const OWNER_ROLE = {
  name: 'owner',
  apply_when: { '%%true': { '%function': { name: 'isOwner', arguments: ['%%root'] } } },
  document_filters: { read: { owner_id: '%%user.id' }, write: { owner_id: '%%user.id' } },
  read: true,
  write: true,
  fields: { secret: { read: false, write: false } },
};

/** An app with a function, a data source, two rules and a default rule, made through the API. */
async function appWithRules(base = t.base) {
  await createFunction(t.srv, t.ownerA, base, 'isOwner', 'exports = () => true;');
  const svc = await createDataSource(t.srv, t.ownerA, base);
  await postRule(t.srv, t.ownerA, base, svc._id, THIS_USER_RULE).expect(201);
  await postRule(t.srv, t.ownerA, base, svc._id, {
    database: 'shop',
    collection: 'orders',
    roles: [OWNER_ROLE],
    filters: [
      { name: 'live', apply_when: {}, query: { deleted: false }, projection: { internal: 0 } },
    ],
  }).expect(201);
  await t.srv.api
    .post(defaultRulePath(base, svc._id))
    .set('Authorization', t.ownerA.auth)
    .send({ roles: [{ name: 'readAll', apply_when: {}, read: true }] })
    .expect(201);
  return svc;
}

const listRules = async (base: string, serviceId: string) =>
  (await t.srv.api.get(rulesPath(base, serviceId)).set('Authorization', t.ownerA.auth).expect(200))
    .body as { _id: string; database: string; collection: string }[];

describe('config as code: collection rules', () => {
  it('exports rules.json per collection and default_rule.json per data source, as App Services writes them', async () => {
    await appWithRules();
    const files = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    expect(files['data_sources/mongodb-atlas/myapp/users/rules.json']).toBe(
      `{
    "collection": "users",
    "database": "myapp",
    "filters": [],
    "roles": [
        {
            "apply_when": {
                "user_id": "%%user.id"
            },
            "delete": false,
            "insert": false,
            "name": "ThisUser",
            "read": true,
            "search": false,
            "write": true
        }
    ]
}
`,
    );
    expect(JSON.parse(files['data_sources/mongodb-atlas/shop/orders/rules.json'] ?? '')).toEqual({
      collection: 'orders',
      database: 'shop',
      roles: [OWNER_ROLE],
      filters: [
        { name: 'live', apply_when: {}, query: { deleted: false }, projection: { internal: 0 } },
      ],
    });
    expect(JSON.parse(files['data_sources/mongodb-atlas/default_rule.json'] ?? '')).toEqual({
      roles: [{ name: 'readAll', apply_when: {}, read: true }],
      filters: [],
    });
  });

  it('round-trips: a zip or the CLI document imported into a new app exports the same bytes', async () => {
    await appWithRules();
    const exported = await exportZip(t.srv, t.ownerA.auth, t.base, 'template=true');
    const exportedFiles = filesOf(exported.zip);
    expect(Object.keys(exportedFiles)).toEqual(
      expect.arrayContaining([
        'data_sources/mongodb-atlas/default_rule.json',
        'data_sources/mongodb-atlas/myapp/users/rules.json',
        'data_sources/mongodb-atlas/shop/orders/rules.json',
      ]),
    );
    for (const form of ['zip', 'json'] as const) {
      const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
      const files = new Map(Object.entries(filesOf(exported.zip)));
      const res =
        form === 'zip'
          ? await importZip(t.srv, t.ownerA.auth, other, exported.zip)
          : await importJson(t.srv, t.ownerA.auth, other, cliDocument(files));
      expect(res.status).toBe(204);
      const again = filesOf((await exportZip(t.srv, t.ownerA.auth, other, 'template=true')).zip);
      // realm_config.json names each app; everything else is the same, byte for byte.
      delete again['realm_config.json'];
      delete exportedFiles['realm_config.json'];
      expect(again).toEqual(exportedFiles);
    }
  });

  it('replaces by data source and collection: kept rules keep their ids, others are added or removed', async () => {
    const svc = await appWithRules();
    const before = await listRules(t.base, svc._id);
    const files = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    const doc = cliDocument(new Map(Object.entries(files))) as {
      data_sources: { rules: Record<string, unknown>[]; default_rule?: unknown }[];
    };
    const ds = doc.data_sources[0];
    if (!ds) throw new Error('no data source exported');
    // Unchanged: no diff, no new deployment.
    expect((await importJson(t.srv, t.ownerA.auth, t.base, doc, true)).body).toEqual([]);

    ds.rules = [
      { ...ds.rules.find((r) => r.collection === 'users'), filters: [{ name: 'f', query: {} }] },
      { database: 'myapp', collection: 'items', roles: [] },
    ];
    delete ds.default_rule;
    expect((await importJson(t.srv, t.ownerA.auth, t.base, doc, true)).body).toEqual([
      'rules: modified "myapp.users" (filters)',
      'rules: added "myapp.items"',
      'rules: removed "shop.orders"',
      'default_rules: removed "default rule of mongodb-atlas"',
    ]);
    await importJson(t.srv, t.ownerA.auth, t.base, doc).expect(204);
    const after = await listRules(t.base, svc._id);
    const id = (list: typeof after, c: string) => list.find((r) => r.collection === c)?._id;
    expect(id(after, 'users')).toBe(id(before, 'users'));
    expect(after.map((r) => r.collection).sort()).toEqual(['items', 'users']);
    await t.srv.api
      .get(defaultRulePath(t.base, svc._id))
      .set('Authorization', t.ownerA.auth)
      .expect(404);
  });

  it('goes into the open draft: its diff lists the rules', async () => {
    await appWithRules();
    const files = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    const other = appPath(GROUP_A, (await createApp(t.srv, t.ownerA))._id);
    await createFunction(t.srv, t.ownerA, other, 'isOwner', 'exports = () => true;');
    const draft = await t.srv.api.post(`${other}/drafts`).set('Authorization', t.ownerA.auth);
    expect(draft.status).toBe(201);
    await importJson(t.srv, t.ownerA.auth, other, {
      ...cliDocument(new Map(Object.entries(files))),
      app_id: undefined,
    }).expect(204);
    const diff = await t.srv.api
      .get(`${other}/drafts/${draft.body._id as string}/diff`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(diff.body.diffs).toEqual(
      expect.arrayContaining([
        'services: added "mongodb-atlas"',
        'rules: added "myapp.users"',
        'rules: added "shop.orders"',
        'default_rules: added "default rule of mongodb-atlas"',
      ]),
    );
  });
});

describe('config as code: rule files are checked as the Admin API checks rules', () => {
  const base = {
    config_version: 20210101,
    functions: { config: [], sources: {} },
  };
  const withRules = (ds: Record<string, unknown>) => ({
    ...base,
    data_sources: [
      {
        config: {
          name: 'mongodb-atlas',
          type: 'mongodb-atlas',
          config: {
            clusterName: 'Cluster0',
            readPreference: 'primary',
            wireProtocolEnabled: false,
          },
        },
        ...ds,
      },
    ],
  });

  it.each([
    [
      'an expression with $where and an unknown function, both named',
      {
        rules: [
          {
            database: 'db',
            collection: 'coll',
            roles: [
              { name: 'a', apply_when: { $where: '1' } },
              { name: 'b', read: { '%%true': { '%function': { name: 'gone', arguments: [] } } } },
            ],
          },
        ],
      },
      /^data_sources\/mongodb-atlas\/db\/coll\/rules\.json: roles\[0\]\.apply_when.*\$where.*; roles\[1\]\.read.*function "gone" not found/,
    ],
    [
      'duplicate role names',
      { rules: [{ database: 'db', collection: 'coll', roles: [{ name: 'a' }, { name: 'a' }] }] },
      /^data_sources\/mongodb-atlas\/db\/coll\/rules\.json: roles\[1\]\.name: "a" is used/,
    ],
    [
      'an unknown role field',
      { rules: [{ database: 'db', collection: 'coll', roles: [{ name: 'a', raed: true }] }] },
      /^data_sources\/mongodb-atlas\/db\/coll\/rules\.json: roles\.0\.raed is not allowed/,
    ],
    [
      'a bad database name',
      { rules: [{ database: 'my db', collection: 'coll', roles: [] }] },
      /^data_sources\/mongodb-atlas\/my db\/coll\/rules\.json: database: invalid database name/,
    ],
    [
      'the same collection twice',
      {
        rules: [
          { database: 'db', collection: 'coll', roles: [] },
          { database: 'db', collection: 'coll', roles: [] },
        ],
      },
      /^data_sources\/mongodb-atlas: "db\.coll" is defined twice/,
    ],
    [
      'a default rule whose filter reads the document',
      { default_rule: { filters: [{ name: 'f', apply_when: { owner: 1 } }] } },
      /^data_sources\/mongodb-atlas\/default_rule\.json: filters\[0\]\.apply_when: .*cannot read the document/,
    ],
    [
      'a collection schema (still not served)',
      { schemas: [{ properties: { name: { bsonType: 'string' } } }] },
      /this server does not serve collection schemas and relationships/,
    ],
  ])('refuses %s (400, nothing changed)', async (_what, ds, message) => {
    const res = await importJson(t.srv, t.ownerA.auth, t.base, withRules(ds)).expect(400);
    expect(res.body.error).toMatch(message);
    const services = await t.srv.api
      .get(`${t.base}/services`)
      .set('Authorization', t.ownerA.auth)
      .expect(200);
    expect(services.body).toEqual([]);
  });

  it('refuses a rules.json whose database or collection is not its folder', async () => {
    await appWithRules();
    const files = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    const path = 'data_sources/mongodb-atlas/myapp/users/rules.json';
    const moved = { ...files, [path]: JSON.stringify({ ...THIS_USER_RULE, collection: 'people' }) };
    const { zipDirectory } = await import('./helpers/app-directory');
    const res = await importZip(
      t.srv,
      t.ownerA.auth,
      t.base,
      zipDirectory(new Map(Object.entries(moved)), { emptyFolders: [] }),
    ).expect(400);
    expect(res.body.error).toBe(`${path}: collection is "people", not its folder's name`);
  });
});
