import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** One admin login. Its refresh token is stored only as a SHA-256 hash. */
const adminSessionSchema = new Schema(
  {
    key_id: { type: Schema.Types.ObjectId, required: true, index: true },
    refresh_hash: { type: String, required: true },
    device_id: { type: Schema.Types.ObjectId, required: true },
    created_at: { type: Date, required: true },
    expires_at: { type: Date, required: true },
    revoked_at: { type: Date, default: null },
  },
  { collection: 'admin_sessions', versionKey: false },
);
ownedBy(adminSessionSchema, 'global');

export type AdminSessionDoc = InferSchemaType<typeof adminSessionSchema> & {
  _id: mongoose.Types.ObjectId;
};
export type AdminSessionModel = Model<AdminSessionDoc>;

export function adminSessionModel(conn: mongoose.Connection): AdminSessionModel {
  return (
    (conn.models.AdminSession as AdminSessionModel | undefined) ??
    conn.model<AdminSessionDoc>('AdminSession', adminSessionSchema)
  );
}
