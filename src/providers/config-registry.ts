import { customFunction } from './custom-function/custom-function.config';
import { customToken } from './custom-token/custom-token.config';
import { localUserpass } from './local-userpass/local-userpass.config';
import { noSettings } from './no-settings';
import { oauth2AppleRules } from './oauth2-apple/oauth2-apple.config';
import { oauth2FacebookRules } from './oauth2-facebook/oauth2-facebook.config';
import { oauth2GoogleRules } from './oauth2-google/oauth2-google.config';
import type { ProviderTypeRules } from './provider-type';

/** The provider types App Services has (the spec's `ProviderType`). */
export const PROVIDER_TYPE_NAMES = [
  'anon-user',
  'local-userpass',
  'api-key',
  'custom-token',
  'custom-function',
  'oauth2-google',
  'oauth2-facebook',
  'oauth2-apple',
] as const;
export type ProviderType = (typeof PROVIDER_TYPE_NAMES)[number];

/** One entry per provider type; a new type is one file and one line here. */
export const PROVIDER_TYPES: Readonly<Record<ProviderType, ProviderTypeRules>> = {
  'anon-user': noSettings,
  'local-userpass': localUserpass,
  'api-key': noSettings,
  'custom-token': customToken,
  'custom-function': customFunction,
  'oauth2-google': oauth2GoogleRules,
  'oauth2-facebook': oauth2FacebookRules,
  'oauth2-apple': oauth2AppleRules,
};

export function rulesFor(type: string): ProviderTypeRules | undefined {
  return Object.hasOwn(PROVIDER_TYPES, type) ? PROVIDER_TYPES[type as ProviderType] : undefined;
}
