import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './helpers/factories';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp';
import { startTestServer, type TestServer } from './helpers/test-server';
import {
  addUserpassProvider,
  AUTO_CONFIRM,
  EMAIL_CONFIRM,
  login,
  loginOk,
  register,
} from './helpers/userpass';

let smtp: TestSmtpServer;
let srv: TestServer;
let admin: AdminSession;
let auto: { _id: string; client_app_id: string };
let mail: { _id: string; client_app_id: string };
let providerId: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  srv = await startTestServer({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
  admin = await adminLogin(srv);
  auto = await createApp(srv, admin);
  providerId = await addUserpassProvider(srv, admin, auto._id, AUTO_CONFIRM);
  mail = await createApp(srv, admin);
  await addUserpassProvider(srv, admin, mail._id, EMAIL_CONFIRM);
});
afterAll(async () => {
  await srv.close();
  await smtp.close();
});

const appPath = (appId: string, group = GROUP_A) => `/api/admin/v3.0/groups/${group}/apps/${appId}`;
const pendingPath = (appId: string) => `${appPath(appId)}/user_registrations/pending_users`;
const confirmPath = (appId: string, email: string) =>
  `${appPath(appId)}/user_registrations/by_email/${encodeURIComponent(email)}/confirm`;

function createUser(appId: string, body: Record<string, unknown>, session = admin) {
  return srv.api
    .post(`${appPath(appId)}/users`)
    .set('Authorization', session.auth)
    .send(body);
}

describe('POST …/users (adminCreateUser)', () => {
  it('creates a confirmed user with a local-userpass identity, who can log in', async () => {
    const before = Math.floor(srv.clock.now().getTime() / 1000);
    const res = await createUser(auto._id, { email: 'made@example.com', password: 'secret1' });
    expect(res.status).toBe(201);
    const user = res.body;
    expect(user).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      identities: [
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          provider_type: 'local-userpass',
          provider_id: providerId,
          provider_data: { email: 'made@example.com' },
        },
      ],
      type: 'normal',
      creation_date: expect.any(Number),
      last_authentication_date: expect.any(Number),
      disabled: false,
      data: { email: 'made@example.com' },
    });
    expect(user.creation_date).toBeGreaterThanOrEqual(before);
    const account = await srv.conn
      .collection('userpass_accounts')
      .findOne({ email: 'made@example.com' });
    expect(account?._id.toHexString()).toBe(user.identities[0].id);
    expect(account?.status).toBe('confirmed');
    expect(account?.password_hash).toMatch(/^\$argon2id\$/);

    const tokens = await loginOk(srv, auto.client_app_id, 'made@example.com', 'secret1');
    expect(tokens.user_id).toBe(user._id);
  });

  it('works whatever the confirmation mode (no email is sent)', async () => {
    const sent = smtp.messages.length;
    await createUser(mail._id, { email: 'direct@example.com', password: 'secret1' }).expect(201);
    expect(smtp.messages.length).toBe(sent);
    await loginOk(srv, mail.client_app_id, 'direct@example.com', 'secret1');
  });

  it('refuses a duplicate (registered or created): 409 AccountNameInUse', async () => {
    await register(srv, auto.client_app_id, 'taken@example.com', 'secret1').expect(201);
    const res = await createUser(auto._id, { email: 'taken@example.com', password: 'secret1' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'name already in use', error_code: 'AccountNameInUse' });
    await createUser(auto._id, { email: 'twice@example.com', password: 'secret1' }).expect(201);
    const again = await createUser(auto._id, { email: 'twice@example.com', password: 'other12' });
    expect(again.status).toBe(409);
  });

  it('checks the password length: 400 BadRequest', async () => {
    const res = await createUser(auto._id, { email: 's@example.com', password: '123' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'password must be between 6 and 128 characters',
      error_code: 'BadRequest',
    });
  });

  it('needs the local-userpass provider: 404 AuthProviderNotFound', async () => {
    const bare = await createApp(srv, admin);
    const res = await createUser(bare._id, { email: 'b@example.com', password: 'secret1' });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('AuthProviderNotFound');
  });
});

