import type mongoose from 'mongoose';
import { deleteOwned } from '../ownership';
import type { UserSessionStore } from '../sessions/user-session.store';
import { NO_AUTH_EVENTS, providerTypesOf, type AuthEvents } from './auth-events';
import type { IdentityRef, UserDoc } from './user.model';
import type { UserStore } from './user.store';

/** How many times a disable is read back and set again (see setDisabled). */
const MAX_DISABLE_CHECKS = 10;

/**
 * Deleting, disabling and logging out users. Every path revokes the user's sessions, and token
 * verification checks the session and the user on each request (an access token reuses its
 * process's check for up to 1 s, which the stores' writes make that process forget), so the
 * effect is immediate in this process, and within 1 s in others sharing the database.
 */
export class UserAccounts {
  constructor(
    /** The connection whose models declare what a user owns (see domain/ownership.ts). */
    private readonly conn: mongoose.Connection,
    private readonly users: UserStore,
    private readonly sessions: UserSessionStore,
    private readonly events: AuthEvents = NO_AUTH_EVENTS,
  ) {}

  /**
   * Removes the user first (so it is gone at once), then what it owns: its identity claims,
   * sessions, email/password account and keys. The DELETE auth event is reported by the one caller
   * whose delete removed the document.
   */
  async delete(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    // By _id alone (the lookup FerretDB answers from an index); the app is checked here.
    const found = await this.users.findUser(userId);
    // Read before the claims go with the user: the DELETE event names every provider type.
    const user = found && (await this.users.withIdentities(found));
    const deleted = await this.users.deleteUser(appId, userId);
    if (user && String(user.app_id) === appId && deleted) {
      await this.events.emit(appId, {
        operationType: 'DELETE',
        providers: providerTypesOf(user),
        user,
      });
    }
    await deleteOwned(this.conn, 'user', userId);
    return deleted;
  }

  /**
   * The user with every identity it holds (its claims), and with `shown` the data of that
   * identity (see UserStore.withIdentities).
   */
  withIdentities(user: UserDoc, shown?: IdentityRef): Promise<UserDoc> {
    return this.users.withIdentities(user, shown);
  }

  async setDisabled(
    appId: string,
    userId: mongoose.Types.ObjectId,
    disabled: boolean,
  ): Promise<boolean> {
    const found = await this.users.setDisabled(appId, userId, disabled);
    if (!disabled || !found) return found;
    // FerretDB v1 writes an updated document back whole: a login's write of this user (rare, see
    // UserDirectory.recordLogin) that read it just before the disable can land just after it and
    // store `disabled: false` again. Every such write of this process has started by now: wait
    // for them, read back, and set it again until it holds (a write that starts later reads the
    // user disabled). Logins of other processes get the read-back only (see README).
    for (let i = 0; i < MAX_DISABLE_CHECKS; i++) {
      await this.logout(userId);
      await this.users.loginWritesSettled(userId);
      if (!(await this.users.isEnabled(userId))) break;
      await this.users.setDisabled(appId, userId, true);
    }
    return found;
  }

  /** Revokes every session of the app's user; false when the app has no such user. */
  async logoutInApp(appId: string, userId: mongoose.Types.ObjectId): Promise<boolean> {
    if (!(await this.users.userExistsInApp(appId, userId))) return false;
    await this.logout(userId);
    return true;
  }

  async logout(userId: mongoose.Types.ObjectId): Promise<void> {
    await this.sessions.revokeAllOf(userId);
  }
}
