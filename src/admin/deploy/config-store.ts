import mongoose from 'mongoose';
import { normalizeAppConfig, type AppConfig } from '../../app-config/app-config.types';
import { ConflictError, NotFoundError } from '../../errors/app-error';
import type { AppModel } from '../apps/app.model';
import type { DeploymentDoc, DeploymentModel } from './deployment.model';
import type { DraftModel } from './draft.model';

/** A whole-config check run before any config is stored or deployed; throws an AppError. */
export type ConfigRule = (config: AppConfig, ctx: { appId: string }) => void | Promise<void>;

export interface DeployedConfig {
  config: AppConfig;
  version: number;
}

export interface DeployMeta {
  origin: string;
  userId: string;
  draftId?: string;
  name?: string;
}

const MAX_WRITE_ATTEMPTS = 5;

/**
 * Reads and writes app configs. With no draft open, an admin's write deploys at once; with one
 * open, it lands in the draft. Deploys are a compare-and-swap on the app document's
 * `config_version`: the deployed config is always one complete version, whatever crashes or
 * races happen around it, and of two concurrent deploys exactly one wins.
 */
export class ConfigStore {
  constructor(
    private readonly apps: AppModel,
    private readonly deployments: DeploymentModel,
    private readonly drafts: DraftModel,
    private readonly rules: readonly ConfigRule[],
    private readonly now: () => Date,
  ) {}

  async deployed(appId: string): Promise<DeployedConfig> {
    const app = await this.apps.findById(appId, { config: 1, config_version: 1 }).lean();
    if (!app) throw new NotFoundError('app not found', 'AppNotFound');
    return { config: normalizeAppConfig(app.config), version: app.config_version };
  }

  /** The config as this admin sees it: their draft's working copy, or the deployed config. */
  async view(appId: string, adminId: string): Promise<AppConfig> {
    const draft = await this.drafts
      .findOne({ app_id: appId, user_id: adminId }, { config: 1 })
      .lean();
    return draft ? normalizeAppConfig(draft.config) : (await this.deployed(appId)).config;
  }

  /**
   * Applies `mutate` to a copy of the config the admin sees, checks the result, and stores it:
   * into their draft, or as a new deployment. Lost races are retried on fresh data.
   */
  async change<T>(
    appId: string,
    adminId: string,
    mutate: (config: AppConfig) => T | Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const draft = await this.drafts
        .findOne({ app_id: appId, user_id: adminId }, { config: 1, rev: 1 })
        .lean();
      if (draft) {
        const config = normalizeAppConfig(structuredClone(draft.config));
        const result = await mutate(config);
        await this.check(config, appId);
        const { matchedCount } = await this.drafts.updateOne(
          { _id: draft._id, rev: draft.rev },
          { $set: { config }, $inc: { rev: 1 } },
        );
        if (matchedCount === 1) return result;
      } else {
        const current = await this.deployed(appId);
        const config = structuredClone(current.config);
        const result = await mutate(config);
        if (
          await this.tryDeploy(appId, config, current.version, { origin: 'API', userId: adminId })
        )
          return result;
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) {
        throw new ConflictError(
          'the app config is being changed concurrently; try again',
          'DeploymentConflict',
        );
      }
    }
  }

  /** Checks `config` and deploys it over `expectedVersion`; a lost race is a 409. */
  async deploy(
    appId: string,
    config: AppConfig,
    expectedVersion: number,
    meta: DeployMeta,
  ): Promise<DeploymentDoc> {
    const deployment = await this.tryDeploy(appId, config, expectedVersion, meta);
    if (!deployment) {
      throw new ConflictError(
        'another deployment of this app finished first; review the changes and deploy again',
        'DeploymentConflict',
      );
    }
    return deployment;
  }

  async check(config: AppConfig, appId: string): Promise<void> {
    for (const rule of this.rules) await rule(config, { appId });
  }

  private async tryDeploy(
    appId: string,
    config: AppConfig,
    expectedVersion: number,
    meta: DeployMeta,
  ): Promise<DeploymentDoc | undefined> {
    await this.check(config, appId);
    const now = this.now();
    const id = new mongoose.Types.ObjectId();
    // 1. The snapshot, as pending: if we die here, the app still points at the old version.
    await this.deployments.create({
      _id: id,
      app_id: new mongoose.Types.ObjectId(appId),
      version: expectedVersion + 1,
      name: meta.name || id.toHexString(),
      config,
      status: 'pending',
      status_error_message: '',
      origin: meta.origin,
      user_id: meta.userId,
      draft_id: meta.draftId ?? '',
      deployed_at: now,
    });
    // 2. The switch: one single-document compare-and-swap decides the outcome.
    const { matchedCount } = await this.apps.updateOne(
      { _id: appId, config_version: expectedVersion },
      { $set: { config, deployment_id: id, last_modified: now }, $inc: { config_version: 1 } },
    );
    // 3. Bookkeeping; if we die before it, readers derive the status from the app (see
    //    deployment.service). A loser leaves no trace: its caller gets the conflict instead.
    if (matchedCount !== 1) {
      await this.deployments.deleteOne({ _id: id });
      return undefined;
    }
    await this.deployments.updateOne({ _id: id }, { $set: { status: 'successful' } });
    const doc = await this.deployments.findById(id).lean<DeploymentDoc>();
    return doc ?? undefined;
  }
}
