import mongoose from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';
import { toStoredConfig } from '../../app-config/stored-config';
import { isDuplicateKey } from '../../db/duplicate-key';
import type { DraftDoc, DraftModel, DraftRevisionDoc, DraftRevisionModel } from './draft.model';

/**
 * The one reader and writer of drafts and their revisions. A draft is opened by a unique insert
 * (one per admin per app); its working copy only ever grows by inserting revision n+1, which the
 * unique (draft_id, rev) index admits for exactly one writer (see draft.model.ts).
 */
export class DraftStore {
  constructor(
    private readonly drafts: DraftModel,
    private readonly revisions: DraftRevisionModel,
  ) {}

  /** Opens a draft; a duplicate-key error means the admin has one open already. */
  async open(draft: Omit<DraftDoc, '_id'>): Promise<DraftDoc> {
    const doc = await this.drafts.create(draft);
    return doc.toObject();
  }

  list(appId: string, adminId: string): Promise<DraftDoc[]> {
    return this.drafts
      .find({ app_id: appId, user_id: adminId }, { base_config: 0 })
      .lean<DraftDoc[]>();
  }

  get(draftId: string): Promise<DraftDoc | null> {
    return this.drafts.findById(draftId).lean<DraftDoc>();
  }

  /** The id of the admin's open draft of the app, if any. */
  async idOf(appId: string, adminId: string): Promise<mongoose.Types.ObjectId | undefined> {
    const draft = await this.drafts.findOne({ app_id: appId, user_id: adminId }, { _id: 1 }).lean();
    return draft?._id;
  }

  /** The config the draft started from, or null once it is gone. */
  async baseConfig(draftId: mongoose.Types.ObjectId): Promise<AppConfig | null> {
    const base = await this.drafts.findById(draftId, { base_config: 1 }).lean();
    return base ? base.base_config : null;
  }

  /** The draft's newest revision, if anything was written to it. */
  head(
    draftId: mongoose.Types.ObjectId,
  ): Promise<Pick<DraftRevisionDoc, 'rev' | 'config' | 'deployment_id'> | null> {
    return this.revisions
      .findOne({ draft_id: draftId }, { rev: 1, config: 1, deployment_id: 1 })
      .sort({ rev: -1 })
      .lean();
  }

  /**
   * The working copies of the app's open drafts (stored form). Only drafts that still exist count:
   * a write that raced the draft's discard or deployment may have left a revision behind.
   */
  async workingCopies(appId: string): Promise<Pick<DraftRevisionDoc, 'config'>[]> {
    const open = await this.drafts.find({ app_id: appId }, { _id: 1 }).lean();
    if (open.length === 0) return [];
    return this.revisions
      .find({ draft_id: { $in: open.map((d) => d._id) }, config: { $exists: true } }, { config: 1 })
      .lean();
  }

  /**
   * Inserts revision `rev` (a seal for `deploymentId` if given); false when another writer
   * inserted it first.
   */
  async insertRevision(
    appId: string,
    draftId: mongoose.Types.ObjectId,
    rev: number,
    config: AppConfig,
    deploymentId?: mongoose.Types.ObjectId,
  ): Promise<boolean> {
    try {
      await this.revisions.create({
        draft_id: draftId,
        app_id: new mongoose.Types.ObjectId(appId),
        rev,
        config: toStoredConfig(config),
        ...(deploymentId ? { deployment_id: deploymentId } : {}),
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    // Older revisions are superseded: drop their working copies, but keep the documents. A deleted
    // revision would free its number, and a writer still holding the head before it could then
    // insert it, be told it won, and yet sit below the head (its write lost). Unsetting the same
    // field twice is harmless, so concurrent updates of one stub need no atomicity.
    await this.revisions.updateMany(
      { draft_id: draftId, rev: { $lt: rev }, config: { $exists: true } },
      { $unset: { config: 1 } },
    );
    return true;
  }

  /** Discards the admin's draft; false when they have no such draft. */
  async discard(appId: string, adminId: string, draftId: string): Promise<boolean> {
    const { deletedCount } = await this.drafts.deleteOne({
      _id: draftId,
      app_id: appId,
      user_id: adminId,
    });
    if (deletedCount === 0) return false;
    // Kept as stubs, as when a draft is closed by its deployment (see close).
    await this.dropWorkingCopies(new mongoose.Types.ObjectId(draftId));
    return true;
  }

  /**
   * Closes a deployed draft (right after its deployment, or later when found left open). Its
   * revisions stay as stubs without their working copy, so that their numbers are never free again:
   * a stale write can then not be inserted below the revision its deployment sealed.
   */
  async close(draftId: mongoose.Types.ObjectId): Promise<void> {
    await this.drafts.deleteOne({ _id: draftId });
    await this.dropWorkingCopies(draftId);
  }

  private async dropWorkingCopies(draftId: mongoose.Types.ObjectId): Promise<void> {
    await this.revisions.updateMany(
      { draft_id: draftId, config: { $exists: true } },
      { $unset: { config: 1 } },
    );
  }
}
