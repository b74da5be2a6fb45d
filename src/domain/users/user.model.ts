import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';
import { sha256Hex } from '../../security/hashing';

export interface UserIdentity {
  /** The id the provider knows the user by (e.g. a JWT `sub`, an API key id). */
  id: string;
  provider_type: string;
  /** The `_id` of the provider's config. */
  provider_id: string;
  /** Metadata the provider gave at the last login with this identity. */
  provider_data: Record<string, unknown>;
}

/** An end user of an app. */
export interface UserDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  type: 'normal' | 'server';
  /**
   * The metadata of the identity of the user's latest login (or link), replaced whole at each
   * one: never merged across identities, so a field a provider stopped giving is gone and two
   * concurrent logins leave one provider's data, never a mix. A request made with a login's own
   * access token sees its identity's metadata instead (see UserStore.withIdentities).
   */
  data: Record<string, unknown>;
  identities: UserIdentity[];
  disabled: boolean;
  creation_date: Date;
  last_authentication_date: Date;
}

/** Names one identity of a user (which identity's metadata a request sees as `data`). */
export interface IdentityRef {
  id: string;
  provider_type: string;
}

/** A user whose only identity is anonymous (it cannot log in again once logged out). */
export function isAnonymousUser(user: Pick<UserDoc, 'identities'>): boolean {
  return user.identities.length === 1 && user.identities[0]?.provider_type === 'anon-user';
}

/**
 * Whether a user may be anonymous once its identity claims are merged in (see withIdentities):
 * merging never removes an identity of the user's own list, so a user whose own list holds any
 * other identity is never anonymous, and its claims need not be read to know it.
 */
export function mayBeAnonymousUser(user: Pick<UserDoc, 'identities'>): boolean {
  return user.identities.length === 0 || isAnonymousUser(user);
}

const userSchema = new Schema<UserDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    identities: { type: Schema.Types.Mixed, default: [] },
    disabled: { type: Boolean, default: false },
    creation_date: { type: Date, required: true },
    last_authentication_date: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false, minimize: false },
);
userSchema.index({ app_id: 1, _id: 1 });
ownedBy(userSchema, { app: 'app_id' });

/**
 * Which user holds an identity. Uniqueness of (app, provider type, external id) is enforced by
 * this collection's unique index, so two users can never hold one identity, however logins race.
 *
 * The `_id` is derived from those three (identityClaimId), so a login finds the claim by `_id`
 * alone (the one lookup FerretDB answers from an index) and inserting it is the one-winner claim.
 * Claims written before that have ObjectId `_id`s; the unique index keeps an old and a new claim
 * of one identity from coexisting, which is how logins find the old ones (see UserDirectory).
 */
export interface IdentityClaimDoc {
  _id: string | mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  provider_type: string;
  external_id: string;
  user_id: mongoose.Types.ObjectId;
  created_at: Date;
  /**
   * Set while the user the claim names is being created (cleared once it is stored). Another login
   * waits for that user; only a pending claim older than the lease is a crash leftover.
   */
  pending?: boolean;
  /** The identity's provider config and metadata at its last login (absent on older claims). */
  provider_id?: string;
  provider_data?: Record<string, unknown>;
}

/** The `_id` of the claim of an identity: SHA-256 (hex) of the app id, provider type and id. */
export function identityClaimId(appId: string, providerType: string, externalId: string): string {
  const app = new mongoose.Types.ObjectId(appId).toHexString();
  return sha256Hex(JSON.stringify([app, providerType, externalId]));
}

/** A new identity claim, with its derived `_id` (and, from a login, the identity's metadata). */
export function newIdentityClaim(
  appId: string,
  providerType: string,
  externalId: string,
  userId: mongoose.Types.ObjectId,
  now: Date,
  extra: Pick<IdentityClaimDoc, 'pending' | 'provider_id' | 'provider_data'> = {},
): IdentityClaimDoc {
  return {
    _id: identityClaimId(appId, providerType, externalId),
    app_id: new mongoose.Types.ObjectId(appId),
    provider_type: providerType,
    external_id: externalId,
    user_id: userId,
    created_at: now,
    ...extra,
  };
}

/**
 * The user id a claim whose user is missing is handed to: derived from the claim and its old
 * user, so every login that replaces that claim at once names the same new user (the user's
 * unique `_id` then lets exactly one of them create it), and never the old id (a deleted user
 * does not come back with its old sessions).
 */
export function replacementUserId(claim: IdentityClaimDoc): mongoose.Types.ObjectId {
  const hash = sha256Hex(JSON.stringify([String(claim._id), String(claim.user_id)]));
  const seconds = Math.floor(new Date(claim.created_at).getTime() / 1000) >>> 0;
  return new mongoose.Types.ObjectId(seconds.toString(16).padStart(8, '0') + hash.slice(0, 16));
}

const identityClaimSchema = new Schema<IdentityClaimDoc>(
  {
    // Mixed: derived strings and the ObjectIds of older claims, each matched as it is stored.
    _id: { type: Schema.Types.Mixed, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    provider_type: { type: String, required: true },
    external_id: { type: String, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    created_at: { type: Date, required: true },
    pending: { type: Boolean },
    provider_id: { type: String },
    provider_data: { type: Schema.Types.Mixed },
  },
  { collection: 'identity_claims', minimize: false, versionKey: false },
);
identityClaimSchema.index({ app_id: 1, provider_type: 1, external_id: 1 }, { unique: true });
identityClaimSchema.index({ user_id: 1 });
ownedBy(identityClaimSchema, { app: 'app_id', user: 'user_id' });

export type UserModel = Model<UserDoc>;
export type IdentityClaimModel = Model<IdentityClaimDoc>;

export function userModel(conn: mongoose.Connection): UserModel {
  return (conn.models.User as UserModel | undefined) ?? conn.model<UserDoc>('User', userSchema);
}

export function identityClaimModel(conn: mongoose.Connection): IdentityClaimModel {
  return (
    (conn.models.IdentityClaim as IdentityClaimModel | undefined) ??
    conn.model<IdentityClaimDoc>('IdentityClaim', identityClaimSchema)
  );
}
