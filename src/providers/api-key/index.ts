import { noSettings } from '../no-settings';
import type { ProviderDefinition } from '../provider-type';
import { apiKeyProvider } from './api-key.login';

/** api-key: logins with user and server API keys. */
export const apiKey = {
  type: 'api-key',
  rules: noSettings,
  login: (deps) => apiKeyProvider(deps.apiKeys),
} as const satisfies ProviderDefinition;
