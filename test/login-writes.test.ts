import mongoose from 'mongoose';
import { anonLogin, CLIENT_AUTH } from './helpers/client';
import { claimsFor, hsApp, loginOk, mintHs, type CustomTokenApp } from './helpers/custom-token';
import { adminLogin, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { LAST_AUTHENTICATION_GRANULARITY_MS } from '../src/domain/users/user-directory';

let srv: TestServer;
let admin: AdminSession;
/** Every collection operation Mongoose sends while recording (collection and method). */
let recorded: string[] | undefined;

beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  srv.conn.set('debug', (collection: string, method: string) => {
    recorded?.push(`${method} ${collection}`);
  });
});
afterAll(() => srv.close());

async function recording<T>(run: () => Promise<T>): Promise<{ result: T; ops: string[] }> {
  recorded = [];
  try {
    const result = await run();
    return { result, ops: recorded };
  } finally {
    recorded = undefined;
  }
}

const FIELDS = [{ required: false, name: 'nickname', field_name: 'name' }];

async function login(app: CustomTokenApp, sub: string, nickname?: string) {
  return loginOk(srv, app.clientAppId, await mintHs(claimsFor(app.clientAppId, { sub, nickname })));
}

const rawUser = (userId: string) =>
  srv.conn.collection('users').findOne({ _id: new mongoose.Types.ObjectId(userId) });

describe('what a returning user’s login writes', () => {
  it('nothing to the user when its metadata is unchanged; the metadata when it changed', async () => {
    const app = await hsApp(srv, admin, { metadata_fields: FIELDS });
    const first = await login(app, 'returning', 'Ann');
    const before = await rawUser(first.user_id);

    const same = await recording(() => login(app, 'returning', 'Ann'));
    expect(same.result.user_id).toBe(first.user_id);
    expect(same.ops.filter((op) => op.endsWith(' users') && op !== 'findOne users')).toEqual([]);
    expect(same.ops.filter((op) => op.endsWith(' identity_claims'))).toEqual([
      'findOne identity_claims',
    ]);
    expect(await rawUser(first.user_id)).toEqual(before);

    const changed = await recording(() => login(app, 'returning', 'Bea'));
    expect(changed.ops).toContain('updateOne users');
    expect(changed.ops).toContain('updateOne identity_claims');
    const after = await rawUser(first.user_id);
    expect(after?.data).toEqual({ name: 'Bea' });
    expect(after?.disabled).toBe(false);
  });

  it('stamps last_authentication_date once it is older than the granularity', async () => {
    const app = await hsApp(srv, admin);
    const first = await login(app, 'stamped');
    const stampedAt = (await rawUser(first.user_id))?.last_authentication_date as Date;

    srv.clock.advance(LAST_AUTHENTICATION_GRANULARITY_MS / 1000 - 60);
    await login(app, 'stamped');
    expect((await rawUser(first.user_id))?.last_authentication_date).toEqual(stampedAt);

    srv.clock.advance(120);
    const again = await recording(() => login(app, 'stamped'));
    expect(again.ops).toContain('updateOne users');
    const restamped = (await rawUser(first.user_id))?.last_authentication_date as Date;
    expect(restamped.getTime()).toBeGreaterThan(stampedAt.getTime());
    const shown = await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/users/${first.user_id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(shown.body.last_authentication_date).toBe(Math.floor(restamped.getTime() / 1000));
  });
});

describe('a disable racing logins', () => {
  it('stays: the user is disabled afterwards, logins are refused and its sessions are ended', async () => {
    const app = await hsApp(srv, admin, { metadata_fields: FIELDS });
    const first = await login(app, 'racer', 'n0');
    const userUrl = `/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/users/${first.user_id}`;
    // Each login changes the metadata, so each one writes the user document.
    const tokens = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        mintHs(claimsFor(app.clientAppId, { sub: 'racer', nickname: `n${i + 1}` })),
      ),
    );
    const logins = tokens.map((token) =>
      srv.api
        .post(`/api/client/v2.0/app/${app.clientAppId}/auth/providers/custom-token/login`)
        .send({ token })
        .then((r) => r.status),
    );
    await srv.api.put(`${userUrl}/disable`).set('Authorization', admin.auth).expect(204);
    const statuses = await Promise.all(logins);
    expect(statuses.every((s) => s === 200 || s === 401)).toBe(true);

    expect((await rawUser(first.user_id))?.disabled).toBe(true);
    const shown = await srv.api.get(userUrl).set('Authorization', admin.auth).expect(200);
    expect(shown.body.disabled).toBe(true);
    const refused = await srv.api
      .post(`/api/client/v2.0/app/${app.clientAppId}/auth/providers/custom-token/login`)
      .send({ token: tokens[0] })
      .expect(401);
    expect(refused.body.error_code).toBe('UserDisabled');
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${first.refresh_token}`)
      .expect(401);
  });
});

describe('logout', () => {
  it('of a user with a non-anonymous identity: the session only, no identity claims read', async () => {
    const app = await hsApp(srv, admin);
    const tokens = await login(app, 'leaving');
    const { ops } = await recording(() =>
      srv.api
        .delete(`${CLIENT_AUTH}/session`)
        .set('Authorization', `Bearer ${tokens.refresh_token}`)
        .expect(204),
    );
    expect(ops.filter((op) => op.endsWith(' identity_claims'))).toEqual([]);
    expect(ops).toEqual(expect.arrayContaining(['updateOne user_sessions']));
    await srv.api
      .post(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${tokens.refresh_token}`)
      .expect(401);
    expect(await rawUser(tokens.user_id)).not.toBeNull();
  });

  it('of an anonymous user still removes the user', async () => {
    const app = await hsApp(srv, admin);
    const base = `/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}`;
    await srv.api
      .post(`${base}/auth_providers`)
      .set('Authorization', admin.auth)
      .send({ name: 'anon-user', type: 'anon-user', disabled: false })
      .expect(201);
    const tokens = await anonLogin(srv, app.clientAppId);
    await srv.api
      .delete(`${CLIENT_AUTH}/session`)
      .set('Authorization', `Bearer ${tokens.refresh_token}`)
      .expect(204);
    expect(await rawUser(tokens.user_id)).toBeNull();
  });
});
