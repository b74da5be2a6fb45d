import { sha256Hex } from '../../security/hashing';

/**
 * The account a login body names, when the provider has one an attacker could guess the secret
 * of: the username for local-userpass (trimmed, lower-cased: emails), a SHA-256 prefix of the
 * key for api-key (so no key is held in memory). Other providers (custom-token, custom-function,
 * OAuth, anonymous) have no such account: only the per-IP limit applies to them.
 */
export function loginAccount(
  providerType: string,
  payload: Record<string, unknown>,
): string | undefined {
  const { username, key } = payload;
  if (providerType === 'local-userpass' && typeof username === 'string' && username.trim())
    return `user:${username.trim().toLowerCase()}`;
  if (providerType === 'api-key' && typeof key === 'string' && key !== '')
    return `key:${sha256Hex(key).slice(0, 16)}`;
  return undefined;
}

/** The per-account limiter key of an account (see loginAccount) of one app's provider. */
export function accountKey(appId: string, providerName: string, account: string): string {
  return `${appId}:${providerName}:${account}`;
}
