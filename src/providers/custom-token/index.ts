import type { ProviderDefinition } from '../provider-type';
import { customTokenRules } from './custom-token.config';
import { customTokenProvider } from './custom-token.login';

/** custom-token (Custom JWT): logins with JWTs signed by the app's keys or a JWK URI's. */
export const customToken = {
  type: 'custom-token',
  rules: customTokenRules,
  login: (deps) => customTokenProvider({ resolveSecret: deps.resolveSecret, now: deps.now }),
} as const satisfies ProviderDefinition;
