import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import mongoose from 'mongoose';
import { UnauthorizedError } from '../../errors/app-error';
import { constantTimeEqualHex, randomToken, sha256Hex } from '../../security/hashing';
import type { AdminKeyService, AdminRole } from './admin-key.service';
import type { AdminSessionModel } from './admin-session.model';

const ISSUER = 'open-app-services';
const AUDIENCE = 'open-app-services:admin';

export interface AdminPrincipal {
  readonly kind: 'admin';
  readonly keyId: string;
  readonly publicKey: string;
  readonly sessionId: string;
  readonly roles: readonly AdminRole[];
}

export interface AdminLoginResult {
  access_token: string;
  refresh_token: string;
  user_id: string;
  device_id: string;
}

export interface AdminTokenSettings {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

type TokenType = 'access' | 'refresh';
interface AdminClaims extends JWTPayload {
  typ: TokenType;
  sid: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;
/**
 * How long a session check (session live, key not revoked) is reused. Logout and key revocation
 * in this process take effect at once; done by another process sharing the database, within this.
 */
const SESSION_CHECK_TTL_MS = 1000;
/** How many verified access tokens are remembered (see verifySignature). */
const MAX_VERIFIED = 10_000;

/**
 * Issues, refreshes, verifies and revokes admin sessions. Tokens are HS256 JWTs signed with a
 * secret shared through the database; every use also checks that the session and the key are
 * still live, so logout and key revocation take effect at once.
 */
export class AdminTokenService {
  private readonly checked = new Map<string, { principal: AdminPrincipal; at: number }>();
  private readonly verified = new Map<string, AdminClaims>();

  constructor(
    private readonly sessions: AdminSessionModel,
    private readonly keys: AdminKeyService,
    private readonly signingKey: Uint8Array,
    private readonly settings: AdminTokenSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(publicKey: string, privateKey: string): Promise<AdminLoginResult> {
    const key = await this.keys.verifyPair(publicKey, privateKey);
    const sid = new mongoose.Types.ObjectId();
    const deviceId = new mongoose.Types.ObjectId();
    const keyId = key._id.toHexString();
    const refreshToken = await this.sign(
      'refresh',
      keyId,
      sid.toHexString(),
      this.settings.refreshTtlSeconds,
    );
    const created = this.now();
    await this.sessions.create({
      _id: sid,
      key_id: key._id,
      refresh_hash: sha256Hex(refreshToken),
      device_id: deviceId,
      created_at: created,
      expires_at: new Date(created.getTime() + this.settings.refreshTtlSeconds * 1000),
    });
    const accessToken = await this.sign(
      'access',
      keyId,
      sid.toHexString(),
      this.settings.accessTtlSeconds,
    );
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      user_id: keyId,
      device_id: deviceId.toHexString(),
    };
  }

  /** A new access token for the session of a verified refresh token. */
  accessTokenFor(principal: AdminPrincipal): Promise<string> {
    return this.sign(
      'access',
      principal.keyId,
      principal.sessionId,
      this.settings.accessTtlSeconds,
    );
  }

  async revoke(principal: AdminPrincipal): Promise<void> {
    this.checked.delete(principal.sessionId);
    await this.sessions.updateOne(
      { _id: principal.sessionId, revoked_at: null },
      { $set: { revoked_at: this.now() } },
    );
  }

  /** Forgets cached session checks of a key (call when it is revoked). */
  forgetKey(keyId: string): void {
    for (const [sid, entry] of this.checked)
      if (entry.principal.keyId === keyId) this.checked.delete(sid);
  }

  verifyAccessToken(token: string): Promise<AdminPrincipal> {
    return this.verify(token, 'access');
  }

  verifyRefreshToken(token: string): Promise<AdminPrincipal> {
    return this.verify(token, 'refresh');
  }

  private async sign(
    typ: TokenType,
    keyId: string,
    sid: string,
    ttlSeconds: number,
  ): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ typ, sid, ...(typ === 'refresh' ? { jti: randomToken(16) } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(keyId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.signingKey);
  }

