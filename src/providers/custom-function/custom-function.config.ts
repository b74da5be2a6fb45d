import { functionSetting } from '../config-checks';
import type { ProviderTypeRules } from '../provider-type';

/** custom-function: logins are decided by the function `authFunctionId`/`authFunctionName`. */
export const customFunctionRules: ProviderTypeRules = {
  configKeys: ['authFunctionId', 'authFunctionName'],
  secretKeys: [],
  acceptsRedirectUris: false,
  acceptsDomainRestrictions: false,
  validate(p, config) {
    functionSetting(p, config, 'authFunction', true);
  },
  functionSettings: () => [{ setting: 'authFunction', isUsed: true }],
};
