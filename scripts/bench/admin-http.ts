/**
 * A small Admin API client for the benchmark sections: an org-owner key logged in through the
 * login endpoint, then JSON calls with its bearer token that fail on any unexpected status.
 */
import { rolesFor } from '../../src/domain/admins/admin-key.service';
import type { BenchContext } from './harness';

export const BENCH_GROUP = '5b2ec991973129243223a114';
export const ADMIN_PREFIX = '/api/admin/v3.0';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class AdminClient {
  private constructor(
    readonly baseUrl: string,
    /** The Authorization header value, `Bearer <access token>`. */
    readonly auth: string,
    private readonly publicKey: string,
  ) {}

  /** Creates an org-owner key and logs in with it over HTTP. */
  static async login(ctx: BenchContext, desc: string): Promise<AdminClient> {
    const key = await ctx.deps.adminKeys.create(rolesFor('org'), desc);
    const res = await send(
      `${ctx.baseUrl}${ADMIN_PREFIX}/auth/providers/mongodb-cloud/login`,
      'POST',
      { username: key.publicKey, apiKey: key.privateKey },
      {},
      200,
    );
    const { access_token } = JSON.parse(res) as { access_token: string };
    return new AdminClient(ctx.baseUrl, `Bearer ${access_token}`, key.publicKey);
  }

  /** The full URL of an Admin API path (which starts after `/api/admin/v3.0`). */
  url(path: string): string {
    return `${this.baseUrl}${ADMIN_PREFIX}${path}`;
  }

  /** One call; resolves to the response text, rejects on any status but `expected`. */
  call(method: string, path: string, expected: number, body?: Json): Promise<string> {
    return send(this.url(path), method, body, { Authorization: this.auth }, expected);
  }

  /** One call whose JSON answer is returned. */
  async json<T>(method: string, path: string, expected: number, body?: Json): Promise<T> {
    return JSON.parse(await this.call(method, path, expected, body)) as T;
  }

  /** Revokes the key (and so its sessions). */
  async revoke(ctx: BenchContext): Promise<void> {
    await ctx.deps.adminKeys.revoke(this.publicKey);
  }
}

async function send(
  url: string,
  method: string,
  body: Json | undefined,
  headers: Record<string, string>,
  expected: number,
): Promise<string> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers = { ...headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (res.status !== expected) {
    throw new Error(`${method} ${url}: expected ${expected}, got ${res.status} ${text}`);
  }
  return text;
}
