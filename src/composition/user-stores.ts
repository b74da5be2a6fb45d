import { UserTokenService } from '../domain/sessions/user-token.service';
import { UserAccounts } from '../domain/users/user-accounts';
import { UserDirectory, type BeforeUserCreated } from '../domain/users/user-directory';
import { userCreationFunction } from '../functions/user-creation-function';
import type { DbConnection } from '../db/connection';
import type { Engines } from './engines';
import type { Stores } from './stores';

/**
 * The end users' stores: built after the engines, because creating a user runs the app's user
 * creation function and user events run AUTHENTICATION triggers.
 */
export function buildUserStores(
  conn: DbConnection,
  stores: Stores,
  engines: Engines,
  now: () => Date,
  beforeUserCreated: BeforeUserCreated = userCreationFunction(engines.functions),
) {
  return {
    userTokens: new UserTokenService(
      stores.userSessions,
      stores.users,
      stores.signingKeys,
      stores.deployedConfigs,
      stores.sessionChecks,
      now,
    ),
    // Deleting a user removes what every model of the connection declares the user owns.
    userAccounts: new UserAccounts(conn, stores.users, stores.userSessions, engines.authTriggers),
    directory: new UserDirectory(stores.users, beforeUserCreated, now, engines.authTriggers),
  };
}

export type UserStores = ReturnType<typeof buildUserStores>;
