import mongoose from 'mongoose';
import { diffConfigs } from '../../app-config/config-diff';
import { mergeDraft } from '../../app-config/config-merge';
import type { AppConfig } from '../../app-config/app-config.types';
import { fromStoredConfig, toStoredConfig } from '../../app-config/stored-config';
import { ConflictError, NotFoundError } from '../../errors/app-error';
import type { ConfigStore, DraftHead } from './config-store';
import type { DeploymentDoc } from './deployment.model';
import type { DraftDoc, DraftModel, DraftRevisionModel } from './draft.model';
import { isDuplicateKey } from '../../db/duplicate-key';

export interface DraftPlan {
  /** What deploying the draft now would deploy. */
  config: AppConfig;
  /** The deployed version it would replace. */
  currentVersion: number;
  diffs: string[];
  conflicts: string[];
}

/** Drafts: one per admin per app; writes land in it until it is deployed or discarded. */
export class DraftService {
  constructor(
    private readonly drafts: DraftModel,
    private readonly revisions: DraftRevisionModel,
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async open(appId: string, adminId: string): Promise<DraftDoc> {
    const current = await this.store.deployed(appId);
    try {
      const doc = await this.drafts.create({
        app_id: new mongoose.Types.ObjectId(appId),
        user_id: adminId,
        base_version: current.version,
        base_config: toStoredConfig(current.config),
        created_at: this.now(),
      });
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new ConflictError('a draft already exists', 'DraftAlreadyExists');
      }
      throw err;
    }
  }

  list(appId: string, adminId: string): Promise<DraftDoc[]> {
    return this.drafts
      .find({ app_id: appId, user_id: adminId }, { base_config: 0 })
      .lean<DraftDoc[]>();
  }

  async discard(appId: string, adminId: string, draftId: string): Promise<void> {
    const { deletedCount } = await this.drafts.deleteOne({
      _id: draftId,
      app_id: appId,
      user_id: adminId,
    });
    if (deletedCount === 0) throw new NotFoundError('draft not found', 'DraftNotFound');
    await this.revisions.deleteMany({ draft_id: draftId });
  }

  async plan(appId: string, adminId: string, draftId: string): Promise<DraftPlan> {
    const { draft, head } = await this.find(appId, adminId, draftId);
    return this.planFor(appId, draft, head);
  }

  /** Deploys the draft as one unit (merged over any newer deployment), then closes it. */
  async deploy(
    appId: string,
    adminId: string,
    draftId: string,
    name: string | undefined,
  ): Promise<DeploymentDoc> {
    const { draft, head } = await this.find(appId, adminId, draftId);
    const plan = await this.planFor(appId, draft, head);
    if (plan.conflicts.length > 0) {
      throw new ConflictError(
        `the draft conflicts with a newer deployment: ${plan.conflicts.join('; ')}`,
        'DeploymentConflict',
      );
    }
    const deployment = await this.store.deploy(appId, plan.config, plan.currentVersion, {
      origin: 'Draft',
      userId: adminId,
      draftId,
      name,
    });
    await this.drafts.deleteOne({ _id: draft._id });
    await this.revisions.deleteMany({ draft_id: draft._id });
    return deployment;
  }

  private async find(
    appId: string,
    adminId: string,
    draftId: string,
  ): Promise<{ draft: DraftDoc; head: DraftHead }> {
    const head = await this.store.draftHead(appId, adminId);
    const draft =
      head?.draftId.toHexString() === draftId.toLowerCase()
        ? await this.drafts.findById(draftId).lean<DraftDoc>()
        : null;
    if (!head || !draft) throw new NotFoundError('draft not found', 'DraftNotFound');
    return { draft, head };
  }

  private async planFor(appId: string, draft: DraftDoc, head: DraftHead): Promise<DraftPlan> {
    const current = await this.store.deployed(appId);
    const { config, conflicts } =
      current.version === draft.base_version
        ? { config: head.config, conflicts: [] }
        : mergeDraft(fromStoredConfig(draft.base_config), head.config, current.config);
    return {
      config,
      currentVersion: current.version,
      diffs: diffConfigs(current.config, config),
      conflicts,
    };
  }
}
