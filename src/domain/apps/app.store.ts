import mongoose from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';
import { nativeCollection } from '../native-collection';
import { APP_SUMMARY_PROJECTION, appModel, type AppDoc, type AppModel } from './app.model';

export type AppSummary = Omit<AppDoc, 'config'>;

/** What the runtime reads of an app to serve its deployed config. */
export interface AppRecord {
  _id: mongoose.Types.ObjectId;
  client_app_id: string;
  group_id: string;
  domain_id: mongoose.Types.ObjectId;
  location: string;
  deployment_model: string;
  /** The config the app was created with: version 0, in force until the first deployment. */
  config: Partial<AppConfig>;
}

/** A change of an app's deploy settings: what is undefined is left as it is. */
export interface DeploySettingsChange {
  uiDraftsDisabled?: boolean;
  automaticDeploymentEnabled?: boolean;
  installationIds?: string[];
}

/** The one reader and writer of the `apps` collection. */
export class AppStore {
  constructor(private readonly apps: AppModel) {}

  /** The store of the connection's apps (for readers built from a connection). */
  static of(conn: mongoose.Connection): AppStore {
    return new AppStore(appModel(conn));
  }

  /** Inserts an app; a unique index (name in group, client app id) may refuse it. */
  async insert(doc: Omit<AppDoc, '_id' | 'deploy_config'>): Promise<AppSummary> {
    const created = await this.apps.create(doc);
    const { config: _config, ...summary } = created.toObject();
    return summary;
  }

  async nameTaken(groupId: string, name: string): Promise<boolean> {
    return !!(await this.apps.exists({ group_id: groupId, name }));
  }

  list(groupId: string, products: readonly string[]): Promise<AppSummary[]> {
    return this.apps
      .find({ group_id: groupId, product: { $in: products } }, APP_SUMMARY_PROJECTION)
      .sort({ _id: 1 })
      .lean<AppSummary[]>();
  }

  async groupIds(): Promise<string[]> {
    return this.apps.distinct('group_id');
  }

  findInGroup(groupId: string, appId: string): Promise<AppSummary | null> {
    return this.apps
      .findOne({ _id: appId, group_id: groupId }, APP_SUMMARY_PROJECTION)
      .lean<AppSummary>();
  }

  async touch(appId: string, when: Date): Promise<void> {
    await this.apps.updateOne({ _id: appId }, { $set: { last_modified: when } });
  }

  /** True when this call removed the app. */
  async delete(groupId: string, appId: string): Promise<boolean> {
    const { deletedCount } = await this.apps.deleteOne({ _id: appId, group_id: groupId });
    return deletedCount > 0;
  }

  /** The config the app was created with, or null when there is no such app. */
  async creationConfig(appId: string): Promise<AppConfig | null> {
    const app = await this.apps.findById(appId, { config: 1 }).lean();
    return app ? app.config : null;
  }

  async deployConfig(appId: string): Promise<Pick<AppDoc, 'deploy_config'> | null> {
    return this.apps.findById(appId, { deploy_config: 1 }).lean();
  }

  /** Changes the app's deploy settings (a `$set` of the given fields); false for no such app. */
  async changeDeployConfig(
    appId: string,
    change: DeploySettingsChange,
    when: Date,
  ): Promise<boolean> {
    const set: Record<string, unknown> = { 'deploy_config.last_modified': when };
    if (change.uiDraftsDisabled !== undefined)
      set['deploy_config.ui_drafts_disabled'] = change.uiDraftsDisabled;
    if (change.automaticDeploymentEnabled !== undefined)
      set['deploy_config.automatic_deployment.enabled'] = change.automaticDeploymentEnabled;
    if (change.installationIds !== undefined)
      set['deploy_config.automatic_deployment.installation_ids'] = change.installationIds;
    const { matchedCount } = await this.apps.updateOne({ _id: appId }, { $set: set });
    return matchedCount > 0;
  }

  /** The app's client app id, by `_id` alone; undefined when there is no such app. */
  async clientAppIdOf(appId: mongoose.Types.ObjectId): Promise<string | undefined> {
    const app = await nativeCollection(this.apps).findOne(
      { _id: appId },
      { projection: { client_app_id: 1 } },
    );
    return app?.client_app_id;
  }

  /** What the runtime reads of the app with that client app id, or null. */
  byClientAppId(clientAppId: string): Promise<AppRecord | null> {
    return nativeCollection(this.apps).findOne<AppRecord>(
      { client_app_id: clientAppId },
      {
        projection: {
          client_app_id: 1,
          group_id: 1,
          domain_id: 1,
          location: 1,
          deployment_model: 1,
          config: 1,
        },
      },
    );
  }
}
