import type { DeploymentConfigs } from './deployment-configs';
import { NotFoundError } from '../../errors/app-error';
import type { ConfigStore } from './config-store';
import type { DeploymentDoc } from './deployment.model';

export const DEPLOYMENT_LIST_LIMIT = 25;

/** Deployment history: listing, reading, and redeploying an earlier version. */
export class DeploymentService {
  constructor(
    private readonly snapshots: DeploymentConfigs,
    private readonly store: ConfigStore,
  ) {}

  list(appId: string): Promise<DeploymentDoc[]> {
    return this.snapshots.list(appId, DEPLOYMENT_LIST_LIMIT);
  }

  async get(appId: string, deploymentId: string): Promise<DeploymentDoc> {
    const doc = await this.snapshots.find(appId, deploymentId);
    if (!doc) throw new NotFoundError('deployment not found', 'DeploymentNotFound');
    return doc;
  }

  /** Deploys the complete config of an earlier deployment again, as a new deployment. */
  async redeploy(appId: string, adminId: string, deploymentId: string): Promise<DeploymentDoc> {
    const doc = await this.get(appId, deploymentId);
    const current = await this.store.deployed(appId);
    return this.store.deploy(appId, await this.snapshots.get(doc._id), current.version, {
      origin: 'Redeploy',
      userId: adminId,
    });
  }
}
