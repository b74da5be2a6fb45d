import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import { sha256Hex } from '../../security/hashing';

export type AccountStatus = 'pending' | 'confirmed';

/**
 * An email/password account. Its `_id` is the identity id of the local-userpass identity; the
 * unique (app_id, email) index makes "one account per email" hold however registrations race.
 * `user_id` is the user holding the identity, recorded at each login (null until the first), so
 * deleting the user deletes the account and frees the email.
 *
 * The `_id` is derived from the app and the email (userpassAccountId), so a login finds the
 * account by `_id` alone (the one lookup FerretDB answers from an index). Accounts made before
 * that have random ObjectIds and are found by email. An email registered again after its account
 * was deleted gets the same `_id` back, so registering removes tokens left for that `_id`.
 */
export interface UserpassAccountDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  email: string;
  /** argon2id. */
  password_hash: string;
  status: AccountStatus;
  user_id: mongoose.Types.ObjectId | null;
  created_at: Date;
}

const accountSchema = new Schema<UserpassAccountDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true },
    password_hash: { type: String, required: true },
    status: { type: String, required: true, enum: ['pending', 'confirmed'] },
    user_id: { type: Schema.Types.ObjectId, default: null },
    created_at: { type: Date, required: true },
  },
  { collection: 'userpass_accounts', versionKey: false },
);
accountSchema.index({ app_id: 1, email: 1 }, { unique: true });
accountSchema.index({ app_id: 1, status: 1, _id: 1 });
accountSchema.index({ user_id: 1 });
ownedBy(accountSchema, { app: 'app_id', user: 'user_id' });

/** The `_id` of the app's account for an email: 12 bytes of SHA-256 of both, as an ObjectId. */
export function userpassAccountId(appId: string, email: string): mongoose.Types.ObjectId {
  const app = new mongoose.Types.ObjectId(appId).toHexString();
  return new mongoose.Types.ObjectId(sha256Hex(JSON.stringify([app, email])).slice(0, 24));
}

export type TokenKind = 'confirm' | 'reset';

/**
 * A single-use confirmation or reset token, stored as a SHA-256 hash. Using it deletes it
 * (deleteOne decides the one winner) and leaves a `used_at` copy until it would have expired, so
 * a second use is told apart from a garbled token.
 */
export interface UserpassTokenDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  account_id: mongoose.Types.ObjectId;
  kind: TokenKind;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
}

const tokenSchema = new Schema<UserpassTokenDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    account_id: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, required: true, enum: ['confirm', 'reset'] },
    token_hash: { type: String, required: true },
    expires_at: { type: Date, required: true },
    used_at: { type: Date, default: null },
  },
  { collection: 'userpass_tokens', versionKey: false },
);
ownedBy(tokenSchema, { app: 'app_id' });

export type UserpassAccountModel = Model<UserpassAccountDoc>;
export type UserpassTokenModel = Model<UserpassTokenDoc>;

export function userpassAccountModel(conn: mongoose.Connection): UserpassAccountModel {
  return (
    (conn.models.UserpassAccount as UserpassAccountModel | undefined) ??
    conn.model<UserpassAccountDoc>('UserpassAccount', accountSchema)
  );
}

export function userpassTokenModel(conn: mongoose.Connection): UserpassTokenModel {
  return (
    (conn.models.UserpassToken as UserpassTokenModel | undefined) ??
    conn.model<UserpassTokenDoc>('UserpassToken', tokenSchema)
  );
}