  private async verify(token: string, expected: TokenType): Promise<AdminPrincipal> {
    const claims = await this.verifySignature(token, expected);
    if (claims.typ !== expected) {
      throw new UnauthorizedError(
        expected === 'refresh'
          ? 'invalid refresh token: incorrect token type'
          : 'invalid session: a refresh token cannot be used as an access token',
      );
    }
    const keyId = claims.sub ?? '';
    if (!OBJECT_ID.test(keyId) || !OBJECT_ID.test(claims.sid))
      throw new UnauthorizedError('invalid session');
    // Access tokens reuse a recent check of their session (signature and expiry are always checked).
    const recent = this.checked.get(claims.sid);
    if (
      expected === 'access' &&
      recent?.principal.keyId === keyId &&
      this.now().getTime() - recent.at < SESSION_CHECK_TTL_MS
    ) {
      return recent.principal;
    }
    const [session, key] = await Promise.all([
      this.sessions.findOne({ _id: claims.sid, key_id: keyId }).lean(),
      this.keys.findActive(keyId),
    ]);
    if (!session || session.revoked_at !== null || session.expires_at <= this.now()) {
      throw new UnauthorizedError('invalid session: failed to find refresh token');
    }
    if (!key) throw new UnauthorizedError('invalid session: the API key was revoked');
    if (expected === 'refresh' && !constantTimeEqualHex(session.refresh_hash, sha256Hex(token))) {
      throw new UnauthorizedError('invalid session: failed to find refresh token');
    }
    const principal: AdminPrincipal = {
      kind: 'admin',
      keyId,
      publicKey: key.public_key,
      sessionId: claims.sid,
      roles: key.roles,
    };
    if (this.checked.size > 10_000) this.checked.clear();
    this.checked.set(claims.sid, { principal, at: this.now().getTime() });
    return principal;
  }

  /**
   * The claims of a token whose signature, issuer, audience and expiry hold. An access token is
   * presented again and again: once its signature is verified, the token (the exact bytes that
   * were signed, with the process's one signing key) is remembered, and a later use only checks
   * its expiry again, never the signature. Its session is checked as always (see verify).
   */
  private async verifySignature(token: string, expected: TokenType): Promise<AdminClaims> {
    const seen = expected === 'access' ? this.verified.get(token) : undefined;
    if (seen && (seen.exp ?? 0) > Math.floor(this.now().getTime() / 1000)) return seen;
    const claims = await this.verifyJwt(token, expected);
    if (expected === 'access' && claims.typ === 'access') {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, claims);
    }
    return claims;
  }

  private async verifyJwt(token: string, expected: TokenType): Promise<AdminClaims> {
    try {
      const { payload } = await jwtVerify<AdminClaims>(token, this.signingKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      if (
        typeof payload.sid !== 'string' ||
        (payload.typ !== 'access' && payload.typ !== 'refresh')
      ) {
        throw new UnauthorizedError('invalid session: malformed token');
      }
      return payload;
    } catch (err) {
      if (err instanceof UnauthorizedError) throw err;
      if (err instanceof joseErrors.JWTExpired) {
        throw new UnauthorizedError(
          expected === 'access'
            ? 'invalid session: access token expired'
            : 'invalid session: refresh token expired',
        );
      }
      throw new UnauthorizedError(
        expected === 'refresh'
          ? 'invalid refresh token: token is malformed or has a bad signature'
          : 'invalid session: token is malformed or has a bad signature',
      );
    }
  }
}

/**
 * Ends every live session of a key (used when the key is revoked, e.g. by the admin CLI): this
 * file is the one writer of admin sessions.
 */
export async function revokeSessionsOfKey(
  sessions: AdminSessionModel,
  keyId: mongoose.Types.ObjectId,
  now: Date,
): Promise<void> {
  await sessions.updateMany({ key_id: keyId, revoked_at: null }, { $set: { revoked_at: now } });
}
