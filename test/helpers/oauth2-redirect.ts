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
