import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ProviderHttp, unauthorized } from './provider-http';

/** A discovery document is used for an hour, then fetched again (failures are not kept). */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** Signing keys: kept ten minutes; an unknown `kid` refetches them at most every 30 s. */
const JWKS_CACHE_MS = 10 * 60_000;
const JWKS_COOLDOWN_MS = 30_000;
/** Tolerated clock difference with the provider for `exp`, `nbf` and `iat`. */
export const ID_TOKEN_CLOCK_TOLERANCE_SECONDS = 30;
/** ID tokens longer than this are refused unread. */
const MAX_ID_TOKEN_CHARS = 16 * 1024;
/** `sub` becomes an identity id (an indexed key). */
const MAX_SUBJECT_CHARS = 255;
const ALGORITHMS = ['RS256', 'ES256'];

/** The endpoints an OpenID issuer's discovery document gives. */
export interface OidcEndpoints {
  readonly issuer: string;
  readonly authorization: URL;
  readonly token: URL;
  readonly userinfo: URL | undefined;
  readonly jwks: URL;
}

/** The verified claims of an ID token; `sub` is a non-empty string. */
export type IdTokenClaims = JWTPayload & { sub: string };

/** What the token endpoint gave for a code. */
export interface CodeTokens {
  readonly idToken: string | undefined;
  readonly accessToken: string | undefined;
}

