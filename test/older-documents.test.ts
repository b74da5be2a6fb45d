/**
 * Logins find identity claims, email/password accounts and API keys by an `_id` derived from
 * what they identify (the one lookup FerretDB answers from an index). Databases written before
 * that hold them with random ObjectId `_id`s: their users must keep logging in as themselves.
 */
import mongoose from 'mongoose';
import { apiKeyId, generateApiKey, hashApiKey } from '../src/domain/api-keys/api-key.store';
import { userpassAccountId } from '../src/domain/userpass/userpass.model';
import { identityClaimId } from '../src/domain/users/user.model';
import { hashSecret } from '../src/security/hashing';
import { appWithApiKeys, createUserKey, keyLogin, normalUser, profile } from './helpers/api-keys';
import { claimsFor, hsApp, loginOk, mintHs, type CustomTokenApp } from './helpers/custom-token';
import { adminLogin, createApp, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  addUserpassProvider,
  AUTO_CONFIRM,
  login as userpassLogin,
  loginOk as userpassLoginOk,
  register,
} from './helpers/userpass';

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const claims = () => srv.conn.collection('identity_claims');
const claimsOf = (appId: string) =>
  claims()
    .find({ app_id: new mongoose.Types.ObjectId(appId) })
    .toArray();

/** Rewrites the app's claims as they were stored before: the same fields, an ObjectId `_id`. */
async function makeClaimsOld(appId: string): Promise<void> {
  for (const claim of await claimsOf(appId)) {
    await claims().deleteOne({ _id: claim._id });
    await claims().insertOne({ ...claim, _id: new mongoose.Types.ObjectId() });
  }
}

const tokenFor = (app: CustomTokenApp, sub: string) => mintHs(claimsFor(app.clientAppId, { sub }));

describe('identity claims', () => {
  it('are stored with the derived _id', async () => {
    const app = await hsApp(srv, admin);
    const tokens = await loginOk(srv, app.clientAppId, await tokenFor(app, 'new-1'));
    const stored = await claimsOf(app.appId);
    expect(stored).toHaveLength(1);
    expect(stored[0]?._id).toBe(identityClaimId(app.appId, 'custom-token', 'new-1'));
    expect(String(stored[0]?.user_id)).toBe(tokens.user_id);
  });

  it('a user whose claim has an ObjectId _id logs in as itself, and the claim stays the only one', async () => {
    const app = await hsApp(srv, admin);
    const first = await loginOk(srv, app.clientAppId, await tokenFor(app, 'old-1'));
    await makeClaimsOld(app.appId);
    const [old] = await claimsOf(app.appId);
    expect(old?._id).toBeInstanceOf(mongoose.Types.ObjectId);

    for (let i = 0; i < 2; i++) {
      const again = await loginOk(srv, app.clientAppId, await tokenFor(app, 'old-1'));
      expect(again.user_id).toBe(first.user_id);
    }
    expect(await claimsOf(app.appId)).toEqual([old]);
    expect(
      await srv.conn
        .collection('users')
        .countDocuments({ app_id: new mongoose.Types.ObjectId(app.appId) }),
    ).toBe(1);
  });

  it('concurrent logins of a user with an old claim are all that user', async () => {
    const app = await hsApp(srv, admin);
    const first = await loginOk(srv, app.clientAppId, await tokenFor(app, 'old-2'));
    await makeClaimsOld(app.appId);
    const token = await tokenFor(app, 'old-2');
    const logins = await Promise.all(
      Array.from({ length: 6 }, () => loginOk(srv, app.clientAppId, token)),
    );
    expect(new Set(logins.map((l) => l.user_id))).toEqual(new Set([first.user_id]));
    expect(await claimsOf(app.appId)).toHaveLength(1);
  });

  it('an old claim whose user is gone is released: the login makes a new user', async () => {
    const app = await hsApp(srv, admin);
    const first = await loginOk(srv, app.clientAppId, await tokenFor(app, 'old-3'));
    await makeClaimsOld(app.appId);
    await srv.conn
      .collection('users')
      .deleteOne({ _id: new mongoose.Types.ObjectId(first.user_id) });

    const next = await loginOk(srv, app.clientAppId, await tokenFor(app, 'old-3'));
    expect(next.user_id).not.toBe(first.user_id);
    const stored = await claimsOf(app.appId);
    expect(stored.map((c) => c._id)).toEqual([identityClaimId(app.appId, 'custom-token', 'old-3')]);
  });
});

describe('email/password accounts', () => {
  it('are stored with the derived _id', async () => {
    const app = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    await register(srv, app.client_app_id, 'new@example.com', 'secret1').expect(201);
    const doc = await srv.conn
      .collection('userpass_accounts')
      .findOne({ email: 'new@example.com' });
    expect(doc?._id).toEqual(userpassAccountId(app._id, 'new@example.com'));
  });

  it('an account with a random ObjectId _id logs in, and its email stays taken', async () => {
    const app = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    const oldId = new mongoose.Types.ObjectId();
    await srv.conn.collection('userpass_accounts').insertOne({
      _id: oldId,
      app_id: new mongoose.Types.ObjectId(app._id),
      email: 'old@example.com',
      password_hash: await hashSecret('secret1'),
      status: 'confirmed',
      user_id: null,
      created_at: new Date(),
    });

    const first = await userpassLoginOk(srv, app.client_app_id, 'old@example.com', 'secret1');
    const again = await userpassLoginOk(srv, app.client_app_id, 'old@example.com', 'secret1');
    expect(again.user_id).toBe(first.user_id);
    const me = await profile(srv, first.access_token);
    expect(me.identities).toMatchObject([
      { id: oldId.toHexString(), provider_type: 'local-userpass' },
    ]);
    const stored = await srv.conn.collection('userpass_accounts').findOne({ _id: oldId });
    expect(String(stored?.user_id)).toBe(first.user_id);
    await userpassLogin(srv, app.client_app_id, 'old@example.com', 'wrong1').expect(401);
    const taken = await register(srv, app.client_app_id, 'old@example.com', 'secret2').expect(409);
    expect(taken.body.error_code).toBe('AccountNameInUse');
  });
});

describe('API keys', () => {
  it('are stored with the derived _id', async () => {
    const app = await appWithApiKeys(srv, admin);
    const owner = await normalUser(srv, app.client_app_id);
    const key = await createUserKey(srv, owner.refresh_token, 'k1');
    expect(key._id).toBe(apiKeyId(key.key).toHexString());
  });

  it('a key with a random ObjectId _id logs in as its owner', async () => {
    const app = await appWithApiKeys(srv, admin);
    const owner = await normalUser(srv, app.client_app_id);
    const key = generateApiKey();
    const oldId = new mongoose.Types.ObjectId();
    await srv.conn.collection('api_keys').insertOne({
      _id: oldId,
      app_id: new mongoose.Types.ObjectId(app._id),
      owner_user_id: new mongoose.Types.ObjectId(owner.user_id),
      kind: 'user',
      name: 'old-key',
      key_hash: hashApiKey(key),
      disabled: false,
      scope: owner.user_id,
      slot: 0,
      created_at: new Date(),
    });

    for (let i = 0; i < 2; i++) {
      const res = await keyLogin(srv, app.client_app_id, key).expect(200);
      expect(res.body.user_id).toBe(owner.user_id);
      const me = await profile(srv, res.body.access_token as string);
      expect(me.identities.map((id) => id.id)).toContain(oldId.toHexString());
    }
    await keyLogin(srv, app.client_app_id, generateApiKey()).expect(401);
  });
});
