import { ObjectId } from '../../db/object-id';
import { InvalidInputError, UnauthorizedError } from '../../errors/app-error';
import { decoySecretHash, verifySecret } from '../../security/hashing';
import type { UserpassAccounts } from '../../domain/userpass/userpass-accounts';
import type { LoginProvider } from '../login-provider';

/** Longer input is refused before hashing (a password is at most 128 characters). */
const MAX_FIELD_LENGTH = 1024;

/**
 * Email/password login: body `{username, password}` (login says `username`, register `email`).
 * Unknown email and wrong password are the same 401 InvalidPassword, and cost the same argon2
 * verification; a pending account is told apart only to a caller who knows its password.
 */
export function localUserpassProvider(accounts: UserpassAccounts): LoginProvider {
  return {
    async authenticate({ app, payload }) {
      const { username, password } = payload;
      if (typeof username !== 'string' || typeof password !== 'string')
        throw new InvalidInputError('username and password must be strings', 'BadRequest');
      if (username.length > MAX_FIELD_LENGTH || password.length > MAX_FIELD_LENGTH)
        throw new UnauthorizedError('unauthorized', 'InvalidPassword');
      const account = await accounts.byEmail(app.appId, username);
      const isValid = await verifySecret(
        account?.password_hash ?? (await decoySecretHash()),
        password,
      );
      if (!account || !isValid) throw new UnauthorizedError('unauthorized', 'InvalidPassword');
      if (account.status !== 'confirmed')
        throw new UnauthorizedError('confirmation required', 'AuthError');
      return {
        externalId: account._id.toHexString(),
        data: { email: account.email },
        ...(account.user_id ? { recordedUserId: account.user_id.toHexString() } : {}),
      };
    },
    async onLogin(_ctx, identity, userId) {
      // Written at the first login (and should the holder change), not at every login.
      if (identity.recordedUserId === userId) return;
      await accounts.setUser(identity.externalId, new ObjectId(userId));
    },
  };
}
