import { clientApp } from './client';
import type { OAuth2App, OAuth2Type } from './oauth2';
import type { TestServer } from './test-server';

// What realm-web does with the final redirect of the OAuth 2.0 flow, copied from its
// OAuth2Helper (node_modules/realm-web/dist/bundle.cjs.js: decodeQueryString,
// parseRedirectLocation, decodeAuthInfo), which its Node build does not export.

const REDIRECT_HASH_TO_RESULT: Record<string, string> = {
  _baas_client_app_id: 'appId',
  _baas_ua: 'userAuth',
  _baas_link: 'link',
  _baas_error: 'error',
  _baas_state: 'state',
};

function decodeQueryString(str: string): Record<string, string> {
  const cleanStr = str.startsWith('?') ? str.slice(1) : str;
  return Object.fromEntries(
    cleanStr
      .split('&')
      .filter((s) => s.length > 0)
      .map((kvp) => kvp.split('='))
      .map(([k, v]) => [k, decodeURIComponent(v as string)]),
  ) as Record<string, string>;
}

export interface RedirectResult {
  appId?: string;
  userAuth?: string;
  link?: string;
  error?: string;
  state?: string;
}

/** realm-web's `OAuth2Helper.parseRedirectLocation(location.hash.substr(1))`. */
export function parseRedirectLocation(queryString: string): RedirectResult {
  const params = decodeQueryString(queryString);
  const result: Record<string, string> = {};
  for (const [p, r] of Object.entries(REDIRECT_HASH_TO_RESULT)) {
    const value = params[p];
    if (value) result[r] = value;
  }
  return result;
}

/** realm-web's `OAuth2Helper.decodeAuthInfo`. */
export function decodeAuthInfo(authInfo: string | undefined) {
  const parts = (authInfo || '').split('$');
  if (parts.length === 4) {
    const [accessToken, refreshToken, userId, deviceId] = parts as [string, string, string, string];
    return { accessToken, refreshToken, userId, deviceId };
  }
  throw new Error("Failed to decode 'authInfo' into ids and tokens");
}

/** The page and the parsed fragment of a Location the server sent the browser to. */
export function landing(location: string | undefined): { page: string; result: RedirectResult } {
  const [page, hash = ''] = (location ?? '').split('#');
  return { page: page ?? '', result: parseRedirectLocation(hash) };
}

// The redirect flow's test setup: this server's public origin and callback (registered at the
// local providers), the app's page (listed in the providers' redirect_uris), realm-web's device.

export const PUBLIC_BASE = 'https://apps.example.com';
export const SERVER_CALLBACK = `${PUBLIC_BASE}/api/client/v2.0/auth/callback`;
export const APP_PAGE = 'https://app.example.com/auth-done';
export const DEVICE_ID = '65a0b1c2d3e4f5a6b7c8d9e0';
/** realm-web's `DeviceInformation.encode()`: base64 of its JSON. */
export const DEVICE = Buffer.from(
  JSON.stringify({ appId: 'web', platform: 'chrome', sdkVersion: '2.0.1', deviceId: DEVICE_ID }),
).toString('base64');

export const loginPath = (app: OAuth2App, type: OAuth2Type, query: Record<string, string>) =>
  `${clientApp(app.clientAppId)}/auth/providers/${type}/login?${new URLSearchParams(query).toString()}`;

/** The first step: the provider's authorization URL the server sent the browser to. */
export async function startLogin(
  srv: TestServer,
  app: OAuth2App,
  type: OAuth2Type,
  state: string,
): Promise<URL> {
  const res = await srv.api
    .get(loginPath(app, type, { redirect: APP_PAGE, state, device: DEVICE }))
    .expect(302);
  return new URL(String(res.headers.location));
}

/** The provider's redirect back to this server, as the browser follows it (GET). */
export const callback = (srv: TestServer, params: URLSearchParams) =>
  srv.api.get(`/api/client/v2.0/auth/callback?${params.toString()}`);
