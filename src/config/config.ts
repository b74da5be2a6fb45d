import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once, validated as a whole (every problem is listed at
 * once), and frozen. Per-app settings live in the database, not here.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy`: `false` (default: the client IP is the peer address), `true` (trust
 * X-Forwarded-For entirely), a hop count, or comma-separated addresses/CIDRs and the names
 * loopback, linklocal, uniquelocal.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((v, ctx) => {
    const t = v.trim();
    if (t === '' || t === 'false') return false;
    if (t === 'true') return true;
    if (/^\d+$/.test(t)) return Number(t);
    const bad = t
      .split(',')
      .map((s) => s.trim())
      .filter((s) => !PROXY_NAMES.includes(s) && isIP(s.replace(/\/\d+$/, '')) === 0);
    if (bad.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `not an address, CIDR or ${PROXY_NAMES.join('/')}: ${bad.join(', ')}`,
      });
    }
    return t;
  });

const ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+$/;

/**
 * Which browser origins may call the Admin API: unset (default) for none (no CORS; the Admin API
 * is not meant for browsers), `*` for any, or comma-separated `<scheme>://<host>[:port]`.
 */
const adminAllowedOrigins = z
  .string()
  .default('')
  .transform((v, ctx): 'any' | 'none' | readonly string[] => {
    const t = v.trim();
    if (t === '') return 'none';
    if (t === '*') return 'any';
    const origins = t.split(',').map((s) => s.trim());
    const bad = origins.filter((o) => !ORIGIN.test(o));
    if (bad.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `not an origin (<scheme>://<host>[:port]) or *: ${bad.join(', ')}`,
      });
    }
    return Object.freeze(origins);
  });

/** An absolute http(s) URL without trailing slashes (an OpenID issuer, an API base). */
const baseUrl = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const t = v.trim().replace(/\/+$/, '');
      const u = URL.canParse(t) ? new URL(t) : undefined;
      const ok = u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash;
      if (!ok) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must be an absolute http(s) URL without query or fragment',
        });
      }
      return t;
    });

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1'));

/**
 * SQLite's `synchronous` setting for the embedded FerretDB (its SQLite backend runs in WAL mode):
 * FULL syncs the write-ahead log at every commit; NORMAL only at checkpoints. Both survive a crash
 * of the processes (kill -9) without loss; after an OS crash or power loss, NORMAL may roll back
 * the last commits (a consistent but older database). NORMAL makes writes 2-3 times cheaper.
 */
const SQLITE_SYNCHRONOUS = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_BASE_URL: optionalString,
  MONGODB_URI: optionalString,
  MONGODB_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('open_app_services'),
  DATA_DIR: z.string().default('./.data'),
  FERRETDB_SQLITE_SYNCHRONOUS: z
    .string()
    .default('FULL')
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.enum(SQLITE_SYNCHRONOUS)),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ADMIN_API_PUBLIC_KEY: optionalString,
  ADMIN_API_PRIVATE_KEY: optionalString,
  ADMIN_ACCESS_TOKEN_TTL_SECONDS: seconds(30 * 60),
  ADMIN_REFRESH_TOKEN_TTL_SECONDS: seconds(60 * 24 * 60 * 60),
  SECRETS_ENCRYPTION_KEY: optionalString,
  SMTP_HOST: optionalString,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag(false),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: z.string().trim().min(1).default('no-reply@localhost'),
  LOGIN_RATE_LIMIT_PER_IP: count(30),
  LOGIN_RATE_LIMIT_PER_ACCOUNT: count(10),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: seconds(60),
  ADMIN_LOGIN_RATE_LIMIT_PER_IP: count(30),
  ADMIN_LOGIN_RATE_LIMIT_PER_KEY: count(10),
  ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS: seconds(60),
  TRUST_PROXY: trustProxy,
  ADMIN_ALLOWED_ORIGINS: adminAllowedOrigins,
  FUNCTION_TIMEOUT_MS: z.coerce.number().int().min(10).default(30_000),
  FUNCTION_MEMORY_LIMIT_MB: z.coerce.number().int().min(8).max(4096).default(128),
  FUNCTION_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  APP_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(10),
  SHUTDOWN_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  OAUTH2_GOOGLE_ISSUER: baseUrl('https://accounts.google.com'),
  OAUTH2_APPLE_ISSUER: baseUrl('https://appleid.apple.com'),
  OAUTH2_FACEBOOK_GRAPH_URL: baseUrl('https://graph.facebook.com/v22.0'),
  OAUTH2_FACEBOOK_DIALOG_URL: baseUrl('https://www.facebook.com/v22.0/dialog/oauth'),
  OAUTH2_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  // An imported app (config as code) may be larger than other bodies: JSON or zip, and the sum
  // of a zip's uncompressed files.
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
  // Node's own options: the functions sandbox needs --no-node-snapshot (see node-flags.ts).
  NODE_OPTIONS: z.string().default(''),
});

