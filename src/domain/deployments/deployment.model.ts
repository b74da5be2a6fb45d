import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

export type DeploymentStatus = 'successful' | 'failed';

/**
 * One deployed version of an app's config. Its complete, immutable snapshot is stored apart,
 * under the same `_id` (see src/app-config/deployment-configs.ts). The unique index on
 * (app_id, version) is what serializes deploys: inserting version n+1 succeeds for exactly one
 * writer, and the app's deployed config is its highest version. One insert is atomic on any
 * MongoDB-compatible server, so a crash leaves either the old or the new version, complete.
 */
export interface DeploymentDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  version: number;
  name: string;
  status: DeploymentStatus;
  status_error_message: string;
  origin: string;
  user_id: string;
  /** The draft it deployed ('' if none): a draft a deployment names is closed, whatever remains of it. */
  draft_id: string;
  /** The revision of that draft that sealed it for this deployment (absent if no draft). */
  draft_rev?: number;
  deployed_at: Date;
}

const deploymentSchema = new Schema<DeploymentDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    name: { type: String, default: '' },
    status: { type: String, required: true },
    status_error_message: { type: String, default: '' },
    origin: { type: String, required: true },
    user_id: { type: String, default: '' },
    draft_id: { type: String, default: '' },
    draft_rev: { type: Number },
    deployed_at: { type: Date, required: true },
  },
  { collection: 'deployments', versionKey: false, minimize: false },
);
deploymentSchema.index({ app_id: 1, version: -1 }, { unique: true });
deploymentSchema.index({ app_id: 1, draft_id: 1 });
ownedBy(deploymentSchema, { app: 'app_id' });

export type DeploymentModel = Model<DeploymentDoc>;

export function deploymentModel(conn: mongoose.Connection): DeploymentModel {
  return (
    (conn.models.Deployment as DeploymentModel | undefined) ??
    conn.model<DeploymentDoc>('Deployment', deploymentSchema)
  );
}
