import type { ProviderDefinition } from '../provider-type';
import { localUserpassRules } from './local-userpass.config';
import { localUserpassProvider } from './local-userpass.login';

/** local-userpass: email/password users, confirmed and reset by email or by a function. */
export const localUserpass = {
  type: 'local-userpass',
  rules: localUserpassRules,
  login: (deps) => localUserpassProvider(deps.userpassAccounts),
} as const satisfies ProviderDefinition;
