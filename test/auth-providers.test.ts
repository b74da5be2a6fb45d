import mongoose from 'mongoose';
import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

type Json = Record<string, unknown>;

const appPath = (appId: string, groupId = GROUP_A) =>
  `/api/admin/v3.0/groups/${groupId}/apps/${appId}`;
const providers = (appId: string, groupId = GROUP_A) => `${appPath(appId, groupId)}/auth_providers`;
const provider = (appId: string, id: string, groupId = GROUP_A) =>
  `${providers(appId, groupId)}/${id}`;

const SIGNING_KEY_VALUE = 'k'.repeat(32);

let srv: TestServer;
let org: AdminSession;
let ownerA: AdminSession;
let ownerB: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  [org, ownerA, ownerB] = await Promise.all([
    adminLogin(srv, 'org'),
    adminLogin(srv, { groupId: GROUP_A }),
    adminLogin(srv, { groupId: GROUP_B }),
  ]);
});
afterAll(() => srv.close());

async function newApp(): Promise<string> {
  return (await createApp(srv, ownerA))._id;
}

async function createSecret(appId: string, name: string, value = SIGNING_KEY_VALUE) {
  await srv.api
    .post(`${appPath(appId)}/secrets`)
    .set('Authorization', ownerA.auth)
    .send({ name, value })
    .expect(201);
}

/** Puts a function in the config directly (functions.test.ts covers their API); returns its id. */
async function addFunction(appId: string, name: string): Promise<string> {
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

function post(appId: string, body: Json, session = ownerA) {
  return srv.api.post(providers(appId)).set('Authorization', session.auth).send(body);
}

function get(appId: string, id: string, session = ownerA) {
  return srv.api.get(provider(appId, id)).set('Authorization', session.auth);
}

function patch(appId: string, id: string, body: Json, session = ownerA) {
  return srv.api.patch(provider(appId, id)).set('Authorization', session.auth).send(body);
}

async function list(appId: string, session = ownerA): Promise<Json[]> {
  const res = await srv.api.get(providers(appId)).set('Authorization', session.auth).expect(200);
  return res.body as Json[];
}

async function idOf(appId: string, type: string, session = ownerA): Promise<string> {
  const found = (await list(appId, session)).find((p) => p.type === type);
  if (!found) throw new Error(`no ${type} provider`);
  return found._id as string;
}

describe('list, create, get', () => {
  it('a new app lists the api-key provider, disabled, with its _id', async () => {
    const appId = await newApp();
    expect(await list(appId)).toEqual([
      {
        _id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'api-key',
        type: 'api-key',
        disabled: true,
      },
    ]);
  });

  it('creates a provider (201, enabled by default) that reads back and is listed', async () => {
    const appId = await newApp();
    const res = await post(appId, { name: 'anon-user', type: 'anon-user' }).expect(201);
    expect(res.body).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'anon-user',
      type: 'anon-user',
      disabled: false,
    });
    expect((await get(appId, res.body._id).expect(200)).body).toEqual(res.body);
    expect((await list(appId)).map((p) => p.type)).toEqual(['api-key', 'anon-user']);
  });

  it('assigns its own _id even when the body carries one', async () => {
    const appId = await newApp();
    const given = new mongoose.Types.ObjectId().toHexString();
    const res = await post(appId, { _id: given, name: 'anon-user', type: 'anon-user' }).expect(201);
    expect(res.body._id).not.toBe(given);
  });

  it('refuses a second provider of a type: 409 AuthProviderAlreadyExists', async () => {
    const appId = await newApp();
    await post(appId, { name: 'anon-user', type: 'anon-user' }).expect(201);
    const res = await post(appId, { name: 'anon-user', type: 'anon-user' }).expect(409);
    expect(res.body.error_code).toBe('AuthProviderAlreadyExists');
    const apiKey = await post(appId, { name: 'api-key', type: 'api-key' }).expect(409);
    expect(apiKey.body.error_code).toBe('AuthProviderAlreadyExists');
  });

  it('requires name to equal type', async () => {
    const appId = await newApp();
    const res = await post(appId, { name: 'guests', type: 'anon-user' }).expect(400);
    expect(res.body).toEqual({
      error: expect.stringContaining('name must equal type'),
      error_code: 'InvalidParameter',
    });
  });

  it('refuses an unknown type, a missing name and unknown top-level fields', async () => {
    const appId = await newApp();
    await post(appId, { name: 'oauth2-github', type: 'oauth2-github' }).expect(400);
    await post(appId, { type: 'anon-user' }).expect(400);
    await post(appId, { name: 'anon-user', type: 'anon-user', enabled: true }).expect(400);
  });

  it('answers 404 AuthProviderNotFound for an unknown provider id', async () => {
    const appId = await newApp();
    const unknown = new mongoose.Types.ObjectId().toHexString();
    const res = await get(appId, unknown).expect(404);
    expect(res.body.error_code).toBe('AuthProviderNotFound');
    await patch(appId, unknown, { name: 'anon-user', type: 'anon-user' }).expect(404);
    await srv.api.delete(provider(appId, unknown)).set('Authorization', ownerA.auth).expect(404);
    await srv.api
      .put(`${provider(appId, unknown)}/enable`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    await srv.api
      .put(`${provider(appId, unknown)}/disable`)
      .set('Authorization', ownerA.auth)
      .expect(404);
    await get(appId, 'not-an-id').expect(400);
  });
});