describe('pending registrations', () => {
  it('lists none as []', async () => {
    const res = await srv.api
      .get(pendingPath(auto._id))
      .set('Authorization', admin.auth)
      .expect(200);
    expect(res.body).toEqual([]);
  });

  it('lists pending users 50 at a time, in _id order, with ?after=', async () => {
    const app = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, app._id, EMAIL_CONFIRM);
    const emails = Array.from({ length: 53 }, (_, i) => `p${String(i).padStart(2, '0')}@x.io`);
    for (let i = 0; i < emails.length; i += 8) {
      await Promise.all(
        emails
          .slice(i, i + 8)
          .map((e) => register(srv, app.client_app_id, e, 'secret1').expect(201)),
      );
    }

    const page1 = await srv.api.get(pendingPath(app._id)).set('Authorization', admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body).toHaveLength(50);
    const first = page1.body[0];
    expect(first).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      domain_id: app._id,
      identities: [{ id: first._id, provider_type: 'local-userpass' }],
      login_ids: [
        { id_type: 'email', id: expect.stringMatching(/^p\d\d@x\.io$/), confirmed: false },
      ],
      user_id: '',
    });
    const last = page1.body[49]._id as string;
    const page2 = await srv.api
      .get(`${pendingPath(app._id)}?after=${last}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(page2.body).toHaveLength(3);
    const all = [...page1.body, ...page2.body] as { _id: string; login_ids: { id: string }[] }[];
    expect(all.map((p) => p.login_ids[0]?.id).sort()).toEqual(emails);
    const ids = all.map((p) => p._id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const page3 = await srv.api
      .get(`${pendingPath(app._id)}?after=${page2.body[2]._id as string}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(page3.body).toEqual([]);
  });

  it('confirms a pending user by email: 204, then the user can log in', async () => {
    const email = 'wait+tag@example.com';
    await register(srv, mail.client_app_id, email, 'secret1').expect(201);
    await login(srv, mail.client_app_id, email, 'secret1').expect(401);
    await srv.api.post(confirmPath(mail._id, email)).set('Authorization', admin.auth).expect(204);
    await loginOk(srv, mail.client_app_id, email, 'secret1');
    const list = await srv.api.get(pendingPath(mail._id)).set('Authorization', admin.auth);
    expect(JSON.stringify(list.body)).not.toContain(email);

    const again = await srv.api
      .post(confirmPath(mail._id, email))
      .set('Authorization', admin.auth)
      .expect(400);
    expect(again.body.error_code).toBe('UserAlreadyConfirmed');
    const unknown = await srv.api
      .post(confirmPath(mail._id, 'nobody@example.com'))
      .set('Authorization', admin.auth)
      .expect(404);
    expect(unknown.body).toEqual({ error: 'user not found', error_code: 'UserNotFound' });
  });
});

describe('tenant isolation', () => {
  it('a group owner cannot reach another group’s apps: 403', async () => {
    const other = await adminLogin(srv, { groupId: GROUP_B });
    await createUser(auto._id, { email: 'i@example.com', password: 'secret1' }, other).expect(403);
    await srv.api.get(pendingPath(mail._id)).set('Authorization', other.auth).expect(403);
    await srv.api
      .post(confirmPath(mail._id, 'i@example.com'))
      .set('Authorization', other.auth)
      .expect(403);
  });

  it('an app is found only under its own group: 404', async () => {
    await srv.api
      .post(`${appPath(auto._id, GROUP_B)}/users`)
      .set('Authorization', admin.auth)
      .send({ email: 'i@example.com', password: 'secret1' })
      .expect(404);
    await srv.api
      .get(`${appPath(mail._id, GROUP_B)}/user_registrations/pending_users`)
      .set('Authorization', admin.auth)
      .expect(404);
  });

  it('accounts belong to their app: the same email is a different account elsewhere', async () => {
    await register(srv, mail.client_app_id, 'shared@example.com', 'secret1').expect(201);
    await createUser(auto._id, { email: 'shared@example.com', password: 'other12' }).expect(201);
    await srv.api
      .post(confirmPath(auto._id, 'shared@example.com'))
      .set('Authorization', admin.auth)
      .expect(400);
    const list = await srv.api.get(pendingPath(auto._id)).set('Authorization', admin.auth);
    expect(list.body).toEqual([]);
    await login(srv, mail.client_app_id, 'shared@example.com', 'secret1').expect(401);
  });

  it('needs an admin token: 401', async () => {
    await srv.api.get(pendingPath(mail._id)).expect(401);
  });
});
