import mongoose from 'mongoose';

/**
 * The configuration of one app as the runtime consumes it. The admin API edits it (directly or
 * through drafts) and deploys whole, immutable versions of it; the runtime only reads deployed
 * versions. Secret values never appear here: only secret names.
 */
export interface AuthProviderConfig {
  _id: string;
  name: string;
  type: string;
  disabled: boolean;
  config?: Record<string, unknown>;
  secret_config?: Record<string, unknown>;
  metadata_fields?: unknown[];
  redirect_uris?: string[];
  domain_restrictions?: string[];
}

export interface AppConfig {
  auth_providers: AuthProviderConfig[];
}

/** A new app has the api-key provider, disabled (as App Services creates it), and nothing else. */
export function defaultAppConfig(): AppConfig {
  return {
    auth_providers: [
      {
        _id: new mongoose.Types.ObjectId().toHexString(),
        name: 'api-key',
        type: 'api-key',
        disabled: true,
      },
    ],
  };
}
