import type { ProviderDefinition } from '../provider-type';
import { oauth2FacebookRules } from './oauth2-facebook.config';

/** oauth2-facebook: configurable; no login strategy yet, so its logins are refused as unsupported. */
export const oauth2Facebook = {
  type: 'oauth2-facebook',
  rules: oauth2FacebookRules,
} as const satisfies ProviderDefinition;
