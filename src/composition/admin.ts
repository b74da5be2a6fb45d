import { authorizeGroup } from '../admin/access';
import { serverApiKeyHandlers } from '../admin/api-keys/api-key.routes';
import { ServerApiKeyService } from '../admin/api-keys/server-api-key.service';
import { deployedEnvironment } from '../admin/apps/app-environment';
import { appDescriptionHandlers } from '../admin/apps/app-description.routes';
import { appHandlers } from '../admin/apps/app.routes';
import { adminAuthHandlers } from '../admin/auth/admin-auth.routes';
import { AdminLoginService } from '../admin/auth/admin-login.service';
import { authProviderHandlers } from '../admin/auth-providers/auth-provider.routes';
import { AuthProviderService } from '../admin/auth-providers/auth-provider.service';
import { configAsCodeHandlers } from '../admin/config-as-code/config-as-code.routes';
import { ConfigAsCodeService } from '../admin/config-as-code/config-as-code.service';
import { customUserDataHandlers } from '../admin/custom-user-data/custom-user-data.routes';
import { CustomUserDataService } from '../admin/custom-user-data/custom-user-data.service';
import { DeployConfigService } from '../admin/deploy/deploy-config.service';
import { deployHandlers } from '../admin/deploy/deploy.routes';
import { environmentValueHandlers } from '../admin/environments/environment-value.routes';
import { EnvironmentValueService } from '../admin/environments/environment-value.service';
import { environmentHandlers } from '../admin/environments/environment.routes';
import { EnvironmentService } from '../admin/environments/environment.service';
import { functionDebugHandlers } from '../admin/functions/function-debug.routes';
import { FunctionDebugService } from '../admin/functions/function-debug.service';
import { functionHandlers } from '../admin/functions/function.routes';
import { FunctionService } from '../admin/functions/function.service';
import { logsHandlers } from '../admin/logs/logs.routes';
import { LogsService } from '../admin/logs/logs.service';
import { ruleHandlers } from '../admin/rules/rule.routes';
import { RuleService } from '../admin/rules/rule.service';
import { secretHandlers } from '../admin/secrets/secret.routes';
import { SecretService } from '../admin/secrets/secret.service';
import { securityHandlers } from '../admin/security/security.routes';
import { SecurityService } from '../admin/security/security.service';
import { serviceHandlers } from '../admin/services/service.routes';
import { ServiceService } from '../admin/services/service.service';
import { triggerHandlers } from '../admin/triggers/trigger.routes';
import { TriggerService } from '../admin/triggers/trigger.service';
import { emailUserHandlers } from '../admin/users/email-users.routes';
import { adminUserHandlers } from '../admin/users/user.routes';
import { AdminUserService } from '../admin/users/user.service';
import { UserpassAdminService } from '../admin/users/userpass-admin.service';
import { valueHandlers } from '../admin/values/value.routes';
import { ValueService } from '../admin/values/value.service';
import { DeploymentService } from '../domain/deployments/deployment.service';
import { DraftService } from '../domain/deployments/draft.service';
import type { LoginRateLimiter } from '../domain/rate-limits/login-rate-limiter';
import type { Config } from '../config/config';
import type { FunctionUsers } from '../functions/function-users';
import type { TokenVerifier } from '../http/authenticate';
import type { Engines } from './engines';
import { originSettings } from './origin';
import type { Stores } from './stores';
import type { UserStores } from './user-stores';

/** The most files an imported zip may hold (a large app has a few hundred). */
const IMPORT_MAX_FILES = 10_000;

/** The Admin API v3.0: its handlers and the verifiers of admin tokens. */
export function buildAdminApi(
  stores: Stores,
  users: UserStores,
  engines: Engines,
  functionUsers: FunctionUsers,
  config: Config,
  /** The admin login's limits, shared with the public API's Digest checks. */
  adminLoginLimiter: LoginRateLimiter,
  now: () => Date,
) {
  const { apps, configStore, adminTokens } = stores;
  const adminLogin = new AdminLoginService(adminTokens, adminLoginLimiter);
  const apiKeyProviderId = async (appId: string) =>
    (await configStore.deployed(appId)).config.auth_providers.find((p) => p.type === 'api-key')
      ?._id ?? '';
  const deployments = new DeploymentService(stores.snapshots, configStore);
  // What GET …/apps/{appId} shows as `environment`: the deployed tag, from the runtime's cache.
  const environmentOf = deployedEnvironment(stores.deployedConfigs);
  const handlers = {
    ...adminAuthHandlers({ adminTokens, adminLogin, groups: stores.adminGroups }),
    ...appHandlers(apps, environmentOf),
    ...appDescriptionHandlers({ apps, configStore, origin: originSettings(config) }),
    ...secretHandlers(apps, new SecretService(stores.secrets, configStore)),
    ...authProviderHandlers(apps, new AuthProviderService(configStore, stores.secrets)),
    ...valueHandlers(apps, new ValueService(configStore, now)),
    ...environmentValueHandlers(apps, new EnvironmentValueService(configStore, now)),
    ...environmentHandlers(apps, new EnvironmentService(configStore), environmentOf),
    ...functionHandlers(apps, new FunctionService(configStore, now)),
    ...serviceHandlers(apps, new ServiceService(configStore, now)),
    ...ruleHandlers(apps, new RuleService(configStore, now)),
    ...customUserDataHandlers(apps, new CustomUserDataService(configStore)),
    ...securityHandlers(apps, new SecurityService(configStore), stores.signingKeys),
    ...deployHandlers({
      apps,
      drafts: new DraftService(stores.drafts, configStore, now),
      deployments,
      deployConfig: new DeployConfigService(stores.appStore, now),
      environmentOf,
    }),
    ...emailUserHandlers(
      apps,
      new UserpassAdminService(
        stores.deployedConfigs,
        stores.userpassAccounts,
        stores.userpassTokens,
        users.directory,
      ),
    ),
    ...serverApiKeyHandlers(
      apps,
      new ServerApiKeyService(
        stores.apiKeys,
        stores.users,
        users.userAccounts,
        apiKeyProviderId,
        now,
        engines.authTriggers,
      ),
    ),
    ...triggerHandlers(apps, new TriggerService(configStore, now)),
    ...functionDebugHandlers(
      apps,
      new FunctionDebugService(configStore, engines.functions, functionUsers),
    ),
    ...adminUserHandlers(
      apps,
      new AdminUserService(stores.users, users.userAccounts, users.userTokens),
    ),
    ...logsHandlers(apps, new LogsService(stores.appLogs)),
    ...configAsCodeHandlers(
      apps,
      new ConfigAsCodeService(
        configStore,
        deployments,
        stores.snapshots,
        stores.secrets,
        { maxBytes: config.importMaxBytes, maxEntries: IMPORT_MAX_FILES },
        now,
      ),
    ),
  };
  const verifiers: { tokenAuth: TokenVerifier; refreshAuth: TokenVerifier } = {
    // The group a path names is authorized with the token, before the body is read or validated
    // (handlers check it again, and that the app belongs to the group).
    tokenAuth: async (token, _operationId, params) => {
      const principal = await adminTokens.verifyAccessToken(token);
      if (params.groupId !== undefined) authorizeGroup(principal, params.groupId);
      return principal;
    },
    refreshAuth: (token) => adminTokens.verifyRefreshToken(token),
  };
  return { handlers, verifiers };
}
