import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** The claim of one fire time of a scheduled trigger (see TriggerRuns). */
export interface TriggerRunDoc {
  /** `<trigger id>|<fire time, ISO>`: one document, so one winner, per fire time. */
  _id: string;
  app_id: mongoose.Types.ObjectId;
  trigger_id: string;
  scheduled_for: Date;
  claimed_at: Date;
  /** host:pid of the process that ran it (for operators). */
  claimed_by: string;
}

const triggerRunSchema = new Schema<TriggerRunDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    trigger_id: { type: String, required: true },
    scheduled_for: { type: Date, required: true },
    claimed_at: { type: Date, required: true },
    claimed_by: { type: String, required: true },
  },
  { collection: 'trigger_runs', versionKey: false },
);
ownedBy(triggerRunSchema, { app: 'app_id' });

export type TriggerRunModel = Model<TriggerRunDoc>;

export function triggerRunModel(conn: mongoose.Connection): TriggerRunModel {
  return (
    (conn.models.TriggerRun as TriggerRunModel | undefined) ??
    conn.model<TriggerRunDoc>('TriggerRun', triggerRunSchema)
  );
}
