import { DigestAuthService, DIGEST_NONCE_TTL_MS } from '../atlas/digest-auth.service';
import { atlasGroupsHandlers } from '../atlas/groups.routes';
import type { Config } from '../config/config';
import type { LoginRateLimiter } from '../domain/rate-limits/login-rate-limiter';
import type { RequestVerifier } from '../http/authenticate';
import { DigestNonces } from '../security/digest-nonce';
import { originSettings } from './origin';
import type { Stores } from './stores';

/**
 * The part of MongoDB Atlas' public API v1.0 the App Services CLI calls: its handlers and the
 * Digest verifier of admin keys, which shares the admin login's rate limiter.
 */
export function buildAtlasApi(
  stores: Stores,
  adminLoginLimiter: LoginRateLimiter,
  nonceKey: Buffer,
  config: Config,
  now: () => Date,
) {
  const digest = new DigestAuthService(
    stores.adminKeys,
    new DigestNonces(nonceKey, DIGEST_NONCE_TTL_MS, now),
    adminLoginLimiter,
  );
  const handlers = atlasGroupsHandlers({
    groups: stores.adminGroups,
    origin: originSettings(config),
  });
  const requestVerifiers: { digestAuth: RequestVerifier } = {
    digestAuth: (request) => digest.authenticate(request),
  };
  return { handlers, requestVerifiers };
}
