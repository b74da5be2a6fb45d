import { createHash, randomBytes } from 'node:crypto';
import {
  AppError,
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
} from '../../errors/app-error';
import type { ClaimedOAuth2Login, OAuth2States } from '../../domain/oauth2-states/oauth2-states';
import type { UserTokenService } from '../../domain/sessions/user-token.service';
import type { LoginService } from '../login/login.service';

/** The callback path, under this server's public origin, registered at the providers. */
export const CALLBACK_PATH = '/api/client/v2.0/auth/callback';
const REDIRECT_FLOW_TYPES = new Set(['oauth2-google', 'oauth2-facebook', 'oauth2-apple']);
const MAX_DEVICE_LENGTH = 4096;

export interface RedirectStart {
  clientAppId: string;
  providerName: string;
  /** The app's page the result goes to: one of the provider's `redirect_uris`, exactly. */
  redirect: string;
  /** realm-web's own state, echoed back. */
  state: string;
  /** base64 JSON device information (realm-web's DeviceInformation.encode()). */
  device?: string;
  /** `link=true`: the bearer access token of the user to link to (required then). */
  link?: { accessToken: string | undefined };
  /** This server's public origin (see requestOrigin). */
  origin: string;
}

export interface RedirectCallback {
  state: string;
  code?: string;
  /** The provider's refusal (`error=access_denied` …). */
  error?: string;
  ip?: string;
  requestUrl?: string;
  requestMethod?: string;
}

const randomUrlToken = () => randomBytes(32).toString('base64url');

/** Device information as realm-web encodes it; anything else is ignored (a new device id). */
function decodeDevice(encoded: string | undefined): Record<string, unknown> | null {
  if (!encoded || encoded.length > MAX_DEVICE_LENGTH) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** `<redirect>#k=v&…`, values URI-encoded (realm-web decodes each with decodeURIComponent). */
function withFragment(redirect: string, params: Record<string, string | undefined>): string {
  const fragment = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${redirect.split('#')[0] ?? ''}#${fragment}`;
}

/**
 * The browser redirect flow realm-web uses (`Credentials.google({redirectUrl})` and the like):
 * `start` keeps a single-use pending login under a random state and sends the browser to the
 * provider (with PKCE S256 and a nonce); `callback` takes that pending login once, exchanges the
 * provider's code through LoginService (the credential login's rate limits, linking, sessions,
 * logs and triggers) and sends the browser to the app's page with the result in the fragment.
 */
export class OAuth2RedirectService {
  constructor(
    private readonly login: LoginService,
    private readonly tokens: UserTokenService,
    private readonly states: OAuth2States,
  ) {}

  /** The provider's authorization URL to send the browser to. */
  async start(req: RedirectStart): Promise<URL> {
    const app = await this.login.app(req.clientAppId);
    const provider = app.config.auth_providers.find((p) => p.name === req.providerName);
    if (!provider) {
      throw new NotFoundError(
        `authentication provider "${req.providerName}" is not configured`,
        'AuthProviderNotFound',
      );
    }
    if (!REDIRECT_FLOW_TYPES.has(provider.type)) {
      throw new InvalidInputError(
        `authentication provider type "${provider.type}" has no redirect flow`,
        'BadRequest',
      );
    }
    // No open redirect: the result (tokens) only ever goes to a page the app's admin listed.
    if (!(provider.redirect_uris ?? []).includes(req.redirect)) {
      throw new InvalidInputError(
        `redirect URI is not allowed: "${req.redirect}"`,
        'InvalidRedirectURI',
      );
    }
    let link: { sessionId: string; userId: string } | undefined;
    if (req.link) {
      if (!req.link.accessToken) {
        throw new UnauthorizedError(
          'must authenticate first: linking needs the access token of the user',
          'MissingAuthReq',
        );
      }
      const p = await this.tokens.verifyAccessToken(req.link.accessToken);
      if (p.app.appId !== app.appId) throw new UnauthorizedError('unauthorized', 'AuthError');
      link = { sessionId: p.session._id.toHexString(), userId: p.user._id.toHexString() };
    }
    const state = randomUrlToken();
    const codeVerifier = randomUrlToken();
    const nonce = randomUrlToken();
    const callbackUri = `${req.origin}${CALLBACK_PATH}`;
    const url = await this.login.authorizationUrl(req.clientAppId, req.providerName, {
      redirectUri: callbackUri,
      state,
      codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      nonce,
    });
    await this.states.create({
      state,
      appId: app.appId,
      clientAppId: app.clientAppId,
      providerName: provider.name,
      redirect: req.redirect,
      clientState: req.state,
      device: decodeDevice(req.device),
      callbackUri,
      codeVerifier,
      nonce,
      link: link ?? null,
    });
    return url;
  }

  /**
   * Where to send the browser back to: the app's page with `_baas_*` in the fragment, the login's
   * result or its error. A state that is unknown (or already used) has no page to go back to: it
   * is a 400.
   */
  async callback(req: RedirectCallback): Promise<string> {
    const pending = await this.states.claim(req.state);
    if (!pending) throw new InvalidInputError('invalid or expired state', 'BadRequest');
    const back = (params: Record<string, string | undefined>) =>
      withFragment(pending.redirect, { ...params, _baas_state: pending.clientState });
    if (pending.isExpired) return back({ _baas_error: 'state has expired' });
    if (req.error) return back({ _baas_error: req.error });
    if (!req.code) return back({ _baas_error: 'missing authorization code' });
    try {
      const { session } = await this.login.login(this.loginRequest(pending, req, req.code));
      const ua = [session.access_token, session.refresh_token, session.user_id, session.device_id];
      return back({
        _baas_client_app_id: pending.clientAppId,
        _baas_ua: ua.join('$'),
        ...(pending.link ? { _baas_link: 'ok' } : {}),
      });
    } catch (err) {
      // The message only (an AppError's is for the client); anything else stays in the logs.
      return back({ _baas_error: err instanceof AppError ? err.message : 'internal server error' });
    }
  }

  private loginRequest(pending: ClaimedOAuth2Login, req: RedirectCallback, code: string) {
    return {
      clientAppId: pending.clientAppId,
      providerName: pending.providerName,
      payload: pending.device ? { options: { device: pending.device } } : {},
      oauth2Code: {
        code,
        redirectUri: pending.callbackUri,
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
      },
      ...(pending.link ? { link: pending.link } : {}),
      ...(req.ip ? { ip: req.ip } : {}),
      ...(req.requestUrl ? { requestUrl: req.requestUrl } : {}),
      ...(req.requestMethod ? { requestMethod: req.requestMethod } : {}),
    };
  }
}
