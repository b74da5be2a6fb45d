import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import type { AppConfig } from '../../app-config/app-config.types';

/**
 * An app. `config` is the configuration it was created with (version 0); it is never updated.
 * Deployed versions are documents of the deployments collection (see deployment.model.ts).
 */
const appSchema = new Schema(
  {
    name: { type: String, required: true },
    client_app_id: { type: String, required: true, unique: true },
    group_id: { type: String, required: true },
    domain_id: { type: Schema.Types.ObjectId, required: true },
    location: { type: String, required: true },
    deployment_model: { type: String, required: true },
    provider_region: { type: String, required: true },
    // The environment the app was created with; the one it runs with is its config's (versioned).
    environment: { type: String, default: '' },
    product: { type: String, required: true },
    template_id: { type: String, default: '' },
    created_at: { type: Date, required: true },
    last_modified: { type: Date, required: true },
    last_used: { type: Date, required: true },
    deploy_config: {
      ui_drafts_disabled: { type: Boolean, default: false },
      automatic_deployment: {
        enabled: { type: Boolean, default: false },
        provider: { type: String, default: 'github' },
        installation_ids: { type: [String], default: [] },
      },
      last_modified: { type: Date, default: null },
    },
    config: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'apps', versionKey: false, minimize: false },
);
appSchema.index({ group_id: 1, name: 1 }, { unique: true });
ownedBy(appSchema, 'global');

export type AppDoc = Omit<InferSchemaType<typeof appSchema>, 'config'> & {
  _id: mongoose.Types.ObjectId;
  config: AppConfig;
};
export type AppModel = Model<AppDoc>;

export function appModel(conn: mongoose.Connection): AppModel {
  return (conn.models.App as AppModel | undefined) ?? conn.model<AppDoc>('App', appSchema);
}

/** Fields of an app that listings return: everything but its (possibly large) config. */
export const APP_SUMMARY_PROJECTION = { config: 0 } as const;
