import mongoose, { Schema, type Model } from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';

export type DeploymentStatus = 'pending' | 'successful' | 'failed';

/**
 * One deployed version of an app's config: an immutable, complete snapshot. A deployment is
 * written as `pending` before the app is switched to it; the switch (a compare-and-swap on the
 * app document) decides whether it succeeded.
 */
export interface DeploymentDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  version: number;
  name: string;
  config: AppConfig;
  status: DeploymentStatus;
  status_error_message: string;
  origin: string;
  user_id: string;
  draft_id: string;
  deployed_at: Date;
}

const deploymentSchema = new Schema<DeploymentDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    name: { type: String, default: '' },
    config: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    status_error_message: { type: String, default: '' },
    origin: { type: String, required: true },
    user_id: { type: String, default: '' },
    draft_id: { type: String, default: '' },
    deployed_at: { type: Date, required: true },
  },
  { collection: 'deployments', versionKey: false, minimize: false },
);
deploymentSchema.index({ app_id: 1, _id: -1 });

export type DeploymentModel = Model<DeploymentDoc>;

export function deploymentModel(conn: mongoose.Connection): DeploymentModel {
  return (
    (conn.models.Deployment as DeploymentModel | undefined) ??
    conn.model<DeploymentDoc>('Deployment', deploymentSchema)
  );
}
