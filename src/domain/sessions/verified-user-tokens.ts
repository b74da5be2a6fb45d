import { errors as joseErrors, jwtVerify, type CryptoKey } from 'jose';
import type { DeployedApp } from '../../app-config/deployed-app';
import { UnauthorizedError } from '../../errors/app-error';
import { USER_TOKEN_ALG } from './signing-keys';

/** How many verified tokens are remembered (see VerifiedUserTokens). */
const MAX_VERIFIED = 10_000;

/** What verify reads of a token's verified claims (no custom user data: kept small). */
interface VerifiedClaims {
  readonly typ: unknown;
  readonly sid: unknown;
  readonly sub: unknown;
  readonly exp: number;
  readonly identity: unknown;
}

type TokenType = 'access' | 'refresh';

/** User tokens whose signature was verified, by their SHA-256 (see `claims`). */
export class VerifiedUserTokens {
  private readonly verified = new Map<string, VerifiedClaims>();

  constructor(private readonly now: () => Date) {}

  /**
   * The claims of a token signed with the app's key for its audience, unexpired. A token is
   * presented again and again (an access token at every request, a refresh token at every
   * refresh): once its signature is verified, what verify reads of it is remembered under the
   * token's SHA-256, and a later use checks only its expiry again, not the RSA signature. A
   * token is bound to its app and key (kid) by the lookups before this; the session and the
   * user are checked at every use as before.
   */
  async claims(
    token: string,
    hash: string,
    key: CryptoKey,
    app: DeployedApp,
    expected: TokenType,
    invalid: string,
  ): Promise<VerifiedClaims> {
    const seen = this.verified.get(hash);
    if (seen && seen.exp > Math.floor(this.now().getTime() / 1000)) return seen;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: [USER_TOKEN_ALG],
        audience: app.clientAppId,
        currentDate: this.now(),
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new UnauthorizedError(`${invalid}: token expired`);
      throw new UnauthorizedError(expected === 'access' ? invalid : 'signature is invalid');
    }
    const claims: VerifiedClaims = {
      typ: payload.typ,
      sid: payload.typ === 'refresh' ? payload.baas_id : payload.iss,
      sub: payload.sub,
      exp: typeof payload.exp === 'number' ? payload.exp : 0,
      identity: payload.baas_identity,
    };
    if (claims.exp > 0) {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(hash, claims);
    }
    return claims;
  }
}
