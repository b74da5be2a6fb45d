import type { ProviderDefinition } from '../provider-type';
import { oauth2AppleRules } from './oauth2-apple.config';
import { appleProvider } from './oauth2-apple.login';

/** oauth2-apple: Sign in with Apple by ID token. */
export const oauth2Apple = {
  type: 'oauth2-apple',
  rules: oauth2AppleRules,
  login: appleProvider,
} as const satisfies ProviderDefinition;
