import mongoose from 'mongoose';
import { diffConfigs } from '../../app-config/config-diff';
import { mergeDraft } from '../../app-config/config-merge';
import type { AppConfig } from '../../app-config/app-config.types';
import { fromStoredConfig, toStoredConfig } from '../../app-config/stored-config';
import { ConflictError, NotFoundError } from '../../errors/app-error';
import type { ConfigStore, DraftHead } from './config-store';
import type { DeploymentDoc } from './deployment.model';
import type { DraftDoc } from './draft.model';
import type { DraftStore } from './draft.store';
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
    private readonly drafts: DraftStore,
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async open(appId: string, adminId: string): Promise<DraftDoc> {
    const current = await this.store.deployed(appId);
    try {
      return await this.drafts.open({
        app_id: new mongoose.Types.ObjectId(appId),
        user_id: adminId,
        base_version: current.version,
        base_config: toStoredConfig(current.config),
        created_at: this.now(),
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new ConflictError('a draft already exists', 'DraftAlreadyExists');
      }
      throw err;
    }
  }

  list(appId: string, adminId: string): Promise<DraftDoc[]> {
    return this.drafts.list(appId, adminId);
  }

  async discard(appId: string, adminId: string, draftId: string): Promise<void> {
    if (!(await this.drafts.discard(appId, adminId, draftId)))
      throw new NotFoundError('draft not found', 'DraftNotFound');
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
    await this.drafts.close(draft._id);
    return deployment;
  }

  private async find(
    appId: string,
    adminId: string,
    draftId: string,
  ): Promise<{ draft: DraftDoc; head: DraftHead }> {
    const head = await this.store.draftHead(appId, adminId);
    const draft =
      head?.draftId.toHexString() === draftId.toLowerCase() ? await this.drafts.get(draftId) : null;
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
