import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import mongoose from 'mongoose';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import { UnauthorizedError } from '../../errors/app-error';
import { constantTimeEqualHex, randomToken, sha256Hex } from '../../security/hashing';
import { isAnonymousUser, type IdentityRef, type UserDoc } from '../users/user.model';
import type { UserStore } from '../users/user.store';
import type { RecentSessionChecks } from './recent-session-checks';
import type { UserSessionDoc } from './user-session.model';
import type { UserSessionStore } from './user-session.store';
import { USER_TOKEN_ALG, type SigningKeyStore } from './signing-keys';
import { VerifiedUserTokens } from './verified-user-tokens';

export const ACCESS_TOKEN_TTL_SECONDS = 30 * 60;
/** Anonymous sessions do not expire in practice (App Services issues 50-year refresh tokens). */
export const ANONYMOUS_REFRESH_TTL_SECONDS = 50 * 365 * 24 * 60 * 60;
/** Tokens larger than this are refused before any parsing. */
const MAX_TOKEN_LENGTH = 32 * 1024;
const OBJECT_ID = /^[0-9a-f]{24}$/;

export interface UserPrincipal {
  readonly kind: 'user';
  readonly app: DeployedApp;
  readonly user: UserDoc;
  readonly session: UserSessionDoc;
  /**
   * The identity an access token issued by a login (or link) was issued for: requests made with
   * it see that identity's metadata as the user's `data`. Absent for refresh tokens and for
   * access tokens issued by a refresh, which see the user's latest login's.
   */
  readonly identity?: IdentityRef;
}

export interface IssuedSession {
  access_token: string;
  refresh_token: string;
  user_id: string;
  device_id: string;
}

type TokenType = 'access' | 'refresh';

/** A well-formed token of the other type (an access token where a refresh token belongs). */
export class IncorrectTokenTypeError extends UnauthorizedError {}

/**
 * The one token service for end users: issues a session (access + refresh token), re-issues
 * access tokens, verifies both kinds, revokes. Tokens are RS256 JWTs signed with the app's own
 * key (see SigningKeyStore), carry the claims the SDKs read, and have `aud` = the client app id.
 */
export class UserTokenService {
  private readonly verified: VerifiedUserTokens;

  constructor(
    private readonly sessions: UserSessionStore,
    private readonly users: UserStore,
    private readonly keys: SigningKeyStore,
    private readonly apps: DeployedConfigReader,
    private readonly checks: RecentSessionChecks,
    private readonly now: () => Date,
  ) {
    this.verified = new VerifiedUserTokens(now);
  }

  async startSession(
    app: DeployedApp,
    user: UserDoc,
    identity: UserSessionDoc['identity'],
    deviceId: string,
    userData: Record<string, unknown> | undefined,
  ): Promise<IssuedSession> {
    const ttl = isAnonymousUser(user)
      ? ANONYMOUS_REFRESH_TTL_SECONDS
      : app.config.security.refresh_token_expiration_seconds;
    const sid = new mongoose.Types.ObjectId();
    const iat = this.nowSeconds();
    const refreshToken = await this.sign(
      app,
      'refresh',
      {
        baas_data: null,
        baas_device_id: deviceId,
        baas_domain_id: app.appId,
        baas_id: sid.toHexString(),
        baas_identity: identity,
        stitch_data: null,
        stitch_devId: deviceId,
        stitch_domainId: app.appId,
        stitch_id: sid.toHexString(),
        stitch_ident: identity,
        jti: randomToken(16),
        sub: user._id.toHexString(),
      },
      iat,
      ttl,
    );
    const session: UserSessionDoc = {
      _id: sid,
      app_id: new mongoose.Types.ObjectId(app.appId),
      user_id: user._id,
      identity,
      device_id: deviceId,
      refresh_hash: sha256Hex(refreshToken),
      created_at: new Date(iat * 1000),
      expires_at: new Date((iat + ttl) * 1000),
      revoked_at: null,
    };
    await this.sessions.insert(session);
    return {
      access_token: await this.accessToken(app, user, session, userData, identity),
      refresh_token: refreshToken,
      user_id: user._id.toHexString(),
      device_id: deviceId,
    };
  }

  /**
   * An access token of the session. `identity` is given for the token a login (or link) answers
   * with: it names the identity that logged in (`baas_identity`, as refresh tokens name theirs),
   * so that requests made with it see that identity's metadata (see UserPrincipal.identity).
   */
  accessToken(
    app: DeployedApp,
    user: UserDoc,
    session: UserSessionDoc,
    userData: Record<string, unknown> | undefined,
    identity?: UserSessionDoc['identity'],
  ): Promise<string> {
    return this.sign(
      app,
      'access',
      {
        baas_device_id: session.device_id,
        baas_domain_id: app.appId,
        ...(identity ? { baas_identity: identity } : {}),
        iss: session._id.toHexString(),
        stitch_devId: session.device_id,
        stitch_domainId: app.appId,
        sub: user._id.toHexString(),
        ...(userData ? { user_data: userData } : {}),
      },
      this.nowSeconds(),
      ACCESS_TOKEN_TTL_SECONDS,
    );
  }

