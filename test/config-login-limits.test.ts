import { ConfigError, loadConfig } from '../src/config/config';

describe('loadConfig: login rate limits and TRUST_PROXY', () => {
  it('defaults to 30 attempts per IP and 10 failures per account per 60 s, no proxy trusted', () => {
    const c = loadConfig({});
    expect(c.loginRateLimit).toEqual({ perIp: 30, perAccount: 10, windowSeconds: 60 });
    expect(c.trustProxy).toBe(false);
  });

  it('reads the limits (0 turns one off)', () => {
    const c = loadConfig({
      LOGIN_RATE_LIMIT_PER_IP: '0',
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '5',
      LOGIN_RATE_LIMIT_WINDOW_SECONDS: '300',
    });
    expect(c.loginRateLimit).toEqual({ perIp: 0, perAccount: 5, windowSeconds: 300 });
  });

  it('reads the admin login limits: 30 per IP, 10 failures per public key, 60 s by default', () => {
    expect(loadConfig({}).adminLoginRateLimit).toEqual({
      perIp: 30,
      perAccount: 10,
      windowSeconds: 60,
    });
    const c = loadConfig({
      ADMIN_LOGIN_RATE_LIMIT_PER_IP: '0',
      ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '4',
      ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS: '120',
    });
    expect(c.adminLoginRateLimit).toEqual({ perIp: 0, perAccount: 4, windowSeconds: 120 });
    expect(() => loadConfig({ ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '-1' })).toThrow(
      /ADMIN_LOGIN_RATE_LIMIT_PER_KEY/,
    );
  });

  it.each([
    ['true', true],
    ['false', false],
    ['', false],
    ['2', 2],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8, ::1', 'loopback, 10.0.0.0/8, ::1'],
  ])('TRUST_PROXY=%j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('lists bad values', () => {
    let err: unknown;
    try {
      loadConfig({
        TRUST_PROXY: 'loopback,proxy.example.com',
        LOGIN_RATE_LIMIT_PER_IP: '-1',
        LOGIN_RATE_LIMIT_WINDOW_SECONDS: '0',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toContain('TRUST_PROXY: not an address, CIDR or');
    expect(problems).toContain('proxy.example.com');
    expect(problems).toContain('LOGIN_RATE_LIMIT_PER_IP');
    expect(problems).toContain('LOGIN_RATE_LIMIT_WINDOW_SECONDS');
  });
});
