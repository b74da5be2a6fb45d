import type { ProviderDefinition } from '../provider-type';
import { oauth2FacebookRules } from './oauth2-facebook.config';
import { facebookProvider } from './oauth2-facebook.login';

/** oauth2-facebook: Facebook Login by user access token, checked to be for the app. */
export const oauth2Facebook = {
  type: 'oauth2-facebook',
  rules: oauth2FacebookRules,
  login: facebookProvider,
} as const satisfies ProviderDefinition;
