import fc from 'fast-check';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { exportZip, filesOf, importJson, importZip } from './helpers/config-as-code';
import { dataSourceRules } from './helpers/rule-arbitraries';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * Property: for any app directory this server accepts, export → import into a new app → export
 * gives the same bytes; and what was imported is what the files said (sources byte for byte,
 * collection rules as given with `apply_when` defaulted).
 */

let srv: TestServer;
let ownerA: AdminSession;
let ownerB: AdminSession;
beforeAll(async () => {
  srv = await startTestServer({ LOG_LEVEL: 'error' });
  ownerA = await adminLogin(srv, { groupId: GROUP_A });
  ownerB = await adminLogin(srv, { groupId: GROUP_B });
});
afterAll(() => srv.close());

const SECRETS = ['tokenKey', 'otherKey'];
const SIGNING_KEY = 'k'.repeat(40);

async function freshApp(session: AdminSession, groupId: string, name: string): Promise<string> {
  const app = await createApp(srv, session, groupId, { name });
  const base = appPath(groupId, app._id);
  for (const secret of SECRETS) {
    await srv.api
      .post(`${base}/secrets`)
      .set('Authorization', session.auth)
      .send({ name: secret, value: SIGNING_KEY })
      .expect(201);
  }
  return base;
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/);
const hasProtoKey = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (Object.prototype.hasOwnProperty.call(v, '__proto__') || Object.values(v).some(hasProtoKey));
const jsonValue = fc.jsonValue({ maxDepth: 3 }).filter((v) => !hasProtoKey(v));
const source = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), jsonValue)
  .map(
    ([comment, value]) =>
      `// ${comment.replace(/[\r\n\u2028\u2029]/g, ' ')}\r\nexports = function (arg) {\n\treturn ${JSON.stringify(value)};\n};`,
  );
const cron = fc.constantFrom('*/5 * * * *', '0 3 * * 1', '15 14 1 * *');
const environments = [
  'no-environment.json',
  'development.json',
  'testing.json',
  'qa.json',
  'production.json',
];

/** An app directory as the CLI sends it, made only of what this server serves. */
const appDocument = fc
  .record({
    functions: fc.uniqueArray(
      fc.record({
        name,
        source,
        private: fc.boolean(),
        system: fc.boolean(),
        guarded: fc.boolean(),
      }),
      {
        selector: (f) => f.name,
        minLength: 1,
        maxLength: 5,
      },
    ),
    values: fc.uniqueArray(
      fc.record({ name, value: jsonValue, secret: fc.option(fc.constantFrom(...SECRETS)) }),
      { selector: (v) => v.name, maxLength: 4 },
    ),
    envValues: fc.dictionary(name, fc.dictionary(fc.constantFrom(...environments), jsonValue), {
      maxKeys: 3,
    }),
    providers: fc.subarray([
      'anon-user',
      'api-key',
      'local-userpass',
      'custom-function',
      'custom-token',
    ]),
    disabled: fc.boolean(),
    customData: fc.boolean(),
    triggers: fc.uniqueArray(
      fc.record({ name, cron, disabled: fc.boolean(), onLogin: fc.boolean() }),
      {
        selector: (t) => t.name,
        maxLength: 3,
      },
    ),
    tag: fc.constantFrom('', 'development', 'production'),
    origins: fc.subarray(['https://app.example.com', 'http://localhost:3000']),
  })
  .chain((g) => dataSourceRules(g.functions[0]?.name ?? '').map((rules) => ({ ...g, ...rules })))
  .map((g) => {
    const fn = g.functions[0]?.name ?? '';
    const providerConfigs: Record<string, Record<string, unknown>> = {
      'local-userpass': {
        config: {
          autoConfirm: true,
          resetPasswordUrl: 'https://app.example.com/reset',
          resetPasswordSubject: 'Reset your password',
          runResetFunction: false,
        },
      },
      'custom-function': { config: { authFunctionName: fn } },
      'custom-token': {
        config: { audience: 'my-app', signingAlgorithm: 'HS256', useJWKURI: false },
        secret_config: { signingKeys: ['tokenKey'] },
        metadata_fields: [{ required: false, name: 'email', field_name: 'email' }],
      },
    };
    const envFiles: Record<string, { values: Record<string, unknown> }> = {};
    for (const file of environments) envFiles[file] = { values: {} };
    for (const [valueName, perEnv] of Object.entries(g.envValues)) {
      for (const [file, value] of Object.entries(perEnv)) {
        (envFiles[file] as { values: Record<string, unknown> }).values[valueName] = value;
      }
    }
    return {
      config_version: 20210101,
      environment: g.tag,
      ...(g.origins.length ? { allowed_request_origins: g.origins } : {}),
      environments: envFiles,
      values: g.values.map((v) =>
        v.secret
          ? { name: v.name, value: v.secret, from_secret: true }
          : { name: v.name, value: v.value, from_secret: false },
      ),
      auth: {
        providers: Object.fromEntries(
          g.providers.map((type) => [
            type,
            { name: type, type, disabled: g.disabled, ...providerConfigs[type] },
          ]),
        ),
        custom_user_data: g.customData
          ? {
              enabled: true,
              mongo_service_name: 'mongodb-atlas',
              database_name: 'appdb',
              collection_name: 'users',
              user_id_field: 'user_id',
              on_user_creation_function_name: fn,
            }
          : { enabled: false },
      },
      functions: {
        config: g.functions.map((f) => ({
          name: f.name,
          private: f.private,
          ...(f.system ? { run_as_system: true } : {}),
          ...(f.guarded ? { can_evaluate: { '%%user.data.email': { $exists: true } } } : {}),
        })),
        sources: Object.fromEntries(g.functions.map((f) => [`${f.name}.js`, f.source])),
      },
      triggers: g.triggers.map((t) => ({
        name: t.name,
        disabled: t.disabled,
        function_name: fn,
        ...(t.onLogin
          ? {
              type: 'AUTHENTICATION',
              config: { operation_type: 'LOGIN', providers: ['anon-user', 'local-userpass'] },
            }
          : { type: 'SCHEDULED', config: { schedule: t.cron, skip_catchup_events: false } }),
      })),
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
          ...(g.rules.length > 0 ? { rules: g.rules } : {}),
          ...(g.defaultRule ? { default_rule: g.defaultRule } : {}),
        },
      ],
    };
  });

