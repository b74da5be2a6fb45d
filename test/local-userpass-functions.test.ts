import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import * as Realm from 'realm-web';
import { CLIENT_AUTH } from './helpers/client';
import { appPath, createDataSource, createFunction } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
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

// local-userpass confirmation and reset by the app's functions, run in the real sandbox. The
// functions write what they were given (the token pair they would deliver out of band) to an
// "outbox" collection and answer what the test put in "decisions" (default: pending).

let srv: TestServer;
let admin: AdminSession;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 2000 } });
  admin = await adminLogin(srv);
});
afterAll(() => srv.close());

const answer = (kind: string) => `
  const decision = await db.collection('decisions').findOne({ username: details.username, kind: '${kind}' });
  const status = decision ? decision.answer : 'pending';
  if (status === 'throw') throw new Error('the ${kind} service is down');
  if (status === 'hang') for (;;) await null;
  if (status === 'weird') return 'yes';
  return { status };`;

const confirmSource = (db: string) => `exports = async function (details) {
  const db = context.services.get('mongodb-atlas').db('${db}');
  await db.collection('outbox').insertOne({
    kind: 'confirm', ...details, keys: Object.keys(details).sort(),
    user: context.user.type, argc: arguments.length,
  });
  ${answer('confirm')}
};`;

const resetSource = (db: string) => `exports = async function (details, ...args) {
  const db = context.services.get('mongodb-atlas').db('${db}');
  await db.collection('outbox').insertOne({
    kind: 'reset', ...details, keys: Object.keys(details).sort(), args, user: context.user.type,
  });
  ${answer('reset')}
};`;

interface FnApp {
  _id: string;
  client_app_id: string;
  db: string;
}

let appCount = 0;

/** An app whose local-userpass provider confirms (unless `autoConfirm`) and resets by function. */
async function functionApp(
  server: TestServer = srv,
  session: AdminSession = admin,
  confirmation: 'function' | 'auto' = 'function',
): Promise<FnApp> {
  const app = await createApp(server, session);
  const db = `ufn${++appCount}_${server.dbName}`;
  const base = appPath(GROUP_A, app._id);
  await createDataSource(server, session, base);
  await createFunction(server, session, base, 'confirmUser', confirmSource(db));
  await createFunction(server, session, base, 'resetPassword', resetSource(db));
  const reset = { runResetFunction: true, resetFunctionName: 'resetPassword' };
  await addUserpassProvider(
    server,
    session,
    app._id,
    confirmation === 'auto'
      ? { autoConfirm: true, ...reset }
      : { runConfirmationFunction: true, confirmationFunctionName: 'confirmUser', ...reset },
  );
  return { ...app, db };
}

const appDb = (app: FnApp, server = srv) => server.conn.getClient().db(app.db);

async function decide(app: FnApp, kind: string, username: string, status: string) {
  await appDb(app)
    .collection('decisions')
    .updateOne({ username, kind }, { $set: { answer: status } }, { upsert: true });
}

interface Delivered {
  token: string;
  tokenId: string;
  username: string;
  password?: string;
  currentPasswordValid?: boolean;
  keys: string[];
  user: string;
  argc?: number;
  args?: unknown[];
}

/** What the function was last given for this user (what it would have delivered). */
async function delivered(app: FnApp, kind: string, username: string, server = srv) {
  const docs = await appDb(app, server)
    .collection('outbox')
    .find({ kind, username })
    .sort({ _id: -1 })
    .toArray();
  return { last: docs[0] as unknown as Delivered | undefined, count: docs.length };
}

const accounts = () => srv.conn.collection('userpass_accounts');
const accountOf = (app: FnApp, email: string) =>
  accounts().findOne({ app_id: new mongoose.Types.ObjectId(app._id), email });

const confirmCall = (app: FnApp, email: string) =>
  srv.api.post(userpassPath(app.client_app_id, 'confirm/call')).send({ email });
const resetCall = (app: FnApp, body: Record<string, unknown>, server = srv) =>
  server.api.post(userpassPath(app.client_app_id, 'reset/call')).send(body);

