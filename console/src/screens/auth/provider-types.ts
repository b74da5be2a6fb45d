import type { ProviderType } from '../../api/types';

/** A setting of a provider type's `config`, as the editor shows it. */
export interface ConfigSetting {
  key: string;
  label: string;
  kind: 'text' | 'boolean' | 'function' | 'select';
  options?: string[];
  description?: string;
}

export interface ProviderTypeInfo {
  type: ProviderType;
  label: string;
  settings: ConfigSetting[];
  /** `secret_config` keys: one secret name, or a list of them. */
  secrets: { key: string; label: string; multiple: boolean }[];
  metadata: 'oauth2' | 'jwt' | 'none';
  redirectUris: boolean;
  domainRestrictions: boolean;
}

/** The profile fields Google and Facebook can be asked for (seed 000's table). */
export const OAUTH2_METADATA: Partial<Record<ProviderType, string[]>> = {
  'oauth2-google': ['name', 'first_name', 'last_name', 'picture', 'email'],
  'oauth2-facebook': [
    'name',
    'first_name',
    'last_name',
    'picture',
    'gender',
    'birthday',
    'min_age',
    'max_age',
    'email',
  ],
  'oauth2-apple': ['name', 'email'],
};

const oauth2 = (
  type: ProviderType,
  label: string,
  extra: ConfigSetting[],
  domainRestrictions: boolean,
): ProviderTypeInfo => ({
  type,
  label,
  settings: [{ key: 'clientId', label: 'Client ID', kind: 'text' }, ...extra],
  secrets: [{ key: 'clientSecret', label: 'Client Secret', multiple: false }],
  metadata: 'oauth2',
  redirectUris: true,
  domainRestrictions,
});

const plain = (
  type: ProviderType,
  label: string,
  settings: ConfigSetting[] = [],
): ProviderTypeInfo => ({
  type,
  label,
  settings,
  secrets: [],
  metadata: 'none',
  redirectUris: false,
  domainRestrictions: false,
});

export const PROVIDER_TYPES: ProviderTypeInfo[] = [
  plain('anon-user', 'Anonymous'),
  plain('local-userpass', 'Email/Password', [
    { key: 'autoConfirm', label: 'Automatically confirm users', kind: 'boolean' },
    { key: 'runConfirmationFunction', label: 'Run a confirmation function', kind: 'boolean' },
    { key: 'confirmationFunctionName', label: 'Confirmation function', kind: 'function' },
    { key: 'emailConfirmationUrl', label: 'Email confirmation URL', kind: 'text' },
    { key: 'confirmEmailSubject', label: 'Confirmation email subject', kind: 'text' },
    { key: 'runResetFunction', label: 'Run a password reset function', kind: 'boolean' },
    { key: 'resetFunctionName', label: 'Password reset function', kind: 'function' },
    { key: 'resetPasswordUrl', label: 'Password reset URL', kind: 'text' },
    { key: 'resetPasswordSubject', label: 'Reset email subject', kind: 'text' },
  ]),
  plain('api-key', 'API Keys'),
  plain('custom-function', 'Custom Function', [
    { key: 'authFunctionName', label: 'Authentication function', kind: 'function' },
  ]),
  {
    type: 'custom-token',
    label: 'Custom JWT Authentication',
    settings: [
      {
        key: 'signingAlgorithm',
        label: 'Signing algorithm',
        kind: 'select',
        options: ['HS256', 'RS256'],
      },
      { key: 'audience', label: 'Audience', kind: 'text' },
      { key: 'requireAnyAudience', label: 'Require any of the audiences', kind: 'boolean' },
      { key: 'useJWKURI', label: 'Verify with a JWK URI', kind: 'boolean' },
      { key: 'jwkURI', label: 'JWK URI', kind: 'text' },
    ],
    secrets: [{ key: 'signingKeys', label: 'Signing keys (secrets)', multiple: true }],
    metadata: 'jwt',
    redirectUris: false,
    domainRestrictions: false,
  },
  oauth2(
    'oauth2-google',
    'Google',
    [{ key: 'openId', label: 'OpenID Connect', kind: 'boolean' }],
    true,
  ),
  oauth2('oauth2-facebook', 'Facebook', [], true),
  oauth2('oauth2-apple', 'Apple ID', [], false),
];

export const providerInfo = (type: string): ProviderTypeInfo | undefined =>
  PROVIDER_TYPES.find((p) => p.type === type);
