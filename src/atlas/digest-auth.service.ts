import { DIGEST_REALM } from '../domain/admins/admin-key-digest';
import type { AdminKeyService } from '../domain/admins/admin-key.service';
import type { LoginRateLimiter } from '../domain/rate-limits/login-rate-limiter';
import { UnauthorizedError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import type { CredentialRequest } from '../http/authenticate';
import type { DigestNonces } from '../security/digest-nonce';
import {
  formatDigestChallenge,
  isDigestResponseValid,
  parseDigestAuthorization,
} from '../security/http-digest';
import type { AdminKeyPrincipal } from './atlas-principal';

/** How long a nonce is good for; then a right response gets `401` with `stale=true`. */
export const DIGEST_NONCE_TTL_MS = 5 * 60_000;

const NO_CREDENTIALS =
  'must authenticate first: send HTTP Digest credentials (the public API key as the username, the private API key as the password)';
const MALFORMED =
  'malformed Digest credentials: expected MD5 with qop=auth, the realm of the challenge and the URI of the request';

/** A right response to an expired nonce: the attempt neither counts nor clears the key's count. */
class StaleNonce extends Error {}

/**
 * HTTP Digest authentication of admin API keys for the public API. A password check like the
 * admin login, so under the same limits (the limiter is the admin login's): every attempt with
 * credentials counts against the client IP; a wrong response against the public key, whose count
 * a right one clears. Every 401 carries a fresh challenge.
 */
export class DigestAuthService {
  constructor(
    private readonly keys: AdminKeyService,
    private readonly nonces: DigestNonces,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async authenticate(req: CredentialRequest): Promise<AdminKeyPrincipal> {
    const header = req.authorization?.trim();
    if (!header || !/^Digest(\s|$)/i.test(header))
      throw this.refuse(NO_CREDENTIALS, 'MissingAuthReq');
    await this.limiter.attemptFrom(req.ip);
    const creds = parseDigestAuthorization(header);
    if (!creds || creds.realm !== DIGEST_REALM || creds.uri !== req.uri)
      throw this.refuse(MALFORMED, 'AuthError');
    const nonce = this.nonces.check(creds.nonce);
    if (nonce === 'invalid')
      throw this.refuse('invalid nonce: use the nonce of a challenge', 'AuthError');
    try {
      const key = await this.limiter.forAccount(creds.username, async () => {
        const doc = await this.keys.verifyDigest(creds.username, (ha1) =>
          isDigestResponseValid(ha1, { method: req.method, uri: creds.uri }, creds),
        );
        if (nonce === 'stale') throw new StaleNonce();
        return doc;
      });
      return {
        kind: 'admin-key',
        keyId: key._id.toHexString(),
        publicKey: key.public_key,
        roles: key.roles,
      };
    } catch (err) {
      if (err instanceof StaleNonce)
        throw this.refuse('the nonce has expired: answer the new challenge', 'AuthError', true);
      if (err instanceof UnauthorizedError) throw this.refuse(err.message, err.code);
      throw err;
    }
  }

  private refuse(message: string, code: ErrorCode, stale = false): UnauthorizedError {
    return new UnauthorizedError(
      message,
      code,
      formatDigestChallenge(DIGEST_REALM, this.nonces.issue(), stale),
    );
  }
}
