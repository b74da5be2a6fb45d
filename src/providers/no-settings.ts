import type { ProviderTypeRules } from './provider-type';

/** anon-user and api-key: nothing to configure, no metadata (API-key users get `name` always). */
export const noSettings: ProviderTypeRules = {
  configKeys: [],
  secretKeys: [],
  acceptsRedirectUris: false,
  acceptsDomainRestrictions: false,
  validate: () => undefined,
};
