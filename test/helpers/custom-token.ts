import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import mongoose from 'mongoose';
import { clientApp, type LoginTokens } from './client';
import { createApp, GROUP_A, type AdminSession } from './factories';
import type { TestServer } from './test-server';

/** An HS256 signing secret of the allowed alphabet and length (32..512). */
export const HS_SECRET = 'hs256_secret_for_tests_0123456789abcdef';
export const HS_SECRET_2 = 'second-hs256-secret-for-rotation-0123456789';

export interface RsaKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** SPKI PEM, as stored in a secret. */
  pem: string;
  jwk: JWK;
}

export async function rsaKeys(kid = 'k1'): Promise<RsaKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, publicKey, pem: await exportSPKI(publicKey), jwk };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Claims of a valid token for the app: `aud` the client app id, one hour left. */
export function claimsFor(clientAppId: string, extra: Record<string, unknown> = {}) {
  return { sub: 'user-1', aud: clientAppId, iat: nowSeconds(), exp: nowSeconds() + 3600, ...extra };
}

/** Signs claims as given (no defaults added); `undefined` values are dropped. */
export function mintHs(
  claims: Record<string, unknown>,
  secret: string = HS_SECRET,
): Promise<string> {
  return new SignJWT(JSON.parse(JSON.stringify(claims)) as Record<string, unknown>)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

export function mintRs(
  claims: Record<string, unknown>,
  key: CryptoKey,
  kid?: string,
): Promise<string> {
  return new SignJWT(JSON.parse(JSON.stringify(claims)) as Record<string, unknown>)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })
    .sign(key);
}

export interface ProviderDefinition {
  config: Record<string, unknown>;
  secret_config?: Record<string, unknown>;
  metadata_fields?: unknown[];
  disabled?: boolean;
}

export interface CustomTokenApp {
  appId: string;
  clientAppId: string;
  providerId: string;
}

/**
 * A new app with the given secrets and a custom-token provider, all through the Admin API. Each
 * configuration gets its own app, so no test waits for a cached deployed config to refresh.
 */
export async function customTokenApp(
  srv: TestServer,
  admin: AdminSession,
  provider: ProviderDefinition,
  secrets: Record<string, string> = {},
): Promise<CustomTokenApp> {
  const app = await createApp(srv, admin);
  const base = `/api/admin/v3.0/groups/${GROUP_A}/apps/${app._id}`;
  for (const [name, value] of Object.entries(secrets)) {
    await srv.api
      .post(`${base}/secrets`)
      .set('Authorization', admin.auth)
      .send({ name, value })
      .expect(201);
  }
  const res = await srv.api
    .post(`${base}/auth_providers`)
    .set('Authorization', admin.auth)
    .send({ name: 'custom-token', type: 'custom-token', disabled: false, ...provider })
    .expect(201);
  return { appId: app._id, clientAppId: app.client_app_id, providerId: res.body._id as string };
}

/** An HS256 provider with one signing key and the given extra settings. */
export function hsApp(
  srv: TestServer,
  admin: AdminSession,
  extra: Partial<ProviderDefinition> & { config?: Record<string, unknown> } = {},
): Promise<CustomTokenApp> {
  return customTokenApp(
    srv,
    admin,
    {
      secret_config: { signingKeys: ['jwtKey'] },
      ...extra,
      config: { signingAlgorithm: 'HS256', ...extra.config },
    },
    { jwtKey: HS_SECRET },
  );
}

export function customTokenLogin(srv: TestServer, clientAppId: string, body: unknown) {
  return srv.api
    .post(`${clientApp(clientAppId)}/auth/providers/custom-token/login`)
    .send(body as object);
}

export async function loginOk(srv: TestServer, clientAppId: string, token: string) {
  const res = await customTokenLogin(srv, clientAppId, { token }).expect(200);
  return res.body as LoginTokens;
}

/** Documents of the app in the collections a login writes to. */
export async function loginDocuments(srv: TestServer, appId: string) {
  const filter = { app_id: new mongoose.Types.ObjectId(appId) };
  const [users, claims, sessions] = await Promise.all(
    ['users', 'identity_claims', 'user_sessions'].map((c) =>
      srv.conn.collection(c).countDocuments(filter),
    ),
  );
  return { users, claims, sessions };
}

/** A loopback HTTP server answering every GET with the JWKS; `requests` counts fetches. */
export async function jwksServer(keys: JWK[]) {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
