import { InvalidInputError, UnauthorizedError } from '../../errors/app-error';
import { isWellFormedApiKey, type ApiKeyStore } from '../../domain/api-keys/api-key.store';
import type { LoginProvider } from '../login-provider';

/**
 * API key login (user and server keys alike): the key logs in as its owner, with the key's id as
 * the identity id. Unknown, disabled and deleted keys all get the same 401 AuthError.
 */
export function apiKeyProvider(keys: ApiKeyStore): LoginProvider {
  return {
    async authenticate({ app, payload }) {
      const key = payload.key;
      if (key === undefined) throw new InvalidInputError('"key" is required', 'MissingParameter');
      if (typeof key !== 'string') throw new InvalidInputError('"key" must be a string');
      const doc = isWellFormedApiKey(key) ? await keys.findByKey(app.appId, key) : null;
      if (!doc || doc.disabled) throw new UnauthorizedError('unauthorized', 'AuthError');
      return {
        externalId: doc._id.toHexString(),
        // A server user's data is its key's name; a user key must not overwrite its owner's data.
        data: doc.kind === 'server' ? { name: doc.name } : {},
        ownerUserId: doc.owner_user_id.toHexString(),
      };
    },
  };
}
