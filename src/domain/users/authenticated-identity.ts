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
