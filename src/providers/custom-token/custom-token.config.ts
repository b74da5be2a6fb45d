import type { AuthProviderConfig } from '../../app-config/app-config.types';
import { invalid, isHttpUrl, isNonEmptyString, optionalBoolean } from '../config-checks';
import { jwtMetadataFields } from '../metadata-fields';
import type { ProviderTypeRules } from '../provider-type';

const ALGORITHMS = ['HS256', 'RS256'];
const MAX_SIGNING_KEYS = 3;

function checkAudience(p: AuthProviderConfig, audience: unknown): void {
  // The spec types it as an array, the providers.json docs show a string: both are kept as given.
  if (audience === undefined || typeof audience === 'string') return;
  if (!Array.isArray(audience) || !audience.every((a) => typeof a === 'string'))
    throw invalid(p, 'config.audience must be a string or an array of strings');
}

function signingKeys(p: AuthProviderConfig, secrets: Record<string, unknown>): string[] {
  const keys = secrets.signingKeys;
  if (keys === undefined) return [];
  if (!Array.isArray(keys) || !keys.every(isNonEmptyString))
    throw invalid(p, 'secret_config.signingKeys must be an array of secret names');
  if (keys.length > MAX_SIGNING_KEYS)
    throw invalid(p, `secret_config.signingKeys may name at most ${MAX_SIGNING_KEYS} secrets`);
  if (new Set(keys).size !== keys.length)
    throw invalid(p, 'secret_config.signingKeys names a secret twice');
  return keys;
}

/**
 * custom-token (Custom JWT): JWTs signed with HS256/RS256 keys held in up to three secrets, or
 * verified against the keys published at `jwkURI` (RS256 only).
 */
export const customTokenRules: ProviderTypeRules = {
  configKeys: ['audience', 'requireAnyAudience', 'signingAlgorithm', 'useJWKURI', 'jwkURI'],
  secretKeys: ['signingKeys'],
  acceptsRedirectUris: false,
  acceptsDomainRestrictions: false,
  metadataFields: jwtMetadataFields,
  validate(p, c, secrets) {
    checkAudience(p, c.audience);
    optionalBoolean(p, 'config.requireAnyAudience', c.requireAnyAudience);
    optionalBoolean(p, 'config.useJWKURI', c.useJWKURI);
    if (c.signingAlgorithm !== undefined && !ALGORITHMS.includes(c.signingAlgorithm as string))
      throw invalid(p, `config.signingAlgorithm must be one of ${ALGORITHMS.join(', ')}`);
    const keys = signingKeys(p, secrets);
    if (c.useJWKURI === true) {
      if (!isHttpUrl(c.jwkURI))
        throw invalid(p, 'config.jwkURI must be an http(s) URL when config.useJWKURI is true');
      if (c.signingAlgorithm === 'HS256')
        throw invalid(p, 'keys from config.jwkURI must use RS256, not HS256');
    } else {
      if (c.jwkURI !== undefined && c.jwkURI !== '' && !isHttpUrl(c.jwkURI))
        throw invalid(p, 'config.jwkURI must be an http(s) URL');
      if (keys.length === 0)
        throw invalid(
          p,
          'secret_config.signingKeys must name 1 to 3 secrets unless config.useJWKURI is true',
        );
    }
  },
  secretLengths: (secrets) =>
    (Array.isArray(secrets.signingKeys) ? secrets.signingKeys : [])
      .filter(isNonEmptyString)
      .map((name) => ({ key: 'signingKeys', name, min: 32, max: 512 })),
};
