import type { AuthProviderConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import type { SecretResolver } from '../app-config/secret-resolver';
import type { ApiKeyStore } from '../domain/api-keys/api-key.store';
import type { LogOrigin } from '../domain/app-logs/app-log';
import type { AuthenticatedIdentity } from '../domain/users/authenticated-identity';
import type { UserpassAccounts } from '../domain/userpass/userpass-accounts';
import type { FunctionRunner } from '../functions/function-runner';

export type { AuthenticatedIdentity };

export interface LoginContext {
  readonly app: DeployedApp;
  readonly provider: AuthProviderConfig;
  /** The login body, without the SDK's `provider` and `options` keys. */
  readonly payload: Record<string, unknown>;
  /** The login request, for the app log entries of functions the provider runs. */
  readonly origin: LogOrigin;
}

/**
 * The login strategy of one provider type. A new provider type is one folder `providers/<type>/`
 * (`index.ts` exporting its definition: the type, its config rules in `<type>.config.ts`, and
 * this strategy in `<type>.login.ts`), one line in `providers/registry.ts`, and its tests.
 * Failures throw AppErrors (401 AuthError etc.).
 */
export interface LoginProvider {
  readonly type: string;
  authenticate(ctx: LoginContext): Promise<AuthenticatedIdentity>;
  /**
   * Called once the identity's user is known (found, created or linked to), before the session
   * starts: for providers that keep their own records of who holds an identity.
   */
  onLogin?(ctx: LoginContext, identity: AuthenticatedIdentity, userId: string): Promise<void>;
}

/** What the login strategies are built from (see composition/client.ts). */
export interface LoginProviderDeps {
  /** local-userpass accounts. */
  readonly userpassAccounts: UserpassAccounts;
  /** User and server API keys. */
  readonly apiKeys: ApiKeyStore;
  /** Secret values by name, read at each login so rotations apply at once. */
  readonly resolveSecret: SecretResolver;
  /** Runs the app's functions (custom-function's authentication function). */
  readonly functions: FunctionRunner;
  readonly now: () => Date;
}
