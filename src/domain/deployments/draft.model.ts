import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import type { AppConfig } from '../../app-config/app-config.types';

/**
 * An admin's open draft of an app's config: the deployed version it started from. One draft per
 * admin per app (unique index). Its working copy is the newest of its revisions.
 */
export interface DraftDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  user_id: string;
  base_version: number;
  base_config: AppConfig;
  created_at: Date;
}

/**
 * A complete working copy of a draft. Writes insert revision n+1; the unique index on
 * (draft_id, rev) lets exactly one of two concurrent writers win, without relying on the
 * atomicity of updates (which FerretDB v1 does not give).
 *
 * A revision with a `deployment_id` is a seal: a deploy of the draft inserts it (the same config
 * as the revision before) before it inserts that deployment, so no write can land in the draft
 * after the deploy read it. A deploy that fails reopens the draft by inserting the next revision.
 */
export interface DraftRevisionDoc {
  _id: mongoose.Types.ObjectId;
  draft_id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  rev: number;
  config: AppConfig;
  deployment_id?: mongoose.Types.ObjectId;
}

const draftSchema = new Schema<DraftDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    user_id: { type: String, required: true },
    base_version: { type: Number, required: true },
    base_config: { type: Schema.Types.Mixed, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'drafts', versionKey: false, minimize: false },
);
draftSchema.index({ app_id: 1, user_id: 1 }, { unique: true });
ownedBy(draftSchema, { app: 'app_id' });

const draftRevisionSchema = new Schema<DraftRevisionDoc>(
  {
    draft_id: { type: Schema.Types.ObjectId, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, required: true },
    config: { type: Schema.Types.Mixed, required: true },
    deployment_id: { type: Schema.Types.ObjectId },
  },
  { collection: 'draft_revisions', versionKey: false, minimize: false },
);
draftRevisionSchema.index({ draft_id: 1, rev: -1 }, { unique: true });
ownedBy(draftRevisionSchema, { app: 'app_id' });

export type DraftModel = Model<DraftDoc>;
export type DraftRevisionModel = Model<DraftRevisionDoc>;

export function draftModel(conn: mongoose.Connection): DraftModel {
  return (
    (conn.models.Draft as DraftModel | undefined) ?? conn.model<DraftDoc>('Draft', draftSchema)
  );
}

export function draftRevisionModel(conn: mongoose.Connection): DraftRevisionModel {
  return (
    (conn.models.DraftRevision as DraftRevisionModel | undefined) ??
    conn.model<DraftRevisionDoc>('DraftRevision', draftRevisionSchema)
  );
}
