import mongoose from 'mongoose';
import { ConflictError } from '../../errors/app-error';
import { hashSecret } from '../../security/hashing';
import {
  userpassAccountId,
  type AccountStatus,
  type UserpassAccountDoc,
  type UserpassAccountModel,
} from './userpass.model';
import { isDuplicateKey } from '../../db/duplicate-key';

/** Persistence of email/password accounts. Passwords are hashed here, never stored otherwise. */
export class UserpassAccounts {
  constructor(
    private readonly accounts: UserpassAccountModel,
    private readonly now: () => Date,
  ) {}

  /** Creates an account; an email already registered in the app (any status) is a 409. */
  async create(
    appId: string,
    email: string,
    password: string,
    status: AccountStatus,
  ): Promise<UserpassAccountDoc> {
    const doc: UserpassAccountDoc = {
      _id: userpassAccountId(appId, email),
      app_id: new mongoose.Types.ObjectId(appId),
      email,
      password_hash: await hashSecret(password),
      status,
      user_id: null,
      created_at: this.now(),
    };
    try {
      await this.accounts.create(doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError('name already in use', 'AccountNameInUse');
      throw err;
    }
    return doc;
  }

  /** By the derived `_id`, else (an account made before `_id`s were derived) by email. */
  async byEmail(appId: string, email: string): Promise<UserpassAccountDoc | null> {
    const doc = await this.accounts
      .findById(userpassAccountId(appId, email))
      .lean<UserpassAccountDoc>();
    if (doc && String(doc.app_id) === appId && doc.email === email) return doc;
    return this.accounts.findOne({ app_id: appId, email }).lean<UserpassAccountDoc>();
  }

  byId(appId: string, id: string | mongoose.Types.ObjectId): Promise<UserpassAccountDoc | null> {
    return this.accounts.findOne({ _id: id, app_id: appId }).lean<UserpassAccountDoc>();
  }

  /** Pending accounts in `_id` order, after the given id. */
  pending(appId: string, after: string | undefined, limit: number): Promise<UserpassAccountDoc[]> {
    return this.accounts
      .find({ app_id: appId, status: 'pending', ...(after ? { _id: { $gt: after } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<UserpassAccountDoc[]>();
  }

  /** Confirming is idempotent: whoever confirms, the account ends up confirmed. */
  async confirm(appId: string, id: mongoose.Types.ObjectId): Promise<boolean> {
    const { matchedCount } = await this.accounts.updateOne(
      { _id: id, app_id: appId },
      { $set: { status: 'confirmed' } },
    );
    return matchedCount === 1;
  }

  async setPassword(
    appId: string,
    id: mongoose.Types.ObjectId,
    password: string,
  ): Promise<UserpassAccountDoc | null> {
    const password_hash = await hashSecret(password);
    const { matchedCount } = await this.accounts.updateOne(
      { _id: id, app_id: appId },
      { $set: { password_hash } },
    );
    return matchedCount === 1 ? this.byId(appId, id) : null;
  }

  /**
   * Records which user holds the account's identity (see UserpassAccountDoc.user_id). `id` is
   * of an account of the app the caller has just found or created, so the filter is `_id` alone
   * (indexed on FerretDB). The login provider calls it only when the recorded user changes.
   */
  async setUser(id: string, userId: mongoose.Types.ObjectId): Promise<void> {
    await this.accounts.updateOne({ _id: id }, { $set: { user_id: userId } });
  }

  async remove(id: mongoose.Types.ObjectId): Promise<void> {
    await this.accounts.deleteOne({ _id: id });
  }
}
