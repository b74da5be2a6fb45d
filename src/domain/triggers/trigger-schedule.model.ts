import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * One document per (scheduled trigger, schedule) ever deployed: the index the scheduler reads
 * instead of every app's deployed config, and `since`, the time from which the trigger's fire
 * times count (a trigger never fires for times before it was deployed with that schedule).
 */
export interface TriggerScheduleDoc {
  /** `<trigger id>|<normalized schedule>`. */
  _id: string;
  app_id: mongoose.Types.ObjectId;
  trigger_id: string;
  schedule: string;
  since: Date;
}

const triggerScheduleSchema = new Schema<TriggerScheduleDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    trigger_id: { type: String, required: true },
    schedule: { type: String, required: true },
    since: { type: Date, required: true },
  },
  { collection: 'trigger_schedules', versionKey: false },
);
ownedBy(triggerScheduleSchema, { app: 'app_id' });

export type TriggerScheduleModel = Model<TriggerScheduleDoc>;

export function triggerScheduleModel(conn: mongoose.Connection): TriggerScheduleModel {
  return (
    (conn.models.TriggerSchedule as TriggerScheduleModel | undefined) ??
    conn.model<TriggerScheduleDoc>('TriggerSchedule', triggerScheduleSchema)
  );
}
