import type { AuthProviderConfig } from '../../app-config/app-config.types';
import {
  functionSetting,
  invalid,
  isAbsoluteUrl,
  isNonEmptyString,
  optionalBoolean,
  optionalString,
} from '../config-checks';
import type { ProviderTypeRules } from '../provider-type';

const BOOLEANS = ['autoConfirm', 'runConfirmationFunction', 'runResetFunction'] as const;
const STRINGS = [
  'emailConfirmationUrl',
  'confirmEmailSubject',
  'resetPasswordUrl',
  'resetPasswordSubject',
] as const;
const FUNCTION_KEYS = [
  'confirmationFunctionId',
  'confirmationFunctionName',
  'resetFunctionId',
  'resetFunctionName',
] as const;

const confirmsByFunction = (c: Record<string, unknown>): boolean =>
  c.autoConfirm !== true && c.runConfirmationFunction === true;
const resetsByFunction = (c: Record<string, unknown>): boolean => c.runResetFunction === true;

function requiredUrl(p: AuthProviderConfig, key: string, v: unknown, why: string): void {
  if (!isAbsoluteUrl(v)) throw invalid(p, `config.${key} must be an absolute URL ${why}`);
}

/**
 * local-userpass: the spec's six combinations are one choice for confirming new users
 * (automatic, built-in email, or a function) times one for password resets (built-in email or a
 * function). Settings of the modes not chosen may stay in the config, as exports keep them.
 */
export const localUserpassRules: ProviderTypeRules = {
  configKeys: [...BOOLEANS, ...STRINGS, ...FUNCTION_KEYS],
  secretKeys: [],
  acceptsRedirectUris: false,
  acceptsDomainRestrictions: false,
  validate(p, c) {
    for (const key of BOOLEANS) optionalBoolean(p, `config.${key}`, c[key]);
    for (const key of STRINGS) optionalString(p, `config.${key}`, c[key]);
    functionSetting(p, c, 'confirmationFunction', confirmsByFunction(c));
    functionSetting(p, c, 'resetFunction', resetsByFunction(c));

    if (c.autoConfirm === true) {
      if (c.runConfirmationFunction === true)
        throw invalid(
          p,
          'config.autoConfirm and config.runConfirmationFunction cannot both be true',
        );
    } else if (!confirmsByFunction(c)) {
      const why = 'for email confirmation (or set autoConfirm or runConfirmationFunction)';
      requiredUrl(p, 'emailConfirmationUrl', c.emailConfirmationUrl, why);
      if (!isNonEmptyString(c.confirmEmailSubject))
        throw invalid(p, `config.confirmEmailSubject is required ${why}`);
    }

    if (!resetsByFunction(c)) {
      const why = 'for password reset emails (or set runResetFunction)';
      requiredUrl(p, 'resetPasswordUrl', c.resetPasswordUrl, why);
      if (!isNonEmptyString(c.resetPasswordSubject))
        throw invalid(p, `config.resetPasswordSubject is required ${why}`);
    }
  },
  functionSettings: (c) => [
    { setting: 'confirmationFunction', isUsed: confirmsByFunction(c) },
    { setting: 'resetFunction', isUsed: resetsByFunction(c) },
  ],
};
