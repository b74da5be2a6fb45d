import type mongoose from 'mongoose';
import type { RecentSessionChecks } from './recent-session-checks';
import type { UserSessionDoc, UserSessionModel } from './user-session.model';

/**
 * The one reader and writer of end users' sessions. A session is looked up by `_id` alone (the
 * filter FerretDB answers from an index); revoking sets `revoked_at`, and of concurrent
 * revocations the last time stays, which is harmless. Each revocation, once written, makes this
 * process forget its recent checks of the sessions it ended (see RecentSessionChecks).
 */
export class UserSessionStore {
  constructor(
    private readonly sessions: UserSessionModel,
    private readonly now: () => Date,
    private readonly checks: RecentSessionChecks,
  ) {}

  async insert(session: UserSessionDoc): Promise<void> {
    await this.sessions.create(session);
  }

  find(sessionId: string): Promise<UserSessionDoc | null> {
    return this.sessions.findById(sessionId).lean<UserSessionDoc>();
  }

  /** Ends one session, by `_id` alone. */
  async revoke(sessionId: mongoose.Types.ObjectId): Promise<void> {
    try {
      await this.sessions.updateOne({ _id: sessionId }, { $set: { revoked_at: this.now() } });
    } finally {
      this.checks.forgetSession(sessionId.toHexString());
    }
  }

  /** Ends every live session of the user. */
  async revokeAllOf(userId: mongoose.Types.ObjectId): Promise<void> {
    try {
      await this.sessions.updateMany(
        { user_id: userId, revoked_at: null },
        { $set: { revoked_at: this.now() } },
      );
    } finally {
      this.checks.forgetUser(userId.toHexString());
    }
  }

  /** Ends every live session an API key opened. */
  async revokeOpenedByKey(appId: string, keyId: string): Promise<void> {
    const id = keyId.toLowerCase();
    try {
      await this.sessions.updateMany(
        { app_id: appId, 'identity.provider_type': 'api-key', 'identity.id': id, revoked_at: null },
        { $set: { revoked_at: this.now() } },
      );
    } finally {
      this.checks.forgetWhere(
        ({ session }) =>
          String(session.app_id) === appId &&
          session.identity.provider_type === 'api-key' &&
          session.identity.id === id,
      );
    }
  }
}
