import type { Config } from '../config/config';
import type { DbConnection } from '../db/connection';
import { AdminGroups } from '../domain/admins/admin-groups';
import { AdminKeyService } from '../domain/admins/admin-key.service';
import { AdminTokenService } from '../domain/admins/admin-token.service';
import { ApiKeyStore } from '../domain/api-keys/api-key.store';
import { AppLogStore } from '../domain/app-logs/app-log.store';
import { AppLookup } from '../domain/apps/app-lookup';
import { AppService } from '../domain/apps/app.service';
import { AppStore } from '../domain/apps/app.store';
import { CustomUserDataReader } from '../domain/data-sources/custom-data.reader';
import { DataSourceClaims } from '../domain/data-sources/data-source-claims';
import { DataSources } from '../domain/data-sources/data-sources';
import { ConfigStore, type DeployListener } from '../domain/deployments/config-store';
import { CachedDeployedConfigReader } from '../domain/deployments/deployed-config.reader';
import { DeploymentConfigs } from '../domain/deployments/deployment-configs';
import { DraftStore } from '../domain/deployments/draft.store';
import { RateLimitSlots } from '../domain/rate-limits/rate-limit-slots';
import { SecretStore } from '../domain/secrets/secret.store';
import { getOrCreateServerSecret, secretsBox } from '../domain/server-secrets/server-secrets';
import { RecentSessionChecks } from '../domain/sessions/recent-session-checks';
import { SigningKeyStore } from '../domain/sessions/signing-keys';
import { UserSessionStore } from '../domain/sessions/user-session.store';
import { ACCESS_TOKEN_TTL_SECONDS } from '../domain/sessions/user-token.service';
import { AuthTriggerEvents } from '../domain/triggers/auth-trigger-events';
import { TriggerRuns } from '../domain/triggers/trigger-runs';
import { TriggerSchedules } from '../domain/triggers/trigger-schedules';
import { UserpassAccounts } from '../domain/userpass/userpass-accounts';
import { OAuth2States } from '../domain/oauth2-states/oauth2-states';
import { UserpassTokens } from '../domain/userpass/userpass-tokens';
import { UserStore } from '../domain/users/user.store';
import type { Logger } from '../logging/logger';
import { configRules } from './config-rules';
import type { Models } from './models';

/** The domain's stores: everything that reads or writes the database for both API sides. */
export async function buildStores(
  conn: DbConnection,
  models: Models,
  config: Config,
  log: Logger,
  now: () => Date,
) {
  // Written by logins, function runs and triggers; read by the Admin API's logs endpoint.
  const appLogs = new AppLogStore(models.appLogs, config.appLogRetentionDays, log, now);
  await appLogs.init();

  const box = await secretsBox(models.serverSecrets, config.secretsEncryptionKey);
  // A revocation drops the key from this process's token caches at once.
  const adminKeys = new AdminKeyService(models.adminKeys, box, (keyId) =>
    adminTokens.forgetKey(keyId),
  );
  const adminTokens = new AdminTokenService(
    models.adminSessions,
    adminKeys,
    await getOrCreateServerSecret(models.serverSecrets, 'admin-token-hs256'),
    {
      accessTtlSeconds: config.adminAccessTokenTtlSeconds,
      refreshTtlSeconds: config.adminRefreshTokenTtlSeconds,
    },
    now,
  );

  const secrets = new SecretStore(models.secrets, box, now);
  const resolveSecret = (appId: string, name: string) => secrets.resolve(appId, name);

  // This process's recent checks of user sessions; the user and session stores keep them current.
  const sessionChecks = new RecentSessionChecks(now);
  const appStore = new AppStore(models.apps);
  // Deleting an app removes what every model of the connection declares the app owns.
  const apps = new AppService(appStore, conn, now, (appId) => sessionChecks.forgetApp(appId));
  const snapshots = new DeploymentConfigs(conn, now);
  const deployedConfigs = new CachedDeployedConfigReader(appStore, snapshots);
  const triggerSchedules = new TriggerSchedules(models.triggerSchedules);
  /** What every deployment also does, in this order, whichever path deploys. */
  const deployListeners: DeployListener[] = [
    // The scheduler's index holds a scheduled trigger before the trigger is deployed.
    { beforeDeploy: (appId, cfg, when) => triggerSchedules.noteDeploy(appId, cfg, when) },
    // The app's last_modified.
    { afterDeploy: (appId, when) => apps.touch(appId, when) },
    // This process serves its own deploys at once (others see them within the reader's window).
    { afterDeploy: (appId) => deployedConfigs.forget(appId) },
  ];
  const drafts = new DraftStore(models.drafts, models.draftRevisions);
  const configStore = new ConfigStore(
    appStore,
    snapshots,
    drafts,
    configRules(secrets),
    now,
    deployListeners,
  );

  const dataSources = new DataSources(conn, resolveSecret);
  const users = new UserStore(models.users, models.identityClaims, sessionChecks);
  const userSessions = new UserSessionStore(models.userSessions, now, sessionChecks);
  return {
    appLogs,
    adminTokens,
    adminKeys,
    // The groups each admin key sees (the Admin API profile, the public API's group list).
    adminGroups: new AdminGroups(apps),
    secrets,
    resolveSecret,
    apps,
    snapshots,
    deployedConfigs,
    triggerSchedules,
    triggerRuns: new TriggerRuns(models.triggerRuns),
    authTriggerEvents: new AuthTriggerEvents(models.authTriggerEvents, models.authTriggerClaims),
    configStore,
    drafts,
    dataSources,
    dataSourceClaims: new DataSourceClaims(models.dataSourceClaims, now),
    customData: new CustomUserDataReader(dataSources, log),
    appLookup: new AppLookup(appStore, deployedConfigs),
    appStore,
    users,
    userSessions,
    sessionChecks,
    signingKeys: new SigningKeyStore(models.signingKeys, box, ACCESS_TOKEN_TTL_SECONDS, now),
    userpassAccounts: new UserpassAccounts(models.userpassAccounts, now),
    userpassTokens: new UserpassTokens(models.userpassTokens, models.userpassRedemptions, now),
    apiKeys: new ApiKeyStore(models.apiKeys, userSessions, users, now),
    // The login limits' counters, shared by every server process.
    rateLimitSlots: new RateLimitSlots(models.rateLimitSlots, log, now),
    // The browser redirect flow's pending logins (single use, short-lived).
    oauth2States: new OAuth2States(models.oauth2States, now),
  };
}

export type Stores = Awaited<ReturnType<typeof buildStores>>;