describe('enable, disable, delete', () => {
  it('enable and disable flip `disabled`, idempotently', async () => {
    const appId = await newApp();
    const id = await idOf(appId, 'api-key');
    const put = (action: string) =>
      srv.api
        .put(`${provider(appId, id)}/${action}`)
        .set('Authorization', ownerA.auth)
        .expect(204);
    await put('enable');
    expect((await get(appId, id)).body.disabled).toBe(false);
    await put('enable');
    expect((await get(appId, id)).body.disabled).toBe(false);
    await put('disable');
    expect((await get(appId, id)).body.disabled).toBe(true);
  });

  it('will not enable a provider whose definition is incomplete for an enabled one', async () => {
    const appId = await newApp();
    const created = await post(appId, {
      name: 'oauth2-apple',
      type: 'oauth2-apple',
      disabled: true,
    }).expect(201);
    const enable = () =>
      srv.api.put(`${provider(appId, created.body._id)}/enable`).set('Authorization', ownerA.auth);
    const res = await enable().expect(400);
    expect(res.body.error).toContain('config.clientId is required');
    await patch(appId, created.body._id, {
      name: 'oauth2-apple',
      type: 'oauth2-apple',
      config: { clientId: 'com.example.app' },
    }).expect(204);
    await enable().expect(204);
    expect((await get(appId, created.body._id)).body).toMatchObject({ disabled: false });
  });

  it('deletes a provider: 204, then 404', async () => {
    const appId = await newApp();
    const id = await idOf(appId, 'api-key');
    await srv.api.delete(provider(appId, id)).set('Authorization', ownerA.auth).expect(204);
    await get(appId, id).expect(404);
    expect(await list(appId)).toEqual([]);
    await srv.api.delete(provider(appId, id)).set('Authorization', ownerA.auth).expect(404);
  });
});

describe('PATCH', () => {
  it('replaces the definition; omitted fields go, `disabled` stays unless given', async () => {
    const appId = await newApp();
    await createSecret(appId, 'googleSecret');
    const created = await post(appId, {
      name: 'oauth2-google',
      type: 'oauth2-google',
      disabled: true,
      config: { clientId: 'one', openId: true },
      secret_config: { clientSecret: 'googleSecret' },
      redirect_uris: ['https://a.example.com/cb'],
      domain_restrictions: ['example.com'],
    }).expect(201);
    const id = created.body._id as string;
    await patch(appId, id, {
      name: 'oauth2-google',
      type: 'oauth2-google',
      config: { clientId: 'two' },
    }).expect(204);
    expect((await get(appId, id)).body).toEqual({
      _id: id,
      name: 'oauth2-google',
      type: 'oauth2-google',
      disabled: true,
      config: { clientId: 'two' },
    });
  });

  it('accepts a matching _id and refuses another', async () => {
    const appId = await newApp();
    const id = await idOf(appId, 'api-key');
    await patch(appId, id, { _id: id, name: 'api-key', type: 'api-key', disabled: false }).expect(
      204,
    );
    const other = new mongoose.Types.ObjectId().toHexString();
    const res = await patch(appId, id, { _id: other, name: 'api-key', type: 'api-key' }).expect(
      400,
    );
    expect(res.body.error).toContain('does not match');
  });

  it('refuses to change name or type', async () => {
    const appId = await newApp();
    const id = await idOf(appId, 'api-key');
    const res = await patch(appId, id, { name: 'anon-user', type: 'anon-user' }).expect(400);
    expect(res.body.error).toContain('cannot change');
    await patch(appId, id, { name: 'anon-user', type: 'api-key' }).expect(400);
    expect((await get(appId, id)).body).toMatchObject({ name: 'api-key', type: 'api-key' });
  });
});

