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

const MAX_DEPLOY_ATTEMPTS = 8;

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
    try {
      return await this.tryOpen(appId, adminId);
    } catch (err) {
      // The admin's draft may be one that was deployed and left behind by a crash.
      const left = isDuplicateKey(err) ? await this.drafts.idOf(appId, adminId) : undefined;
      if (left && (await this.store.closeIfDeployed(appId, left))) {
        return this.tryOpen(appId, adminId).catch(rethrowAsAlreadyExists);
      }
      rethrowAsAlreadyExists(err);
    }
  }

  async list(appId: string, adminId: string): Promise<DraftDoc[]> {
    const drafts = await this.drafts.list(appId, adminId);
    const deployed = await Promise.all(drafts.map((d) => this.store.closeIfDeployed(appId, d._id)));
    return drafts.filter((_, i) => !deployed[i]);
  }

  async discard(appId: string, adminId: string, draftId: string): Promise<void> {
    const { draft } = await this.find(appId, adminId, draftId);
    if (!(await this.drafts.discard(appId, adminId, draft._id.toHexString())))
      throw new NotFoundError('draft not found', 'DraftNotFound');
  }

  async plan(appId: string, adminId: string, draftId: string): Promise<DraftPlan> {
    const { draft, head } = await this.find(appId, adminId, draftId);
    return this.planFor(appId, draft, head);
  }

  /**
   * Deploys the draft as one unit (merged over any newer deployment), then closes it. The draft is
   * first sealed by inserting its next revision, naming the deployment: a write racing the deploy
   * either took that revision first (the deploy then starts over and includes it) or finds the
   * draft sealed and does not land in it. A failed deploy reopens the draft with the revision after
   * its seal. A seal left by a crash is taken over by deploying again (or dropped by a discard).
   */
  async deploy(
    appId: string,
    adminId: string,
    draftId: string,
    name: string | undefined,
  ): Promise<DeploymentDoc> {
    for (let attempt = 1; ; attempt++) {
      const { draft, head } = await this.find(appId, adminId, draftId);
      const plan = await this.planFor(appId, draft, head);
      if (plan.conflicts.length > 0) {
        throw new ConflictError(
          `the draft conflicts with a newer deployment: ${plan.conflicts.join('; ')}`,
          'DeploymentConflict',
        );
      }
      const deploymentId = new mongoose.Types.ObjectId();
      const seal = head.rev + 1;
      if (await this.drafts.insertRevision(appId, draft._id, seal, head.config, deploymentId)) {
        return this.deploySealed(
          appId,
          adminId,
          { draft, head, plan },
          { deploymentId, seal, name },
        );
      }
      if (attempt >= MAX_DEPLOY_ATTEMPTS) {
        throw new ConflictError(
          'the draft is being changed concurrently; try again',
          'DeploymentConflict',
        );
      }
    }
  }

  private async tryOpen(appId: string, adminId: string): Promise<DraftDoc> {
    const current = await this.store.deployed(appId);
    return this.drafts.open({
      app_id: new mongoose.Types.ObjectId(appId),
      user_id: adminId,
      base_version: current.version,
      base_config: toStoredConfig(current.config),
      created_at: this.now(),
    });
  }

  private async deploySealed(
    appId: string,
    adminId: string,
    { draft, head, plan }: { draft: DraftDoc; head: DraftHead; plan: DraftPlan },
    opts: { deploymentId: mongoose.Types.ObjectId; seal: number; name: string | undefined },
  ): Promise<DeploymentDoc> {
    let deployment: DeploymentDoc;
    try {
      deployment = await this.store.deploy(appId, plan.config, plan.currentVersion, {
        origin: 'Draft',
        userId: adminId,
        draftId: draft._id.toHexString(),
        draftRev: opts.seal,
        deploymentId: opts.deploymentId,
        name: opts.name,
      });
    } catch (err) {
      // Reopen only a draft this deploy sealed from an open state: a seal taken over from an
      // earlier deploy stays, as that deploy may still store its deployment.
      if (!head.sealedFor) {
        // Best effort: a draft left sealed is deployed again (taken over) or discarded.
        await this.drafts
          .insertRevision(appId, draft._id, opts.seal + 1, head.config)
          .catch(() => false);
      }
      throw err;
    }
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

/** A duplicate draft key means the admin has a draft open already. */
function rethrowAsAlreadyExists(err: unknown): never {
  if (isDuplicateKey(err)) throw new ConflictError('a draft already exists', 'DraftAlreadyExists');
  throw err;
}
