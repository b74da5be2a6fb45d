import { Schema, type Model } from 'mongoose';
import type mongoose from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * One counted attempt: `_id` is `<window start ms>|<slot>|<hash of scope and key>`, unique, so a
 * window of a key
 * never holds more slots than its limit whatever the number of server processes. Keys name
 * what they count (an IP, an app's account, an admin public key), not an app: 'global', and the
 * documents of a deleted app's accounts expire with their window.
 */
const rateLimitSlotSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The end of the slot's window; the sweep deletes slots past it (no TTL index: FerretDB). */
    expires_at: { type: Date, required: true },
  },
  { collection: 'rate_limit_slots', versionKey: false },
);
ownedBy(rateLimitSlotSchema, 'global');

export interface RateLimitSlotDoc {
  _id: string;
  expires_at: Date;
}
export type RateLimitSlotModel = Model<RateLimitSlotDoc>;

export function rateLimitSlotModel(conn: mongoose.Connection): RateLimitSlotModel {
  return (
    (conn.models.RateLimitSlot as RateLimitSlotModel | undefined) ??
    conn.model<RateLimitSlotDoc>('RateLimitSlot', rateLimitSlotSchema)
  );
}