describe('the seed PATCH bodies (user metadata docs) return 204 and read back as sent', () => {
  const metadataNine = [
    { required: false, name: 'name' },
    { required: true, name: 'first_name' },
    { required: true, name: 'last_name' },
    { required: false, name: 'picture' },
    { required: false, name: 'gender' },
    { required: false, name: 'birthday' },
    { required: false, name: 'min_age' },
    { required: false, name: 'max_age' },
    { required: false, name: 'email' },
  ];

  it.each([
    ['oauth2-facebook', 'fbClientSecret', '<Facebook Client ID>'],
    ['oauth2-google', 'googleClientSecret', '<Google Client ID>'],
  ])('%s', async (type, secretName, clientId) => {
    const appId = await newApp();
    await createSecret(appId, secretName, 'client-secret-value');
    const created = await post(appId, { name: type, type, disabled: true }).expect(201);
    const id = created.body._id as string;
    const body = {
      _id: id,
      name: type,
      type,
      redirect_uris: ['https://example.com/'],
      config: { clientId },
      secret_config: { clientSecret: secretName },
      metadata_fields: metadataNine,
      disabled: false,
    };
    await patch(appId, id, body).expect(204);
    expect((await get(appId, id).expect(200)).body).toEqual(body);
  });

  it('custom-token', async () => {
    const appId = await newApp();
    await createSecret(appId, 'jwtSigningKey');
    const created = await post(appId, {
      name: 'custom-token',
      type: 'custom-token',
      config: { useJWKURI: true, jwkURI: 'https://idp.example.com/v1/keys' },
    }).expect(201);
    const id = created.body._id as string;
    const body = {
      _id: id,
      name: 'custom-token',
      type: 'custom-token',
      metadata_fields: [
        { required: true, name: 'jwt.field.path', field_name: 'metadataFieldName' },
      ],
      config: {
        audience: [],
        requireAnyAudience: false,
        signingAlgorithm: 'HS256',
        useJWKURI: false,
      },
      secret_config: { signingKeys: ['jwtSigningKey'] },
      disabled: true,
    };
    await patch(appId, id, body).expect(204);
    expect((await get(appId, id).expect(200)).body).toEqual(body);
  });
});

