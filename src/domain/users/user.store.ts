import type mongoose from 'mongoose';
import type { RecentSessionChecks } from '../sessions/recent-session-checks';
import type {
  IdentityClaimDoc,
  IdentityClaimModel,
  IdentityRef,
  UserDoc,
  UserIdentity,
  UserModel,
} from './user.model';
import { mergeIdentities } from './user-identities';

/** A page of an app's users (the Admin API's listing). */
export interface UserPageQuery {
  /** Users after (or, with `desc`, before) this `_id`. */
  after?: mongoose.Types.ObjectId;
  desc?: boolean;
  disabled?: boolean;
  /** Users with an identity of any of these provider types. */
  providerTypes?: string[];
  limit: number;
}

/**
 * The one reader and writer of `users` and `identity_claims`. Logins look both up by `_id` alone
 * (the one filter FerretDB answers from an index) and check the app themselves; an identity is
 * claimed by a unique insert of its claim, never by updating a shared document. Each write of a
 * user, once ended, makes this process forget its recent session checks of that user (see
 * RecentSessionChecks): they carry the user's document.
 */
export class UserStore {
  /** This process's login writes of each user still running (see recordLogin). */
  private readonly loginWrites = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly users: UserModel,
    private readonly claims: IdentityClaimModel,
    private readonly checks: RecentSessionChecks,
  ) {}

  /** A user by `_id` alone; the caller checks its app. */
  findUser(userId: mongoose.Types.ObjectId | string): Promise<UserDoc | null> {
    return this.users.findById(userId).lean<UserDoc>();
  }

  /** The app's user by `_id` alone (the lookup FerretDB answers from an index), app checked. */
  async findUserInApp(
    appId: string,
    userId: mongoose.Types.ObjectId | string,
  ): Promise<UserDoc | null> {
    const user = await this.findUser(userId);
    return user && String(user.app_id) === appId ? user : null;
  }

  async userExistsInApp(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    return !!(await this.users.exists({ _id: userId, app_id: appId }));
  }

  listUsers(appId: string, q: UserPageQuery): Promise<UserDoc[]> {
    const filter: Record<string, unknown> = { app_id: appId };
    if (q.after) filter._id = { [q.desc ? '$lt' : '$gt']: q.after };
    if (q.disabled !== undefined) filter.disabled = q.disabled;
    if (q.providerTypes?.length) filter['identities.provider_type'] = { $in: q.providerTypes };
    return this.users
      .find(filter)
      .sort({ _id: q.desc ? -1 : 1 })
      .limit(q.limit)
      .lean<UserDoc[]>();
  }

  async insertUser(user: UserDoc): Promise<void> {
    await this.users.create(user);
  }

  /**
   * Records a login on the user, by `_id` alone: `data` is the login's identity metadata and
   * replaces the stored one whole (one field, so concurrent logins leave one of their values,
   * never a mix); `linked` (the identity this login linked) is pushed onto the user's own list,
   * which is a summary: the claims are the source of truth for a user's identities (see
   * withIdentities).
   *
   * On MongoDB this `$set` cannot touch `disabled`. FerretDB v1 writes back the whole document
   * it read, so a disable landing inside this command could be undone (a filter on `disabled`
   * would not help: FerretDB applies it to what it read, and any filter but `_id` alone scans):
   * logins write rarely (see UserDirectory.recordLogin), and UserAccounts.setDisabled waits for
   * the writes running in this process (loginWritesSettled), then checks its own write.
   */
  async recordLogin(
    userId: mongoose.Types.ObjectId,
    set: Pick<UserDoc, 'data' | 'last_authentication_date'>,
    linked?: UserIdentity,
  ): Promise<void> {
    const key = userId.toHexString();
    const write = this.users
      .updateOne(
        { _id: userId },
        { $set: set, ...(linked ? { $push: { identities: linked } } : {}) },
      )
      .exec();
    const writes = this.loginWrites.get(key) ?? new Set<Promise<unknown>>();
    this.loginWrites.set(key, writes);
    writes.add(write);
    try {
      await write;
    } finally {
      this.checks.forgetUser(key);
      writes.delete(write);
      if (writes.size === 0 && this.loginWrites.get(key) === writes) this.loginWrites.delete(key);
    }
  }

  /**
   * Resolves once this process's login writes of the user that have started (see recordLogin)
   * have ended: a write started later reads the user as it is by then.
   */
  async loginWritesSettled(userId: mongoose.Types.ObjectId): Promise<void> {
    const writes = this.loginWrites.get(userId.toHexString());
    if (writes) await Promise.allSettled([...writes]);
  }

  /**
   * The user with every identity its claims hold (merged with its own list, see user-identities).
   * With `shown` (the identity a login's access token was issued for), `data` is that identity's
   * metadata as of its latest login: a request made with a login's token sees the metadata of
   * the provider it logged in with, whatever other identities of the user did meanwhile.
   * Without it (or when the identity is no longer the user's), `data` is the stored one: the
   * latest login's.
   */
  async withIdentities(user: UserDoc, shown?: IdentityRef): Promise<UserDoc> {
    const claims = await this.claims.find({ user_id: user._id }).lean<IdentityClaimDoc[]>();
    const identities = mergeIdentities(user.identities, claims);
    const current =
      shown && identities.find((i) => i.provider_type === shown.provider_type && i.id === shown.id);
    return { ...user, identities, data: current ? current.provider_data : user.data };
  }

  /** withIdentities for a page of users, in one query. */
  async withIdentitiesAll(users: UserDoc[]): Promise<UserDoc[]> {
    if (!users.length) return users;
    const claims = await this.claims
      .find({ user_id: { $in: users.map((u) => u._id) } })
      .lean<IdentityClaimDoc[]>();
    return users.map((u) => ({
      ...u,
      identities: mergeIdentities(
        u.identities,
        claims.filter((c) => u._id.equals(c.user_id)),
      ),
    }));
  }

  /** True when this call removed the app's user. */
  async deleteUser(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    try {
      const { deletedCount } = await this.users.deleteOne({ _id: userId, app_id: appId });
      return deletedCount === 1;
    } finally {
      this.checks.forgetUser(userId.toHexString());
    }
  }

  /** Whether the user (by `_id` alone) exists and is not disabled. */
  async isEnabled(userId: mongoose.Types.ObjectId): Promise<boolean> {
    const user = await this.users
      .findById(userId, { disabled: 1 })
      .lean<Pick<UserDoc, 'disabled'>>();
    return user !== null && user.disabled !== true;
  }

  /** False when the app has no such user. */
  async setDisabled(
    appId: string,
    userId: mongoose.Types.ObjectId,
    disabled: boolean,
  ): Promise<boolean> {
    try {
      const { matchedCount } = await this.users.updateOne(
        { _id: userId, app_id: appId },
        { $set: { disabled } },
      );
      return matchedCount === 1;
    } finally {
      this.checks.forgetUser(userId.toHexString());
    }
  }

  /** A claim by its derived `_id` (see IdentityClaimDoc). */
  findClaim(claimId: string): Promise<IdentityClaimDoc | null> {
    return this.claims.findById(claimId).lean<IdentityClaimDoc>();
  }

  /** A claim by its fields: how claims with an ObjectId `_id` (written earlier) are found. */
  findClaimByIdentity(
    appId: string,
    providerType: string,
    externalId: string,
  ): Promise<IdentityClaimDoc | null> {
    return this.claims
      .findOne({ app_id: appId, provider_type: providerType, external_id: externalId })
      .lean<IdentityClaimDoc>();
  }

  /** Claims an identity; a duplicate-key error means it is claimed already. */
  async insertClaim(claim: IdentityClaimDoc): Promise<void> {
    await this.claims.create(claim);
  }

  async deleteClaim(claimId: IdentityClaimDoc['_id']): Promise<void> {
    await this.claims.deleteOne({ _id: claimId });
  }

  /** Removes the claim only while it still names that user (a failed creation's own claim). */
  async deleteClaimOf(claimId: IdentityClaimDoc['_id'], userId: mongoose.Types.ObjectId) {
    await this.claims.deleteOne({ _id: claimId, user_id: userId });
  }

  /** The user of a pending claim is stored: the claim is no longer pending. */
  async settleClaim(claimId: IdentityClaimDoc['_id']): Promise<void> {
    await this.claims.updateOne({ _id: claimId }, { $unset: { pending: 1 } });
  }

  /** The identity's metadata from its latest login, on its own claim (one document per identity). */
  async recordClaimLogin(claimId: IdentityClaimDoc['_id'], identity: UserIdentity): Promise<void> {
    await this.claims.updateOne(
      { _id: claimId },
      { $set: { provider_id: identity.provider_id, provider_data: identity.provider_data } },
    );
  }

  /** Releases the claim of an identity, whatever its `_id` (an API key's, when it is deleted). */
  async deleteClaimOfIdentity(
    appId: string,
    providerType: string,
    externalId: string,
  ): Promise<void> {
    await this.claims.deleteOne({
      app_id: appId,
      provider_type: providerType,
      external_id: externalId,
    });
  }
}
