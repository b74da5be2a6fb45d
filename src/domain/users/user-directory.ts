import mongoose from 'mongoose';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import { UnauthorizedError } from '../../errors/app-error';
import type { LogOrigin } from '../app-logs/app-log';
import type { AuthenticatedIdentity } from './authenticated-identity';
import { NO_AUTH_EVENTS, type AuthEvents } from './auth-events';
import {
  identityClaimId,
  newIdentityClaim,
  type IdentityClaimDoc,
  type UserDoc,
  type UserIdentity,
} from './user.model';
import type { UserStore } from './user.store';
import { isDuplicateKey } from '../../db/duplicate-key';

/**
 * Runs before a new user is stored (the app's user creation function). Throwing fails the login
 * and leaves nothing behind. `origin` is the request that creates the user, for the app logs.
 */
export type BeforeUserCreated = (
  app: DeployedApp,
  user: UserDoc,
  origin?: LogOrigin,
) => Promise<void>;

/**
 * Finds, creates and links users by identity. An identity is claimed by inserting into
 * identity_claims (unique per app, provider type and id), so it can never belong to two users;
 * a login finds the claim by its derived `_id` (see IdentityClaimDoc).
 */
export class UserDirectory {
  constructor(
    private readonly users: UserStore,
    private readonly beforeCreate: BeforeUserCreated,
    private readonly now: () => Date,
    private readonly events: AuthEvents = NO_AUTH_EVENTS,
  ) {}

  async resolve(
    app: DeployedApp,
    provider: AuthProviderConfig,
    identity: AuthenticatedIdentity,
    linkTo?: UserDoc,
    origin?: LogOrigin,
  ): Promise<UserDoc> {
    const entry: UserIdentity = {
      id: identity.externalId,
      provider_type: provider.type,
      provider_id: provider._id,
      provider_data: identity.data,
    };
    const claimId = identityClaimId(app.appId, provider.type, identity.externalId);
    // Set once inserting the claim hit a duplicate: the holder may be a claim with an old _id.
    let mayBeOld = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      // A fresh identity (anonymous) has no claim to find: its first round only inserts one.
      const claim =
        identity.alwaysNewUser && attempt === 0
          ? null
          : await this.findClaim(app, provider.type, identity.externalId, claimId, mayBeOld);
      if (claim) {
        const owner = await this.userOf(app, claim.user_id);
        if (!owner) {
          // A claim left by a crash between claiming and creating the user: release it.
          await this.users.deleteClaim(claim._id);
          continue;
        }
        if (linkTo && !owner._id.equals(linkTo._id))
          throw new UnauthorizedError('unauthorized', 'AuthError');
        if (owner.disabled) throw new UnauthorizedError('user is disabled', 'UserDisabled');
        return this.recordLogin(owner, entry);
      }
      const userId =
        linkTo?._id ??
        (identity.ownerUserId
          ? new mongoose.Types.ObjectId(identity.ownerUserId)
          : new mongoose.Types.ObjectId());
      try {
        await this.users.insertClaim(
          newIdentityClaim(app.appId, provider.type, identity.externalId, userId, this.now()),
        );
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Claimed concurrently (read the winner's claim), or held by an old claim.
        mayBeOld = true;
        continue;
      }
      const existing = linkTo ?? (identity.ownerUserId ? await this.userOf(app, userId) : null);
      if (existing) {
        if (existing.disabled) throw new UnauthorizedError('user is disabled', 'UserDisabled');
        return this.recordLogin(existing, entry);
      }
      if (identity.ownerUserId) {
        // The owner is gone (e.g. deleted while its key was presented): never recreate it.
        await this.users.deleteClaim(claimId);
        throw new UnauthorizedError('unauthorized', 'AuthError');
      }
      return this.create(app, userId, entry, claimId, origin);
    }
    throw new UnauthorizedError('unauthorized', 'AuthError');
  }

  /**
   * The claim of an identity by its derived `_id`. Claims written before `_id`s were derived
   * have ObjectIds; one of those is looked for by its fields only once inserting the new claim
   * failed on the unique index (`mayBeOld`): new identities and identities claimed since never
   * pay for that query (a collection scan on FerretDB).
   */
  private async findClaim(
    app: DeployedApp,
    providerType: string,
    externalId: string,
    claimId: string,
    mayBeOld: boolean,
  ): Promise<IdentityClaimDoc | null> {
    const claim = await this.users.findClaim(claimId);
    if (claim || !mayBeOld) return claim;
    return this.users.findClaimByIdentity(app.appId, providerType, externalId);
  }

  /** A user of the app, looked up by _id alone (the filter FerretDB answers from an index). */
  private async userOf(app: DeployedApp, userId: mongoose.Types.ObjectId): Promise<UserDoc | null> {
    const user = await this.users.findUser(userId);
    return user && String(user.app_id) === app.appId ? user : null;
  }

  private async create(
    app: DeployedApp,
    userId: mongoose.Types.ObjectId,
    entry: UserIdentity,
    claimId: string,
    origin: LogOrigin | undefined,
  ): Promise<UserDoc> {
    const now = this.now();
    const user: UserDoc = {
      _id: userId,
      app_id: new mongoose.Types.ObjectId(app.appId),
      type: 'normal',
      data: { ...entry.provider_data },
      identities: [entry],
      disabled: false,
      creation_date: now,
      last_authentication_date: now,
    };
    try {
      await this.beforeCreate(app, user, origin);
      await this.users.insertUser(user);
    } catch (err) {
      await this.users.deleteClaim(claimId);
      throw err;
    }
    await this.events.emit(app, {
      operationType: 'CREATE',
      providers: [entry.provider_type],
      user,
      ...(origin ? { coId: origin.coId } : {}),
    });
    return user;
  }

  /** Refreshes the identity's metadata (and the user's merged data) from this login. */
  private async recordLogin(user: UserDoc, entry: UserIdentity): Promise<UserDoc> {
    const identities = user.identities.some(
      (i) => i.provider_type === entry.provider_type && i.id === entry.id,
    )
      ? user.identities.map((i) =>
          i.provider_type === entry.provider_type && i.id === entry.id ? entry : i,
        )
      : [...user.identities, entry];
    const data = { ...user.data, ...entry.provider_data };
    const last_authentication_date = this.now();
    await this.users.recordLogin(user._id, { identities, data, last_authentication_date });
    return { ...user, identities, data, last_authentication_date };
  }
}