describe('register with a confirmation function', () => {
  let app: FnApp;
  beforeAll(async () => {
    app = await functionApp();
  });

  it('"success" confirms at once: the account logs in', async () => {
    await decide(app, 'confirm', 'ok@example.com', 'success');
    await register(srv, app.client_app_id, 'ok@example.com', 'secret1').expect(201);
    expect((await accountOf(app, 'ok@example.com'))?.status).toBe('confirmed');
    await loginOk(srv, app.client_app_id, 'ok@example.com', 'secret1');
  });

  it('runs as the system user with { token, tokenId, username } and nothing else', async () => {
    await decide(app, 'confirm', 'args@example.com', 'success');
    await register(srv, app.client_app_id, 'args@example.com', 'secret1').expect(201);
    const { last } = await delivered(app, 'confirm', 'args@example.com');
    expect(last).toMatchObject({
      keys: ['token', 'tokenId', 'username'],
      user: 'system',
      argc: 1,
      tokenId: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
    });
    // The token was for this one run: once confirmed, it is gone.
    const res = await srv.api
      .post(userpassPath(app.client_app_id, 'confirm'))
      .send({ token: last?.token, tokenId: last?.tokenId })
      .expect(400);
    expect(res.body.error).toBe('invalid token data');
  });

  it('"pending" keeps the account pending; the delivered token confirms it once', async () => {
    const email = 'later@example.com';
    await register(srv, app.client_app_id, email, 'secret1').expect(201);
    const pending = await login(srv, app.client_app_id, email, 'secret1').expect(401);
    expect(pending.body.error_code).toBe('AuthError');
    const { last } = await delivered(app, 'confirm', email);
    const pair = { token: last?.token, tokenId: last?.tokenId };
    await srv.api.post(userpassPath(app.client_app_id, 'confirm')).send(pair).expect(204);
    await loginOk(srv, app.client_app_id, email, 'secret1');
    const reused = await srv.api
      .post(userpassPath(app.client_app_id, 'confirm'))
      .send(pair)
      .expect(400);
    expect(reused.body.error_code).toBe('UserpassTokenInvalid');
  });

  it('"fail" is 400 BadRequest, creates nothing, and the email can register again', async () => {
    const email = 'no@example.com';
    await decide(app, 'confirm', email, 'fail');
    const res = await register(srv, app.client_app_id, email, 'secret1').expect(400);
    expect(res.body).toEqual({
      error: `failed to confirm user "${email}"`,
      error_code: 'BadRequest',
    });
    expect(await accountOf(app, email)).toBeNull();
    await decide(app, 'confirm', email, 'success');
    await register(srv, app.client_app_id, email, 'secret1').expect(201);
    await loginOk(srv, app.client_app_id, email, 'secret1');
  });

  it.each([
    ['a throw', 'throw', 'the confirm service is down'],
    ['a timeout', 'hang', 'execution time limit exceeded'],
    [
      'another return',
      'weird',
      'the confirmUser function must return { status: "success" | "pending" | "fail" }',
    ],
  ])('%s fails like "fail", saying why', async (_what, status, why) => {
    const email = `${status}@example.com`;
    await decide(app, 'confirm', email, status);
    const res = await register(srv, app.client_app_id, email, 'secret1').expect(400);
    expect(res.body).toEqual({
      error: `failed to confirm user "${email}": ${why}`,
      error_code: 'BadRequest',
    });
    expect(await accountOf(app, email)).toBeNull();
  });

  it('checks the password before running the function', async () => {
    const res = await register(srv, app.client_app_id, 'short@example.com', 'abc').expect(400);
    expect(res.body.error).toBe('password must be between 6 and 128 characters');
    expect((await delivered(app, 'confirm', 'short@example.com')).count).toBe(0);
  });
});

describe('/confirm/call runs the confirmation function again', () => {
  let app: FnApp;
  beforeAll(async () => {
    app = await functionApp();
  });

  it('for a pending account: a new token each run, then "success" confirms', async () => {
    const email = 'retry@example.com';
    await register(srv, app.client_app_id, email, 'secret1').expect(201);
    const first = (await delivered(app, 'confirm', email)).last;
    await confirmCall(app, email).expect(204);
    const second = (await delivered(app, 'confirm', email)).last;
    expect(second?.tokenId).not.toBe(first?.tokenId);
    // The earlier token stopped working when the new one was issued.
    await srv.api
      .post(userpassPath(app.client_app_id, 'confirm'))
      .send({ token: first?.token, tokenId: first?.tokenId })
      .expect(400);
    await login(srv, app.client_app_id, email, 'secret1').expect(401);

    await decide(app, 'confirm', email, 'success');
    await confirmCall(app, email).expect(204);
    await loginOk(srv, app.client_app_id, email, 'secret1');
    const again = await confirmCall(app, email).expect(400);
    expect(again.body).toEqual({ error: 'already confirmed', error_code: 'UserAlreadyConfirmed' });
  });

  it('"fail" is 400 and the account stays pending', async () => {
    const email = 'stays@example.com';
    await register(srv, app.client_app_id, email, 'secret1').expect(201);
    await decide(app, 'confirm', email, 'fail');
    const res = await confirmCall(app, email).expect(400);
    expect(res.body).toEqual({
      error: `failed to confirm user "${email}"`,
      error_code: 'BadRequest',
    });
    expect((await accountOf(app, email))?.status).toBe('pending');
  });

  it('an unknown email: 404 UserNotFound', async () => {
    const res = await confirmCall(app, 'nobody@example.com').expect(404);
    expect(res.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
  });

  it('with automatic or email confirmation: 400 saying why', async () => {
    const auto = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, auto._id, AUTO_CONFIRM);
    await register(srv, auto.client_app_id, 'auto@example.com', 'secret1').expect(201);
    const res = await srv.api
      .post(userpassPath(auto.client_app_id, 'confirm/call'))
      .send({ email: 'auto@example.com' })
      .expect(400);
    expect(res.body).toEqual({
      error: 'cannot run confirmation for auto@example.com: automatic confirmation is enabled',
      error_code: 'BadRequest',
    });
    const mail = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, mail._id, EMAIL_CONFIRM);
    const byEmail = await srv.api
      .post(userpassPath(mail.client_app_id, 'confirm/call'))
      .send({ email: 'm@example.com' })
      .expect(400);
    expect(byEmail.body.error).toContain('the app confirms new users by email');
  });
});

