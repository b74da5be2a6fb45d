import type mongoose from 'mongoose';
import type { UserSessionModel } from '../sessions/user-session.model';
import { NO_AUTH_EVENTS, providerTypesOf, type AuthEvents } from './auth-events';
import type { IdentityClaimModel, UserDoc, UserModel } from './user.model';

/** Collections holding documents that belong to a user, removed with the user. */
export interface UserOwnedCollection {
  readonly collection: string;
  readonly userIdField: string;
}

/**
 * Deleting, disabling and logging out users. Every path revokes the user's sessions, and token
 * verification checks the session and the user on each request, so the effect is immediate.
 */
export class UserAccounts {
  constructor(
    private readonly conn: mongoose.Connection,
    private readonly users: UserModel,
    private readonly claims: IdentityClaimModel,
    private readonly sessions: UserSessionModel,
    private readonly owned: readonly UserOwnedCollection[],
    private readonly now: () => Date,
    private readonly events: AuthEvents = NO_AUTH_EVENTS,
  ) {}

  /**
   * Removes the user first (so it is gone at once), then its identities, sessions and keys. The
   * DELETE auth event is reported by the one caller whose delete removed the document.
   */
  async delete(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    // By _id alone (the lookup FerretDB answers from an index); the app is checked here.
    const user = await this.users.findById(userId).lean<UserDoc>();
    const { deletedCount } = await this.users.deleteOne({ _id: userId, app_id: appId });
    if (user && String(user.app_id) === appId && deletedCount === 1) {
      this.events.emit(appId, { operationType: 'DELETE', providers: providerTypesOf(user), user });
    }
    await this.claims.deleteMany({ user_id: userId });
    await this.sessions.deleteMany({ user_id: userId });
    for (const o of this.owned)
      await this.conn.collection(o.collection).deleteMany({ [o.userIdField]: userId });
    return deletedCount === 1;
  }

  async setDisabled(
    appId: string,
    userId: mongoose.Types.ObjectId,
    disabled: boolean,
  ): Promise<boolean> {
    const { matchedCount } = await this.users.updateOne(
      { _id: userId, app_id: appId },
      { $set: { disabled } },
    );
    if (disabled) await this.logout(userId);
    return matchedCount === 1;
  }

  /** Revokes every session of the app's user; false when the app has no such user. */
  async logoutInApp(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    if (!(await this.users.exists({ _id: userId, app_id: appId }))) return false;
    await this.logout(userId);
    return true;
  }

  async logout(userId: mongoose.Types.ObjectId): Promise<void> {
    await this.sessions.updateMany(
      { user_id: userId, revoked_at: null },
      { $set: { revoked_at: this.now() } },
    );
  }
}
