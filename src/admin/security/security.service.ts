import type { ConfigStore } from '../../domain/deployments/config-store';

/** App security settings: how long user refresh tokens live; which browser origins may call. */
export class SecurityService {
  constructor(private readonly store: ConfigStore) {}

  async refreshTokenExpiration(appId: string, adminId: string): Promise<number> {
    return (await this.store.view(appId, adminId)).security.refresh_token_expiration_seconds;
  }

  /** The bounds (30 minutes to 180 days) are the spec's and are checked at the edge. */
  setRefreshTokenExpiration(appId: string, adminId: string, seconds: number): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      config.security.refresh_token_expiration_seconds = seconds;
    });
  }

  async allowedRequestOrigins(appId: string, adminId: string): Promise<string[]> {
    return (await this.store.view(appId, adminId)).security.allowed_request_origins;
  }

  /** Replaces the list; the form of each origin is checked at the edge. */
  setAllowedRequestOrigins(appId: string, adminId: string, origins: string[]): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      config.security.allowed_request_origins = [...new Set(origins)];
    });
  }
}
