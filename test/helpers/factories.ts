import { rolesFor, type CreatedAdminKey } from '../../src/domain/admins/admin-key.service';
import type { TestServer } from './test-server';

export const GROUP_A = '5b2ec991973129243223a114';
export const GROUP_B = '57879f6cc4b32dbe440bb8c5';

export interface AdminSession {
  key: CreatedAdminKey;
  accessToken: string;
  refreshToken: string;
  auth: string;
  refreshAuth: string;
}

export function createAdminKey(
  srv: TestServer,
  scope: { groupId: string } | 'org' = 'org',
): Promise<CreatedAdminKey> {
  return srv.deps.adminKeys.create(rolesFor(scope));
}

/** Creates a key for the scope and logs in with it through the API. */
export async function adminLogin(
  srv: TestServer,
  scope: { groupId: string } | 'org' = 'org',
): Promise<AdminSession> {
  const key = await createAdminKey(srv, scope);
  const res = await srv.api
    .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
    .send({ username: key.publicKey, apiKey: key.privateKey })
    .expect(200);
  const body = res.body as { access_token: string; refresh_token: string };
  return {
    key,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    auth: `Bearer ${body.access_token}`,
    refreshAuth: `Bearer ${body.refresh_token}`,
  };
}

export async function createApp(
  srv: TestServer,
  session: AdminSession,
  groupId = GROUP_A,
  body: Record<string, unknown> = { name: `app${Math.random().toString(36).slice(2, 8)}` },
): Promise<{ _id: string; client_app_id: string; name: string }> {
  const res = await srv.api
    .post(`/api/admin/v3.0/groups/${groupId}/apps`)
    .set('Authorization', session.auth)
    .send(body)
    .expect(201);
  return res.body as { _id: string; client_app_id: string; name: string };
}
