import type { AuthProviderConfig } from '../app-config/app-config.types';
import type { DeployedApp } from '../app-config/deployed-app';
import type { AuthenticatedIdentity } from '../domain/users/authenticated-identity';
import type { LogOrigin } from '../domain/app-logs/app-log';

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
 * One login provider type. A new provider is one file implementing this, one line in the
 * registry (providers/index.ts), and its tests. Failures throw AppErrors (401 AuthError etc.).
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
