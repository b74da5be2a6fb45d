import type { AdminSession } from './factories';
import { GROUP_A } from './factories';
import { clientApp, type LoginTokens } from './client';
import type { TestServer } from './test-server';

export const CONFIRM_URL = 'https://app.example.com/confirm';
export const RESET_URL = 'https://app.example.com/reset';

export const AUTO_CONFIRM = {
  autoConfirm: true,
  resetPasswordUrl: RESET_URL,
  resetPasswordSubject: 'Reset your password',
};
export const EMAIL_CONFIRM = {
  autoConfirm: false,
  emailConfirmationUrl: CONFIRM_URL,
  confirmEmailSubject: 'Confirm your account',
  resetPasswordUrl: RESET_URL,
  resetPasswordSubject: 'Reset your password',
};

/** Adds the local-userpass provider to the app through the Admin API. */
export async function addUserpassProvider(
  srv: TestServer,
  admin: AdminSession,
  appId: string,
  config: Record<string, unknown>,
  disabled = false,
): Promise<string> {
  const res = await srv.api
    .post(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/auth_providers`)
    .set('Authorization', admin.auth)
    .send({ name: 'local-userpass', type: 'local-userpass', disabled, config })
    .expect(201);
  return (res.body as { _id: string })._id;
}

export const userpassPath = (clientAppId: string, route: string) =>
  `${clientApp(clientAppId)}/auth/providers/local-userpass/${route}`;

export function register(srv: TestServer, clientAppId: string, email: string, password: string) {
  return srv.api.post(userpassPath(clientAppId, 'register')).send({ email, password });
}

/** A login as realm-core sends it (with its `provider` and `options` keys). */
export function login(srv: TestServer, clientAppId: string, username: string, password: string) {
  return srv.api.post(userpassPath(clientAppId, 'login')).send({
    provider: 'local-userpass',
    username,
    password,
    options: { device: { platform: 'node', sdkVersion: '1' } },
  });
}

export async function loginOk(
  srv: TestServer,
  clientAppId: string,
  username: string,
  password: string,
): Promise<LoginTokens> {
  const res = await login(srv, clientAppId, username, password).expect(200);
  return res.body as LoginTokens;
}
