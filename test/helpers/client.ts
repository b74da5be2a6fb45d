import type { AdminSession } from './factories';
import { GROUP_A } from './factories';
import type { TestServer } from './test-server';

export const clientApp = (clientAppId: string) => `/api/client/v2.0/app/${clientAppId}`;
export const CLIENT_AUTH = '/api/client/v2.0/auth';

export interface LoginTokens {
  access_token: string;
  refresh_token: string;
  user_id: string;
  device_id: string;
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

/** Enables a provider of the app through the Admin API (it must exist). */
export async function enableProvider(
  srv: TestServer,
  admin: AdminSession,
  appId: string,
  type: string,
): Promise<void> {
  const base = `/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}`;
  const list = await srv.api
    .get(`${base}/auth_providers`)
    .set('Authorization', admin.auth)
    .expect(200);
  const found = (list.body as { _id: string; type: string }[]).find((p) => p.type === type);
  if (found) {
    await srv.api
      .put(`${base}/auth_providers/${found._id}/enable`)
      .set('Authorization', admin.auth)
      .expect(204);
    return;
  }
  await srv.api
    .post(`${base}/auth_providers`)
    .set('Authorization', admin.auth)
    .send({ name: type, type, disabled: false })
    .expect(201);
}

export async function anonLogin(srv: TestServer, clientAppId: string): Promise<LoginTokens> {
  const res = await srv.api
    .post(`${clientApp(clientAppId)}/auth/providers/anon-user/login`)
    .send({})
    .expect(200);
  return res.body as LoginTokens;
}
