import { ForbiddenError, NotFoundError } from '../../errors/app-error';
import type { UserPrincipal } from '../../domain/sessions/user-token.service';
import { isAnonymousUser } from '../../domain/users/user.model';
import type {
  ApiKeyStore,
  ApiKeySummary,
  CreatedApiKey,
  KeyOwner,
} from '../../domain/api-keys/api-key.store';

/** App Services' limit of user API keys per user. */
export const MAX_USER_API_KEYS = 20;

const notFound = () => new NotFoundError('API key not found', 'APIKeyNotFound');
const ownerOf = (p: UserPrincipal): KeyOwner => ({ kind: 'user', userId: p.user._id });

/**
 * A user's own API keys (Client API, authenticated with the user's refresh token). Failures here
 * are never 401: realm-core logs the user out on a 401 to a request made with the refresh token.
 */
export class UserApiKeys {
  constructor(private readonly store: ApiKeyStore) {}

  create(p: UserPrincipal, name: string): Promise<CreatedApiKey> {
    if (isAnonymousUser(p.user)) {
      throw new ForbiddenError(
        'anonymous users cannot have API keys: log in with another provider (or link one) first',
        'AnonymousUserNotAllowed',
      );
    }
    return this.store.create({
      appId: p.app.appId,
      ownerUserId: p.user._id,
      kind: 'user',
      name,
      limit: MAX_USER_API_KEYS,
    });
  }

  list(p: UserPrincipal): Promise<ApiKeySummary[]> {
    return this.store.list(p.app.appId, ownerOf(p));
  }

  async get(p: UserPrincipal, id: string): Promise<ApiKeySummary> {
    const key = await this.store.get(p.app.appId, ownerOf(p), id);
    if (!key) throw notFound();
    return key;
  }

  async delete(p: UserPrincipal, id: string): Promise<void> {
    const { identity } = p.session;
    if (identity.provider_type === 'api-key' && identity.id === id.toLowerCase()) {
      // Only when the key is the caller's: another user's key id stays "not found".
      if (await this.store.find(p.app.appId, ownerOf(p), id)) {
        throw new ForbiddenError(
          'cannot delete the API key this session logged in with',
          'APIKeyInUse',
        );
      }
    }
    if (!(await this.store.delete(p.app.appId, ownerOf(p), id))) throw notFound();
  }

  async setDisabled(p: UserPrincipal, id: string, disabled: boolean): Promise<void> {
    if (!(await this.store.setDisabled(p.app.appId, ownerOf(p), id, disabled))) throw notFound();
  }
}
