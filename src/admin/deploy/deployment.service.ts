import { ConflictError, NotFoundError } from '../../errors/app-error';
import type { AppModel } from '../apps/app.model';
import type { ConfigStore } from './config-store';
import type { DeploymentDoc, DeploymentModel, DeploymentStatus } from './deployment.model';

export const DEPLOYMENT_LIST_LIMIT = 25;
/** A pending deployment older than this that never became current was interrupted. */
const PENDING_GRACE_MS = 60_000;

export interface DeploymentView extends Omit<DeploymentDoc, 'config'> {
  effectiveStatus: DeploymentStatus;
}

/** Deployment history: listing, reading, and redeploying an earlier version. */
export class DeploymentService {
  constructor(
    private readonly deployments: DeploymentModel,
    private readonly apps: AppModel,
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string): Promise<DeploymentView[]> {
    const [docs, app] = await Promise.all([
      this.deployments
        .find({ app_id: appId }, { config: 0 })
        .sort({ _id: -1 })
        .limit(DEPLOYMENT_LIST_LIMIT)
        .lean<Omit<DeploymentDoc, 'config'>[]>(),
      this.currentPointer(appId),
    ]);
    return docs.map((d) => this.withStatus(d, app));
  }

  async get(appId: string, deploymentId: string): Promise<DeploymentView> {
    const [doc, app] = await Promise.all([
      this.deployments
        .findOne({ _id: deploymentId, app_id: appId }, { config: 0 })
        .lean<Omit<DeploymentDoc, 'config'>>(),
      this.currentPointer(appId),
    ]);
    if (!doc) throw new NotFoundError('deployment not found', 'DeploymentNotFound');
    return this.withStatus(doc, app);
  }

  /** Deploys the complete config of an earlier successful deployment as a new deployment. */
  async redeploy(appId: string, adminId: string, deploymentId: string): Promise<DeploymentDoc> {
    const [doc, app] = await Promise.all([
      this.deployments.findOne({ _id: deploymentId, app_id: appId }).lean<DeploymentDoc>(),
      this.currentPointer(appId),
    ]);
    if (!doc) throw new NotFoundError('deployment not found', 'DeploymentNotFound');
    if (this.withStatus(doc, app).effectiveStatus !== 'successful') {
      throw new ConflictError(
        'only a successful deployment can be redeployed',
        'DeploymentConflict',
      );
    }
    const current = await this.store.deployed(appId);
    return this.store.deploy(appId, doc.config, current.version, {
      origin: 'Redeploy',
      userId: adminId,
    });
  }

  private async currentPointer(
    appId: string,
  ): Promise<{ deployment_id: unknown; config_version: number }> {
    const app = await this.apps.findById(appId, { deployment_id: 1, config_version: 1 }).lean();
    if (!app) throw new NotFoundError('app not found', 'AppNotFound');
    return { deployment_id: app.deployment_id, config_version: app.config_version };
  }

  /**
   * A deployment left `pending` by a crash is resolved from the app document, which is the
   * truth: current → successful; superseded or stale → failed; otherwise still pending.
   */
  private withStatus(
    doc: Omit<DeploymentDoc, 'config'>,
    app: { deployment_id: unknown; config_version: number },
  ): DeploymentView {
    let effectiveStatus = doc.status;
    if (doc.status === 'pending') {
      const isCurrent = String(app.deployment_id) === doc._id.toHexString();
      const stale = this.now().getTime() - doc.deployed_at.getTime() > PENDING_GRACE_MS;
      if (isCurrent) effectiveStatus = 'successful';
      else if (app.config_version >= doc.version || stale) effectiveStatus = 'failed';
    }
    return { ...doc, effectiveStatus };
  }
}
