import { ConfigError, loadConfig, loadLocalDatabaseConfig } from '../src/config/config';

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

  it('FERRETDB_SQLITE_SYNCHRONOUS: FULL by default, NORMAL on request, nothing else', () => {
    expect(loadConfig({}).localDatabase.sqliteSynchronous).toBe('FULL');
    expect(loadConfig({ FERRETDB_SQLITE_SYNCHRONOUS: 'normal' }).localDatabase).toMatchObject({
      sqliteSynchronous: 'NORMAL',
    });
    let err: unknown;
    try {
      loadConfig({ FERRETDB_SQLITE_SYNCHRONOUS: 'OFF', PORT: 'x' });
    } catch (e) {
      err = e;
    }
    expect((err as ConfigError).problems.join('\n')).toMatch(/PORT[\s\S]*FERRETDB_SQLITE_SYNC/);
    expect(() => loadLocalDatabaseConfig({ FERRETDB_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(
      ConfigError,
    );
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

  it('reads the SMTP settings, with their defaults, only when SMTP_HOST is set', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({ SMTP_HOST: 'mail.example.com' }).smtp).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      auth: undefined,
      from: 'no-reply@localhost',
    });
    expect(
      loadConfig({
        SMTP_HOST: 'mail.example.com',
        SMTP_PORT: '465',
        SMTP_SECURE: 'true',
        SMTP_USER: 'u',
        SMTP_PASSWORD: 'p',
        SMTP_FROM: 'apps@example.com',
      }).smtp,
    ).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'u', password: 'p' },
      from: 'apps@example.com',
    });
  });

  it('refuses incomplete or malformed SMTP settings', () => {
    let err: unknown;
    try {
      loadConfig({ SMTP_USER: 'u', SMTP_PORT: 'x', SMTP_SECURE: 'maybe' });
    } catch (e) {
      err = e;
    }
    const problems = (err as ConfigError).problems.join('\n');
    for (const name of ['SMTP_HOST', 'SMTP_PASSWORD', 'SMTP_PORT', 'SMTP_SECURE'])
      expect(problems).toContain(name);
  });

  it('reads ADMIN_ALLOWED_ORIGINS: none by default, * for any, or a list of origins', () => {
    expect(loadConfig({}).adminAllowedOrigins).toBe('none');
    expect(loadConfig({ ADMIN_ALLOWED_ORIGINS: ' * ' }).adminAllowedOrigins).toBe('any');
    expect(
      loadConfig({ ADMIN_ALLOWED_ORIGINS: 'https://a.example.com, http://localhost:3000' })
        .adminAllowedOrigins,
    ).toEqual(['https://a.example.com', 'http://localhost:3000']);
    expect(() =>
      loadConfig({ ADMIN_ALLOWED_ORIGINS: 'https://a.example.com/, example.com' }),
    ).toThrow(/ADMIN_ALLOWED_ORIGINS: not an origin.*https:\/\/a\.example\.com\/, example\.com/);
  });

  it('reads the OAuth 2.0 endpoints: the real providers by default, trailing slashes dropped', () => {
    expect(loadConfig({}).oauth2).toEqual({
      googleIssuer: 'https://accounts.google.com',
      appleIssuer: 'https://appleid.apple.com',
      facebookGraphUrl: 'https://graph.facebook.com/v22.0',
      facebookDialogUrl: 'https://www.facebook.com/v22.0/dialog/oauth',
      timeoutMs: 10_000,
    });
    expect(
      loadConfig({
        OAUTH2_GOOGLE_ISSUER: 'http://127.0.0.1:4000/',
        OAUTH2_FACEBOOK_GRAPH_URL: 'http://127.0.0.1:4001/v1',
        OAUTH2_TIMEOUT_MS: '500',
      }).oauth2,
    ).toMatchObject({
      googleIssuer: 'http://127.0.0.1:4000',
      facebookGraphUrl: 'http://127.0.0.1:4001/v1',
      timeoutMs: 500,
    });
    let err: unknown;
    try {
      loadConfig({
        OAUTH2_APPLE_ISSUER: 'appleid.apple.com',
        OAUTH2_FACEBOOK_DIALOG_URL: 'https://www.facebook.com/dialog?x=1',
        OAUTH2_TIMEOUT_MS: '0',
      });
    } catch (e) {
      err = e;
    }
    const problems = (err as ConfigError).problems.join('\n');
    for (const name of ['OAUTH2_APPLE_ISSUER', 'OAUTH2_FACEBOOK_DIALOG_URL', 'OAUTH2_TIMEOUT_MS'])
      expect(problems).toContain(name);
  });

  it('SHUTDOWN_DRAIN_TIMEOUT_MS: 10 s by default, 0 to 10 minutes', () => {
    expect(loadConfig({}).shutdownDrainTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_DRAIN_TIMEOUT_MS: '0' }).shutdownDrainTimeoutMs).toBe(0);
    for (const bad of ['-1', '600001', '2.5', 'soon'])
      expect(() => loadConfig({ SHUTDOWN_DRAIN_TIMEOUT_MS: bad })).toThrow(
        /SHUTDOWN_DRAIN_TIMEOUT_MS/,
      );
  });
});
