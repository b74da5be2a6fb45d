import { CLIENT_AUTH, clientApp, type LoginTokens } from './client';
import { appPath } from './config-resources';
import { createApp, GROUP_A, type AdminSession } from './factories';
import type { TestServer } from './test-server';

export type OAuth2Type = 'oauth2-google' | 'oauth2-facebook' | 'oauth2-apple';

export interface OAuth2App {
  appId: string;
  clientAppId: string;
  base: string;
}

/** The provider's settings besides its name and type; `clientSecret` is the secret's value. */
export interface OAuth2ProviderSettings {
  config: Record<string, unknown>;
  clientSecret?: string;
  metadata_fields?: { name: string; required?: boolean }[];
  domain_restrictions?: string[];
  redirect_uris?: string[];
}

/**
 * A new app with an OAuth 2.0 provider (its client secret stored as the secret "oauthSecret"),
 * and the other provider types named in `also` enabled, all through the Admin API.
 */
export async function oauth2App(
  srv: TestServer,
  admin: AdminSession,
  type: OAuth2Type,
  settings: OAuth2ProviderSettings,
  also: string[] = [],
): Promise<OAuth2App> {
  const app = await createApp(srv, admin);
  const base = appPath(GROUP_A, app._id);
  const { clientSecret, ...rest } = settings;
  if (clientSecret !== undefined) {
    await srv.api
      .post(`${base}/secrets`)
      .set('Authorization', admin.auth)
      .send({ name: 'oauthSecret', value: clientSecret })
      .expect(201);
  }
  await srv.api
    .post(`${base}/auth_providers`)
    .set('Authorization', admin.auth)
    .send({
      name: type,
      type,
      disabled: false,
      ...rest,
      ...(clientSecret !== undefined ? { secret_config: { clientSecret: 'oauthSecret' } } : {}),
    })
    .expect(201);
  for (const other of also) {
    await srv.api
      .post(`${base}/auth_providers`)
      .set('Authorization', admin.auth)
      .send({ name: other, type: other, disabled: false })
      .expect(201);
  }
  return { appId: app._id, clientAppId: app.client_app_id, base };
}

/** A login (or, with `linkWith`, a link) with a credential body as realm-core sends it. */
export function oauth2Login(
  srv: TestServer,
  app: OAuth2App,
  type: OAuth2Type,
  body: Record<string, unknown>,
  linkWith?: string,
) {
  const req = srv.api
    .post(
      `${clientApp(app.clientAppId)}/auth/providers/${type}/login${linkWith ? '?link=true' : ''}`,
    )
    .send({ provider: type, ...body, options: { device: { platform: 'node' } } });
  return linkWith ? req.set('Authorization', `Bearer ${linkWith}`) : req;
}

export interface Profile {
  user_id: string;
  data: Record<string, unknown>;
  identities: { id: string; provider_type: string; provider_data: Record<string, unknown> }[];
}

export async function profileOf(srv: TestServer, tokens: LoginTokens | string): Promise<Profile> {
  const token = typeof tokens === 'string' ? tokens : tokens.access_token;
  const res = await srv.api
    .get(`${CLIENT_AUTH}/profile`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return res.body as Profile;
}

/** The app's AUTH log entries, newest first. */
export async function authLogs(srv: TestServer, admin: AdminSession, app: OAuth2App) {
  const res = await srv.api
    .get(`${app.base}/logs?type=AUTH`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as { logs: Record<string, unknown>[] }).logs;
}
