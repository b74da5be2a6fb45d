import type { Config } from '../config/config';
import type { DbConnection } from '../db/connection';
import type { AdminKeyService } from '../domain/admins/admin-key.service';
import type { AdminTokenService } from '../domain/admins/admin-token.service';
import type { AppLogStore } from '../domain/app-logs/app-log.store';
import type { AppService } from '../domain/apps/app.service';
import type { ConfigStore } from '../domain/deployments/config-store';
import type { DeployedConfigReader } from '../app-config/deployed-app';
import type { SecretStore } from '../domain/secrets/secret.store';
import type { SigningKeyStore } from '../domain/sessions/signing-keys';
import type { BeforeUserCreated } from '../domain/users/user-directory';
import type { FunctionRunner } from '../functions/function-runner';
import { FunctionUsers } from '../functions/function-users';
import type { RequestVerifier, TokenVerifier } from '../http/authenticate';
import { healthHandlers } from '../http/health.routes';
import type { SecuritySchemeName } from '../http/spec';
import type { HandlerTable } from '../http/typed-handler';
import type { Logger } from '../logging/logger';
import type { AuthTriggerDispatcher } from '../triggers/auth-trigger-dispatcher';
import type { TriggerScheduler } from '../triggers/trigger-scheduler';
import { LoginRateLimiter } from '../domain/rate-limits/login-rate-limiter';
import { getOrCreateServerSecret } from '../domain/server-secrets/server-secrets';
import { buildAdminApi } from './admin';
import { buildAtlasApi } from './atlas';
import { buildClientApi } from './client';
import { buildEngines, type EngineOptions } from './engines';
import { lifecycle, type Lifecycle } from './lifecycle';
import type { LoginService } from '../client/login/login.service';
import { openModels } from './models';
import { buildStores } from './stores';
import { buildUserStores } from './user-stores';

/** Everything the HTTP app needs, built once from a connection and the config. */
export interface Deps extends Lifecycle {
  readonly config: Config;
  readonly log: Logger;
  readonly conn: DbConnection;
  readonly adminKeys: AdminKeyService;
  readonly adminTokens: AdminTokenService;
  readonly apps: AppService;
  readonly configStore: ConfigStore;
  readonly secrets: SecretStore;
  /** The runtime's read port onto deployed configs. */
  readonly deployedConfigs: DeployedConfigReader;
  readonly signingKeys: SigningKeyStore;
  readonly functions: FunctionRunner;
  /** The app logs: `write` for whatever logs events (logins, functions, triggers). */
  readonly appLogs: AppLogStore;
  /** Runs AUTHENTICATION triggers after auth events (tests wait on `idle()`). */
  readonly authTriggers: AuthTriggerDispatcher;
  /** Runs SCHEDULED triggers (tests drive it with `tick()`). */
  readonly scheduler: TriggerScheduler;
  /** The Client API's logins (the tests drive OAuth 2.0 code logins through it). */
  readonly login: LoginService;
  readonly handlers: HandlerTable;
  readonly verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>;
  /** Verifiers of the schemes that are not bearer tokens (the public API's HTTP Digest). */
  readonly requestVerifiers: Partial<Record<SecuritySchemeName, RequestVerifier>>;
}

export interface DepsOptions extends EngineOptions {
  /** The clock every service reads; tests move it instead of sleeping. */
  now?: () => Date;
  /** Runs before a new end user is stored; the default runs the app's user creation function. */
  beforeUserCreated?: BeforeUserCreated;
}

/**
 * The composition root: models → domain stores → engines (functions, triggers) → end-user
 * stores → the API sides (admin, client, and the public API's group list). Each step is a file
 * of this folder.
 */
export async function buildDeps(
  conn: DbConnection,
  config: Config,
  log: Logger,
  options: DepsOptions = {},
): Promise<Deps> {
  const now = options.now ?? (() => new Date());
  const models = await openModels(conn);
  const stores = await buildStores(conn, models, config, log, now);
  const engines = buildEngines(conn, stores, config, log, now, options);
  const users = buildUserStores(conn, stores, engines, now, options.beforeUserCreated);
  const functionUsers = new FunctionUsers(stores.users, stores.customData);
  // One limiter for every admin password check: the login and the public API's Digest.
  const adminLoginLimiter = new LoginRateLimiter(config.adminLoginRateLimit, {
    scope: 'admin-login',
    store: stores.rateLimitSlots,
    now,
  });
  const admin = buildAdminApi(
    stores,
    users,
    engines,
    functionUsers,
    config,
    adminLoginLimiter,
    now,
  );
  const client = buildClientApi(stores, users, engines, functionUsers, config, log, now);
  const atlas = buildAtlasApi(
    stores,
    adminLoginLimiter,
    await getOrCreateServerSecret(models.serverSecrets, 'digest-nonce-hmac-sha256'),
    config,
    now,
  );
  const handlers: HandlerTable = {
    ...healthHandlers(conn),
    ...admin.handlers,
    ...client.handlers,
    ...atlas.handlers,
  };
  return {
    config,
    log,
    conn,
    adminKeys: stores.adminKeys,
    adminTokens: stores.adminTokens,
    apps: stores.apps,
    configStore: stores.configStore,
    secrets: stores.secrets,
    deployedConfigs: stores.deployedConfigs,
    signingKeys: stores.signingKeys,
    functions: engines.functions,
    appLogs: stores.appLogs,
    authTriggers: engines.authTriggers,
    scheduler: engines.scheduler,
    login: client.login,
    handlers,
    verifiers: { ...admin.verifiers, ...client.verifiers },
    requestVerifiers: atlas.requestVerifiers,
    ...lifecycle(engines, stores.dataSources, stores.rateLimitSlots, stores.appLogs),
  };
}
