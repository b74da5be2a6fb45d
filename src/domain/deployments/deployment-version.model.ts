import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * That an app's deployment of a version exists (or is being stored): `_id` is
 * `<app id>:<version>`, so whether a newer version exists is a lookup by `_id` alone, which
 * FerretDB answers from an index (the deployments' (app, version) index it cannot use). Written
 * just before the deployment itself (see DeploymentConfigs.insert): a deployment always has one.
 */
export interface DeploymentVersionDoc {
  _id: string;
  app_id: mongoose.Types.ObjectId;
}

const deploymentVersionSchema = new Schema<DeploymentVersionDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'deployment_versions', versionKey: false },
);
ownedBy(deploymentVersionSchema, { app: 'app_id' });

export type DeploymentVersionModel = Model<DeploymentVersionDoc>;

export function deploymentVersionId(appId: string, version: number): string {
  return `${new mongoose.Types.ObjectId(appId).toHexString()}:${version}`;
}

export function deploymentVersionModel(conn: mongoose.Connection): DeploymentVersionModel {
  return (
    (conn.models.DeploymentVersion as DeploymentVersionModel | undefined) ??
    conn.model<DeploymentVersionDoc>('DeploymentVersion', deploymentVersionSchema)
  );
}
