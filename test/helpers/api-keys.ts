import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { anonLogin, CLIENT_AUTH, clientApp, enableProvider, type LoginTokens } from './client';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './factories';
import type { TestServer } from './test-server';

export const USER_KEYS = `${CLIENT_AUTH}/api_keys`;
export const adminApp = (appId: string, groupId = GROUP_A) =>
  `/api/admin/v3.0/groups/${groupId}/apps/${appId}`;

export interface CreatedKey {
  _id: string;
  key: string;
  name: string;
  disabled: boolean;
}

export interface TestApp {
  _id: string;
  client_app_id: string;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** An app with the anon-user and api-key providers enabled. */
export async function appWithApiKeys(srv: TestServer, admin: AdminSession): Promise<TestApp> {
  const app = await createApp(srv, admin);
  await enableProvider(srv, admin, app._id, 'anon-user');
  await enableProvider(srv, admin, app._id, 'api-key');
  return app;
}

export async function ownerSession(srv: TestServer): Promise<AdminSession> {
  return adminLogin(srv, { groupId: GROUP_A });
}

/**
 * A logged-in user that is not anonymous. No other login provider exists on this branch, so the
 * test gives an anonymous user a second identity in the database (as linking would).
 */
export async function normalUser(srv: TestServer, clientAppId: string): Promise<LoginTokens> {
  const tokens = await anonLogin(srv, clientAppId);
  await srv.conn
    .collection('users')
    .updateOne({ _id: new mongoose.Types.ObjectId(tokens.user_id) }, {
      $push: {
        identities: {
          id: `linked-${tokens.user_id}`,
          provider_type: 'custom-token',
          provider_id: '',
          provider_data: {},
        },
      },
    } as never);
  return tokens;
}

export async function createUserKey(
  srv: TestServer,
  refreshToken: string,
  name: string,
): Promise<CreatedKey> {
  const res = await srv.api
    .post(USER_KEYS)
    .set('Authorization', `Bearer ${refreshToken}`)
    .send({ name })
    .expect(201);
  return res.body as CreatedKey;
}

export async function createServerKey(
  srv: TestServer,
  admin: AdminSession,
  appId: string,
  name: string,
): Promise<CreatedKey> {
  const res = await srv.api
    .post(`${adminApp(appId)}/api_keys`)
    .set('Authorization', admin.auth)
    .send({ name })
    .expect(201);
  return res.body as CreatedKey;
}

export function keyLogin(srv: TestServer, clientAppId: string, key: string) {
  return srv.api
    .post(`${clientApp(clientAppId)}/auth/providers/api-key/login`)
    .send({ provider: 'api-key', key, options: { device: { platform: 'node' } } });
}

export async function profile(srv: TestServer, accessToken: string) {
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${accessToken}`)
    .expect(200);
  return res.body as {
    user_id: string;
    type: string;
    data: Record<string, unknown>;
    identities: { id: string; provider_type: string; provider_id: string }[];
  };
}

/** Logs in until the answer has `status`: the runtime sees a config change within about 0.5 s. */
export async function keyLoginUntil(
  srv: TestServer,
  clientAppId: string,
  key: string,
  status: number,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await keyLogin(srv, clientAppId, key);
    if (res.status === status) return;
    if (Date.now() > deadline) throw new Error(`login kept answering ${res.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
