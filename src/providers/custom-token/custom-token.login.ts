import type { SecretResolver } from '../../app-config/secret-resolver';
import { UnauthorizedError } from '../../errors/app-error';
import { checkCustomTokenClaims, customTokenSettings } from './custom-token-claims';
import { CustomTokenSignatures } from './custom-token-keys';
import { jwtMetadataFields, mapJwtMetadata } from '../jwt-metadata';
import type { LoginProvider } from '../login-provider';

/** Longer tokens are refused before any parsing (App Services' limit). */
export const MAX_CUSTOM_TOKEN_CHARS = 1_000_000;

export interface CustomTokenDeps {
  /** Secret values by name (signing keys), read at each login so rotations apply at once. */
  resolveSecret: SecretResolver;
  now: () => Date;
}

const unauthorized = () => new UnauthorizedError('unauthorized', 'AuthError');

/**
 * custom-token (Custom JWT): body `{token}`. The token must be signed with one of the provider's
 * keys, unexpired, for the right audience, with a `sub` (the identity id). The configured
 * metadata fields become the identity's data; a required one missing fails the login before
 * anything is stored. Every failure is 401 AuthError "unauthorized" (or the metadata message).
 */
export function customTokenProvider(deps: CustomTokenDeps): LoginProvider {
  const signatures = new CustomTokenSignatures(deps.resolveSecret);
  return {
    async authenticate({ app, provider, payload }) {
      const token = payload.token;
      if (typeof token !== 'string' || token === '' || token.length > MAX_CUSTOM_TOKEN_CHARS)
        throw unauthorized();
      const settings = customTokenSettings(provider);
      const claims = await signatures.verify(app.appId, token, settings);
      if (!claims) throw unauthorized();
      const sub = checkCustomTokenClaims(claims, settings, app.clientAppId, deps.now());
      if (sub === undefined) throw unauthorized();
      const data = mapJwtMetadata(claims, jwtMetadataFields(provider.metadata_fields));
      return { externalId: sub, data };
    },
  };
}