/** Rules across variables, checked on the raw strings so they are reported with the others. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const pub = env.ADMIN_API_PUBLIC_KEY?.trim() || undefined;
  const priv = env.ADMIN_API_PRIVATE_KEY?.trim() || undefined;
  if ((pub === undefined) !== (priv === undefined)) {
    problems.push(
      `${pub === undefined ? 'ADMIN_API_PUBLIC_KEY' : 'ADMIN_API_PRIVATE_KEY'}: ADMIN_API_PUBLIC_KEY and ADMIN_API_PRIVATE_KEY must be set together`,
    );
  }
  if (pub !== undefined && !/^[a-z]{8}$/.test(pub)) {
    problems.push(
      'ADMIN_API_PUBLIC_KEY: must be 8 lowercase letters (like an Atlas public API key)',
    );
  }
  if (priv !== undefined && priv.length < 16) {
    problems.push('ADMIN_API_PRIVATE_KEY: must be at least 16 characters (a UUID is recommended)');
  }
  const secretsKey = env.SECRETS_ENCRYPTION_KEY?.trim();
  if (secretsKey && Buffer.from(secretsKey, 'base64').length !== 32) {
    problems.push(
      'SECRETS_ENCRYPTION_KEY: must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
    );
  }
  const smtpUser = env.SMTP_USER?.trim() || undefined;
  const smtpPassword = env.SMTP_PASSWORD?.trim() || undefined;
  if ((smtpUser === undefined) !== (smtpPassword === undefined))
    problems.push('SMTP_USER: SMTP_USER and SMTP_PASSWORD must be set together');
  if (smtpUser !== undefined && !env.SMTP_HOST?.trim())
    problems.push('SMTP_HOST: required when SMTP_USER is set');
  const base = env.PUBLIC_BASE_URL?.trim();
  if (base && !/^https?:\/\/[^/]+/.test(base))
    problems.push('PUBLIC_BASE_URL: must be an absolute http(s) URL');
  return problems;
}

/** Outgoing mail for the email/password provider (confirmation and reset emails). */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); false means STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly password: string } | undefined;
  readonly from: string;
}

/**
 * Where the OAuth 2.0 providers are (the real ones by default; local stand-ins in tests and
 * private deployments), and how long a call to one may take.
 */
export interface OAuth2Endpoints {
  /** OpenID issuers: discovery at `<issuer>/.well-known/openid-configuration`; tokens carry it. */
  readonly googleIssuer: string;
  readonly appleIssuer: string;
  /** The Graph API base (debug_token, /me, /oauth/access_token). */
  readonly facebookGraphUrl: string;
  /** Facebook's login dialog (the browser redirect flow's authorization URL). */
  readonly facebookDialogUrl: string;
  /** Each request to a provider (discovery, keys, token, profile) is abandoned after this. */
  readonly timeoutMs: number;
}

/** How a local database is found or built when MONGODB_URI is not set (database-server.ts). */
export interface LocalDatabaseConfig {
  /** PATH: where `mongod` and `go` are looked for. */
  readonly searchPath: string;
  /** FERRETDB_BIN: a FerretDB binary to run instead of building one. */
  readonly ferretdbBin: string | undefined;
  /** FERRETDB_CACHE_DIR: where the built FerretDB binary is cached (default: see userCacheDir). */
  readonly ferretdbCacheDir: string | undefined;
  /** XDG_CACHE_HOME: the default cache is its open-app-services/ (else ~/.cache's). */
  readonly userCacheDir: string | undefined;
  /** FERRETDB_SQLITE_SYNCHRONOUS: SQLite's `synchronous` for FerretDB (see SQLITE_SYNCHRONOUS). */
  readonly sqliteSynchronous: SqliteSynchronous;
}

/**
 * The local-database settings alone: the test and bench harnesses start a database without
 * loading the whole configuration. Only FERRETDB_SQLITE_SYNCHRONOUS can be invalid (a
 * ConfigError; loadConfig lists it with every other problem).
 */
