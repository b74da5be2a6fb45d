import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import type { SealedValue } from '../../security/secret-box';

/**
 * An app secret. Not part of the versioned config (configs refer to secrets by name), and its
 * value is stored only encrypted, bound to the secret's id.
 */
export interface SecretDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  name: string;
  value: SealedValue;
  last_modified: Date;
}

const secretSchema = new Schema<SecretDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    value: { iv: String, tag: String, data: String },
    last_modified: { type: Date, required: true },
  },
  { collection: 'secrets', versionKey: false },
);
secretSchema.index({ app_id: 1, name: 1 }, { unique: true });
ownedBy(secretSchema, { app: 'app_id' });

export type SecretModel = Model<SecretDoc>;

export function secretModel(conn: mongoose.Connection): SecretModel {
  return (
    (conn.models.Secret as SecretModel | undefined) ?? conn.model<SecretDoc>('Secret', secretSchema)
  );
}
