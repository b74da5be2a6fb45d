import {
  addFunction,
  createSecret,
  get,
  newApp,
  ownerA,
  post,
  provider,
  srv,
  type Json,
} from './auth-providers-suite';

// The fixture of the 'validation by provider type' suites (test/auth-providers-validation-*):
// one app with the signing key secrets and the functions the definitions name, and `accepts` /
// `refuses`, which post a definition to it. The tests use `appId` and `fnIds` directly, so the
// hook that `providerValidationApp()` registers fills in these exported bindings.

export let appId: string;
export const fnIds: Record<string, string> = {};

/** Creates the app before the tests of the enclosing `describe`. Call it inside that describe. */
export function providerValidationApp(): void {
  beforeAll(async () => {
    appId = await newApp();
    for (const name of ['sk1', 'sk2', 'sk3', 'sk4', 'oauthSecret']) await createSecret(appId, name);
    await createSecret(appId, 'shortKey', 'too-short');
    for (const name of ['confirmUser', 'resetPassword', 'authenticate'])
      fnIds[name] = await addFunction(appId, name);
  });
}

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
export async function accepts(body: Json): Promise<void> {
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
  await srv.api.delete(provider(appId, res.body._id)).set('Authorization', ownerA.auth).expect(204);
}

export async function refuses(
  body: Json,
  message: string,
  code = 'InvalidParameter',
): Promise<void> {
  const res = await post(appId, body);
  if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${res.text}`);
  expect(res.body.error_code).toBe(code);
  expect(res.body.error).toContain(message);
}
