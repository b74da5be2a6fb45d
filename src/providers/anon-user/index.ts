import { noSettings } from '../no-settings';
import type { ProviderDefinition } from '../provider-type';
import { anonUserProvider } from './anon-user.login';

/** anon-user: every login is a new anonymous user. */
export const anonUser = {
  type: 'anon-user',
  rules: noSettings,
  login: () => anonUserProvider,
} as const satisfies ProviderDefinition;
