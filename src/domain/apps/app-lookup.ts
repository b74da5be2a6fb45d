import mongoose from 'mongoose';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import type { AppStore } from './app.store';

const MAX_CACHED = 10_000;

/**
 * Finds an app's deployed config by its internal id. The runtime's reader is keyed by client app
 * id; an app's client app id never changes, so the mapping is read once (by `_id`) and kept.
 */
export class AppLookup {
  private readonly clientIds = new Map<string, string>();

  constructor(
    private readonly apps: AppStore,
    private readonly configs: DeployedConfigReader,
  ) {}

  /** The app's deployed config, or null when the app does not exist (any more). */
  async byId(appId: string): Promise<DeployedApp | null> {
    const clientAppId = await this.clientAppIdOf(appId);
    return clientAppId ? this.configs.getDeployedConfig(clientAppId) : null;
  }

  private async clientAppIdOf(appId: string): Promise<string | undefined> {
    const hit = this.clientIds.get(appId);
    if (hit) return hit;
    if (!mongoose.isValidObjectId(appId)) return undefined;
    const clientAppId = await this.apps.clientAppIdOf(new mongoose.Types.ObjectId(appId));
    if (!clientAppId) return undefined;
    if (this.clientIds.size >= MAX_CACHED) this.clientIds.clear();
    this.clientIds.set(appId, clientAppId);
    return clientAppId;
  }
}
