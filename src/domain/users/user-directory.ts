import mongoose from 'mongoose';
import { jsonEqual } from '../../app-config/json-equal';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import { UnauthorizedError } from '../../errors/app-error';
import type { LogOrigin } from '../app-logs/app-log';
import type { AuthenticatedIdentity } from './authenticated-identity';
import { NO_AUTH_EVENTS, type AuthEvents } from './auth-events';
import {
  identityClaimId,
  newIdentityClaim,
  replacementUserId,
  type IdentityClaimDoc,
  type UserDoc,
  type UserIdentity,
} from './user.model';
import type { UserStore } from './user.store';
import { isDuplicateKey } from '../../db/duplicate-key';
import { setTimeout as delay } from 'node:timers/promises';

const MAX_ATTEMPTS = 5;
/** How often a login waiting for a user being created by another login looks again. */
const PENDING_POLL_MS = 25;
/**
 * How long a pending claim is its creator's: longer than the user creation function may run
 * (FUNCTION_TIMEOUT_MS, 30 s by default). Only an older pending claim is a crash leftover.
 */
const DEFAULT_CLAIM_LEASE_MS = 60_000;
const CHANGED = Symbol('changed');
/**
 * How stale a user's `last_authentication_date` may be: a login that changes nothing else writes
 * the user only when the stored date is older than this (10 minutes).
 */
export const LAST_AUTHENTICATION_GRANULARITY_MS = 10 * 60_000;

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
    private readonly claimLeaseMs = DEFAULT_CLAIM_LEASE_MS,
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
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // A fresh identity (anonymous) has no claim to find: its first round only inserts one.
      const claim =
        identity.alwaysNewUser && attempt === 0
          ? null
          : await this.findClaim(app, provider.type, identity.externalId, claimId, mayBeOld);
      let userId: mongoose.Types.ObjectId;
      if (claim) {
        const owner = await this.ownerOf(app, claim);
        if (owner === CHANGED) continue;
        if (owner) {
          if (linkTo && !owner._id.equals(linkTo._id))
            throw new UnauthorizedError('unauthorized', 'AuthError');
          if (owner.disabled) throw new UnauthorizedError('user is disabled', 'UserDisabled');
          return this.recordLogin(owner, entry, claim);
        }
        if (identity.ownerUserId) {
          // The key's owner is gone (deleted while its key was presented): never recreate it.
          await this.users.deleteClaim(claim._id);
          throw new UnauthorizedError('unauthorized', 'AuthError');
        }
        // A crash leftover (past its lease) or the claim of a deleted user: replace it. Every
        // login replacing it at once names the same new user (see replacementUserId).
        userId = linkTo?._id ?? replacementUserId(claim);
        await this.users.deleteClaimOf(claim._id, claim.user_id);
      } else {
        userId =
          linkTo?._id ??
          (identity.ownerUserId
            ? new mongoose.Types.ObjectId(identity.ownerUserId)
            : new mongoose.Types.ObjectId());
      }
      const isNewUser = !linkTo && !identity.ownerUserId;
      const inserted = newIdentityClaim(
        app.appId,
        provider.type,
        identity.externalId,
        userId,
        this.now(),
        {
          ...(isNewUser ? { pending: true } : {}),
          provider_id: entry.provider_id,
          provider_data: entry.provider_data,
        },
      );
      try {
        await this.users.insertClaim(inserted);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Claimed concurrently (read the winner's claim), or held by an old claim.
        mayBeOld = true;
        continue;
      }
      if (isNewUser) return this.create(app, userId, entry, claimId, origin);
      const existing = linkTo ?? (await this.userOf(app, userId));
      if (!existing) {
        // The owner is gone (e.g. deleted while its key was presented): never recreate it.
        await this.users.deleteClaim(claimId);
        throw new UnauthorizedError('unauthorized', 'AuthError');
      }
      if (existing.disabled) throw new UnauthorizedError('user is disabled', 'UserDisabled');
      return this.recordLogin(existing, entry, inserted, true);
    }
    throw new UnauthorizedError('unauthorized', 'AuthError');
  }

  /**
   * The user a claim names. While that user is being created (a pending claim within its lease)
   * this waits for it; null when there is no such user and the claim may be replaced; CHANGED
   * when the claim was removed or replaced meanwhile (look again).
   */
  private async ownerOf(
    app: DeployedApp,
    claim: IdentityClaimDoc,
  ): Promise<UserDoc | null | typeof CHANGED> {
    let current = claim;
    for (;;) {
      const user = await this.userOf(app, current.user_id);
      if (user) return user;
      const age = this.now().getTime() - new Date(current.created_at).getTime();
      if (!current.pending || age >= this.claimLeaseMs) return null;
      await delay(PENDING_POLL_MS);
      const again = await this.users.findClaim(String(current._id));
      if (!again || !again.user_id.equals(current.user_id)) return CHANGED;
      current = again;
    }
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

  private userOf(app: DeployedApp, userId: mongoose.Types.ObjectId): Promise<UserDoc | null> {
    return this.users.findUserInApp(app.appId, userId);
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
      if (isDuplicateKey(err)) {
        // Another login replacing the same leftover claim created this very user first.
        const winner = await this.userOf(app, userId);
        if (winner) return winner;
      }
      await this.users.deleteClaimOf(claimId, userId);
      throw err;
    }
    await this.users.settleClaim(claimId);
    await this.events.emit(app, {
      operationType: 'CREATE',
      providers: [entry.provider_type],
      user,
      ...(origin ? { coId: origin.coId } : {}),
    });
    return user;
  }

  /**
   * Refreshes the identity's metadata on its claim (the source of truth for a user's identities:
   * no list is read and written back, so concurrent links never lose one) and sets the user's
   * data to this identity's metadata, whole: never merged with what other identities (or an
   * earlier login of this one) gave. An identity this login linked is also pushed onto the
   * user's own list (a summary).
   *
   * Each document is written only when something in it changes: a returning user whose metadata
   * is what it was costs no write at all. `last_authentication_date` alone is stamped at most once
   * per LAST_AUTHENTICATION_GRANULARITY_MS (it is accurate to that), so it never costs a write per
   * login. A write cannot undo a concurrent disable through its filter (see UserStore.recordLogin).
   */
  private async recordLogin(
    user: UserDoc,
    entry: UserIdentity,
    claim: IdentityClaimDoc,
    isLinked = false,
  ): Promise<UserDoc> {
    const same = (i: UserIdentity) => i.provider_type === entry.provider_type && i.id === entry.id;
    const isListed = user.identities.some(same);
    const data = entry.provider_data;
    const now = this.now();
    const isStampDue =
      now.getTime() - new Date(user.last_authentication_date).getTime() >=
      LAST_AUTHENTICATION_GRANULARITY_MS;
    const linked = isLinked && !isListed ? entry : undefined;
    const isUserChanged = linked !== undefined || !jsonEqual(user.data, data);
    const last_authentication_date =
      isUserChanged || isStampDue ? now : user.last_authentication_date;
    const isClaimCurrent =
      claim.provider_id === entry.provider_id &&
      jsonEqual(claim.provider_data, entry.provider_data);
    await Promise.all([
      isUserChanged || isStampDue
        ? this.users.recordLogin(user._id, { data, last_authentication_date }, linked)
        : undefined,
      isClaimCurrent ? undefined : this.users.recordClaimLogin(claim._id, entry),
    ]);
    const identities = isListed
      ? user.identities.map((i) => (same(i) ? entry : i))
      : [...user.identities, entry];
    return { ...user, identities, data, last_authentication_date };
  }
}
