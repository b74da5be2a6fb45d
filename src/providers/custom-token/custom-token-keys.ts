import {
  compactVerify,
  createRemoteJWKSet,
  decodeProtectedHeader,
  importSPKI,
  importX509,
  type CryptoKey,
} from 'jose';
import type { SecretResolver } from '../../app-config/secret-resolver';
import type { CustomTokenSettings } from './custom-token-claims';

type RemoteJwks = ReturnType<typeof createRemoteJWKSet>;

/** How many JWK URIs and PEM keys are kept in memory (the oldest is dropped first). */
const MAX_CACHED = 100;
const JWKS_OPTIONS = {
  timeoutDuration: 5_000,
  cooldownDuration: 30_000,
  cacheMaxAge: 10 * 60_000,
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  cache.set(key, value);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return value;
}

/** The payload of a verified JWS as a JSON object, or undefined for any failure. */
async function verifiedPayload(
  verify: () => ReturnType<typeof compactVerify>,
): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await verify();
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a custom JWT's signature with the provider's keys: HS256 secrets, RS256 public keys in
 * PEM (SPKI, or an X.509 certificate) held in secrets, or the JWKS at the provider's JWK URI
 * (fetched with jose, cached per URI; the token must name its key with `kid`). The algorithm is
 * pinned to the configured one, so `alg: none` and HS/RS confusion never verify.
 */
export class CustomTokenSignatures {
  private readonly jwks = new Map<string, RemoteJwks>();
  private readonly pems = new Map<string, Promise<CryptoKey | undefined>>();

  constructor(private readonly resolveSecret: SecretResolver) {}

  /** The token's claims when one configured key verifies it; undefined otherwise. */
  async verify(
    appId: string,
    token: string,
    settings: CustomTokenSettings,
  ): Promise<Record<string, unknown> | undefined> {
    const options = { algorithms: [settings.algorithm] };
    if (settings.useJwkUri) {
      const uri = settings.jwkUri;
      if (uri === undefined || !hasKeyId(token)) return undefined;
      const jwks = remember(this.jwks, uri, () => createRemoteJWKSet(new URL(uri), JWKS_OPTIONS));
      return verifiedPayload(() => compactVerify(token, jwks, options));
    }
    for (const name of settings.signingKeys) {
      const value = await this.resolveSecret(appId, name);
      if (value === undefined) continue;
      const key =
        settings.algorithm === 'HS256' ? new TextEncoder().encode(value) : await this.pem(value);
      if (key === undefined) continue;
      const claims = await verifiedPayload(() => compactVerify(token, key, options));
      if (claims) return claims;
    }
    return undefined;
  }

  private pem(text: string): Promise<CryptoKey | undefined> {
    return remember(this.pems, text, () => {
      const pem = text.trim();
      const imported = pem.includes('BEGIN CERTIFICATE')
        ? importX509(pem, 'RS256')
        : importSPKI(pem, 'RS256');
      return imported.catch(() => undefined);
    });
  }
}

function hasKeyId(token: string): boolean {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === 'string' && kid !== '';
  } catch {
    return false;
  }
}
