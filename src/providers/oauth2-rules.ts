import type { AuthProviderConfig } from '../app-config/app-config.types';
import { invalid, isNonEmptyString, optionalBoolean, optionalString } from './config-checks';
import { oauth2MetadataFields } from './metadata-fields';
import type { ProviderTypeRules } from './provider-type';

function validateOAuth2(
  p: AuthProviderConfig,
  config: Record<string, unknown>,
  secrets: Record<string, unknown>,
): void {
  optionalString(p, 'config.clientId', config.clientId);
  optionalBoolean(p, 'config.openId', config.openId);
  if (!p.disabled && !isNonEmptyString(config.clientId))
    throw invalid(p, 'config.clientId is required for an enabled provider');
  const secret = secrets.clientSecret;
  if (secret !== undefined && !isNonEmptyString(secret))
    throw invalid(p, 'secret_config.clientSecret must be the name of a secret');
}

/**
 * The rules the OAuth 2.0 provider types share: a client id, the client secret by secret name,
 * redirect URIs, and the profile fields to request. The types differ in their config keys and in
 * whether logins can be restricted to email domains.
 */
export const oauth2Rules = (
  configKeys: readonly string[],
  acceptsDomainRestrictions: boolean,
): ProviderTypeRules => ({
  configKeys,
  secretKeys: ['clientSecret'],
  acceptsRedirectUris: true,
  acceptsDomainRestrictions,
  metadataFields: oauth2MetadataFields,
  validate: validateOAuth2,
});
