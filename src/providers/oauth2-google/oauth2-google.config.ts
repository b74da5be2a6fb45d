import { oauth2Rules } from '../oauth2-rules';
import type { ProviderTypeRules } from '../provider-type';

/** oauth2-google: the OAuth 2.0 settings plus `openId`; logins may be limited to email domains. */
export const oauth2GoogleRules: ProviderTypeRules = oauth2Rules(['clientId', 'openId'], true);
