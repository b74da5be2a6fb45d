import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import type { AuthenticatedIdentity } from '../../domain/users/authenticated-identity';

/** The app and its provider config (of the flow's type) a step is for. */
export interface OAuth2Target {
  readonly app: DeployedApp;
  readonly provider: AuthProviderConfig;
}

/** The first step: where the browser goes to sign in at the provider. */
export interface AuthorizationRequest {
  /**
   * This server's callback, as registered at the provider (Google's and Apple's authorized
   * redirect URIs, Facebook's valid OAuth redirect URIs), e.g.
   * `<PUBLIC_BASE_URL>/api/client/v2.0/auth/callback`. Not the app's `redirect` (that one must be
   * one of the provider config's `redirect_uris`, checked by the flow, not here).
   */
  readonly redirectUri: string;
  /** Opaque, unguessable, single-use: how the callback finds its pending login. */
  readonly state: string;
  /** PKCE (RFC 7636): the S256 challenge of the verifier the callback will present. */
  readonly codeChallenge: string;
  /** OpenID providers (Google, Apple): put in the ID token, checked by exchangeCode. */
  readonly nonce?: string;
}

/** The second step: the code the provider sent the browser back to the callback with. */
export interface CodeExchange {
  readonly code: string;
  /** The same `redirectUri` the authorization request named. */
  readonly redirectUri: string;
  /** The PKCE verifier whose challenge the authorization request sent. */
  readonly codeVerifier: string;
  /** The nonce the authorization request sent, if any (OpenID providers). */
  readonly nonce?: string;
}

/**
 * What the browser redirect flow (realm-web's `Credentials.google({redirectUrl})` and the like:
 * `GET …/auth/providers/<oauth2-*>/login?redirect=…&state=…`, then the provider's return to
 * `/api/client/v2.0/auth/callback`) needs of one OAuth 2.0 provider type. The flow itself keeps
 * only its state (the app's `redirect` and `state`, the PKCE verifier, the nonce, the device,
 * the user to link to), single-use and short-lived, and then logs the user in through
 * LoginService with `oauth2Code` (see LoginRequest), which calls exchangeCode. Everything else
 * (rate limits, linking, users, sessions, app logs, triggers) is the credential login's.
 *
 * - `authorizationUrl`: the provider's authorization endpoint (Google's and Apple's from their
 *   OpenID discovery, Facebook's login dialog) for the app's client id, with `state`, PKCE S256
 *   and the scopes the configured metadata fields need. Apple is asked to answer with a form
 *   POST (`response_mode=form_post`, which Apple requires once any scope is asked): the callback
 *   must accept POST `application/x-www-form-urlencoded` with `code` and `state` as well as GET.
 * - `exchangeCode`: the code exchanged at the provider with the client secret (the secret named
 *   by `secret_config.clientSecret`), verified exactly as the credential login verifies its
 *   tokens (ID token signature, `iss`, `aud`, `exp`, `nonce`; Facebook's token checked to be for
 *   the app's client id): the same identity and metadata the credential login produces. A
 *   refused code or token is 401 `AuthError`; an unreachable provider 502
 *   `AuthProviderUnreachable`.
 */
export interface OAuth2RedirectFlow {
  authorizationUrl(target: OAuth2Target, req: AuthorizationRequest): Promise<URL>;
  exchangeCode(target: OAuth2Target, req: CodeExchange): Promise<AuthenticatedIdentity>;
}
