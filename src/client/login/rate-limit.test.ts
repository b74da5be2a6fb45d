import { NotFoundError, RateLimitedError, UnauthorizedError } from '../../errors/app-error';
import { LoginRateLimiter } from '../../domain/rate-limits/login-rate-limiter';
import { MemorySlotStore, type SlotStore } from '../../domain/rate-limits/slot-store';
import { loginAccount } from './rate-limit';

const fail401 = () => Promise.reject(new UnauthorizedError('unauthorized', 'AuthError'));
const fail404 = () => Promise.reject(new NotFoundError('gone', 'NotFound'));
const ok = () => Promise.resolve('ok');

/** Resolves with `value` a macrotask later, as an answer from a database would come. */
const later = <T>(value: () => T | Promise<T>) =>
  new Promise<T>((resolve) => setImmediate(() => resolve(value())));

/** Slots in memory, each operation answered a macrotask later, and counted. */
class CountingStore implements SlotStore {
  private readonly slots = new MemorySlotStore();
  inserts = 0;
  deletes = 0;
  insert(id: string, expiresAt: Date): Promise<boolean> {
    this.inserts++;
    return later(() => this.slots.insert(id, expiresAt));
  }
  delete(id: string): Promise<boolean> {
    this.deletes++;
    return later(() => this.slots.delete(id));
  }
}

describe('loginAccount', () => {
  it('names the account of local-userpass and api-key bodies only', () => {
    expect(loginAccount('local-userpass', { username: ' Ann@Example.com ' })).toBe(
      'user:ann@example.com',
    );
    expect(loginAccount('api-key', { key: 'secret-key' })).toMatch(/^key:[0-9a-f]{16}$/);
    expect(loginAccount('api-key', { key: 'secret-key' })).not.toContain('secret');
    expect(loginAccount('local-userpass', { username: '  ' })).toBeUndefined();
    expect(loginAccount('custom-token', { token: 'x' })).toBeUndefined();
    expect(loginAccount('anon-user', {})).toBeUndefined();
  });
});

describe('LoginRateLimiter', () => {
  it('counts every attempt per IP, and answers with the seconds to wait', async () => {
    const limiter = new LoginRateLimiter({ perIp: 2, perAccount: 0, windowSeconds: 60 });
    await limiter.attemptFrom('1.2.3.4');
    await limiter.attemptFrom('1.2.3.4');
    const err = (await limiter.attemptFrom('1.2.3.4').catch((e: unknown) => e)) as RateLimitedError;
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(err.message).toBe(`too many login attempts; retry in ${err.retryAfterSeconds} seconds`);
    await limiter.attemptFrom('5.6.7.8');
  });

  it('counts failed logins per account; other errors do not count; success clears', async () => {
    const limiter = new LoginRateLimiter({ perIp: 0, perAccount: 2, windowSeconds: 60 });
    await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(UnauthorizedError);
    for (let i = 0; i < 5; i++)
      await expect(limiter.forAccount('a', fail404)).rejects.toBeInstanceOf(NotFoundError);
    await expect(limiter.forAccount('a', ok)).resolves.toBe('ok');
    await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(limiter.forAccount('a', ok)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limiter.forAccount('b', ok)).resolves.toBe('ok');
    await expect(limiter.forAccount(undefined, ok)).resolves.toBe('ok');
  });

  it('parallel attempts cannot slip past the account limit', async () => {
    const limiter = new LoginRateLimiter({ perIp: 0, perAccount: 3, windowSeconds: 60 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => limiter.forAccount('a', fail401)),
    );
    const limited = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof RateLimitedError,
    );
    expect(limited).toHaveLength(7);
  });

  it('a limit of 0 is off', async () => {
    const limiter = new LoginRateLimiter({ perIp: 0, perAccount: 0, windowSeconds: 60 });
    for (let i = 0; i < 50; i++) {
      await limiter.attemptFrom('1.2.3.4');
      await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(UnauthorizedError);
    }
  });

  it('n successful logins of one account at once clear its count at a cost of about n deletes, not n²', async () => {
    const n = 50;
    const store = new CountingStore();
    const limiter = new LoginRateLimiter(
      { perIp: 0, perAccount: n, windowSeconds: 3600 },
      { store },
    );
    // Logins that end one after another, a few round trips apart, all begun at once.
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) =>
        limiter.forAccount('a', async () => {
          for (let k = 0; k <= i % 10; k++) await later(() => undefined);
          return 'ok';
        }),
      ),
    );
    expect(results).toEqual(results.map(() => 'ok'));
    expect(store.deletes).toBeLessThanOrEqual(4 * n);
    // The count is clear: the account's whole budget of failures is there again.
    for (let i = 0; i < n; i++)
      await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(limiter.forAccount('a', fail401)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
