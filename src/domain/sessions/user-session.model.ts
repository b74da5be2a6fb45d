import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** One login of a user on a device. Its refresh token is stored only as a SHA-256 hash. */
export interface UserSessionDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  user_id: mongoose.Types.ObjectId;
  identity: { id: string; provider_type: string; provider_id: string };
  device_id: string;
  refresh_hash: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const userSessionSchema = new Schema<UserSessionDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true, index: true },
    identity: { id: String, provider_type: String, provider_id: String },
    device_id: { type: String, required: true },
    refresh_hash: { type: String, required: true },
    created_at: { type: Date, required: true },
    expires_at: { type: Date, required: true },
    revoked_at: { type: Date, default: null },
  },
  { collection: 'user_sessions', versionKey: false },
);
ownedBy(userSessionSchema, { app: 'app_id', user: 'user_id' });

export type UserSessionModel = Model<UserSessionDoc>;

export function userSessionModel(conn: mongoose.Connection): UserSessionModel {
  return (
    (conn.models.UserSession as UserSessionModel | undefined) ??
    conn.model<UserSessionDoc>('UserSession', userSessionSchema)
  );
}
