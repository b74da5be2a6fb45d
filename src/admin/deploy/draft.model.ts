import mongoose, { Schema, type Model } from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';

/**
 * An admin's open draft of an app's config: the deployed config it started from (`base_*`) and
 * the working copy its writes accumulate in. `rev` guards each write (optimistic concurrency).
 * One draft per admin per app (unique index).
 */
export interface DraftDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  user_id: string;
  base_version: number;
  base_config: AppConfig;
  config: AppConfig;
  rev: number;
  created_at: Date;
}

const draftSchema = new Schema<DraftDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    user_id: { type: String, required: true },
    base_version: { type: Number, required: true },
    base_config: { type: Schema.Types.Mixed, required: true },
    config: { type: Schema.Types.Mixed, required: true },
    rev: { type: Number, required: true, default: 0 },
    created_at: { type: Date, required: true },
  },
  { collection: 'drafts', versionKey: false, minimize: false },
);
draftSchema.index({ app_id: 1, user_id: 1 }, { unique: true });

export type DraftModel = Model<DraftDoc>;

export function draftModel(conn: mongoose.Connection): DraftModel {
  return (
    (conn.models.Draft as DraftModel | undefined) ?? conn.model<DraftDoc>('Draft', draftSchema)
  );
}
