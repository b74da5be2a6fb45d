import mongoose from 'mongoose';
import { CLIENT_AUTH, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import { adminLogin, createApp, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  addUserpassProvider,
  AUTO_CONFIRM,
  EMAIL_CONFIRM,
  login,
  loginOk,
  register,
  userpassPath,
} from './helpers/userpass';

// A server without SMTP settings: automatic confirmation and functions work, email flows answer 503.
let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv);
  app = await createApp(srv, admin);
  await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
});
afterAll(() => srv.close());

const accounts = () => srv.conn.collection('userpass_accounts');
const unauthorized = { error: 'unauthorized', error_code: 'InvalidPassword' };

describe('register and log in (automatic confirmation)', () => {
  it('registers (201, no body), logs in, and shows the email in the profile', async () => {
    const res = await register(srv, app.client_app_id, 'ann@example.com', 'secret1').expect(201);
    expect(res.text).toBe('');
    const tokens = await loginOk(srv, app.client_app_id, 'ann@example.com', 'secret1');
    expect(tokens.user_id).toMatch(/^[0-9a-f]{24}$/);
    const profile = await srv.api
      .get(`${CLIENT_AUTH}/profile`)
      .set('Authorization', `Bearer ${tokens.access_token}`)
      .expect(200);
    const account = await accounts().findOne({ email: 'ann@example.com' });
    expect(profile.body).toMatchObject({
      user_id: tokens.user_id,
      type: 'normal',
      data: { email: 'ann@example.com' },
      identities: [
        {
          id: account?._id.toHexString(),
          provider_type: 'local-userpass',
          provider_data: { email: 'ann@example.com' },
        },
      ],
    });
    // The same credentials are the same user.
    const again = await loginOk(srv, app.client_app_id, 'ann@example.com', 'secret1');
    expect(again.user_id).toBe(tokens.user_id);
  });

  it('stores the password as an argon2id hash, never as given', async () => {
    await register(srv, app.client_app_id, 'hash@example.com', 'pa55word!').expect(201);
    const doc = await accounts().findOne({ email: 'hash@example.com' });
    expect(doc).toMatchObject({ status: 'confirmed', user_id: null });
    expect(doc?.app_id.toHexString()).toBe(app._id);
    expect(doc?.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(doc)).not.toContain('pa55word!');
  });

  it('wrong password and unknown email are the same 401 InvalidPassword', async () => {
    await register(srv, app.client_app_id, 'bob@example.com', 'right-one').expect(201);
    const wrong = await login(srv, app.client_app_id, 'bob@example.com', 'wrong-one').expect(401);
    expect(wrong.body).toEqual(unauthorized);
    const unknown = await login(srv, app.client_app_id, 'nobody@example.com', 'x').expect(401);
    expect(unknown.body).toEqual(unauthorized);
  });

  it('refuses a login body without string credentials: 400', async () => {
    const res = await srv.api
      .post(userpassPath(app.client_app_id, 'login'))
      .send({ username: 'bob@example.com' })
      .expect(400);
    expect(res.body.error_code).toBe('BadRequest');
  });

  it('requires 6 to 128 characters: 400 BadRequest', async () => {
    const message = 'password must be between 6 and 128 characters';
    for (const password of ['12345', 'x'.repeat(129)]) {
      const res = await register(srv, app.client_app_id, 'len@example.com', password).expect(400);
      expect(res.body).toEqual({ error: message, error_code: 'BadRequest' });
    }
    // Characters, not UTF-16 units: six emoji are six characters.
    await register(srv, app.client_app_id, 'emoji@example.com', '😀😀😀😀😀😀').expect(201);
    await loginOk(srv, app.client_app_id, 'emoji@example.com', '😀😀😀😀😀😀');
    await register(srv, app.client_app_id, 'long@example.com', 'y'.repeat(128)).expect(201);
  });

  it('refuses a duplicate: 409 AccountNameInUse; emails are case-sensitive', async () => {
    await register(srv, app.client_app_id, 'dup@example.com', 'secret1').expect(201);
    const res = await register(srv, app.client_app_id, 'dup@example.com', 'other12').expect(409);
    expect(res.body).toEqual({ error: 'name already in use', error_code: 'AccountNameInUse' });
    await register(srv, app.client_app_id, 'Dup@example.com', 'secret2').expect(201);
    await loginOk(srv, app.client_app_id, 'Dup@example.com', 'secret2');
    await login(srv, app.client_app_id, 'DUP@example.com', 'secret2').expect(401);
  });

  it('accepts any non-empty string as the email with automatic confirmation', async () => {
    await register(srv, app.client_app_id, 'just-a-name', 'secret1').expect(201);
    await loginOk(srv, app.client_app_id, 'just-a-name', 'secret1');
    const empty = await register(srv, app.client_app_id, '', 'secret1').expect(400);
    expect(empty.body.error_code).toBe('BadRequest');
  });

  it('refuses a body without the password: 400', async () => {
    await srv.api
      .post(userpassPath(app.client_app_id, 'register'))
      .send({ email: 'a@example.com' })
      .expect(400);
  });
});