function url(v: unknown): URL | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One OpenID Connect issuer (Google's, Apple's, or a stand-in at the configured URL): its
 * discovery document (cached an hour), its signing keys (jose's remote JWKS, cached ten minutes),
 * ID token verification, the authorization code exchange and the userinfo endpoint. Shared by
 * every app: only the client id and secret differ, and they are passed in.
 */
export class OidcIssuer {
  private discovery: { endpoints: Promise<OidcEndpoints>; fetchedAt: number } | undefined;
  private jwks: { uri: string; keys: ReturnType<typeof createRemoteJWKSet> } | undefined;

  constructor(
    /** The configured issuer (no trailing slash): discovery is under it, tokens must carry it. */
    private readonly issuer: string,
    private readonly http: ProviderHttp,
    private readonly now: () => Date,
    /** Further `iss` values the issuer's tokens may carry (Google's scheme-less form). */
    private readonly issuerAliases: readonly string[] = [],
  ) {}

  /** The issuer's endpoints, from its discovery document (fetched once an hour, shared). */
  endpoints(): Promise<OidcEndpoints> {
    const at = Date.now();
    if (this.discovery && at - this.discovery.fetchedAt < DISCOVERY_TTL_MS)
      return this.discovery.endpoints;
    const endpoints = this.discover();
    const entry = { endpoints, fetchedAt: at };
    this.discovery = entry;
    // A failure is not kept: the next login asks again.
    endpoints.catch(() => {
      if (this.discovery === entry) this.discovery = undefined;
    });
    return endpoints;
  }

  /**
   * Verifies an ID token: signed by one of the issuer's keys (RS256 or ES256), `iss` the
   * issuer, `aud` the client id (`azp` too when there are several audiences), unexpired, a
   * `sub`, and the `nonce` when one is expected. Any failure of the token is a 401; the issuer's
   * keys not answering is a 502.
   */
  async verifyIdToken(
    token: string,
    expected: { clientId: string; nonce?: string | undefined },
  ): Promise<IdTokenClaims> {
    if (token === '' || token.length > MAX_ID_TOKEN_CHARS) throw unauthorized();
    const endpoints = await this.endpoints();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys(endpoints.jwks), {
        algorithms: ALGORITHMS,
        issuer: [endpoints.issuer, ...this.issuerAliases],
        audience: expected.clientId,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: ID_TOKEN_CLOCK_TOLERANCE_SECONDS,
        currentDate: this.now(),
      }));
    } catch (err) {
      throw this.keyOutage(err) ?? unauthorized();
    }
    const { sub, aud, azp, nonce } = payload;
    if (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUBJECT_CHARS)
      throw unauthorized();
    if (Array.isArray(aud) && aud.length > 1 && azp !== expected.clientId) throw unauthorized();
    if (expected.nonce !== undefined && nonce !== expected.nonce) throw unauthorized();
    return { ...payload, sub };
  }

  /**
   * Exchanges an authorization code at the token endpoint (client authentication by
   * `client_secret_post`). A refused code (4xx) is a 401.
   */
  async exchangeCode(req: {
    code: string;
    clientId: string;
    clientSecret: string;
    redirectUri?: string | undefined;
    codeVerifier?: string | undefined;
  }): Promise<CodeTokens> {
    const { token } = await this.endpoints();
    const { status, body } = await this.http.postForm(token, 'token endpoint', {
      grant_type: 'authorization_code',
      code: req.code,
      client_id: req.clientId,
      client_secret: req.clientSecret,
      ...(req.redirectUri !== undefined ? { redirect_uri: req.redirectUri } : {}),
      ...(req.codeVerifier !== undefined ? { code_verifier: req.codeVerifier } : {}),
    });
    if (status !== 200) throw unauthorized();
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    return { idToken: str(body.id_token), accessToken: str(body.access_token) };
  }

  /** The userinfo endpoint's answer for an access token; undefined when there is no such endpoint. */
  async userinfo(accessToken: string): Promise<Record<string, unknown> | undefined> {
    const { userinfo } = await this.endpoints();
    if (!userinfo) return undefined;
    const { status, body } = await this.http.get(userinfo, 'userinfo endpoint', {
      Authorization: `Bearer ${accessToken}`,
    });
    if (status !== 200 || typeof body.sub !== 'string' || body.sub === '') throw unauthorized();
    return body;
  }

  /** The authorization endpoint with the given parameters (the browser redirect flow). */
  async authorizationUrl(params: Record<string, string>): Promise<URL> {
    const { authorization } = await this.endpoints();
    const target = new URL(authorization);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return target;
  }

  private async discover(): Promise<OidcEndpoints> {
    const where = new URL(`${this.issuer}/.well-known/openid-configuration`);
    const { status, body } = await this.http.get(where, 'discovery document');
    if (status !== 200) throw this.http.outage('discovery document', `it answered ${status}`);
    const issuer = body.issuer;
    // OpenID Connect Discovery: the document names the very issuer it was fetched under.
    if (typeof issuer !== 'string' || issuer.replace(/\/+$/, '') !== this.issuer)
      throw this.http.outage('discovery document', `it names another issuer (${String(issuer)})`);
    const authorization = url(body.authorization_endpoint);
    const token = url(body.token_endpoint);
    const jwks = url(body.jwks_uri);
    if (!authorization || !token || !jwks)
      throw this.http.outage('discovery document', 'it lacks an endpoint');
    return { issuer, authorization, token, jwks, userinfo: url(body.userinfo_endpoint) };
  }

  private keys(uri: URL): ReturnType<typeof createRemoteJWKSet> {
    if (this.jwks?.uri !== uri.href) {
      this.jwks = {
        uri: uri.href,
        keys: createRemoteJWKSet(uri, {
          timeoutDuration: this.http.timeoutMs,
          cooldownDuration: JWKS_COOLDOWN_MS,
          cacheMaxAge: JWKS_CACHE_MS,
        }),
      };
    }
    return this.jwks.keys;
  }

  /** jose's errors of fetching the keys (not of the token) as the outage they are. */
  private keyOutage(err: unknown) {
    if (err instanceof joseErrors.JWKSTimeout)
      return this.http.outage('signing keys (JWKS)', 'no answer in time', err);
    if (err instanceof joseErrors.JWKSInvalid)
      return this.http.outage('signing keys (JWKS)', 'not a JSON Web Key Set', err);
    // A failed fetch (fetch's TypeError, by name: it may come from another realm) or a non-200
    // answer (a generic JOSEError).
    const isGeneric = err instanceof joseErrors.JOSEError && err.code === joseErrors.JOSEError.code;
    if ((err as { name?: unknown } | null)?.name === 'TypeError' || isGeneric)
      return this.http.outage('signing keys (JWKS)', 'it could not be fetched', err);
    return undefined;
  }
}
