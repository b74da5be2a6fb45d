import { oauth2Rules } from '../oauth2-rules';
import type { ProviderTypeRules } from '../provider-type';

/** oauth2-apple: the OAuth 2.0 settings; Apple logins cannot be limited to email domains. */
export const oauth2AppleRules: ProviderTypeRules = oauth2Rules(['clientId'], false);
