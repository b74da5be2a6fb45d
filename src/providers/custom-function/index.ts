import type { ProviderDefinition } from '../provider-type';
import { customFunctionRules } from './custom-function.config';
import { customFunctionProvider } from './custom-function.login';

/** custom-function: the app's authentication function decides who logs in. */
export const customFunction = {
  type: 'custom-function',
  rules: customFunctionRules,
  login: (deps) => customFunctionProvider(deps.functions),
} as const satisfies ProviderDefinition;
