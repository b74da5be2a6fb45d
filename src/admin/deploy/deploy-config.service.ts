import type { components } from '../../generated/openapi';
import { NotFoundError } from '../../errors/app-error';
import type { AppModel } from '../../domain/apps/app.model';

type DeploymentConfig = components['schemas']['DeploymentConfig'];
type DeploymentConfigUpdate = components['schemas']['DeploymentConfigUpdate'];

/** How an app deploys (stored with the app, not versioned: it is about deploying, not the app). */
export class DeployConfigService {
  constructor(
    private readonly apps: AppModel,
    private readonly now: () => Date,
  ) {}

  async get(appId: string): Promise<DeploymentConfig> {
    const app = await this.apps.findById(appId, { deploy_config: 1 }).lean();
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
    const set: Record<string, unknown> = { 'deploy_config.last_modified': this.now() };
    if (patch.ui_drafts_disabled !== undefined)
      set['deploy_config.ui_drafts_disabled'] = patch.ui_drafts_disabled;
    const auto = patch.automatic_deployment;
    if (auto?.enabled !== undefined)
      set['deploy_config.automatic_deployment.enabled'] = auto.enabled;
    if (auto?.installation_ids !== undefined) {
      set['deploy_config.automatic_deployment.installation_ids'] = auto.installation_ids;
    }
    const { matchedCount } = await this.apps.updateOne({ _id: appId }, { $set: set });
    if (matchedCount === 0) throw new NotFoundError('app not found', 'AppNotFound');
  }
}
