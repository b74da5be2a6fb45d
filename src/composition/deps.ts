import type mongoose from 'mongoose';
import { adminKeyModel } from '../domain/admins/admin-key.model';
import { AdminKeyService } from '../domain/admins/admin-key.service';
import { serverApiKeyHandlers } from '../admin/api-keys/api-key.routes';
import { ServerApiKeyService } from '../admin/api-keys/server-api-key.service';
import { adminAuthHandlers } from '../admin/auth/admin-auth.routes';
import { adminSessionModel } from '../domain/admins/admin-session.model';
import { AdminTokenService } from '../domain/admins/admin-token.service';
import { appModel } from '../domain/apps/app.model';
import { appHandlers } from '../admin/apps/app.routes';
import { AppService, type AppOwnedCollection } from '../domain/apps/app.service';
import { authProvidersRule } from '../admin/auth-providers/auth-provider.rules';
import { authProviderHandlers } from '../admin/auth-providers/auth-provider.routes';
import { AuthProviderService } from '../admin/auth-providers/auth-provider.service';
import { customUserDataRule } from '../admin/custom-user-data/custom-user-data.rule';
import { customUserDataHandlers } from '../admin/custom-user-data/custom-user-data.routes';
import { CustomUserDataService } from '../admin/custom-user-data/custom-user-data.service';
import { ConfigStore, type ConfigRule } from '../domain/deployments/config-store';
import { DeployConfigService } from '../admin/deploy/deploy-config.service';
import { deployHandlers } from '../admin/deploy/deploy.routes';
import { deploymentModel } from '../domain/deployments/deployment.model';
import { DeploymentService } from '../domain/deployments/deployment.service';
import { draftModel, draftRevisionModel } from '../domain/deployments/draft.model';
import { DraftService } from '../domain/deployments/draft.service';
import { functionHandlers } from '../admin/functions/function.routes';
import { FunctionService } from '../admin/functions/function.service';
import { logsHandlers } from '../admin/logs/logs.routes';
import { LogsService } from '../admin/logs/logs.service';
import { secretModel } from '../domain/secrets/secret.model';
import { emailUserHandlers } from '../admin/users/email-users.routes';
import { secretHandlers } from '../admin/secrets/secret.routes';
import { SecretService, secretsExistRule } from '../domain/secrets/secret.service';
import { securityHandlers } from '../admin/security/security.routes';
import { SecurityService } from '../admin/security/security.service';
import { serviceHandlers } from '../admin/services/service.routes';
import { ServiceService } from '../admin/services/service.service';
import { valueHandlers } from '../admin/values/value.routes';
import { ValueService } from '../admin/values/value.service';
import { triggersRule } from '../admin/triggers/trigger.rules';
import { triggerHandlers } from '../admin/triggers/trigger.routes';
import { TriggerService } from '../admin/triggers/trigger.service';
import type { AppConfig } from '../app-config/app-config.types';
import { fromStoredConfig } from '../app-config/stored-config';
import { DeploymentConfigs } from '../domain/deployments/deployment-configs';
import { adminUserHandlers } from '../admin/users/user.routes';
import { AdminUserService } from '../admin/users/user.service';
import { CachedDeployedConfigReader } from '../domain/deployments/deployed-config.reader';
import type { DeployedConfigReader } from '../app-config/deployed-app';
import type { Config } from '../config/config';
import { apiKeyModel } from '../domain/api-keys/api-key.model';
import { apiKeyRoutesRefreshVerifier, userApiKeyHandlers } from '../client/api-keys/api-key.routes';
import { ApiKeyStore } from '../domain/api-keys/api-key.store';
import { UserApiKeys } from '../client/api-keys/user-api-keys';
import { clientHandlers } from '../client/client.routes';
import { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import { DataSources } from '../domain/data-sources/data-sources';
import { createMailer } from '../client/userpass/mailer';
import { LoginService } from '../client/login/login.service';
import { logLoginAttempts } from '../client/login/login-log';
import { LoginRateLimiter } from '../client/login/rate-limit';
import { providerRegistry } from '../providers/login-registry';
import { anonUserProvider } from '../providers/anon-user/anon-user.login';
import { localUserpassProvider } from '../providers/local-userpass/local-userpass.login';
import { customTokenProvider } from '../providers/custom-token/custom-token.login';
import { apiKeyProvider } from '../providers/api-key/api-key.login';
import { customFunctionProvider } from '../providers/custom-function/custom-function.login';
import type { LoginProvider } from '../providers/login-provider';
import { signingKeyModel, SigningKeyStore } from '../domain/sessions/signing-keys';
import { userSessionModel } from '../domain/sessions/user-session.model';
import { ACCESS_TOKEN_TTL_SECONDS, UserTokenService } from '../domain/sessions/user-token.service';
import { UserAccounts, type UserOwnedCollection } from '../domain/users/user-accounts';
import { UserDirectory, type BeforeUserCreated } from '../domain/users/user-directory';
import { identityClaimModel, userModel } from '../domain/users/user.model';
import { UserpassAccounts } from '../domain/userpass/userpass-accounts';
import { UserpassAdminService } from '../admin/users/userpass-admin.service';
import { userpassAccountModel, userpassTokenModel } from '../domain/userpass/userpass.model';
import { userpassHandlers } from '../client/userpass/userpass.routes';
import { UserpassService } from '../client/userpass/userpass.service';
import { UserpassTokens } from '../domain/userpass/userpass-tokens';
import { UserpassFunctionFlows } from '../client/userpass/userpass-functions';
import { DataAccess } from '../functions/data-access';
import { FunctionRunner } from '../functions/function-runner';
import { FunctionUsers } from '../functions/function-users';
import { functionDebugHandlers } from '../admin/functions/function-debug.routes';
import { FunctionDebugService } from '../admin/functions/function-debug.service';
import { functionCallHandlers } from '../client/functions/function-call.routes';
import { FunctionCallService } from '../client/functions/function-call.service';
import { Sandbox, type SandboxLimits } from '../functions/sandbox';
import { userCreationFunction } from '../functions/user-creation-function';
import { appLogModel } from '../domain/app-logs/app-log.model';
import { AppLogStore } from '../domain/app-logs/app-log.store';
import { SecretBox } from '../security/secret-box';
import { TriggerSchedules } from '../domain/triggers/trigger-schedules';
import { AppLookup } from '../domain/apps/app-lookup';
import { AuthTriggerDispatcher, type AuthTriggerLimits } from '../triggers/auth-trigger-dispatcher';
import { TriggerExecutor } from '../triggers/trigger-executor';
import { TriggerRuns } from '../domain/triggers/trigger-runs';
import { TriggerScheduler } from '../triggers/trigger-scheduler';
import { getOrCreateServerSecret } from '../db/server-secrets';
import { healthHandlers } from '../http/health.routes';
import type { TokenVerifier } from '../http/authenticate';
import type { SecuritySchemeName } from '../http/spec';
import type { HandlerTable } from '../http/typed-handler';
import type { Logger } from '../logging/logger';

/** Everything the HTTP app needs, built once from a connection and the config. */
export interface Deps {
  readonly config: Config;
  readonly log: Logger;
  readonly conn: mongoose.Connection;
  readonly adminKeys: AdminKeyService;
  readonly adminTokens: AdminTokenService;
  readonly apps: AppService;
  readonly configStore: ConfigStore;
  readonly secrets: SecretService;
  /** The runtime's read port onto deployed configs. */
  readonly deployedConfigs: DeployedConfigReader;
  readonly userTokens: UserTokenService;
  readonly userAccounts: UserAccounts;
  readonly signingKeys: SigningKeyStore;
  readonly functions: FunctionRunner;
  /** The app logs: `write` for whatever logs events (logins, functions, triggers). */
  readonly appLogs: AppLogStore;
  /** Runs AUTHENTICATION triggers after auth events (tests wait on `idle()`). */
  readonly authTriggers: AuthTriggerDispatcher;
  /** Runs SCHEDULED triggers (tests drive it with `tick()`). */
  readonly scheduler: TriggerScheduler;
  readonly handlers: HandlerTable;
  readonly verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>;
  /** Starts background work (the trigger scheduler); a server calls it once it listens. */
  start(): void;
  /** Stops background work and waits for what is running; call before closing the database. */
  stop(): Promise<void>;
}

/** Collections whose documents belong to an app (field holding the app's ObjectId). */
const APP_OWNED_COLLECTIONS: readonly AppOwnedCollection[] = [
  { collection: 'deployments', appIdField: 'app_id' },
  { collection: 'deployment_configs', appIdField: 'app_id' },
  { collection: 'drafts', appIdField: 'app_id' },
  { collection: 'draft_revisions', appIdField: 'app_id' },
  { collection: 'secrets', appIdField: 'app_id' },
  { collection: 'users', appIdField: 'app_id' },
  { collection: 'identity_claims', appIdField: 'app_id' },
  { collection: 'user_sessions', appIdField: 'app_id' },
  { collection: 'signing_keys', appIdField: 'app_id' },
  { collection: 'userpass_accounts', appIdField: 'app_id' },
  { collection: 'userpass_tokens', appIdField: 'app_id' },
  { collection: 'userpass_token_redemptions', appIdField: 'app_id' },
  { collection: 'api_keys', appIdField: 'app_id' },
  { collection: 'data_source_claims', appIdField: 'app_id' },
  { collection: 'app_logs', appIdField: 'app_id' },
  { collection: 'trigger_schedules', appIdField: 'app_id' },
  { collection: 'trigger_runs', appIdField: 'app_id' },
];

export interface DepsOptions {
  /** The clock every service reads; tests move it instead of sleeping. */
  now?: () => Date;
  /** Runs before a new end user is stored; the default runs the app's user creation function. */
  beforeUserCreated?: BeforeUserCreated;
  /** Replaces the configured limits of user function executions (tests use short ones). */
  functionLimits?: Partial<SandboxLimits>;
  /** Replaces the queue limits of AUTHENTICATION triggers (tests fill the queue with these). */
  authTriggerLimits?: AuthTriggerLimits;
}

export async function buildDeps(
  conn: mongoose.Connection,
  config: Config,
  log: Logger,
  options: DepsOptions = {},
): Promise<Deps> {
  const now = options.now ?? (() => new Date());
  const keyModel = adminKeyModel(conn);
  const sessionModel = adminSessionModel(conn);
  const apps = appModel(conn);
  const deployments = deploymentModel(conn);
  const drafts = draftModel(conn);
  const draftRevisions = draftRevisionModel(conn);
  const secretDocs = secretModel(conn);
  const users = userModel(conn);
  const claims = identityClaimModel(conn);
  const userSessions = userSessionModel(conn);
  const signingKeyDocs = signingKeyModel(conn);
  const userpassAccountDocs = userpassAccountModel(conn);
  const userpassTokenDocs = userpassTokenModel(conn);
  await Promise.all(
    [
      keyModel,
      sessionModel,
      apps,
      deployments,
      drafts,
      draftRevisions,
      secretDocs,
      users,
      claims,
      userSessions,
      signingKeyDocs,
      userpassAccountDocs,
      userpassTokenDocs,
    ].map((m) => (m as { init(): Promise<unknown> }).init()),
  );
  // Written by logins, function runs and triggers; read by the Admin API's logs endpoint.
  const appLogs = new AppLogStore(appLogModel(conn), config.appLogRetentionDays, log, now);
  await appLogs.init();

  const adminKeys = new AdminKeyService(keyModel, (keyId) => adminTokens.forgetKey(keyId));
  const adminTokens = new AdminTokenService(
    sessionModel,
    adminKeys,
    await getOrCreateServerSecret(conn, 'admin-token-hs256'),
    {
      accessTtlSeconds: config.adminAccessTokenTtlSeconds,
      refreshTtlSeconds: config.adminRefreshTokenTtlSeconds,
    },
    now,
  );
  const appService = new AppService(apps, conn, APP_OWNED_COLLECTIONS, now);
  /** The deployed config and every open draft of an app: what may reference a secret. */
  const configsOf = async (appId: string): Promise<AppConfig[]> => {
    const [deployed, open] = await Promise.all([
      configStore.deployed(appId),
      draftRevisions.find({ app_id: appId }, { config: 1 }).lean(),
    ]);
    return [deployed.config, ...open.map((d) => fromStoredConfig(d.config))];
  };
  const secretsKey =
    config.secretsEncryptionKey ?? (await getOrCreateServerSecret(conn, 'secrets-aes256gcm'));
  const box = new SecretBox(secretsKey);
  const secrets = new SecretService(secretDocs, box, configsOf, now);
  const configRules: ConfigRule[] = [
    secretsExistRule(secrets),
    // (config rules: auth providers)
    authProvidersRule,
    // (config rules: config resources)
    customUserDataRule,
    // (config rules: triggers)
    triggersRule,
  ];
  const snapshots = new DeploymentConfigs(conn);
  const triggerSchedules = new TriggerSchedules(conn);
  const configStore = new ConfigStore(
    apps,
    deployments,
    snapshots,
    drafts,
    draftRevisions,
    configRules,
    now,
    async (appId, when) => {
      await appService.touch(appId, when);
      deployedConfigs.forget(appId);
    },
    (appId, config, when) => triggerSchedules.noteDeploy(appId, config, when),
  );

  const deployedConfigs = new CachedDeployedConfigReader(conn, snapshots);
  const dataSources = new DataSources(conn, (appId, name) => secrets.resolve(appId, name));
  // (functions)
  const functions = new FunctionRunner(
    new Sandbox({ ...config.functions, ...options.functionLimits }),
    new DataAccess(conn, dataSources, now),
    (appId, name) => secrets.resolve(appId, name),
    appLogs,
    now,
  );
  // (triggers runtime)
  const customDataReader = new CustomUserDataReader(dataSources, log);
  const appLookup = new AppLookup(conn, deployedConfigs);
  const triggerExecutor = new TriggerExecutor(functions, appLogs, log, now);
  const authTriggers = new AuthTriggerDispatcher(
    appLookup,
    customDataReader,
    triggerExecutor,
    log,
    now,
    options.authTriggerLimits,
  );
  const scheduler = new TriggerScheduler(
    triggerSchedules,
    new TriggerRuns(conn),
    appLookup,
    triggerExecutor,
    log,
    now,
  );
  const signingKeys = new SigningKeyStore(signingKeyDocs, box, ACCESS_TOKEN_TTL_SECONDS, now);
  const userTokens = new UserTokenService(userSessions, users, signingKeys, deployedConfigs, now);
  const userOwnedCollections: UserOwnedCollection[] = [
    // (user-owned collections)
    { collection: 'userpass_accounts', userIdField: 'user_id' },
    { collection: 'api_keys', userIdField: 'owner_user_id' },
  ];
  const userAccounts = new UserAccounts(
    conn,
    users,
    claims,
    userSessions,
    userOwnedCollections,
    now,
    authTriggers,
  );
  const userpassAccounts = new UserpassAccounts(userpassAccountDocs, now);
  const directory = new UserDirectory(
    users,
    claims,
    options.beforeUserCreated ?? userCreationFunction(functions),
    now,
    authTriggers,
  );
  const apiKeyDocs = apiKeyModel(conn);
  await apiKeyDocs.init();
  const apiKeys = new ApiKeyStore(apiKeyDocs, userSessions, claims, now);
  const loginProviders: LoginProvider[] = [
    anonUserProvider,

    // (login providers: local-userpass)
    localUserpassProvider(userpassAccounts),

    // (login providers: api-key)
    apiKeyProvider(apiKeys),

    // (login providers: custom-token)
    customTokenProvider({ resolveSecret: (appId, name) => secrets.resolve(appId, name), now }),

    // (login providers: custom-function)
    customFunctionProvider(functions),
  ];
  const loginLimiter = new LoginRateLimiter(config.loginRateLimit);
  const functionUsers = new FunctionUsers(users, customDataReader);
  const login = new LoginService(
    deployedConfigs,
    providerRegistry(loginProviders),
    directory,
    userTokens,
    customDataReader,
    loginLimiter,
    authTriggers,
    { now, onAttempt: logLoginAttempts(appLogs) },
  );
  const userpassTokens = new UserpassTokens(userpassTokenDocs, now);

  const handlers: HandlerTable = {
    ...healthHandlers(conn),
    ...adminAuthHandlers({ adminTokens, apps: appService }),
    ...appHandlers(appService),
    ...secretHandlers(appService, secrets),
    // (handlers: auth providers)
    ...authProviderHandlers(appService, new AuthProviderService(configStore, secrets)),
    // (handlers: config resources)
    ...valueHandlers(appService, new ValueService(configStore, now)),
    ...functionHandlers(appService, new FunctionService(configStore, now)),
    ...serviceHandlers(appService, new ServiceService(configStore, now)),
    ...customUserDataHandlers(appService, new CustomUserDataService(configStore)),
    ...securityHandlers(appService, new SecurityService(configStore), signingKeys),
    ...deployHandlers({
      apps: appService,
      drafts: new DraftService(drafts, draftRevisions, configStore, now),
      deployments: new DeploymentService(deployments, snapshots, configStore),
      deployConfig: new DeployConfigService(apps, now),
    }),
    ...clientHandlers({
      login,
      tokens: userTokens,
      keys: signingKeys,
      accounts: userAccounts,
      publicBaseUrl: config.publicBaseUrl,
      defaultBaseUrl: `http://localhost:${config.port}`,
    }),

    // (handlers: client local-userpass)
    ...userpassHandlers(
      new UserpassService(
        (clientAppId) => login.app(clientAppId),
        userpassAccounts,
        userpassTokens,
        createMailer(config.smtp, log),
        (userId) => userAccounts.logout(userId),
        // (userpass functions)
        new UserpassFunctionFlows(functions, userpassAccounts, userpassTokens),
        loginLimiter,
      ),
    ),
    ...emailUserHandlers(
      appService,
      new UserpassAdminService(deployedConfigs, userpassAccounts, userpassTokens, directory),
    ),

    // (handlers: api keys)
    ...userApiKeyHandlers(new UserApiKeys(apiKeys)),
    ...serverApiKeyHandlers(
      appService,
      new ServerApiKeyService(
        apiKeys,
        users,
        claims,
        userAccounts,
        async (appId) =>
          (await configStore.deployed(appId)).config.auth_providers.find(
            (p) => p.type === 'api-key',
          )?._id ?? '',
        now,
        authTriggers,
      ),
    ),

    // (handlers: triggers)
    ...triggerHandlers(appService, new TriggerService(configStore, now)),

    // (handlers: function execution)
    ...functionDebugHandlers(
      appService,
      new FunctionDebugService(configStore, functions, functionUsers),
    ),
    ...functionCallHandlers(new FunctionCallService(functions, functionUsers)),

    // (handlers: admin users)
    ...adminUserHandlers(appService, new AdminUserService(users, userAccounts, userTokens)),

    // (handlers: app logs)
    ...logsHandlers(appService, new LogsService(appLogs)),
  };
  return {
    config,
    log,
    conn,
    adminKeys,
    adminTokens,
    apps: appService,
    configStore,
    secrets,
    deployedConfigs,
    userTokens,
    userAccounts,
    signingKeys,
    functions,
    appLogs,
    authTriggers,
    scheduler,
    handlers,
    verifiers: {
      tokenAuth: (token) => adminTokens.verifyAccessToken(token),
      refreshAuth: (token) => adminTokens.verifyRefreshToken(token),
      userAccessAuth: (token) => userTokens.verifyAccessToken(token),
      userRefreshAuth: apiKeyRoutesRefreshVerifier((token) => userTokens.verifyRefreshToken(token)),
    },
    start: () => scheduler.start(),
    stop: async () => {
      await scheduler.stop();
      await authTriggers.close();
      await functions.close();
      await dataSources.close();
    },
  };
}
