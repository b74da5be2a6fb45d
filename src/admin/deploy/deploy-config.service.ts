import type { components } from '../../generated/openapi';
import { NotFoundError } from '../../errors/app-error';
import type { AppStore } from '../../domain/apps/app.store';

type DeploymentConfig = components['schemas']['DeploymentConfig'];
type DeploymentConfigUpdate = components['schemas']['DeploymentConfigUpdate'];

/** How an app deploys (stored with the app, not versioned: it is about deploying, not the app). */
export class DeployConfigService {
  constructor(
    private readonly apps: AppStore,
    private readonly now: () => Date,
  ) {}

  async get(appId: string): Promise<DeploymentConfig> {
    const app = await this.apps.deployConfig(appId);
    if (!app) throw new NotFoundError('app not found', 'AppNotFound');
    const c = app.deploy_config;
    return {
      ui_drafts_disabled: c?.ui_drafts_disabled ?? false,
      automatic_deployment: {
        enabled: c?.automatic_deployment?.enabled ?? false,
        provider: 'github',
        installation_ids: c?.automatic_deployment?.installation_ids ?? [],
      },
      last_modified: c?.last_modified ? Math.floor(c.last_modified.getTime() / 1000) : 0,
    };
  }

  async update(appId: string, patch: DeploymentConfigUpdate): Promise<void> {
    const auto = patch.automatic_deployment;
    const found = await this.apps.changeDeployConfig(
      appId,
      {
        uiDraftsDisabled: patch.ui_drafts_disabled,
        automaticDeploymentEnabled: auto?.enabled,
        installationIds: auto?.installation_ids,
      },
      this.now(),
    );
    if (!found) throw new NotFoundError('app not found', 'AppNotFound');
  }
}
