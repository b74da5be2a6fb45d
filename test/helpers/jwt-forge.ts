import { createHmac } from 'node:crypto';
import { exportSPKI, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { TestServer } from './test-server';

/** Token forgeries for the attack tests: what an attacker can build without the keys. */

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export function decodePart(token: string, i: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[i] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

/** `alg: none` and an empty signature. */
export function unsignedToken(payload: Record<string, unknown>, kid?: string): string {
  return `${b64({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(payload)}.`;
}

/** HS256 over the payload with arbitrary key bytes (e.g. a public key's PEM text). */
export function hmacToken(
  payload: Record<string, unknown>,
  key: string | Buffer,
  kid?: string,
): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** The same token with one character of its signature changed. */
export function flipSignature(token: string): string {
  const [h, p, s = ''] = token.split('.');
  const i = Math.floor(s.length / 2);
  const c = s[i] === 'A' ? 'B' : 'A';
  return `${h}.${p}.${s.slice(0, i)}${c}${s.slice(i + 1)}`;
}

/** The same header and signature over a changed payload. */
export function withPayload(token: string, patch: Record<string, unknown>): string {
  const [h, , s] = token.split('.');
  return `${h}.${b64({ ...decodePart(token, 1), ...patch })}.${s}`;
}

/** An app's published user-token key as PEM text, from its JWKS endpoint. */
export async function publishedPem(
  srv: TestServer,
  clientAppId: string,
): Promise<{ pem: string; jwk: JWK }> {
  const res = await srv.api
    .get(`/api/client/v2.0/app/${clientAppId}/.well-known/jwks.json`)
    .expect(200);
  const jwk = (res.body as { keys: JWK[] }).keys[0] as JWK;
  const key = await importJWK(jwk, 'RS256', { extractable: true });
  return { pem: await exportSPKI(key as CryptoKey), jwk };
}

/** A token signed with an app's real user-token key, claims exactly as given. */
export async function signWithAppKey(
  srv: TestServer,
  appId: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const key = await srv.deps.signingKeys.activeKey(appId);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}
