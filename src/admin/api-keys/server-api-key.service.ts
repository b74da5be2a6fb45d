import { ObjectId } from '../../db/object-id';
import { NotFoundError } from '../../errors/app-error';
import type {
  ApiKeyStore,
  ApiKeySummary,
  CreatedApiKey,
  KeyOwner,
} from '../../domain/api-keys/api-key.store';
import { NO_AUTH_EVENTS, type AuthEvents } from '../../domain/users/auth-events';
import type { UserAccounts } from '../../domain/users/user-accounts';
import { newIdentityClaim, type UserDoc } from '../../domain/users/user.model';
import type { UserStore } from '../../domain/users/user.store';

/** App Services' limit of server API keys per app. */
export const MAX_SERVER_API_KEYS = 100;

const SERVER: KeyOwner = { kind: 'server' };
const notFound = () => new NotFoundError('API key not found', 'APIKeyNotFound');

/** The `_id` of the app's api-key provider config, or "" when it has none. */
export type ApiKeyProviderIdOf = (appId: string) => Promise<string>;

/**
 * Server API keys (Admin API). Each key has its own server user (`type: server`), created with
 * the key and holding the key's identity, so a login with the key is that user; deleting the key
 * deletes the user.
 */
export class ServerApiKeyService {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly users: UserStore,
    private readonly accounts: UserAccounts,
    private readonly providerIdOf: ApiKeyProviderIdOf,
    private readonly now: () => Date,
    private readonly events: AuthEvents = NO_AUTH_EVENTS,
  ) {}

  async create(appId: string, name: string): Promise<CreatedApiKey> {
    const userId = new ObjectId();
    // The key first: it is what enforces unique names and the limit.
    const created = await this.store.create({
      appId,
      ownerUserId: userId,
      kind: 'server',
      name,
      limit: MAX_SERVER_API_KEYS,
    });
    const keyId = new ObjectId(created._id);
    const now = this.now();
    const user: UserDoc = {
      _id: userId,
      app_id: new ObjectId(appId),
      type: 'server',
      data: { name },
      identities: [
        {
          id: keyId.toHexString(),
          provider_type: 'api-key',
          provider_id: await this.providerIdOf(appId),
          provider_data: { name },
        },
      ],
      disabled: false,
      creation_date: now,
      last_authentication_date: now,
    };
    try {
      await this.users.insertClaim(
        newIdentityClaim(appId, 'api-key', keyId.toHexString(), userId, now),
      );
      await this.users.insertUser(user);
    } catch (err) {
      await this.store.delete(appId, SERVER, keyId.toHexString());
      await this.accounts.delete(appId, userId);
      throw err;
    }
    await this.events.emit(appId, { operationType: 'CREATE', providers: ['api-key'], user });
    return created;
  }

  list(appId: string): Promise<ApiKeySummary[]> {
    return this.store.list(appId, SERVER);
  }

  async get(appId: string, id: string): Promise<ApiKeySummary> {
    const key = await this.store.get(appId, SERVER, id);
    if (!key) throw notFound();
    return key;
  }

  /** The key goes first (logins with it stop at once), then its server user. */
  async delete(appId: string, id: string): Promise<void> {
    const key = await this.store.find(appId, SERVER, id);
    if (!key || !(await this.store.delete(appId, SERVER, id))) throw notFound();
    await this.accounts.delete(appId, key.owner_user_id);
  }

  async setDisabled(appId: string, id: string, disabled: boolean): Promise<void> {
    if (!(await this.store.setDisabled(appId, SERVER, id, disabled))) throw notFound();
  }
}
