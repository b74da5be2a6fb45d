import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-config.reader';
import type { LogOrigin } from '../../logs/app-log';

export interface LoginContext {
  readonly app: DeployedApp;
  readonly provider: AuthProviderConfig;
  /** The login body, without the SDK's `provider` and `options` keys. */
  readonly payload: Record<string, unknown>;
  /** The login request, for the app log entries of functions the provider runs. */
  readonly origin: LogOrigin;
}

/** Who the provider says the caller is. */
export interface AuthenticatedIdentity {
  /** The id the provider knows the user by (identity id). */
  externalId: string;
  /** Metadata for the identity's provider_data and the user's data, refreshed at every login. */
  data: Record<string, unknown>;
  /** The identity belongs to this existing user (an API key logs in as its owner). */
  ownerUserId?: string;
  /** Every login is a new identity, so a new user (anonymous): no claim is looked for first. */
  alwaysNewUser?: boolean;
  /**
   * The user the provider's own records say holds the identity (see `onLogin`), so that
   * `onLogin` writes only when that changes.
   */
  recordedUserId?: string;
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
