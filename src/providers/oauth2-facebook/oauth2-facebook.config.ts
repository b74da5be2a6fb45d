import { oauth2Rules } from '../oauth2-rules';
import type { ProviderTypeRules } from '../provider-type';

/** oauth2-facebook: the OAuth 2.0 settings; logins may be limited to email domains. */
export const oauth2FacebookRules: ProviderTypeRules = oauth2Rules(['clientId'], true);
