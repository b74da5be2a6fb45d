import { isNonEmptyString, requiredString } from './checks';
import type { ProviderTypeRules } from './types';

/** custom-function: logins are decided by the function named `authFunctionName`. */
export const customFunction: ProviderTypeRules = {
  configKeys: ['authFunctionName'],
  secretKeys: [],
  acceptsRedirectUris: false,
  acceptsDomainRestrictions: false,
  validate(p, config) {
    requiredString(p, 'config.authFunctionName', config.authFunctionName);
  },
  functionRefs: (config) =>
    isNonEmptyString(config.authFunctionName)
      ? [{ key: 'authFunctionName', name: config.authFunctionName }]
      : [],
};
