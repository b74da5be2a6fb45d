import { ownersSuite } from './helpers/suites';
import { importJson, importZip } from './helpers/config-as-code';
import { cliDocument, zipDirectory } from './helpers/app-directory';
import { FIXTURE_FILES, addFixtureSecrets } from './helpers/fixture-app';

/**
 * An import refused for one bad item: 400 with a message that starts with the file (and names
 * the entity and field), one case per kind of mistake, each in the otherwise valid fixture.
 */
const t = ownersSuite();

type Doc = {
  config_version: unknown;
  auth: {
    providers: Record<string, Record<string, Record<string, unknown>>>;
    custom_user_data: Record<string, unknown>;
  };
  functions: { config: Record<string, unknown>[]; sources: Record<string, string> };
  values: Record<string, unknown>[];
  environments: Record<string, unknown>;
  triggers: {
    config: Record<string, unknown>;
    event_processors: { FUNCTION: { config: Record<string, unknown> } };
  }[];
  data_sources: { config: { config: Record<string, unknown> } }[];
  graphql: Record<string, unknown>;
  sync: Record<string, unknown>;
  endpoints: Record<string, unknown>;
};

interface Case {
  what: string;
  edit: (doc: Doc) => void;
  /** The whole message, or (a RegExp) its form where part of it comes from a parser. */
  error: string | RegExp;
  code?: string;
}

const CASES: Case[] = [
  {
    what: 'a provider missing a setting it needs',
    edit: (d) => delete d.auth.providers['oauth2-google']?.config?.clientId,
    error:
      'auth/providers.json: oauth2-google: invalid auth provider "oauth2-google": config.clientId is required for an enabled provider',
  },
  {
    what: 'a provider naming a function that does not exist',
    edit: (d) => {
      const config = d.auth.providers['local-userpass']?.config ?? {};
      config.confirmationFunctionName = 'confirmEveryone';
    },
    error:
      'auth/providers.json: local-userpass: function not found: "confirmEveryone" (used by auth provider "local-userpass" (confirmationFunctionName))',
    code: 'FunctionNotFound',
  },
  {
    what: 'a function source with a syntax error',
    edit: (d) =>
      (d.functions.sources['createTask.js'] = 'exports = function( {\n  return 1;\n};\n'),
    error: /^functions\/createTask\.js: function source has a syntax error at line 2, column \d+: /,
    code: 'FunctionSyntaxError',
  },
  {
    what: 'a function whose source file is missing',
    edit: (d) => delete d.functions.sources['getTasks.js'],
    error: 'functions/config.json: "getTasks": its source file functions/getTasks.js is missing',
  },
  {
    what: 'a source file no function has',
    edit: (d) => (d.functions.sources['zzOrphan.js'] = 'exports = () => 1;\n'),
    error:
      'functions/zzOrphan.js: no function of functions/config.json has this source file (add an entry, or remove the file)',
  },
  {
    what: 'a value of the wrong shape',
    edit: (d) => d.values.push({ name: 'retries', value: 3, from_secret: 'no' }),
    error: 'values/retries.json: from_secret must be boolean',
  },
  {
    what: 'a value with a name App Services refuses',
    edit: (d) => d.values.push({ name: '1retries', value: 3, from_secret: false }),
    error:
      'values/1retries.json: invalid value name "1retries": start with a letter and use at most 64 ASCII letters, digits, "_" or "-"',
  },
  {
    what: 'an environment file of no environment',
    edit: (d) => (d.environments['staging.json'] = { values: { apiBaseUrl: 'https://staging' } }),
    error:
      'environments/staging.json: not an environment; the files are no-environment.json, development.json, testing.json, qa.json, production.json',
  },
  {
    what: 'a trigger with a bad schedule',
    edit: (d) => (d.triggers[1]!.config.schedule = '0 25 * * *'),
    error: /^triggers\/sendDailyDigest\.json: invalid schedule "0 25 \* \* \*": .*0-23/,
  },
  {
    what: 'a trigger calling a function that does not exist',
    edit: (d) => (d.triggers[0]!.event_processors.FUNCTION.config.function_name = 'noSuchFunction'),
    error: 'triggers/logLogin.json: function not found: "noSuchFunction"',
    code: 'FunctionNotFound',
  },
  {
    what: 'a data source missing its cluster name',
    edit: (d) => delete d.data_sources[0]?.config.config.clusterName,
    error: 'data_sources/mongodb-atlas/config.json: config.clusterName is required',
  },
  {
    what: 'custom user data naming a user creation function that does not exist',
    edit: (d) => (d.auth.custom_user_data.on_user_creation_function_name = 'makeUserData'),
    error: 'auth/custom_user_data.json: user creation function not found: "makeUserData"',
    code: 'FunctionNotFound',
  },
  {
    what: 'a value exposing a secret that does not exist',
    edit: (d) => (d.values.find((v) => v.name === 'sendgridApiKey')!.value = 'mailgunKey'),
    error:
      'values/sendgridApiKey.json: value: secret not found: "mailgunKey" (create it before importing)',
    code: 'SecretNotFound',
  },
  {
    what: 'a provider naming a secret that does not exist',
    edit: (d) => (d.auth.providers['custom-token']!.secret_config!.signingKeys = ['oldKey']),
    error:
      'auth/providers.json: custom-token.secret_config.signingKeys: secret not found: "oldKey" (create it before importing)',
    code: 'SecretNotFound',
  },
  {
    what: 'sections this server does not serve, all in one message',
    edit: (d) => {
      d.endpoints = {
        config: [{ route: '/tasks', http_method: 'GET', function_name: 'getTasks' }],
      };
      d.graphql.custom_resolvers = [{ field_name: 'myTasks', on_type: 'Query' }];
      d.sync.config = { type: 'flexible', state: 'enabled', development_mode_enabled: false };
    },
    error:
      'this server does not serve http_endpoints, graphql custom resolvers, sync; remove them from the app (or leave them empty) and import again',
  },
  {
    what: 'another config version',
    edit: (d) => (d.config_version = 20180301),
    error:
      'realm_config.json: config_version 20180301 is not supported; export the app again with version 20210101',
  },
];

