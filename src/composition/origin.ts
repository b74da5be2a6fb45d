import type { Config } from '../config/config';
import type { OriginSettings } from '../http/request-origin';

/** The public origin responses name (SDK hostnames, app URLs, paging links), from the config. */
export function originSettings(config: Config): OriginSettings {
  return {
    publicBaseUrl: config.publicBaseUrl,
    defaultBaseUrl: `http://localhost:${config.port}`,
  };
}
