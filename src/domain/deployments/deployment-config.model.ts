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

/**
 * The collection also holds one small marker per deployed version of an app: that a deployment
 * of that version exists, or is being stored. Its `_id` is `<app id>:<version>` (a string, never
 * a snapshot's ObjectId), so whether a newer version exists is a lookup by `_id` alone, which
 * FerretDB answers from an index (the deployments' (app, version) index it cannot use). It is
 * inserted with the snapshot, in the same command, before the deployment itself (see
 * DeploymentConfigs.put): a deployment always has one.
 */
export interface VersionMarkerDoc {
  _id: string;
  app_id: mongoose.Types.ObjectId;
}

export function versionMarkerId(appId: string, version: number): string {
  return `${new mongoose.Types.ObjectId(appId).toHexString()}:${version}`;
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
