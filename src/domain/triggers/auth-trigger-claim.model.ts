import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** One attempt at running an auth trigger event, owned by the process that inserted it. */
export interface AuthTriggerClaimDoc {
  /** `<event key>|<attempt>`: one document, so one owner, per attempt. */
  _id: string;
  app_id: mongoose.Types.ObjectId;
  /** The `_id` of the event (auth_trigger_events). */
  event_id: string;
  attempt: number;
  claimed_at: Date;
  /**
   * Until when the attempt is its owner's: the lease while it runs, then, once it failed, the
   * time the next attempt may start. Only the owner ever updates it.
   */
  claimed_until: Date;
  /** host:pid of the owner (for operators). */
  claimed_by: string;
}

const authTriggerClaimSchema = new Schema<AuthTriggerClaimDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    event_id: { type: String, required: true },
    attempt: { type: Number, required: true },
    claimed_at: { type: Date, required: true },
    claimed_until: { type: Date, required: true },
    claimed_by: { type: String, required: true },
  },
  { collection: 'auth_trigger_claims', versionKey: false },
);
ownedBy(authTriggerClaimSchema, { app: 'app_id' });

export type AuthTriggerClaimModel = Model<AuthTriggerClaimDoc>;

export function authTriggerClaimModel(conn: mongoose.Connection): AuthTriggerClaimModel {
  return (
    (conn.models.AuthTriggerClaim as AuthTriggerClaimModel | undefined) ??
    conn.model<AuthTriggerClaimDoc>('AuthTriggerClaim', authTriggerClaimSchema)
  );
}
