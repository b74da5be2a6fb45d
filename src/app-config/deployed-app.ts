import type { AppConfig } from './app-config.types';

/** What the runtime knows of an app: its identity and its deployed config, one whole version. */
export interface DeployedApp {
  readonly appId: string;
  readonly clientAppId: string;
  readonly groupId: string;
  readonly domainId: string;
  readonly location: string;
  readonly deploymentModel: string;
  readonly version: number;
  readonly config: AppConfig;
}

/** The runtime's only view of app configuration. */
export interface DeployedConfigReader {
  getDeployedConfig(clientAppId: string): Promise<DeployedApp | null>;
}