describe('deleting the user', () => {
  it('deletes the account: the login fails, and the email can register again', async () => {
    await register(srv, app.client_app_id, 'gone@example.com', 'secret1').expect(201);
    const first = await loginOk(srv, app.client_app_id, 'gone@example.com', 'secret1');
    await srv.api
      .delete(`${CLIENT_AUTH}/delete`)
      .set('Authorization', `Bearer ${first.access_token}`)
      .expect(204);
    expect(await accounts().countDocuments({ email: 'gone@example.com' })).toBe(0);
    const res = await login(srv, app.client_app_id, 'gone@example.com', 'secret1').expect(401);
    expect(res.body).toEqual(unauthorized);
    await register(srv, app.client_app_id, 'gone@example.com', 'another1').expect(201);
    const second = await loginOk(srv, app.client_app_id, 'gone@example.com', 'another1');
    expect(second.user_id).not.toBe(first.user_id);
  });

  it('deletes the account of an identity linked to another user', async () => {
    // A new app, so the runtime reads both providers at its first request.
    const linkApp = await createApp(srv, admin);
    await enableProvider(srv, admin, linkApp._id, 'anon-user');
    await addUserpassProvider(srv, admin, linkApp._id, AUTO_CONFIRM);
    const anon = (
      await srv.api
        .post(`${clientApp(linkApp.client_app_id)}/auth/providers/anon-user/login`)
        .send({})
        .expect(200)
    ).body as LoginTokens;
    await register(srv, linkApp.client_app_id, 'linked@example.com', 'secret1').expect(201);
    await srv.api
      .post(`${userpassPath(linkApp.client_app_id, 'login')}?link=true`)
      .set('Authorization', `Bearer ${anon.access_token}`)
      .send({ username: 'linked@example.com', password: 'secret1' })
      .expect(200);
    const linked = await loginOk(srv, linkApp.client_app_id, 'linked@example.com', 'secret1');
    expect(linked.user_id).toBe(anon.user_id);
    await srv.api
      .delete(`${CLIENT_AUTH}/delete`)
      .set('Authorization', `Bearer ${linked.access_token}`)
      .expect(204);
    await register(srv, linkApp.client_app_id, 'linked@example.com', 'secret1').expect(201);
  });
});

describe('modes and missing providers', () => {
  it('email confirmation without SMTP: 503, and nothing is created', async () => {
    const mailApp = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, mailApp._id, EMAIL_CONFIRM);
    const res = await register(srv, mailApp.client_app_id, 'm@example.com', 'secret1').expect(503);
    expect(res.body.error_code).toBe('ServiceUnavailable');
    expect(res.body.error).toContain('SMTP');
    expect(await accounts().countDocuments({ app_id: toOid(mailApp._id) })).toBe(0);
    await srv.api
      .post(userpassPath(mailApp.client_app_id, 'confirm/send'))
      .send({ email: 'm@example.com' })
      .expect(404);
  });

  it('reset emails without SMTP: 503', async () => {
    await register(srv, app.client_app_id, 'reset@example.com', 'secret1').expect(201);
    const res = await srv.api
      .post(userpassPath(app.client_app_id, 'reset/send'))
      .send({ email: 'reset@example.com' })
      .expect(503);
    expect(res.body.error_code).toBe('ServiceUnavailable');
  });

  it('confirmation by function: the function confirms at once; reset emails are refused', async () => {
    const fnApp = await createApp(srv, admin);
    await srv.deps.configStore.change(fnApp._id, admin.key.id, (config) => {
      config.functions.push({
        _id: '65a000000000000000000001',
        name: 'confirmUser',
        source: 'exports = () => ({ status: "success" })',
        private: true,
        last_modified: 0,
      });
      config.auth_providers.push({
        _id: '65a000000000000000000002',
        name: 'local-userpass',
        type: 'local-userpass',
        disabled: false,
        config: {
          runConfirmationFunction: true,
          confirmationFunctionName: 'confirmUser',
          runResetFunction: true,
          resetFunctionName: 'confirmUser',
        },
      });
    });
    // Function modes are covered in depth by local-userpass-functions.test.ts.
    await register(srv, fnApp.client_app_id, 'f@example.com', 'secret1').expect(201);
    expect(await accounts().findOne({ app_id: toOid(fnApp._id) })).toMatchObject({
      email: 'f@example.com',
      status: 'confirmed',
    });
    await loginOk(srv, fnApp.client_app_id, 'f@example.com', 'secret1');
    const reset = await srv.api
      .post(userpassPath(fnApp.client_app_id, 'reset/send'))
      .send({ email: 'f@example.com' })
      .expect(400);
    expect(reset.body).toEqual({
      error: 'please use reset password via function',
      error_code: 'BadRequest',
    });
  });

  it('no provider: 404 AuthProviderNotFound; a disabled one: 401 AuthError', async () => {
    const bare = await createApp(srv, admin);
    const none = await register(srv, bare.client_app_id, 'n@example.com', 'secret1').expect(404);
    expect(none.body.error_code).toBe('AuthProviderNotFound');
    const off = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, off._id, AUTO_CONFIRM, true);
    const res = await register(srv, off.client_app_id, 'o@example.com', 'secret1').expect(401);
    expect(res.body.error_code).toBe('AuthError');
    await login(srv, off.client_app_id, 'o@example.com', 'secret1').expect(401);
  });

  it('an unknown app: 404', async () => {
    await register(srv, 'nosuchapp-abcde', 'x@example.com', 'secret1').expect(404);
  });
});

const toOid = (hex: string) => new mongoose.Types.ObjectId(hex);
