import type { DeployedConfigReader } from '../app-config/deployed-app';
import type { Config } from '../config/config';
import type { CorsOrigins } from '../http/cors';

/**
 * The origins CORS allows: an app's `allowed_request_origins` from its deployed config (through
 * the cached reader, so a warm request costs no database read), the Admin API's from the config.
 */
export function corsOrigins(deployed: DeployedConfigReader, config: Config): CorsOrigins {
  return {
    clientApp: async (clientAppId) =>
      (await deployed.getDeployedConfig(clientAppId))?.config.security.allowed_request_origins ??
      [],
    admin: config.adminAllowedOrigins,
  };
}