let runs = 0;

it('export → import into a new app → export is identical, for generated apps', async () => {
  await fc.assert(
    fc.asyncProperty(appDocument, async (doc) => {
      runs += 1;
      const appName = `rt${runs}x${Math.random().toString(36).slice(2, 7)}`;
      const first = await freshApp(ownerA, GROUP_A, appName);
      const imported = await importJson(srv, ownerA.auth, first, doc);
      expect({ status: imported.status, body: imported.body as unknown }).toEqual({
        status: 204,
        body: {},
      });

      const exported = await exportZip(srv, ownerA.auth, first, 'template=true');
      const files = filesOf(exported.zip);
      for (const [file, text] of Object.entries(doc.functions.sources)) {
        expect(files[`functions/${file}`]).toBe(text);
      }
      // Each rule is its own file; a role or filter without apply_when gets {} (applies always).
      const withDefaults = (list: Record<string, unknown>[]) =>
        list.map((e) => ({ apply_when: {}, ...e }));
      const [ds] = doc.data_sources;
      for (const rule of ds?.rules ?? []) {
        const file =
          files[`data_sources/mongodb-atlas/${rule.database}/${rule.collection}/rules.json`];
        expect(JSON.parse(file ?? 'null')).toEqual({
          ...rule,
          roles: withDefaults(rule.roles),
          filters: withDefaults(rule.filters),
        });
      }
      expect(files['data_sources/mongodb-atlas/default_rule.json'] !== undefined).toBe(
        ds?.default_rule !== undefined,
      );
      expect((await importJson(srv, ownerA.auth, first, doc, true)).body).toEqual([]);

      const second = await freshApp(ownerB, GROUP_B, appName);
      await importZip(srv, ownerB.auth, second, exported.zip).expect(204);
      const again = await exportZip(srv, ownerB.auth, second, 'template=true');
      expect(filesOf(again.zip)).toEqual(files);
      expect(Buffer.compare(again.zip, exported.zip)).toBe(0);
    }),
    { numRuns: 12, endOnFailure: true },
  );
}, 240_000);