  verifyAccessToken(token: string): Promise<UserPrincipal> {
    return this.verify(token, 'access');
  }

  verifyRefreshToken(token: string): Promise<UserPrincipal> {
    return this.verify(token, 'refresh');
  }

  /**
   * Ends a session the caller has just verified (so not yet revoked), by `_id` alone: the filter
   * FerretDB answers from an index. Of concurrent logouts of one session the last time stays.
   */
  async revokeSession(sessionId: mongoose.Types.ObjectId): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  /**
   * The user of a session verified earlier (the browser redirect flow's `link=true`, whose
   * callback carries no token), if the session is still live and the user still enabled.
   */
  async sessionPrincipal(
    app: DeployedApp,
    sessionId: string,
    userId: string,
  ): Promise<UserPrincipal> {
    if (!OBJECT_ID.test(sessionId) || !OBJECT_ID.test(userId))
      throw new UnauthorizedError('invalid session');
    const { session, user } = await this.liveSession(app, sessionId, userId);
    return { kind: 'user', app, user, session };
  }

  /**
   * The session and its user, both of the app, the session neither revoked nor expired, the user
   * enabled. With `reuse` (access tokens only), a check of the session this process made less than
   * USER_SESSION_CHECK_TTL_MS ago is used instead of reading both again (see RecentSessionChecks).
   */
  private async liveSession(app: DeployedApp, sid: string, sub: string, reuse = false) {
    const recent = reuse ? this.checks.recent(sid) : undefined;
    const mark = recent ? undefined : this.checks.mark();
    // Looked up by _id alone (the one filter FerretDB can answer from an index), then checked.
    const [session, user] = recent
      ? [recent.session, recent.user]
      : await Promise.all([this.sessions.find(sid), this.users.findUser(sub)]);
    const belongs =
      session !== null &&
      user !== null &&
      user._id.toHexString() === sub &&
      session.user_id.equals(user._id) &&
      String(session.app_id) === app.appId &&
      String(user.app_id) === app.appId;
    if (!belongs || session.revoked_at !== null || session.expires_at <= this.now()) {
      throw new UnauthorizedError('invalid session: failed to find refresh token');
    }
    if (user.disabled) throw new UnauthorizedError('invalid session: user is disabled');
    if (reuse && mark) this.checks.keep(mark, { session, user });
    return { session, user };
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private async sign(
    app: DeployedApp,
    typ: TokenType,
    claims: Record<string, unknown>,
    iat: number,
    ttl: number,
  ): Promise<string> {
    const key = await this.keys.activeKey(app.appId);
    return new SignJWT({ ...claims, typ })
      .setProtectedHeader({ alg: USER_TOKEN_ALG, typ: 'JWT', kid: key.kid })
      .setAudience(app.clientAppId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(key.privateKey);
  }

  private async verify(token: string, expected: TokenType): Promise<UserPrincipal> {
    const invalid =
      expected === 'access' ? 'invalid session' : 'invalid session: failed to find refresh token';
    if (token.length > MAX_TOKEN_LENGTH) throw new UnauthorizedError(`${invalid}: token too large`);
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new UnauthorizedError(expected === 'access' ? invalid : 'signature is invalid');
    }
    // The token names its app; the app's own key must have signed it, for that app's audience.
    const aud = typeof unverified.aud === 'string' ? unverified.aud : '';
    const app = aud ? await this.apps.getDeployedConfig(aud) : null;
    const key =
      app && header.alg === USER_TOKEN_ALG && typeof header.kid === 'string'
        ? await this.keys.publicKey(app.appId, header.kid)
        : undefined;
    if (!app || !key || unverified.baas_domain_id !== app.appId) {
      throw new UnauthorizedError(expected === 'access' ? invalid : 'signature is invalid');
    }
    const hash = sha256Hex(token);
    const claims = await this.verified.claims(token, hash, key, app, expected, invalid);
    // The type is read only from a verified token: a forged one is a 401, whatever it claims.
    if (claims.typ !== expected) {
      throw new IncorrectTokenTypeError(
        expected === 'refresh'
          ? 'invalid refresh token: incorrect token type'
          : 'invalid session: incorrect token type',
      );
    }
    const sid = String(claims.sid);
    const sub = String(claims.sub);
    if (!OBJECT_ID.test(sid) || !OBJECT_ID.test(sub)) throw new UnauthorizedError(invalid);
    const { session, user } = await this.liveSession(app, sid, sub, expected === 'access');
    if (expected === 'refresh' && !constantTimeEqualHex(session.refresh_hash, hash)) {
      throw new UnauthorizedError('invalid session: failed to find refresh token');
    }
    const identity = expected === 'access' ? identityRef(claims.identity) : undefined;
    return { kind: 'user', app, user, session, ...(identity ? { identity } : {}) };
  }
}

/** The `baas_identity` claim of a verified access token, when it has one. */
function identityRef(claim: unknown): IdentityRef | undefined {
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { id, provider_type } = claim as Record<string, unknown>;
  return typeof id === 'string' && typeof provider_type === 'string'
    ? { id, provider_type }
    : undefined;
}
