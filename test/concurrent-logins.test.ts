import mongoose from 'mongoose';
import { CLIENT_AUTH, anonLogin, clientApp, enableProvider } from './helpers/client';
import {
  claimsFor,
  hsApp,
  loginDocuments,
  mintHs,
  type CustomTokenApp,
} from './helpers/custom-token';
import { adminLogin, createApp, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { AUTO_CONFIRM, addUserpassProvider, login, register } from './helpers/userpass';
import { identityClaimId } from '../src/domain/users/user.model';

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

const tokenFor = (app: CustomTokenApp, sub: string) => mintHs(claimsFor(app.clientAppId, { sub }));

function customLogin(clientAppId: string, token: string, accessToken?: string) {
  const req = srv.api
    .post(
      `${clientApp(clientAppId)}/auth/providers/custom-token/login${accessToken ? '?link=true' : ''}`,
    )
    .send({ token });
  return accessToken ? req.set('Authorization', `Bearer ${accessToken}`) : req;
}

async function profile(accessToken: string) {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${accessToken}`)
    .expect(200);
  return res.body as { user_id: string; identities: { id: string; provider_type: string }[] };
}

const statuses = (all: { status: number }[]) => all.map((r) => r.status);

describe('concurrent first logins of one identity', () => {
  it('50 custom-token logins with one token: all 200, one user, one claim (4 rounds at once)', async () => {
    const app = await hsApp(srv, admin);
    const rounds = await Promise.all(
      ['racer-1', 'racer-2', 'racer-3', 'racer-4'].map(async (sub) => {
        const token = await tokenFor(app, sub);
        return Promise.all(Array.from({ length: 50 }, () => customLogin(app.clientAppId, token)));
      }),
    );
    for (const all of rounds) {
      expect(statuses(all)).toEqual(all.map(() => 200));
      expect(new Set(all.map((r) => (r.body as { user_id: string }).user_id)).size).toBe(1);
    }
    expect(await loginDocuments(srv, app.appId)).toMatchObject({ users: 4, claims: 4 });
  });

  // CPU-bound by what it tests: 200 logins, each an argon2id check at the server's own cost (about
  // 20 ms of CPU) and some 40 ms of the in-process server's and client's CPU, about 14 s of CPU in
  // all; with a load average of 12 on 2 cores it neared or passed the default 30 s, hence 60 s.
  it('50 email/password first logins of one confirmed account: all 200, one user, one claim (4 accounts at once)', async () => {
    const app = await createApp(srv, admin);
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    const emails = [1, 2, 3, 4].map((i) => `race-${i}@example.com`);
    for (const email of emails)
      await register(srv, app.client_app_id, email, 'secret1').expect(201);
    const rounds = await Promise.all(
      emails.map((email) =>
        Promise.all(
          Array.from({ length: 50 }, () => login(srv, app.client_app_id, email, 'secret1')),
        ),
      ),
    );
    for (const all of rounds) {
      expect(statuses(all)).toEqual(all.map(() => 200));
      expect(new Set(all.map((r) => (r.body as { user_id: string }).user_id)).size).toBe(1);
    }
    expect(await loginDocuments(srv, app._id)).toMatchObject({ users: 4, claims: 4 });
  }, 60_000);
});

describe('concurrent links', () => {
  it('10 identities linked at once to an anonymous user are all in the profile', async () => {
    const app = await hsApp(srv, admin);
    await enableProvider(srv, admin, app.appId, 'anon-user');
    const anon = await anonLogin(srv, app.clientAppId);
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tokenFor(app, `link-${i}`)),
    );
    const all = await Promise.all(
      tokens.map((t) => customLogin(app.clientAppId, t, anon.access_token)),
    );
    expect(statuses(all)).toEqual(all.map(() => 200));
    expect(new Set(all.map((r) => (r.body as { user_id: string }).user_id))).toEqual(
      new Set([anon.user_id]),
    );
    const { user_id, identities } = await profile(anon.access_token);
    expect(user_id).toBe(anon.user_id);
    expect(identities.map((i) => `${i.provider_type}:${i.id}`).sort()).toEqual(
      [
        ...tokens.map((_, i) => `custom-token:link-${i}`),
        `anon-user:${identities.find((i) => i.provider_type === 'anon-user')?.id}`,
      ].sort(),
    );
    expect(identities).toHaveLength(11);
    // Logging out does not remove the user: it is no longer anonymous.
    await srv.api
      .delete(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${anon.refresh_token}`)
      .expect(204);
    const stored = await srv.conn
      .collection('users')
      .countDocuments({ _id: new mongoose.Types.ObjectId(anon.user_id) });
    expect(stored).toBe(1);
  });
});

describe('crash recovery', () => {
  it('a pending claim older than the lease, with no user, is replaced: the login creates the user', async () => {
    const app = await hsApp(srv, admin);
    const claimId = identityClaimId(app.appId, 'custom-token', 'crashed');
    await srv.conn.collection('identity_claims').insertOne({
      _id: claimId as unknown as mongoose.Types.ObjectId,
      app_id: new mongoose.Types.ObjectId(app.appId),
      provider_type: 'custom-token',
      external_id: 'crashed',
      user_id: new mongoose.Types.ObjectId(),
      created_at: new Date(Date.now() - 10 * 60 * 1000),
      pending: true,
    });
    const token = await tokenFor(app, 'crashed');
    const all = await Promise.all(
      Array.from({ length: 5 }, () => customLogin(app.clientAppId, token)),
    );
    expect(statuses(all)).toEqual(all.map(() => 200));
    expect(new Set(all.map((r) => (r.body as { user_id: string }).user_id)).size).toBe(1);
    expect(await loginDocuments(srv, app.appId)).toMatchObject({ users: 1, claims: 1 });
  });

  it('a fresh pending claim with no user is waited for, then replaced once the lease is over', async () => {
    const app = await hsApp(srv, admin);
    const claimId = identityClaimId(app.appId, 'custom-token', 'slow');
    await srv.conn.collection('identity_claims').insertOne({
      _id: claimId as unknown as mongoose.Types.ObjectId,
      app_id: new mongoose.Types.ObjectId(app.appId),
      provider_type: 'custom-token',
      external_id: 'slow',
      user_id: new mongoose.Types.ObjectId(),
      created_at: srv.clock.now(),
      pending: true,
    });
    const pending = customLogin(app.clientAppId, await tokenFor(app, 'slow')).then((r) => r);
    await new Promise((r) => setTimeout(r, 300));
    srv.clock.advance(10 * 60);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await loginDocuments(srv, app.appId)).toMatchObject({ users: 1, claims: 1 });
  });
});
