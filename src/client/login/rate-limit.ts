import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError, UnauthorizedError } from '../../errors/app-error';
import { sha256Hex } from '../../security/hashing';

export interface LoginRateLimits {
  /** Login attempts per client IP and window, across all apps and providers; 0 = no limit. */
  readonly perIp: number;
  /** Failed logins per account and window; 0 = no limit. */
  readonly perAccount: number;
  readonly windowSeconds: number;
}

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

function limited(rejection: unknown): RateLimitedError {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new RateLimitedError(`too many login attempts; retry in ${seconds} seconds`, seconds);
}

/**
 * Login rate limits, in this process's memory (RateLimiterMemory): with several server processes
 * each counts on its own, so the effective limits are multiplied by the number of processes.
 * Windows are fixed: they start at a key's first attempt and last `windowSeconds`.
 */
export class LoginRateLimiter {
  private readonly perIp: RateLimiterMemory | undefined;
  private readonly perAccount: RateLimiterMemory | undefined;

  constructor(limits: LoginRateLimits) {
    const limiter = (points: number) =>
      points > 0 ? new RateLimiterMemory({ points, duration: limits.windowSeconds }) : undefined;
    this.perIp = limiter(limits.perIp);
    this.perAccount = limiter(limits.perAccount);
  }

  /** Counts one login attempt from this address; throws RateLimitedError over the limit. */
  async attemptFrom(ip: string | undefined): Promise<void> {
    if (!this.perIp || !ip) return;
    await this.perIp.consume(ip).catch((rejection: unknown) => {
      throw limited(rejection);
    });
  }

  /**
   * Counts one attempt against an account that is never given back: a call that may reveal
   * whether a password is right without being a login (a password reset function is told
   * `currentPasswordValid`). It shares the account's budget with its failed logins.
   */
  async attemptFor(account: string): Promise<void> {
    if (!this.perAccount) return;
    await this.perAccount.consume(account).catch((rejection: unknown) => {
      throw limited(rejection);
    });
  }

  /**
   * Runs a login for an account. Each attempt takes a point up front (so parallel guesses cannot
   * slip past the limit); a 401 keeps it, any other failure gives it back, and a success clears
   * the account's count. Over the limit, the login is refused without being tried.
   */
  async forAccount<T>(account: string | undefined, run: () => Promise<T>): Promise<T> {
    const limiter = this.perAccount;
    if (!limiter || account === undefined) return run();
    await limiter.consume(account).catch((rejection: unknown) => {
      throw limited(rejection);
    });
    try {
      const result = await run();
      await limiter.delete(account);
      return result;
    } catch (err) {
      if (!(err instanceof UnauthorizedError)) await limiter.reward(account);
      throw err;
    }
  }
}
