import type { AuthProviderConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import type { SecretResolver } from '../app-config/secret-resolver';
import type { ApiKeyStore } from '../domain/api-keys/api-key.store';
import type { LogOrigin } from '../domain/app-logs/app-log';
import type { AuthenticatedIdentity } from '../domain/users/authenticated-identity';
import type { UserpassAccounts } from '../domain/userpass/userpass-accounts';
import type { OAuth2Endpoints } from '../config/config';
import type { FunctionRunner } from '../functions/function-runner';
import type { Logger } from '../logging/logger';
import type { OAuth2RedirectFlow } from './oauth2/oauth2-flow';

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
 * The login strategy of one provider type. Failures throw AppErrors (401 AuthError etc.).
 *
 * A new provider type is one folder, one registry line and its tests: `providers/<type>/` holds
 * `<type>.config.ts` (its ProviderTypeRules, what the Admin API accepts), `<type>.login.ts` (this
 * strategy, built from LoginProviderDeps) and `index.ts` (its ProviderDefinition joining the two);
 * `providers/registry.ts` lists the definition; black-box tests go in `test/`. Strategies are
 * keyed by their definition's type, so they do not name it themselves.
 */
export interface LoginProvider {
  authenticate(ctx: LoginContext): Promise<AuthenticatedIdentity>;
  /**
   * Called once the identity's user is known (found, created or linked to), before the session
   * starts: for providers that keep their own records of who holds an identity.
   */
  onLogin?(ctx: LoginContext, identity: AuthenticatedIdentity, userId: string): Promise<void>;
  /** OAuth 2.0 types: the two steps of the browser redirect flow (see oauth2/oauth2-flow.ts). */
  readonly redirectFlow?: OAuth2RedirectFlow;
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
  /** Where the OAuth 2.0 providers are, and how long a call to one may take. */
  readonly oauth2: OAuth2Endpoints;
  /** The server log (provider outages are logged). */
  readonly log: Logger;
  readonly now: () => Date;
}
