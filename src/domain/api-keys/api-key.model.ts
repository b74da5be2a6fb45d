import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

export type ApiKeyKind = 'user' | 'server';

/**
 * An API key of the `api-key` provider. The key itself is never stored: only its SHA-256 hash.
 *
 * `scope` and `slot` make the rules that must hold under concurrent requests unique-index
 * inserts (the database applies concurrent updates of one document non-atomically, so no
 * read-then-update check would hold): `scope` is the owner's id for a user key and `server` for a
 * server key; names are unique per (app, scope), and each key takes one of the scope's numbered
 * slots, unique per (app, scope), so a scope can never hold more keys than it has slots.
 */
export interface ApiKeyDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  owner_user_id: mongoose.Types.ObjectId;
  kind: ApiKeyKind;
  name: string;
  key_hash: string;
  disabled: boolean;
  scope: string;
  slot: number;
  created_at: Date;
}

const apiKeySchema = new Schema<ApiKeyDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    owner_user_id: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: ['user', 'server'] },
    name: { type: String, required: true },
    key_hash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    scope: { type: String, required: true },
    slot: { type: Number, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'api_keys', versionKey: false },
);
apiKeySchema.index({ app_id: 1, key_hash: 1 }, { unique: true });
apiKeySchema.index({ app_id: 1, scope: 1, name: 1 }, { unique: true });
apiKeySchema.index({ app_id: 1, scope: 1, slot: 1 }, { unique: true });
apiKeySchema.index({ owner_user_id: 1 });
ownedBy(apiKeySchema, { app: 'app_id', user: 'owner_user_id' });

export type ApiKeyModel = Model<ApiKeyDoc>;

export function apiKeyModel(conn: mongoose.Connection): ApiKeyModel {
  return (
    (conn.models.ApiKey as ApiKeyModel | undefined) ?? conn.model<ApiKeyDoc>('ApiKey', apiKeySchema)
  );
}
