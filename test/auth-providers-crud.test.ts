import mongoose from 'mongoose';
import {
  authProvidersSuite,
  createSecret,
  get,
  idOf,
  list,
  newApp,
  ownerA,
  patch,
  post,
  provider,
  srv,
} from './helpers/auth-providers-suite';

// Auth providers through the Admin API: list, create, get, enable, disable, delete and PATCH.

authProvidersSuite();

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
