import type { ProviderDefinition } from '../provider-type';
import { oauth2GoogleRules } from './oauth2-google.config';

/** oauth2-google: configurable; no login strategy yet, so its logins are refused as unsupported. */
export const oauth2Google = {
  type: 'oauth2-google',
  rules: oauth2GoogleRules,
} as const satisfies ProviderDefinition;