describe('validation by provider type', () => {
  let appId: string;
  beforeAll(async () => {
    appId = await newApp();
    for (const name of ['sk1', 'sk2', 'sk3', 'sk4', 'oauthSecret']) await createSecret(appId, name);
    await createSecret(appId, 'shortKey', 'too-short');
    for (const name of ['confirmUser', 'resetPassword', 'authenticate'])
      fnIds[name] = await addFunction(appId, name);
  });
  const fnIds: Record<string, string> = {};

  /** A config as read back: a function given by name is also shown by its id. */
  function withFunctionIds(config: Json): Json {
    const out = { ...config };
    for (const setting of ['authFunction', 'confirmationFunction', 'resetFunction']) {
      const name = config[`${setting}Name`];
      if (typeof name === 'string' && fnIds[name]) out[`${setting}Id`] = fnIds[name];
    }
    return out;
  }

  /** Creates the provider, checks it reads back as sent (plus function ids), and deletes it. */
  async function accepts(body: Json): Promise<void> {
    const res = await post(appId, body);
    if (res.status !== 201) throw new Error(`expected 201, got ${res.status}: ${res.text}`);
    const expected = {
      disabled: false,
      ...body,
      ...(body.config ? { config: withFunctionIds(body.config as Json) } : {}),
      _id: res.body._id,
    };
    expect(res.body).toEqual(expected);
    expect((await get(appId, res.body._id)).body).toEqual(expected);
    await srv.api
      .delete(provider(appId, res.body._id))
      .set('Authorization', ownerA.auth)
      .expect(204);
  }

  async function refuses(body: Json, message: string, code = 'InvalidParameter'): Promise<void> {
    const res = await post(appId, body);
    if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${res.text}`);
    expect(res.body.error_code).toBe(code);
    expect(res.body.error).toContain(message);
  }

  describe('no-settings types (anon-user, api-key)', () => {
    it('refuses config keys, secrets, metadata fields and OAuth lists', async () => {
      const anon = { name: 'anon-user', type: 'anon-user' };
      await refuses(
        { ...anon, config: { allowAnything: true } },
        'unknown config key(s) for anon-user: allowAnything',
      );
      await refuses({ ...anon, secret_config: { key: 'sk1' } }, 'unknown secret_config key(s)');
      await refuses(
        { ...anon, metadata_fields: [{ name: 'email', required: false }] },
        'anon-user does not accept metadata_fields',
      );
      await refuses(
        { ...anon, redirect_uris: ['https://example.com/'] },
        'does not accept redirect_uris',
      );
      await refuses(
        { ...anon, domain_restrictions: ['example.com'] },
        'does not accept domain_restrictions',
      );
      await accepts({ ...anon, config: {}, metadata_fields: [] });
    });

    it('refuses metadata fields on the api-key provider through PATCH', async () => {
      const id = await idOf(appId, 'api-key');
      const res = await patch(appId, id, {
        name: 'api-key',
        type: 'api-key',
        metadata_fields: [{ name: 'name', required: true }],
      }).expect(400);
      expect(res.body.error).toContain('api-key does not accept metadata_fields');
    });
  });

  describe('local-userpass', () => {
    const lu = { name: 'local-userpass', type: 'local-userpass' };
    const resetEmail = {
      resetPasswordUrl: 'https://example.com/reset',
      resetPasswordSubject: 'Reset',
    };
    const resetFn = { runResetFunction: true, resetFunctionName: 'resetPassword' };
    const confirmEmail = {
      autoConfirm: false,
      emailConfirmationUrl: 'https://example.com/confirm',
      confirmEmailSubject: 'Confirm',
    };
    const confirmFn = {
      autoConfirm: false,
      runConfirmationFunction: true,
      confirmationFunctionName: 'confirmUser',
    };

    it('accepts the six combinations of confirmation and reset', async () => {
      for (const confirm of [{ autoConfirm: true }, confirmEmail, confirmFn])
        for (const reset of [resetEmail, resetFn])
          await accepts({ ...lu, config: { ...confirm, ...reset } });
    });

    it('accepts an export-style config that keeps the settings of unused modes', async () => {
      await accepts({
        ...lu,
        config: {
          ...confirmEmail,
          runConfirmationFunction: false,
          ...resetEmail,
          runResetFunction: false,
          resetFunctionName: '',
        },
      });
    });

    it('refuses incomplete or contradictory combinations', async () => {
      await refuses({ ...lu }, 'config.emailConfirmationUrl must be an absolute URL');
      await refuses(
        { ...lu, config: { autoConfirm: true } },
        'config.resetPasswordUrl must be an absolute URL',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, resetPasswordUrl: 'https://example.com/r' } },
        'config.resetPasswordSubject is required',
      );
      await refuses(
        { ...lu, config: { ...confirmEmail, confirmEmailSubject: '', ...resetEmail } },
        'config.confirmEmailSubject is required',
      );
      await refuses(
        { ...lu, config: { ...confirmEmail, emailConfirmationUrl: 'not a url', ...resetEmail } },
        'config.emailConfirmationUrl must be an absolute URL',
      );
      await refuses(
        { ...lu, config: { autoConfirm: false, runConfirmationFunction: true, ...resetEmail } },
        'config.confirmationFunctionName or config.confirmationFunctionId is required',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, runResetFunction: true } },
        'config.resetFunctionName or config.resetFunctionId is required',
      );
      await refuses(
        { ...lu, config: { ...confirmFn, autoConfirm: true, ...resetEmail } },
        'cannot both be true',
      );
      await refuses(
        { ...lu, config: { autoConfirm: 'yes', ...resetEmail } },
        'config.autoConfirm must be a boolean',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, ...resetEmail, emailSender: 'x' } },
        'unknown config key(s) for local-userpass: emailSender',
      );
    });

    it('takes the functions by id too, and answers with ids and names', async () => {
      const res = await post(appId, {
        ...lu,
        config: {
          autoConfirm: false,
          runConfirmationFunction: true,
          confirmationFunctionId: fnIds.confirmUser,
          runResetFunction: true,
          resetFunctionId: fnIds.resetPassword,
          resetFunctionName: 'resetPassword',
        },
      }).expect(201);
      expect(res.body.config).toEqual({
        autoConfirm: false,
        runConfirmationFunction: true,
        confirmationFunctionId: fnIds.confirmUser,
        confirmationFunctionName: 'confirmUser',
        runResetFunction: true,
        resetFunctionId: fnIds.resetPassword,
        resetFunctionName: 'resetPassword',
      });
      await srv.api
        .delete(provider(appId, res.body._id as string))
        .set('Authorization', ownerA.auth)
        .expect(204);
      await refuses(
        {
          ...lu,
          config: { autoConfirm: true, ...resetFn, resetFunctionId: fnIds.confirmUser },
        },
        'config.resetFunctionId',
      );
    });

    it('requires the functions it runs to exist: 400 FunctionNotFound', async () => {
      await refuses(
        { ...lu, config: { ...confirmFn, confirmationFunctionName: 'nope', ...resetEmail } },
        'function not found: "nope"',
        'FunctionNotFound',
      );
      await refuses(
        { ...lu, config: { autoConfirm: true, ...resetFn, resetFunctionName: 'gone' } },
        'function not found: "gone"',
        'FunctionNotFound',
      );
    });
  });

  describe('custom-function', () => {
    const cf = { name: 'custom-function', type: 'custom-function' };
    it('needs authFunctionName naming an existing function', async () => {
      await accepts({ ...cf, config: { authFunctionName: 'authenticate' } });
      await refuses({ ...cf }, 'config.authFunctionName or config.authFunctionId is required');
      await refuses(
        { ...cf, config: { authFunctionName: 'missing' } },
        'function not found: "missing"',
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionName: 'authenticate', timeout: 5 } },
        'unknown config key(s) for custom-function: timeout',
      );
    });

    it('takes authFunctionId, authFunctionName or both, and answers with both', async () => {
      const both = { authFunctionId: fnIds.authenticate, authFunctionName: 'authenticate' };
      const byId = await post(appId, { ...cf, config: { authFunctionId: fnIds.authenticate } });
      expect([byId.status, byId.body.config]).toEqual([201, both]);
      expect((await get(appId, byId.body._id as string)).body.config).toEqual(both);
      // Path ids may come in upper case: stored as the function's id.
      await patch(appId, byId.body._id as string, {
        ...cf,
        config: { authFunctionId: fnIds.authenticate?.toUpperCase() },
      }).expect(204);
      expect((await get(appId, byId.body._id as string)).body.config).toEqual(both);
      await srv.api
        .delete(provider(appId, byId.body._id as string))
        .set('Authorization', ownerA.auth)
        .expect(204);
      await accepts({ ...cf, config: both });
    });

    it('refuses an id and a name of different functions, and an unknown id', async () => {
      await refuses(
        {
          ...cf,
          config: { authFunctionId: fnIds.resetPassword, authFunctionName: 'authenticate' },
        },
        `config.authFunctionId "${fnIds.resetPassword}" and config.authFunctionName "authenticate" name different functions`,
      );
      const unknown = new mongoose.Types.ObjectId().toHexString();
      await refuses(
        { ...cf, config: { authFunctionId: unknown } },
        `function not found: "${unknown}" (used by auth provider "custom-function" (authFunctionId))`,
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionId: fnIds.authenticate, authFunctionName: 'missing' } },
        'function not found: "missing"',
        'FunctionNotFound',
      );
      await refuses(
        { ...cf, config: { authFunctionId: 5 } },
        'config.authFunctionId must be a string',
      );
    });
  });

  describe('custom-token', () => {
    const ct = { name: 'custom-token', type: 'custom-token' };
    const hs = { config: { signingAlgorithm: 'HS256' }, secret_config: { signingKeys: ['sk1'] } };

    it('accepts audience as a string or an array, stored as given', async () => {
      await accepts({ ...ct, ...hs, config: { ...hs.config, audience: 'my-app' } });
      await accepts({
        ...ct,
        ...hs,
        config: { ...hs.config, audience: ['a', 'b'], requireAnyAudience: true },
      });
      await refuses(
        { ...ct, ...hs, config: { audience: 42 } },
        'config.audience must be a string or an array of strings',
      );
    });

    it('checks the algorithm, the JWK URI and the boolean settings', async () => {
      await accepts({
        ...ct,
        config: { audience: [], jwkURI: 'https://idp.example.com/v1/keys', useJWKURI: true },
        secret_config: { signingKeys: [] },
        metadata_fields: [],
      });
      await refuses(
        { ...ct, ...hs, config: { signingAlgorithm: 'HS512' } },
        'config.signingAlgorithm must be one of HS256, RS256',
      );
      await refuses(
        { ...ct, config: { useJWKURI: true } },
        'config.jwkURI must be an http(s) URL when config.useJWKURI is true',
      );
      await refuses(
        { ...ct, config: { useJWKURI: true, jwkURI: 'ftp://idp.example.com/keys' } },
        'config.jwkURI must be an http(s) URL',
      );
      await refuses(
        {
          ...ct,
          config: {
            useJWKURI: true,
            jwkURI: 'https://idp.example.com/keys',
            signingAlgorithm: 'HS256',
          },
        },
        'must use RS256',
      );
      await refuses(
        { ...ct, ...hs, config: { requireAnyAudience: 'false' } },
        'config.requireAnyAudience must be a boolean',
      );
      await refuses(
        { ...ct, ...hs, config: { useJWKURI: 'yes' } },
        'config.useJWKURI must be a boolean',
      );
      await refuses(
        { ...ct, ...hs, config: { issuer: 'me' } },
        'unknown config key(s) for custom-token: issuer',
      );
    });

    it('needs 1 to 3 signing key secret names unless it uses a JWK URI', async () => {
      await accepts({ ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk2', 'sk3'] } });
      await refuses(
        { ...ct, config: { signingAlgorithm: 'HS256' } },
        'secret_config.signingKeys must name 1 to 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: [] } },
        'secret_config.signingKeys must name 1 to 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk2', 'sk3', 'sk4'] } },
        'at most 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: 'sk1' } },
        'must be an array of secret names',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk1'] } },
        'names a secret twice',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['nosuch'] } },
        'secret not found: "nosuch"',
        'SecretNotFound',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['shortKey'] } },
        'secret "shortKey" (signingKeys) must hold 32 to 512 characters',
      );
    });

    it('checks metadata fields: JWT path, field_name, required, unique field names', async () => {
      const field = { required: false, name: 'user.name', field_name: 'name' };
      await accepts({
        ...ct,
        ...hs,
        metadata_fields: [field, { required: true, name: 'claims.a\\.b.c', field_name: 'abc' }],
      });
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, field_name: undefined }] },
        'metadata_fields[0].field_name is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, field_name: '' }] },
        'metadata_fields[0].field_name is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ name: 'user.name', field_name: 'name' }] },
        'metadata_fields[0].required is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: '' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: 'user..name' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: 'user.' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [field, { ...field, name: 'other' }] },
        'metadata field_name "name" is used twice',
      );
    });
  });

  describe('OAuth 2.0 (Google, Facebook, Apple)', () => {
    const google = { name: 'oauth2-google', type: 'oauth2-google', config: { clientId: 'cid' } };
    const facebook = {
      name: 'oauth2-facebook',
      type: 'oauth2-facebook',
      config: { clientId: 'cid' },
    };
    const apple = { name: 'oauth2-apple', type: 'oauth2-apple', config: { clientId: 'cid' } };

    it('accepts the full definition, with secrets by name', async () => {
      await accepts({
        ...google,
        config: { clientId: 'cid', openId: true },
        secret_config: { clientSecret: 'oauthSecret' },
        redirect_uris: ['https://example.com/', 'myapp://auth/callback'],
        domain_restrictions: ['example.com', 'mail.example.org'],
        metadata_fields: [{ name: 'email', required: true }, { name: 'picture' }],
      });
      await accepts({
        ...apple,
        secret_config: { clientSecret: 'oauthSecret' },
        redirect_uris: ['https://example.com/'],
      });
    });

    it('accepts exactly the nine profile fields and names any other', async () => {
      const res = await post(appId, {
        ...facebook,
        metadata_fields: [
          { name: 'email', required: true },
          { name: 'favorite_color', required: false },
        ],
      }).expect(400);
      expect(res.body.error).toContain('unsupported metadata field "favorite_color"');
      await refuses(
        { ...google, metadata_fields: [{ name: 'email', required: true, field_name: 'mail' }] },
        'field_name is only for custom-token',
      );
      await refuses(
        { ...google, metadata_fields: [{ name: 'email' }, { name: 'email' }] },
        'metadata field "email" is listed twice',
      );
    });

    it('requires clientId when enabled, not when disabled', async () => {
      await refuses(
        { ...facebook, config: {} },
        'config.clientId is required for an enabled provider',
      );
      await accepts({ name: 'oauth2-facebook', type: 'oauth2-facebook', disabled: true });
    });

    it('checks redirect URIs, domains, and which keys each type takes', async () => {
      await refuses(
        { ...google, redirect_uris: ['/relative/path'] },
        'redirect_uris: "/relative/path" is not an absolute URL',
      );
      await refuses(
        { ...google, domain_restrictions: ['not a domain'] },
        'domain_restrictions: "not a domain" is not a domain name',
      );
      await refuses(
        { ...apple, domain_restrictions: ['example.com'] },
        'oauth2-apple does not accept domain_restrictions',
      );
      await refuses(
        { ...facebook, config: { clientId: 'cid', openId: true } },
        'unknown config key(s) for oauth2-facebook: openId',
      );
      await refuses(
        { ...google, config: { clientId: 'cid', openId: 'yes' } },
        'config.openId must be a boolean',
      );
      await refuses(
        { ...google, secret_config: { clientSecret: ['a'] } },
        'secret_config.clientSecret must be the name of a secret',
      );
      await refuses(
        { ...google, secret_config: { clientSecret: 'missingSecret' } },
        'secret not found: "missingSecret"',
        'SecretNotFound',
      );
    });
  });
});

describe('config rules at deploy time', () => {
  it('refuses to drop a function a provider uses', async () => {
    const appId = await newApp();
    await addFunction(appId, 'authenticate');
    await post(appId, {
      name: 'custom-function',
      type: 'custom-function',
      config: { authFunctionName: 'authenticate' },
    }).expect(201);
    await expect(
      srv.deps.configStore.change(appId, 'test-setup', (config) => {
        config.functions = [];
      }),
    ).rejects.toMatchObject({ code: 'FunctionNotFound' });
  });

  it('a draft adding a provider that a later deployment also added: 409 AuthProviderDuplicateName', async () => {
    const appId = await newApp();
    const draft = await srv.api
      .post(`${appPath(appId)}/drafts`)
      .set('Authorization', ownerA.auth)
      .expect(201);
    await post(appId, { name: 'anon-user', type: 'anon-user' }).expect(201); // into the draft
    await post(appId, { name: 'anon-user', type: 'anon-user' }, org).expect(201); // deployed
    const res = await srv.api
      .post(`${appPath(appId)}/drafts/${draft.body._id}/deployment`)
      .set('Authorization', ownerA.auth)
      .expect(409);
    expect(res.body.error_code).toBe('AuthProviderDuplicateName');
  });
});

describe('drafts', () => {
  it('changes made with a draft open stay invisible to others until the draft is deployed', async () => {
    const appId = await newApp();
    const anon = await post(appId, { name: 'anon-user', type: 'anon-user' }).expect(201);
    const anonId = anon.body._id as string;
    const draft = await srv.api
      .post(`${appPath(appId)}/drafts`)
      .set('Authorization', ownerA.auth)
      .expect(201);

    await patch(appId, anonId, { name: 'anon-user', type: 'anon-user', disabled: true }).expect(
      204,
    );
    const apple = await post(appId, {
      name: 'oauth2-apple',
      type: 'oauth2-apple',
      disabled: true,
    }).expect(201);

    // The author reads their draft; the org owner (no draft) reads the deployed config.
    expect((await get(appId, anonId)).body.disabled).toBe(true);
    expect((await get(appId, anonId, org)).body.disabled).toBe(false);
    await get(appId, apple.body._id, org).expect(404);
    expect((await list(appId, org)).map((p) => p.type)).toEqual(['api-key', 'anon-user']);

    await srv.api
      .post(`${appPath(appId)}/drafts/${draft.body._id}/deployment`)
      .set('Authorization', ownerA.auth)
      .expect(201);
    expect((await get(appId, anonId, org)).body.disabled).toBe(true);
    expect((await get(appId, apple.body._id, org)).body.type).toBe('oauth2-apple');
  });
});

describe('tenant isolation', () => {
  it('another group owner gets 403 on every operation', async () => {
    const appId = await newApp();
    const id = await idOf(appId, 'api-key');
    const auth = ownerB.auth;
    await srv.api.get(providers(appId)).set('Authorization', auth).expect(403);
    await srv.api
      .post(providers(appId))
      .set('Authorization', auth)
      .send({ name: 'anon-user', type: 'anon-user' })
      .expect(403);
    await srv.api.get(provider(appId, id)).set('Authorization', auth).expect(403);
    await srv.api
      .patch(provider(appId, id))
      .set('Authorization', auth)
      .send({ name: 'api-key', type: 'api-key' })
      .expect(403);
    await srv.api
      .put(`${provider(appId, id)}/enable`)
      .set('Authorization', auth)
      .expect(403);
    await srv.api
      .put(`${provider(appId, id)}/disable`)
      .set('Authorization', auth)
      .expect(403);
    await srv.api.delete(provider(appId, id)).set('Authorization', auth).expect(403);
    expect((await get(appId, id)).body.disabled).toBe(true);
  });

  it('a provider id of another app is 404, and so is an app of another group', async () => {
    const appA = await newApp();
    const appB = (await createApp(srv, ownerB, GROUP_B))._id;
    const idA = await idOf(appA, 'api-key');
    const res = await srv.api
      .get(provider(appB, idA, GROUP_B))
      .set('Authorization', ownerB.auth)
      .expect(404);
    expect(res.body.error_code).toBe('AuthProviderNotFound');
    await srv.api
      .put(`${provider(appB, idA, GROUP_B)}/enable`)
      .set('Authorization', ownerB.auth)
      .expect(404);
    await srv.api.get(providers(appA, GROUP_B)).set('Authorization', org.auth).expect(404);
  });
});

describe('secrets used by providers', () => {
  it('cannot be deleted while a provider names them (409 SecretInUse)', async () => {
    const appId = await newApp();
    await createSecret(appId, 'fbClientSecret');
    await post(appId, {
      name: 'oauth2-facebook',
      type: 'oauth2-facebook',
      config: { clientId: 'cid' },
      secret_config: { clientSecret: 'fbClientSecret' },
    }).expect(201);
    const secrets = await srv.api
      .get(`${appPath(appId)}/secrets`)
      .set('Authorization', ownerA.auth)
      .expect(200);
    const res = await srv.api
      .delete(`${appPath(appId)}/secrets/${secrets.body[0]._id}`)
      .set('Authorization', ownerA.auth)
      .expect(409);
    expect(res.body.error_code).toBe('SecretInUse');
  });
});
