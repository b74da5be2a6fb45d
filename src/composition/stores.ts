import type { Config } from '../config/config';
import type { DbConnection } from '../db/connection';
import { getOrCreateServerSecret } from '../db/server-secrets';
import { AdminKeyService } from '../domain/admins/admin-key.service';
import { AdminTokenService } from '../domain/admins/admin-token.service';
import { ApiKeyStore } from '../domain/api-keys/api-key.store';
import { appLogModel } from '../domain/app-logs/app-log.model';
import { AppLogStore } from '../domain/app-logs/app-log.store';
import { AppLookup } from '../domain/apps/app-lookup';
import { AppService, type AppOwnedCollection } from '../domain/apps/app.service';
import { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import { DataSources } from '../domain/data-sources/data-sources';
import { ConfigStore, type DeployListener } from '../domain/deployments/config-store';
import { CachedDeployedConfigReader } from '../domain/deployments/deployed-config.reader';
import { DeploymentConfigs } from '../domain/deployments/deployment-configs';
import { SecretStore } from '../domain/secrets/secret.store';
import { SigningKeyStore } from '../domain/sessions/signing-keys';
import { ACCESS_TOKEN_TTL_SECONDS } from '../domain/sessions/user-token.service';
import { TriggerRuns } from '../domain/triggers/trigger-runs';
import { TriggerSchedules } from '../domain/triggers/trigger-schedules';
import { UserpassAccounts } from '../domain/userpass/userpass-accounts';
import { UserpassTokens } from '../domain/userpass/userpass-tokens';
import type { Logger } from '../logging/logger';
import { SecretBox } from '../security/secret-box';
import { configRules } from './config-rules';
import type { Models } from './models';

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

/** The domain's stores: everything that reads or writes the database for both API sides. */
export async function buildStores(
  conn: DbConnection,
  models: Models,
  config: Config,
  log: Logger,
  now: () => Date,
) {
  // Written by logins, function runs and triggers; read by the Admin API's logs endpoint.
  const appLogs = new AppLogStore(appLogModel(conn), config.appLogRetentionDays, log, now);
  await appLogs.init();

  // A revocation drops the key from this process's token caches at once.
  const adminKeys = new AdminKeyService(models.adminKeys, (keyId) => adminTokens.forgetKey(keyId));
  const adminTokens = new AdminTokenService(
    models.adminSessions,
    adminKeys,
    await getOrCreateServerSecret(conn, 'admin-token-hs256'),
    {
      accessTtlSeconds: config.adminAccessTokenTtlSeconds,
      refreshTtlSeconds: config.adminRefreshTokenTtlSeconds,
    },
    now,
  );

  const box = new SecretBox(
    config.secretsEncryptionKey ?? (await getOrCreateServerSecret(conn, 'secrets-aes256gcm')),
  );
  const secrets = new SecretStore(models.secrets, box, now);
  const resolveSecret = (appId: string, name: string) => secrets.resolve(appId, name);

  const apps = new AppService(models.apps, conn, APP_OWNED_COLLECTIONS, now);
  const snapshots = new DeploymentConfigs(conn);
  const deployedConfigs = new CachedDeployedConfigReader(conn, snapshots);
  const triggerSchedules = new TriggerSchedules(conn);
  /** What every deployment also does, in this order, whichever path deploys. */
  const deployListeners: DeployListener[] = [
    // The scheduler's index holds a scheduled trigger before the trigger is deployed.
    { beforeDeploy: (appId, cfg, when) => triggerSchedules.noteDeploy(appId, cfg, when) },
    // The app's last_modified.
    { afterDeploy: (appId, when) => apps.touch(appId, when) },
    // This process serves its own deploys at once (others see them within the reader's window).
    { afterDeploy: (appId) => deployedConfigs.forget(appId) },
  ];
  const configStore = new ConfigStore(
    models.apps,
    models.deployments,
    snapshots,
    models.drafts,
    models.draftRevisions,
    configRules(secrets),
    now,
    deployListeners,
  );

  const dataSources = new DataSources(conn, resolveSecret);
  return {
    appLogs,
    adminTokens,
    adminKeys,
    secrets,
    resolveSecret,
    apps,
    snapshots,
    deployedConfigs,
    triggerSchedules,
    triggerRuns: new TriggerRuns(conn),
    configStore,
    dataSources,
    customData: new CustomUserDataReader(dataSources, log),
    appLookup: new AppLookup(conn, deployedConfigs),
    signingKeys: new SigningKeyStore(models.signingKeys, box, ACCESS_TOKEN_TTL_SECONDS, now),
    userpassAccounts: new UserpassAccounts(models.userpassAccounts, now),
    userpassTokens: new UserpassTokens(models.userpassTokens, now),
    apiKeys: new ApiKeyStore(models.apiKeys, models.userSessions, models.identityClaims, now),
  };
}

export type Stores = Awaited<ReturnType<typeof buildStores>>;
