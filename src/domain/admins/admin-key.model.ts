import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

export const ADMIN_ROLE_NAMES = ['GROUP_OWNER', 'ORG_OWNER'] as const;
export type AdminRoleName = (typeof ADMIN_ROLE_NAMES)[number];

const roleSchema = new Schema(
  {
    role_name: { type: String, enum: ADMIN_ROLE_NAMES, required: true },
    /** A 24-hex group id for GROUP_OWNER; "" for ORG_OWNER. */
    group_id: { type: String, default: '' },
  },
  { _id: false },
);

const sealedSchema = new Schema(
  { iv: { type: String }, tag: { type: String }, data: { type: String } },
  { _id: false },
);

/**
 * An admin API key pair. The private key is stored only as an argon2id hash; the Digest HA1
 * derived from it only encrypted (see admin-key-digest.ts), and absent on keys created before.
 */
const adminKeySchema = new Schema(
  {
    public_key: { type: String, required: true, unique: true },
    private_key_hash: { type: String, required: true },
    digest_ha1: { type: sealedSchema, default: null },
    desc: { type: String, default: '' },
    roles: { type: [roleSchema], default: [] },
    created_at: { type: Date, required: true, default: () => new Date() },
    revoked_at: { type: Date, default: null },
  },
  { collection: 'admin_keys', versionKey: false },
);
ownedBy(adminKeySchema, 'global');

export type AdminKeyDoc = InferSchemaType<typeof adminKeySchema> & { _id: mongoose.Types.ObjectId };
export type AdminKeyModel = Model<AdminKeyDoc>;

export function adminKeyModel(conn: mongoose.Connection): AdminKeyModel {
  return (
    (conn.models.AdminKey as AdminKeyModel | undefined) ??
    conn.model<AdminKeyDoc>('AdminKey', adminKeySchema)
  );
}
