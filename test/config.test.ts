import { ConfigError, loadConfig } from '../src/config/config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      mongodbUri: undefined,
      mongodbDbName: 'open_app_services',
      adminAccessTokenTtlSeconds: 1800,
      adminRefreshTokenTtlSeconds: 5184000,
      bootstrapAdminKey: undefined,
    });
    expect(c.dataDir.endsWith('.data')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        ADMIN_API_PUBLIC_KEY: 'ABC',
        LOG_LEVEL: 'loud',
        PUBLIC_BASE_URL: 'ftp:/x',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'ADMIN_API_PRIVATE_KEY',
      'ADMIN_API_PUBLIC_KEY',
      'PUBLIC_BASE_URL',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('reads the bootstrap key pair', () => {
    const c = loadConfig({
      ADMIN_API_PUBLIC_KEY: 'abcdefgh',
      ADMIN_API_PRIVATE_KEY: '0a1b2c3d-0000-4000-8000-000000000000',
    });
    expect(c.bootstrapAdminKey).toEqual({
      publicKey: 'abcdefgh',
      privateKey: '0a1b2c3d-0000-4000-8000-000000000000',
    });
  });
});
