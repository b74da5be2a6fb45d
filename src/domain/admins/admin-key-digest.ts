import { digestHa1 } from '../../security/http-digest';
import type { SealedValue, SecretBox } from '../../security/secret-box';

/**
 * The Digest realm of the Atlas-style public API (`/api/public/v1.0`), Atlas' own. HA1 depends on
 * it: changing it makes every stored HA1 useless until its key logs in again.
 */
export const DIGEST_REALM = 'MMS Public API';

/**
 * Digest authentication needs HA1 = MD5(public key:realm:private key) on the server, and the
 * private key is kept only as an argon2 hash. HA1 is therefore stored too, never in plaintext:
 * sealed with the server's secrets key (AES-256-GCM), bound to the public key and the realm. It
 * opens the Digest realm only, not the login (which needs the private key itself).
 */
function associatedData(publicKey: string): string {
  return `admin-key-digest-ha1:${DIGEST_REALM}:${publicKey}`;
}

export function sealDigestHa1(box: SecretBox, publicKey: string, privateKey: string): SealedValue {
  return box.seal(digestHa1(publicKey, DIGEST_REALM, privateKey), associatedData(publicKey));
}

/**
 * The key's HA1, or undefined when none is stored (a key from before Digest, until its next
 * login) or it does not open (sealed under another secrets key or for another public key).
 */
export function openDigestHa1(
  box: SecretBox,
  publicKey: string,
  sealed: Partial<Record<keyof SealedValue, string | null>> | null | undefined,
): string | undefined {
  const { iv, tag, data } = sealed ?? {};
  if (!iv || !tag || !data) return undefined;
  try {
    return box.open({ iv, tag, data }, associatedData(publicKey));
  } catch {
    return undefined;
  }
}
