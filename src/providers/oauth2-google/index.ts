import type { ProviderDefinition } from '../provider-type';
import { oauth2GoogleRules } from './oauth2-google.config';
import { googleProvider } from './oauth2-google.login';

/** oauth2-google: Google sign-in by ID token (OpenID Connect) or server auth code. */
export const oauth2Google = {
  type: 'oauth2-google',
  rules: oauth2GoogleRules,
  login: googleProvider,
} as const satisfies ProviderDefinition;