function expectRefused(
  res: { status: number; body: unknown },
  error: string | RegExp,
  code?: string,
) {
  expect(res.status).toBe(400);
  const body = res.body as { error: string; error_code: string };
  if (typeof error === 'string') expect(body.error).toBe(error);
  else expect(body.error).toMatch(error);
  expect(body.error_code).toBe(code ?? 'InvalidParameter');
}

describe('an import refused for one bad item names the file and field', () => {
  beforeEach(() => addFixtureSecrets(t.srv, t.ownerA, t.base));

  it.each(CASES)('$what', async ({ edit, error, code }) => {
    const doc = cliDocument(FIXTURE_FILES) as unknown as Doc;
    edit(doc);
    expectRefused(await importJson(t.srv, t.ownerA.auth, t.base, doc), error, code);
    // The same check for diff=true: it reports nothing for an app that cannot be imported.
    expectRefused(await importJson(t.srv, t.ownerA.auth, t.base, doc, true), error, code);
  });

  it('the same messages for a zip of the directory', async () => {
    const files = new Map(FIXTURE_FILES);
    const trigger = JSON.parse(
      files.get('triggers/sendDailyDigest.json') ?? '{}',
    ) as Doc['triggers'][0];
    trigger.config.schedule = 'every day';
    files.set('triggers/sendDailyDigest.json', JSON.stringify(trigger));
    expectRefused(
      await importZip(t.srv, t.ownerA.auth, t.base, zipDirectory(files)),
      /^triggers\/sendDailyDigest\.json: invalid schedule "every day"/,
    );
    files.set('values/broken.json', '{"name": "broken", "value": ');
    expectRefused(
      await importZip(t.srv, t.ownerA.auth, t.base, zipDirectory(files)),
      /^values\/broken\.json: is not valid JSON/,
    );
  });

  it('a zip of a directory of an older config version is refused as such', async () => {
    const legacy = new Map([
      [
        'config.json',
        JSON.stringify({ app_id: 'old-abcde', config_version: 20180301, name: 'old' }),
      ],
      ['functions/hello/config.json', JSON.stringify({ name: 'hello', private: false })],
      ['functions/hello/source.js', 'exports = () => "hello";\n'],
    ]);
    expectRefused(
      await importZip(t.srv, t.ownerA.auth, t.base, zipDirectory(legacy, { emptyFolders: [] })),
      'config.json: this is an app directory of config version 20180301 (it has no realm_config.json), which is not supported; export the app again with version 20210101',
    );
  });
});
