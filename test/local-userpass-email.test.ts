import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CLIENT_AUTH } from './helpers/client';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { linkIn, startSmtpServer, type TestSmtpServer } from './helpers/smtp';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  addUserpassProvider,
  CONFIRM_URL,
  EMAIL_CONFIRM,
  login,
  loginOk,
  register,
  RESET_URL,
  userpassPath,
} from './helpers/userpass';
import { sha256Hex } from '../src/security/hashing';

// Email confirmation and password reset, with the emails read from a real local SMTP server.
let smtp: TestSmtpServer;
let srv: TestServer;
let admin: AdminSession;
let appId: string;
let appObjectId: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  srv = await startTestServer({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'apps@example.com',
  });
  admin = await adminLogin(srv);
  const app = await createApp(srv, admin);
  await addUserpassProvider(srv, admin, app._id, EMAIL_CONFIRM);
  appId = app.client_app_id;
  appObjectId = app._id;
});
afterAll(async () => {
  await srv.close();
  await smtp.close();
});

const post = (route: string, body: Record<string, unknown>) =>
  srv.api.post(userpassPath(appId, route)).send(body);

async function registerPending(email: string, password = 'secret1') {
  await register(srv, appId, email, password).expect(201);
  return linkIn(smtp.lastTo(email));
}

describe('email confirmation', () => {
  it('sends the link, keeps the account pending until it is confirmed', async () => {
    const link = await registerPending('carol@example.com');
    const mail = smtp.lastTo('carol@example.com');
    expect(mail.subject).toBe('Confirm your account');
    expect(mail.from).toBe('apps@example.com');
    expect(link.base).toBe(CONFIRM_URL);
    expect(link.tokenId).toMatch(/^[0-9a-f]{24}$/);

    const pending = await login(srv, appId, 'carol@example.com', 'secret1').expect(401);
    expect(pending.body.error_code).toBe('AuthError');
    // A wrong password does not reveal that the account is pending.
    const wrong = await login(srv, appId, 'carol@example.com', 'nope-nope').expect(401);
    expect(wrong.body.error_code).toBe('InvalidPassword');

    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
    await loginOk(srv, appId, 'carol@example.com', 'secret1');
  });

  it('stores only a hash of the token', async () => {
    const link = await registerPending('hashed@example.com');
    const doc = await srv.conn.collection('userpass_tokens').findOne({ kind: 'confirm' });
    expect(doc).not.toBeNull();
    const stored = await srv.conn
      .collection('userpass_tokens')
      .find({})
      .map((d) => JSON.stringify(d))
      .toArray();
    expect(stored.join()).not.toContain(link.token);
    expect(stored.join()).toContain(sha256Hex(link.token));
  });

  it('a token works once: then 400 UserpassTokenInvalid', async () => {
    const link = await registerPending('once@example.com');
    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
    const res = await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(400);
    expect(res.body.error_code).toBe('UserpassTokenInvalid');
  });

  it('of concurrent uses of one token, exactly one succeeds', async () => {
    const link = await registerPending('race@example.com');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        srv.api
          .post(userpassPath(appId, 'confirm'))
          .send({ token: link.token, tokenId: link.tokenId }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 400, 400, 400, 400]);
  });

  it('a token lasts 30 minutes: then 400 UserpassTokenInvalid', async () => {
    const early = await registerPending('early@example.com');
    const late = await registerPending('late@example.com');
    srv.clock.advance(29 * 60);
    await post('confirm', { token: early.token, tokenId: early.tokenId }).expect(204);
    srv.clock.advance(60 + 1);
    const res = await post('confirm', { token: late.token, tokenId: late.tokenId }).expect(400);
    expect(res.body.error_code).toBe('UserpassTokenInvalid');
    await login(srv, appId, 'late@example.com', 'secret1').expect(401);
  });

  it('garbled or mismatched tokens: 400 BadRequest "invalid token data"', async () => {
    const link = await registerPending('garbled@example.com');
    const invalid = { error: 'invalid token data', error_code: 'BadRequest' };
    for (const body of [
      { token: 'x', tokenId: 'not-an-id' },
      { token: link.token, tokenId: '65a0000000000000000000ff' },
      { token: `${link.token}x`, tokenId: link.tokenId },
      { token: '', tokenId: link.tokenId },
    ]) {
      expect((await post('confirm', body).expect(400)).body).toEqual(invalid);
    }
    // A confirmation token is not a reset token.
    const reset = await post('reset', { ...link, password: 'newpass1' }).expect(400);
    expect(reset.body).toEqual(invalid);
    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
  });

  it('resends the email; the newest link replaces the earlier ones', async () => {
    const first = await registerPending('again@example.com');
    srv.clock.advance(31 * 60);
    await post('confirm/send', { email: 'again@example.com' }).expect(204);
    const second = linkIn(smtp.lastTo('again@example.com'));
    expect(second.tokenId).not.toBe(first.tokenId);
    const old = await post('confirm', { token: first.token, tokenId: first.tokenId }).expect(400);
    expect(old.body.error).toBe('invalid token data');
    await post('confirm', { token: second.token, tokenId: second.tokenId }).expect(204);
    await loginOk(srv, appId, 'again@example.com', 'secret1');
  });

  it('resend errors: 404 UserNotFound, 400 UserAlreadyConfirmed', async () => {
    const unknown = await post('confirm/send', { email: 'who@example.com' }).expect(404);
    expect(unknown.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
    const link = await registerPending('done@example.com');
    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
    const done = await post('confirm/send', { email: 'done@example.com' }).expect(400);
    expect(done.body).toEqual({ error: 'already confirmed', error_code: 'UserAlreadyConfirmed' });
  });

  it('requires a plausible email address, and refuses duplicates even while pending', async () => {
    const res = await register(srv, appId, 'not-an-email', 'secret1').expect(400);
    expect(res.body.error_code).toBe('BadRequest');
    await registerPending('twice@example.com');
    const dup = await register(srv, appId, 'twice@example.com', 'secret1').expect(409);
    expect(dup.body.error_code).toBe('AccountNameInUse');
  });
});

