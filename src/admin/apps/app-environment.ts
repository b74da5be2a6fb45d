import type { EnvironmentConfig } from '../../app-config/app-config.types';
import type { DeployedConfigReader } from '../../app-config/deployed-app';
import type { AppSummary } from '../../domain/apps/app.service';

/**
 * The environment an app runs with, as the Admin API shows it (`AppInstance.environment`): the
 * tag of its deployed config, so an admin's open draft does not change it until it is deployed.
 */
export type EnvironmentOf = (app: AppSummary) => Promise<EnvironmentConfig['tag']>;

/**
 * Reads the tag through the runtime's per-process cache of deployed configs: a hit reads nothing
 * from the database, and this process's own deploys are seen at once (others' within the
 * reader's staleness window, as for every runtime read).
 */
export function deployedEnvironment(configs: DeployedConfigReader): EnvironmentOf {
  return async (app) =>
    (await configs.getDeployedConfig(app.client_app_id))?.config.environment.tag ?? '';
}
