import { createApp, GROUP_B } from './helpers/factories';
import {
  addFunction,
  appPath,
  authProvidersSuite,
  createSecret,
  get,
  idOf,
  list,
  newApp,
  org,
  ownerA,
  ownerB,
  patch,
  post,
  provider,
  providers,
  srv,
} from './helpers/auth-providers-suite';

// Auth providers in the rest of the app: the config rules at deploy time, drafts, tenant
// isolation and the secrets they name.

authProvidersSuite();

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
