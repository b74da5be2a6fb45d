import type mongoose from 'mongoose';
import { adminKeyModel } from './admin/admin-keys/admin-key.model';
import { AdminKeyService } from './admin/admin-keys/admin-key.service';
import { adminAuthHandlers } from './admin/auth/admin-auth.routes';
import { adminSessionModel } from './admin/auth/admin-session.model';
import { AdminTokenService } from './admin/auth/admin-token.service';
import { appModel } from './admin/apps/app.model';
import { appHandlers } from './admin/apps/app.routes';
import { AppService, type AppOwnedCollection } from './admin/apps/app.service';
import { customUserDataRule } from './admin/custom-user-data/custom-user-data.rule';
import { customUserDataHandlers } from './admin/custom-user-data/custom-user-data.routes';
import { CustomUserDataService } from './admin/custom-user-data/custom-user-data.service';
import { ConfigStore, type ConfigRule } from './admin/deploy/config-store';
import { DeployConfigService } from './admin/deploy/deploy-config.service';
import { deployHandlers } from './admin/deploy/deploy.routes';
import { deploymentModel } from './admin/deploy/deployment.model';
import { DeploymentService } from './admin/deploy/deployment.service';
import { draftModel } from './admin/deploy/draft.model';
import { DraftService } from './admin/deploy/draft.service';
import { functionHandlers } from './admin/functions/function.routes';
import { FunctionService } from './admin/functions/function.service';
import { secretModel } from './admin/secrets/secret.model';
import { secretHandlers } from './admin/secrets/secret.routes';
import { SecretService, secretsExistRule } from './admin/secrets/secret.service';
import { securityHandlers } from './admin/security/security.routes';
import { SecurityService } from './admin/security/security.service';
import { serviceHandlers } from './admin/services/service.routes';
import { ServiceService } from './admin/services/service.service';
import { valueHandlers } from './admin/values/value.routes';
import { ValueService } from './admin/values/value.service';
import { normalizeAppConfig, type AppConfig } from './app-config/app-config.types';
import type { Config } from './config/config';
import { SecretBox } from './security/secret-box';
import { getOrCreateServerSecret } from './db/server-secrets';
import { healthHandlers } from './http/health.routes';
import type { TokenVerifier } from './http/authenticate';
import type { SecuritySchemeName } from './http/spec';
import type { HandlerTable } from './http/typed-handler';
import type { Logger } from './logging/logger';

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
  readonly handlers: HandlerTable;
  readonly verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>;
}

/** Collections whose documents belong to an app (field holding the app's ObjectId). */
const APP_OWNED_COLLECTIONS: readonly AppOwnedCollection[] = [
  { collection: 'deployments', appIdField: 'app_id' },
  { collection: 'drafts', appIdField: 'app_id' },
  { collection: 'secrets', appIdField: 'app_id' },
];

export interface DepsOptions {
  /** The clock every service reads; tests move it instead of sleeping. */
  now?: () => Date;
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
  const secretDocs = secretModel(conn);
  await Promise.all(
    [keyModel, sessionModel, apps, deployments, drafts, secretDocs].map((m) =>
      (m as { init(): Promise<unknown> }).init(),
    ),
  );

  const adminKeys = new AdminKeyService(keyModel);
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
    const [app, open] = await Promise.all([
      apps.findById(appId, { config: 1 }).lean(),
      drafts.find({ app_id: appId }, { config: 1 }).lean(),
    ]);
    return [...(app ? [app.config] : []), ...open.map((d) => d.config)].map((c) =>
      normalizeAppConfig(c),
    );
  };
  const secretsKey =
    config.secretsEncryptionKey ?? (await getOrCreateServerSecret(conn, 'secrets-aes256gcm'));
  const secrets = new SecretService(secretDocs, new SecretBox(secretsKey), configsOf, now);
  const configRules: ConfigRule[] = [
    secretsExistRule(secrets),
    // (config rules: auth providers)
    // (config rules: config resources)
    customUserDataRule,
  ];
  const configStore = new ConfigStore(apps, deployments, drafts, configRules, now);

  const handlers: HandlerTable = {
    ...healthHandlers(conn),
    ...adminAuthHandlers({ adminTokens, apps: appService }),
    ...appHandlers(appService),
    ...secretHandlers(appService, secrets),
    // (handlers: auth providers)
    // (handlers: config resources)
    ...valueHandlers(appService, new ValueService(configStore, now)),
    ...functionHandlers(appService, new FunctionService(configStore, now)),
    ...serviceHandlers(appService, new ServiceService(configStore, now)),
    ...customUserDataHandlers(appService, new CustomUserDataService(configStore)),
    ...securityHandlers(appService, new SecurityService(configStore)),
    ...deployHandlers({
      apps: appService,
      drafts: new DraftService(drafts, configStore, now),
      deployments: new DeploymentService(deployments, apps, configStore, now),
      deployConfig: new DeployConfigService(apps, now),
    }),
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
    handlers,
    verifiers: {
      tokenAuth: (token) => adminTokens.verifyAccessToken(token),
      refreshAuth: (token) => adminTokens.verifyRefreshToken(token),
    },
  };
}