describe('/reset/call runs the reset function', () => {
  let app: FnApp;
  beforeAll(async () => {
    app = await functionApp(srv, admin, 'auto');
  });

  async function user(email: string) {
    await register(srv, app.client_app_id, email, 'secret1').expect(201);
    return loginOk(srv, app.client_app_id, email, 'secret1');
  }

  it('"success" sets the password and ends the user\'s sessions', async () => {
    const email = 'reset-ok@example.com';
    const tokens = await user(email);
    await decide(app, 'reset', email, 'success');
    await resetCall(app, { email, password: 'new-secret', arguments: [] }).expect(204);
    await login(srv, app.client_app_id, email, 'secret1').expect(401);
    const again = await loginOk(srv, app.client_app_id, email, 'new-secret');
    expect(again.user_id).toBe(tokens.user_id);
    const refresh = await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${tokens.refresh_token}`)
      .expect(401);
    expect(refresh.body.error_code).toBe('InvalidSession');
  });

  it('passes { username, password, token, tokenId, currentPasswordValid } and the arguments', async () => {
    const email = 'reset-args@example.com';
    await user(email);
    await decide(app, 'reset', email, 'fail');
    const oid = '65a000000000000000000001';
    await resetCall(app, {
      email,
      password: 'secret1',
      arguments: ['hint', { n: { $numberInt: '5' } }, { $oid: oid }],
    }).expect(400);
    const { last } = await delivered(app, 'reset', email);
    expect(last).toMatchObject({
      keys: ['currentPasswordValid', 'password', 'token', 'tokenId', 'username'],
      username: email,
      password: 'secret1',
      currentPasswordValid: true,
      user: 'system',
      args: ['hint', { n: 5 }, new mongoose.Types.ObjectId(oid)],
    });
    await resetCall(app, { email, password: 'not-the-password' }).expect(400);
    expect((await delivered(app, 'reset', email)).last).toMatchObject({
      currentPasswordValid: false,
      args: [],
    });
  });

  it('"pending" changes nothing; the delivered token completes the reset with /reset', async () => {
    const email = 'reset-later@example.com';
    await user(email);
    await resetCall(app, { email, password: 'new-secret', arguments: [] }).expect(204);
    await loginOk(srv, app.client_app_id, email, 'secret1');
    const { last } = await delivered(app, 'reset', email);
    await srv.api
      .post(userpassPath(app.client_app_id, 'reset'))
      .send({ token: last?.token, tokenId: last?.tokenId, password: 'other-secret' })
      .expect(204);
    await login(srv, app.client_app_id, email, 'secret1').expect(401);
    await loginOk(srv, app.client_app_id, email, 'other-secret');
  });

  it('"fail" is 400 BadRequest and the password is unchanged; its token is withdrawn', async () => {
    const email = 'reset-no@example.com';
    await user(email);
    await decide(app, 'reset', email, 'fail');
    const res = await resetCall(app, { email, password: 'new-secret', arguments: [] }).expect(400);
    expect(res.body).toEqual({
      error: `failed to reset password for user "${email}"`,
      error_code: 'BadRequest',
    });
    await loginOk(srv, app.client_app_id, email, 'secret1');
    const { last } = await delivered(app, 'reset', email);
    const reuse = await srv.api
      .post(userpassPath(app.client_app_id, 'reset'))
      .send({ token: last?.token, tokenId: last?.tokenId, password: 'other-secret' })
      .expect(400);
    expect(reuse.body.error).toBe('invalid token data');
  });

  it('a throw is 400 with the reason, and the password is unchanged', async () => {
    const email = 'reset-throw@example.com';
    await user(email);
    await decide(app, 'reset', email, 'throw');
    const res = await resetCall(app, { email, password: 'new-secret' }).expect(400);
    expect(res.body).toEqual({
      error: `failed to reset password for user "${email}": the reset service is down`,
      error_code: 'BadRequest',
    });
    await loginOk(srv, app.client_app_id, email, 'secret1');
  });

  it('checks the password rules before the function runs, then the user', async () => {
    const email = 'reset-rules@example.com';
    await user(email);
    const res = await resetCall(app, { email, password: 'abc' }).expect(400);
    expect(res.body).toEqual({
      error: 'password must be between 6 and 128 characters',
      error_code: 'BadRequest',
    });
    expect((await delivered(app, 'reset', email)).count).toBe(0);
    const unknown = await resetCall(app, { email: 'ghost@example.com', password: 'secret1' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
  });

  it('refuses arguments that are not valid Extended JSON: 400', async () => {
    const res = await resetCall(app, {
      email: 'reset-ok@example.com',
      password: 'secret1',
      arguments: [{ $oid: 'nope' }],
    }).expect(400);
    expect(res.body.error).toContain('arguments is not valid Extended JSON');
  });

  it('/reset/send in function mode: 400 "please use reset password via function"', async () => {
    const res = await srv.api
      .post(userpassPath(app.client_app_id, 'reset/send'))
      .send({ email: 'reset-ok@example.com' })
      .expect(400);
    expect(res.body).toEqual({
      error: 'please use reset password via function',
      error_code: 'BadRequest',
    });
  });

  it('/reset/call when the app resets by email: 400', async () => {
    const mail = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, mail._id, AUTO_CONFIRM);
    const res = await srv.api
      .post(userpassPath(mail.client_app_id, 'reset/call'))
      .send({ email: 'x@example.com', password: 'secret1', arguments: [] })
      .expect(400);
    expect(res.body.error).toContain('the app resets passwords by email');
  });
});

describe('limits', () => {
  it('each /reset/call counts against the account login budget (it can reveal the password)', async () => {
    const limited = await startTestServer(
      { LOGIN_RATE_LIMIT_PER_ACCOUNT: '3' },
      { functionLimits: { timeoutMs: 2000 } },
    );
    try {
      const session = await adminLogin(limited);
      const app = await functionApp(limited, session, 'auto');
      const email = 'guess@example.com';
      await register(limited, app.client_app_id, email, 'secret1').expect(201);
      for (const guess of ['guess-1', 'guess-2', 'guess-3'])
        await resetCall(app, { email, password: guess }, limited).expect(204);
      const res = await resetCall(app, { email, password: 'guess-4' }, limited).expect(429);
      expect(res.body.error_code).toBe('TooManyRequests');
      expect((await delivered(app, 'reset', email, limited)).count).toBe(3);
      await login(limited, app.client_app_id, email, 'secret1').expect(429);
    } finally {
      await limited.close();
    }
  });
});

describe('realm-web', () => {
  let http: Server;
  let baseUrl: string;
  beforeAll(async () => {
    http = srv.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => http.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('registerUser, retryCustomConfirmation and callResetPasswordFunction', async () => {
    const app = await functionApp();
    const realm = new Realm.App({ id: app.client_app_id, baseUrl });
    const email = 'web@example.com';
    await realm.emailPasswordAuth.registerUser({ email, password: 'secret1' });
    await expect(
      realm.logIn(Realm.Credentials.emailPassword(email, 'secret1')),
    ).rejects.toMatchObject({ statusCode: 401 });
    await decide(app, 'confirm', email, 'success');
    await realm.emailPasswordAuth.retryCustomConfirmation({ email });
    const user = await realm.logIn(Realm.Credentials.emailPassword(email, 'secret1'));
    await expect(realm.emailPasswordAuth.retryCustomConfirmation({ email })).rejects.toMatchObject({
      statusCode: 400,
      errorCode: 'UserAlreadyConfirmed',
    });

    await decide(app, 'reset', email, 'success');
    await realm.emailPasswordAuth.callResetPasswordFunction(
      { email, password: 'new-secret' },
      'extra',
      7,
    );
    expect((await delivered(app, 'reset', email)).last?.args).toEqual(['extra', 7]);
    const again = await realm.logIn(Realm.Credentials.emailPassword(email, 'new-secret'));
    expect(again.id).toBe(user.id);
    await decide(app, 'reset', email, 'fail');
    await expect(
      realm.emailPasswordAuth.callResetPasswordFunction({ email, password: 'other-secret' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      errorCode: 'BadRequest',
      error: `failed to reset password for user "${email}"`,
    });
  });
});
