/**
 * A Client API app for the login benchmarks, set up through the Admin API the way an operator
 * would: an HS256 custom-token provider with its key in a secret and, optionally, custom user
 * data read from the server's own database. Users are made by logging each in once.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { rolesFor } from '../../src/domain/admins/admin-key.service';
import type { BenchContext } from './harness';

export const GROUP = '5b2ec991973129243223a114';
const ADMIN = '/api/admin/v3.0';
export const CLIENT = '/api/client/v2.0';
/** The collection (in the server's own database) custom user data is read from. */
export const CUSTOM_DATA_COLLECTION = 'bench_custom_user_data';

export interface BenchUser {
  readonly sub: string;
  readonly userId: string;
  readonly refreshToken: string;
}

export interface ClientFixture {
  readonly appId: string;
  readonly clientAppId: string;
  readonly providerId: string;
  /** The local-userpass provider (automatic confirmation), when the fixture has one. */
  readonly userpassProviderId?: string;
  readonly loginUrl: string;
  readonly refreshUrl: string;
  readonly hsSecret: Uint8Array;
  readonly users: readonly BenchUser[];
}

/** Sends a request and checks the status; the response body as text. */
export async function send(
  url: string,
  method: string,
  body: unknown,
  expected: number,
  auth?: string,
): Promise<string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth) headers.Authorization = auth;
  const init =
    body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) };
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== expected)
    throw new Error(`${method} ${url}: expected ${expected}, got ${res.status} ${text}`);
  return text;
}

/** A custom JWT for `sub`, valid for two hours (runs never last that long). */
export function mintToken(f: Pick<ClientFixture, 'clientAppId' | 'hsSecret'>, sub: string) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub, aud: f.clientAppId, iat: now, exp: now + 7200 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(f.hsSecret);
}

/** Logs a user in once through the Client API. */
export async function login(f: ClientFixture, sub: string): Promise<BenchUser> {
  const text = await send(f.loginUrl, 'POST', { token: await mintToken(f, sub) }, 200);
  const body = JSON.parse(text) as { user_id: string; refresh_token: string };
  return { sub, userId: body.user_id, refreshToken: body.refresh_token };
}

export async function clientFixture(
  ctx: BenchContext,
  opts: { users: number; customData: boolean; userpass?: boolean },
): Promise<ClientFixture> {
  const key = await ctx.deps.adminKeys.create(rolesFor('org'), 'bench');
  const session = JSON.parse(
    await send(
      `${ctx.baseUrl}${ADMIN}/auth/providers/mongodb-cloud/login`,
      'POST',
      { username: key.publicKey, apiKey: key.privateKey },
      200,
    ),
  ) as { access_token: string };
  const auth = `Bearer ${session.access_token}`;
  const admin = (path: string, method: string, body: unknown, expected: number) =>
    send(`${ctx.baseUrl}${ADMIN}/groups/${GROUP}${path}`, method, body, expected, auth);
  const name = `bench${randomBytes(3).toString('hex')}`;
  const app = JSON.parse(await admin('/apps', 'POST', { name }, 201)) as {
    _id: string;
    client_app_id: string;
  };
  const base = `/apps/${app._id}`;
  const secret = randomBytes(32).toString('hex');
  await admin(`${base}/secrets`, 'POST', { name: 'benchJwtKey', value: secret }, 201);
  const provider = JSON.parse(
    await admin(
      `${base}/auth_providers`,
      'POST',
      {
        name: 'custom-token',
        type: 'custom-token',
        disabled: false,
        config: { signingAlgorithm: 'HS256' },
        secret_config: { signingKeys: ['benchJwtKey'] },
      },
      201,
    ),
  ) as { _id: string };
  const userpass = opts.userpass
    ? (JSON.parse(
        await admin(
          `${base}/auth_providers`,
          'POST',
          {
            name: 'local-userpass',
            type: 'local-userpass',
            disabled: false,
            config: {
              autoConfirm: true,
              resetPasswordUrl: 'https://example.com/reset',
              resetPasswordSubject: 'Reset',
            },
          },
          201,
        ),
      ) as { _id: string })
    : undefined;
  if (opts.customData) {
    const config = {
      clusterName: 'Cluster0',
      readPreference: 'primary',
      wireProtocolEnabled: false,
    };
    const service = JSON.parse(
      await admin(
        `${base}/services`,
        'POST',
        { name: 'mongodb-atlas', type: 'mongodb-atlas', config },
        201,
      ),
    ) as { _id: string };
    const cud = {
      enabled: true,
      mongo_service_id: service._id,
      database_name: ctx.deps.conn.name,
      collection_name: CUSTOM_DATA_COLLECTION,
      user_id_field: 'user_id',
    };
    await admin(`${base}/custom_user_data`, 'PATCH', cud, 204);
  }
  const f: ClientFixture = {
    appId: app._id,
    clientAppId: app.client_app_id,
    providerId: provider._id,
    ...(userpass ? { userpassProviderId: userpass._id } : {}),
    loginUrl: `${ctx.baseUrl}${CLIENT}/app/${app.client_app_id}/auth/providers/custom-token/login`,
    refreshUrl: `${ctx.baseUrl}${CLIENT}/auth/session`,
    hsSecret: new TextEncoder().encode(secret),
    users: [],
  };
  // Eight logins at a time: each creates its user, identity claim and first session.
  const users: BenchUser[] = new Array<BenchUser>(opts.users);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < opts.users; i = next++) users[i] = await login(f, `bench-user-${i}`);
  };
  await Promise.all(Array.from({ length: Math.min(8, opts.users) }, worker));
  if (opts.customData && users.length > 0) {
    await ctx.deps.conn
      .getClient()
      .db(ctx.deps.conn.name)
      .collection(CUSTOM_DATA_COLLECTION)
      .insertMany(
        users.map((u, i) => ({
          user_id: u.userId,
          display_name: `Bench User ${i}`,
          favorite_color: ['blue', 'green', 'red'][i % 3],
          plan: 'pro',
          signed_up: new Date(),
        })),
      );
  }
  return { ...f, users };
}
