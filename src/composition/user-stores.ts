import { UserTokenService } from '../domain/sessions/user-token.service';
import { UserAccounts, type UserOwnedCollection } from '../domain/users/user-accounts';
import { UserDirectory, type BeforeUserCreated } from '../domain/users/user-directory';
import { userCreationFunction } from '../functions/user-creation-function';
import type { DbConnection } from '../db/connection';
import type { Engines } from './engines';
import type { Models } from './models';
import type { Stores } from './stores';

/** Collections holding documents that belong to a user, removed with the user. */
const USER_OWNED_COLLECTIONS: readonly UserOwnedCollection[] = [
  { collection: 'userpass_accounts', userIdField: 'user_id' },
  { collection: 'api_keys', userIdField: 'owner_user_id' },
];

/**
 * The end users' stores: built after the engines, because creating a user runs the app's user
 * creation function and user events run AUTHENTICATION triggers.
 */
export function buildUserStores(
  conn: DbConnection,
  models: Models,
  stores: Stores,
  engines: Engines,
  now: () => Date,
  beforeUserCreated: BeforeUserCreated = userCreationFunction(engines.functions),
) {
  return {
    userTokens: new UserTokenService(
      models.userSessions,
      models.users,
      stores.signingKeys,
      stores.deployedConfigs,
      now,
    ),
    userAccounts: new UserAccounts(
      conn,
      models.users,
      models.identityClaims,
      models.userSessions,
      USER_OWNED_COLLECTIONS,
      now,
      engines.authTriggers,
    ),
    directory: new UserDirectory(
      models.users,
      models.identityClaims,
      beforeUserCreated,
      now,
      engines.authTriggers,
    ),
  };
}

export type UserStores = ReturnType<typeof buildUserStores>;