export function loadLocalDatabaseConfig(env: NodeJS.ProcessEnv = process.env): LocalDatabaseConfig {
  const nonEmpty = (v: string | undefined) =>
    v === undefined || v.trim() === '' ? undefined : v.trim();
  const synchronous = (nonEmpty(env.FERRETDB_SQLITE_SYNCHRONOUS) ?? 'FULL').toUpperCase();
  if (!(SQLITE_SYNCHRONOUS as readonly string[]).includes(synchronous)) {
    throw new ConfigError([
      `FERRETDB_SQLITE_SYNCHRONOUS: expected ${SQLITE_SYNCHRONOUS.join(' or ')}, got "${synchronous}"`,
    ]);
  }
  return Object.freeze({
    searchPath: env.PATH ?? '',
    ferretdbBin: nonEmpty(env.FERRETDB_BIN),
    ferretdbCacheDir: nonEmpty(env.FERRETDB_CACHE_DIR),
    userCacheDir: nonEmpty(env.XDG_CACHE_HOME),
    sqliteSynchronous: synchronous as SqliteSynchronous,
  });
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Base URL that clients reach this server at; undefined means "derive from PORT". */
  readonly publicBaseUrl: string | undefined;
  readonly mongodbUri: string | undefined;
  readonly mongodbDbName: string;
  readonly dataDir: string;
  readonly localDatabase: LocalDatabaseConfig;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly bootstrapAdminKey:
    { readonly publicKey: string; readonly privateKey: string } | undefined;
  readonly adminAccessTokenTtlSeconds: number;
  readonly adminRefreshTokenTtlSeconds: number;
  readonly maxBodyBytes: number;
  /** The largest app an import takes (JSON body, zip, and a zip's uncompressed files). */
  readonly importMaxBytes: number;
  /** 32 bytes for AES-256-GCM; undefined means a random key kept in the database. */
  readonly secretsEncryptionKey: Buffer | undefined;
  /** Undefined when SMTP_HOST is not set: flows that send email answer 503. */
  readonly smtp: SmtpConfig | undefined;
  /** Client login limits (shared by every process through the database); 0 turns one off. */
  readonly loginRateLimit: {
    readonly perIp: number;
    readonly perAccount: number;
    readonly windowSeconds: number;
  };
  /** Admin login limits, the same way; the account is the API key's public key. */
  readonly adminLoginRateLimit: {
    readonly perIp: number;
    readonly perAccount: number;
    readonly windowSeconds: number;
  };
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client IP. */
  readonly trustProxy: boolean | number | string;
  /** Browser origins allowed to call the Admin API (CORS): none by default. */
  readonly adminAllowedOrigins: 'any' | 'none' | readonly string[];
  /** Limits of one user function execution, and how many run at once in this process. */
  readonly functions: {
    readonly timeoutMs: number;
    readonly memoryLimitMb: number;
    readonly maxConcurrent: number;
  };
  /** How many days app log entries are kept (counted from when the logged operation started). */
  readonly appLogRetentionDays: number;
  /** The OAuth 2.0 providers' endpoints (Google, Apple, Facebook). */
  readonly oauth2: OAuth2Endpoints;
  /** At SIGTERM/SIGINT, how long the requests in flight may take to finish before the close. */
  readonly shutdownDrainTimeoutMs: number;
  /** NODE_OPTIONS as this process was started with (node-flags.ts checks it). */
  readonly nodeOptions: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    mongodbUri: e.MONGODB_URI,
    mongodbDbName: e.MONGODB_DB_NAME,
    dataDir: path.resolve(e.DATA_DIR),
    localDatabase: loadLocalDatabaseConfig(env),
    logLevel: e.LOG_LEVEL,
    bootstrapAdminKey:
      e.ADMIN_API_PUBLIC_KEY !== undefined && e.ADMIN_API_PRIVATE_KEY !== undefined
        ? Object.freeze({ publicKey: e.ADMIN_API_PUBLIC_KEY, privateKey: e.ADMIN_API_PRIVATE_KEY })
        : undefined,
    adminAccessTokenTtlSeconds: e.ADMIN_ACCESS_TOKEN_TTL_SECONDS,
    adminRefreshTokenTtlSeconds: e.ADMIN_REFRESH_TOKEN_TTL_SECONDS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    secretsEncryptionKey: e.SECRETS_ENCRYPTION_KEY
      ? Buffer.from(e.SECRETS_ENCRYPTION_KEY, 'base64')
      : undefined,
    smtp:
      e.SMTP_HOST === undefined
        ? undefined
        : Object.freeze({
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            auth:
              e.SMTP_USER !== undefined && e.SMTP_PASSWORD !== undefined
                ? Object.freeze({ user: e.SMTP_USER, password: e.SMTP_PASSWORD })
                : undefined,
            from: e.SMTP_FROM,
          }),
    loginRateLimit: Object.freeze({
      perIp: e.LOGIN_RATE_LIMIT_PER_IP,
      perAccount: e.LOGIN_RATE_LIMIT_PER_ACCOUNT,
      windowSeconds: e.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    }),
    adminLoginRateLimit: Object.freeze({
      perIp: e.ADMIN_LOGIN_RATE_LIMIT_PER_IP,
      perAccount: e.ADMIN_LOGIN_RATE_LIMIT_PER_KEY,
      windowSeconds: e.ADMIN_LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    }),
    trustProxy: e.TRUST_PROXY,
    adminAllowedOrigins: e.ADMIN_ALLOWED_ORIGINS,
    functions: Object.freeze({
      timeoutMs: e.FUNCTION_TIMEOUT_MS,
      memoryLimitMb: e.FUNCTION_MEMORY_LIMIT_MB,
      maxConcurrent: e.FUNCTION_MAX_CONCURRENCY,
    }),
    appLogRetentionDays: e.APP_LOG_RETENTION_DAYS,
    oauth2: Object.freeze({
      googleIssuer: e.OAUTH2_GOOGLE_ISSUER,
      appleIssuer: e.OAUTH2_APPLE_ISSUER,
      facebookGraphUrl: e.OAUTH2_FACEBOOK_GRAPH_URL,
      facebookDialogUrl: e.OAUTH2_FACEBOOK_DIALOG_URL,
      timeoutMs: e.OAUTH2_TIMEOUT_MS,
    }),
    shutdownDrainTimeoutMs: e.SHUTDOWN_DRAIN_TIMEOUT_MS,
    nodeOptions: e.NODE_OPTIONS,
  });
}
