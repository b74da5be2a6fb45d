import { UnauthorizedError } from '../../errors/app-error';
import { MemorySlotStore, type SlotStore } from './slot-store';
import { WindowLimiter } from './window-limiter';

export interface LoginRateLimits {
  /** Login attempts per client IP and window; 0 = no limit. */
  readonly perIp: number;
  /** Failed logins per account and window; 0 = no limit. */
  readonly perAccount: number;
  readonly windowSeconds: number;
}

export interface LoginRateLimiterOptions {
  /** Names the limiter's keys in the store, so that the client and admin logins count apart. */
  scope?: string;
  /** Where the counts are kept: the database (shared by every process) or this process's memory. */
  store?: SlotStore;
  now?: () => Date;
}

/**
 * The limits of one login endpoint: every attempt per client IP, failed logins per account.
 * Counted in fixed windows of `windowSeconds` aligned to the clock (see WindowLimiter); with the
 * database store the counts are shared by every server process.
 */
export class LoginRateLimiter {
  private readonly perIp: WindowLimiter | undefined;
  private readonly perAccount: WindowLimiter | undefined;

  constructor(limits: LoginRateLimits, options: LoginRateLimiterOptions = {}) {
    const { scope = 'login', store = new MemorySlotStore(), now = () => new Date() } = options;
    const limiter = (name: string, points: number) =>
      points > 0
        ? new WindowLimiter(`${scope}:${name}`, points, limits.windowSeconds, store, now)
        : undefined;
    this.perIp = limiter('ip', limits.perIp);
    this.perAccount = limiter('account', limits.perAccount);
  }

  /** Counts one login attempt from this address; throws RateLimitedError over the limit. */
  async attemptFrom(ip: string | undefined): Promise<void> {
    if (this.perIp && ip) await this.perIp.take(ip);
  }

  /**
   * Counts one attempt against an account that is never given back: a call that may reveal
   * whether a password is right without being a login (a password reset function is told
   * `currentPasswordValid`). It shares the account's budget with its failed logins.
   */
  async attemptFor(account: string): Promise<void> {
    if (this.perAccount) await this.perAccount.take(account);
  }

  /**
   * Runs a login for an account. Each attempt takes a slot up front (so parallel guesses cannot
   * slip past the limit); a 401 keeps it, any other failure gives it back, and a success clears
   * the account's count. Over the limit, the login is refused without being tried.
   */
  async forAccount<T>(account: string | undefined, run: () => Promise<T>): Promise<T> {
    const limiter = this.perAccount;
    if (!limiter || account === undefined) return run();
    const lease = await limiter.take(account);
    let result: T;
    try {
      result = await run();
    } catch (err) {
      // Giving the slot back is best effort: the login's own error is what the caller gets.
      if (!(err instanceof UnauthorizedError)) await limiter.release(lease).catch(() => undefined);
      throw err;
    }
    // Best effort too: the login succeeded and its session exists; a failed clear only leaves the
    // account's slots counted until their window ends.
    await limiter.clear(lease).catch(() => undefined);
    return result;
  }
}