describe('password reset', () => {
  async function confirmedUser(email: string, password: string) {
    const link = await registerPending(email, password);
    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
    return loginOk(srv, appId, email, password);
  }

  it('emails a link, sets the new password, and ends the existing sessions', async () => {
    const session = await confirmedUser('dave@example.com', 'old-password');
    await post('reset/send', { email: 'dave@example.com' }).expect(204);
    const mail = smtp.lastTo('dave@example.com');
    expect(mail.subject).toBe('Reset your password');
    const link = linkIn(mail);
    expect(link.base).toBe(RESET_URL);

    // A refused password does not use the token up.
    const short = await post('reset', { ...link, password: 'short' }).expect(400);
    expect(short.body.error).toBe('password must be between 6 and 128 characters');
    await post('reset', { ...link, password: 'new-password' }).expect(204);

    const old = await login(srv, appId, 'dave@example.com', 'old-password').expect(401);
    expect(old.body.error_code).toBe('InvalidPassword');
    const fresh = await loginOk(srv, appId, 'dave@example.com', 'new-password');
    expect(fresh.user_id).toBe(session.user_id);
    const refresh = await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${session.refresh_token}`)
      .expect(401);
    expect(refresh.body.error_code).toBe('InvalidSession');
    const raw = await srv.conn
      .collection('userpass_accounts')
      .findOne({ email: 'dave@example.com' });
    expect(raw?.password_hash).toMatch(/^\$argon2id\$/);

    const reuse = await post('reset', { ...link, password: 'third-password' }).expect(400);
    expect(reuse.body.error_code).toBe('UserpassTokenInvalid');
  });

  it("a deleted account's link does not apply to the email's next registration", async () => {
    const session = await confirmedUser('fay@example.com', 'secret1');
    await post('reset/send', { email: 'fay@example.com' }).expect(204);
    const stale = linkIn(smtp.lastTo('fay@example.com'));
    const owner = await adminLogin(srv); // other tests move the clock past earlier admin tokens
    await srv.api
      .delete(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appObjectId}/users/${session.user_id}`)
      .set('Authorization', owner.auth)
      .expect(204);
    // The same email gets the same account _id back (it is derived from app and email).
    const link = await registerPending('fay@example.com', 'another1');
    const res = await post('reset', { ...stale, password: 'taken-over' }).expect(400);
    expect(res.body).toEqual({ error: 'invalid token data', error_code: 'BadRequest' });
    await post('confirm', { token: link.token, tokenId: link.tokenId }).expect(204);
    const next = await loginOk(srv, appId, 'fay@example.com', 'another1');
    expect(next.user_id).not.toBe(session.user_id);
  });

  it('a reset link lasts 30 minutes', async () => {
    await confirmedUser('erin@example.com', 'secret1');
    await post('reset/send', { email: 'erin@example.com' }).expect(204);
    const link = linkIn(smtp.lastTo('erin@example.com'));
    srv.clock.advance(30 * 60);
    const res = await post('reset', { ...link, password: 'new-password' }).expect(400);
    expect(res.body.error_code).toBe('UserpassTokenInvalid');
    await loginOk(srv, appId, 'erin@example.com', 'secret1');
  });

  it('errors: unknown email 404 UserNotFound; bad token 400 "invalid token data"', async () => {
    const unknown = await post('reset/send', { email: 'nobody@example.com' }).expect(404);
    expect(unknown.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
    const bad = await post('reset', {
      token: 'abc',
      tokenId: '65a0000000000000000000aa',
      password: 'new-password',
    }).expect(400);
    expect(bad.body).toEqual({ error: 'invalid token data', error_code: 'BadRequest' });
  });
});

describe('when the SMTP server cannot be reached', () => {
  it('register answers 503 and creates nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await startTestServer({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) });
    try {
      const owner = await adminLogin(down);
      const app = await createApp(down, owner);
      await addUserpassProvider(down, owner, app._id, EMAIL_CONFIRM);
      const res = await register(down, app.client_app_id, 'x@example.com', 'secret1').expect(503);
      expect(res.body).toEqual({
        error: 'the email could not be sent; try again later',
        error_code: 'ServiceUnavailable',
      });
      expect(await down.conn.collection('userpass_accounts').countDocuments()).toBe(0);
      expect(await down.conn.collection('userpass_tokens').countDocuments()).toBe(0);
    } finally {
      await down.close();
    }
  });
});
