import type { ProviderDefinition } from '../provider-type';
import { oauth2AppleRules } from './oauth2-apple.config';

/** oauth2-apple: configurable; no login strategy yet, so its logins are refused as unsupported. */
export const oauth2Apple = {
  type: 'oauth2-apple',
  rules: oauth2AppleRules,
} as const satisfies ProviderDefinition;
