import type mongoose from 'mongoose';
import type { UserSessionDoc, UserSessionModel } from './user-session.model';

/**
 * The one reader and writer of end users' sessions. A session is looked up by `_id` alone (the
 * filter FerretDB answers from an index); revoking sets `revoked_at`, and of concurrent
 * revocations the last time stays, which is harmless.
 */
export class UserSessionStore {
  constructor(
    private readonly sessions: UserSessionModel,
    private readonly now: () => Date,
  ) {}

  async insert(session: UserSessionDoc): Promise<void> {
    await this.sessions.create(session);
  }

  find(sessionId: string): Promise<UserSessionDoc | null> {
    return this.sessions.findById(sessionId).lean<UserSessionDoc>();
  }

  /** Ends one session, by `_id` alone. */
  async revoke(sessionId: mongoose.Types.ObjectId): Promise<void> {
    await this.sessions.updateOne({ _id: sessionId }, { $set: { revoked_at: this.now() } });
  }

  /** Ends every live session of the user. */
  async revokeAllOf(userId: mongoose.Types.ObjectId): Promise<void> {
    await this.sessions.updateMany(
      { user_id: userId, revoked_at: null },
      { $set: { revoked_at: this.now() } },
    );
  }

  /** Ends every live session an API key opened. */
  async revokeOpenedByKey(appId: string, keyId: string): Promise<void> {
    await this.sessions.updateMany(
      {
        app_id: appId,
        'identity.provider_type': 'api-key',
        'identity.id': keyId.toLowerCase(),
        revoked_at: null,
      },
      { $set: { revoked_at: this.now() } },
    );
  }
}
