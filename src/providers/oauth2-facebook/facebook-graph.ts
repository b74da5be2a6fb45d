import { createHmac } from 'node:crypto';
import { ProviderHttp, unauthorized } from '../oauth2/provider-http';

/** Facebook's answer about a user access token (`debug_token`'s `data`), once checked. */
export interface FacebookTokenInfo {
  readonly userId: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `appsecret_proof`: the token's HMAC-SHA256 keyed with the app secret (hex). */
export const appSecretProof = (accessToken: string, appSecret: string): string =>
  createHmac('sha256', appSecret).update(accessToken).digest('hex');

/**
 * The Graph API calls a Facebook login makes, at the configured base URL (a version path, e.g.
 * `https://graph.facebook.com/v22.0`). Tokens go in the Authorization header where the API
 * allows it; `debug_token` takes the checked token and the app token as parameters.
 */
export class FacebookGraph {
  constructor(
    private readonly base: string,
    private readonly http: ProviderHttp,
  ) {}

  /**
   * Checks a user access token with the app's own app token (`<app id>|<app secret>`): valid,
   * issued to this app, for a user. Anything else (another app's token, an expired or revoked
   * one, an app token Facebook refuses) is a 401.
   */
  async debugToken(token: string, appId: string, appSecret: string): Promise<FacebookTokenInfo> {
    const url = new URL(`${this.base}/debug_token`);
    url.searchParams.set('input_token', token);
    url.searchParams.set('access_token', `${appId}|${appSecret}`);
    const { status, body } = await this.http.get(url, 'debug_token');
    const data = body.data;
    if (status !== 200 || !isRecord(data) || data.is_valid !== true) throw unauthorized();
    if (String(data.app_id) !== appId) throw unauthorized();
    if (data.type !== undefined && data.type !== 'USER') throw unauthorized();
    const userId = data.user_id;
    if ((typeof userId !== 'string' && typeof userId !== 'number') || String(userId) === '')
      throw unauthorized();
    return { userId: String(userId) };
  }

  /** The user's `/me` fields, with `appsecret_proof` (so a stolen token alone is not enough). */
  async me(token: string, appSecret: string, fields: readonly string[]) {
    const url = new URL(`${this.base}/me`);
    url.searchParams.set('fields', fields.join(','));
    url.searchParams.set('appsecret_proof', appSecretProof(token, appSecret));
    const { status, body } = await this.http.get(url, '/me', {
      Authorization: `Bearer ${token}`,
    });
    if (status !== 200) throw unauthorized();
    return body;
  }

  /** The redirect flow's code exchanged for a user access token (`/oauth/access_token`). */
  async exchangeCode(req: {
    code: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    codeVerifier: string;
  }): Promise<string> {
    const url = new URL(`${this.base}/oauth/access_token`);
    url.searchParams.set('client_id', req.clientId);
    url.searchParams.set('client_secret', req.clientSecret);
    url.searchParams.set('redirect_uri', req.redirectUri);
    url.searchParams.set('code', req.code);
    url.searchParams.set('code_verifier', req.codeVerifier);
    const { status, body } = await this.http.get(url, 'token endpoint');
    if (status !== 200 || typeof body.access_token !== 'string' || body.access_token === '')
      throw unauthorized();
    return body.access_token;
  }
}
