import mongoose, { Schema, type Model } from 'mongoose';
import type { AuthOperationType } from '../../app-config/app-config.types';
import type { UserDoc } from '../users/user.model';
import { ownedBy } from '../ownership';

/**
 * One auth event for one AUTHENTICATION trigger, written before the response of the request
 * that caused it and deleted once its trigger ran (or was given up): what is here is still owed.
 */
export interface AuthTriggerEventDoc {
  /** `<event id>|<trigger id>`: the event id is new per event, so one document per pair. */
  _id: string;
  app_id: mongoose.Types.ObjectId;
  trigger_id: string;
  operation_type: AuthOperationType;
  providers: string[];
  /** The user as the event saw it (a DELETE event outlives the user document). */
  user: UserDoc;
  /** The custom user data the emitter had (relaxed EJSON, as a JSON string); else read at run. */
  custom_data?: string;
  co_id?: string;
  /** The event's time (the trigger's `time`); also when the document was written. */
  time: Date;
}

const authTriggerEventSchema = new Schema<AuthTriggerEventDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    trigger_id: { type: String, required: true },
    operation_type: { type: String, required: true },
    providers: { type: [String], required: true },
    user: { type: Schema.Types.Mixed, required: true },
    custom_data: { type: String },
    co_id: { type: String },
    time: { type: Date, required: true },
  },
  { collection: 'auth_trigger_events', versionKey: false },
);
// Not owned by the user: a DELETE event must survive the deletion of what the user owns.
ownedBy(authTriggerEventSchema, { app: 'app_id' });

export type AuthTriggerEventModel = Model<AuthTriggerEventDoc>;

export function authTriggerEventModel(conn: mongoose.Connection): AuthTriggerEventModel {
  return (
    (conn.models.AuthTriggerEvent as AuthTriggerEventModel | undefined) ??
    conn.model<AuthTriggerEventDoc>('AuthTriggerEvent', authTriggerEventSchema)
  );
}
