import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * The complete, immutable config snapshot of one deployment, under the deployment's `_id` (see
 * deployment.model.ts). Kept apart from the small deployment documents; read by `_id` alone.
 */
export interface DeploymentConfigDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  config: unknown;
}

const deploymentConfigSchema = new Schema<DeploymentConfigDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    config: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'deployment_configs', versionKey: false, minimize: false },
);
ownedBy(deploymentConfigSchema, { app: 'app_id' });

export type DeploymentConfigModel = Model<DeploymentConfigDoc>;

export function deploymentConfigModel(conn: mongoose.Connection): DeploymentConfigModel {
  return (
    (conn.models.DeploymentConfig as DeploymentConfigModel | undefined) ??
    conn.model<DeploymentConfigDoc>('DeploymentConfig', deploymentConfigSchema)
  );
}
