import mongoose from 'mongoose';
import type { DeploymentConfigs } from './deployment-configs';
import { fromStoredConfig } from '../../app-config/stored-config';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import type { AppStore } from '../apps/app.store';

interface Entry {
  value: DeployedApp;
  checkedAt: number;
}

export interface ReaderOptions {
  /** How long a cached config is served before its version is checked again (default 500 ms). */
  maxStalenessMs?: number;
  /** How many apps to keep cached (default 1000; the oldest entry is dropped first). */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Reads deployed configs (the newest deployment of an app, else its creation config) with an
 * in-process cache keyed by client app id, holding one version. After `maxStalenessMs`, a cached
 * entry is revalidated: the app must still exist (a lookup by `_id`), and its newest deployment
 * still be the cached version (DeploymentConfigs.newest: a lookup of the next version's marker by
 * `_id`, and now and then a read of the deployments themselves). FerretDB answers lookups by `_id`
 * from its index, so a deploy made by any process sharing the database is seen within that time
 * without change streams (which FerretDB lacks) and without scanning `apps` or `deployments`.
 * Concurrent misses share one load.
 */
export class CachedDeployedConfigReader implements DeployedConfigReader {
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<DeployedApp | null>>();
  private readonly maxStalenessMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly apps: AppStore,
    private readonly snapshots: DeploymentConfigs,
    options: ReaderOptions = {},
  ) {
    this.maxStalenessMs = options.maxStalenessMs ?? 500;
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Drops an app's cached config, so this process reads its own deploys at once. */
  forget(appId: string): void {
    for (const [clientAppId, entry] of this.cache) {
      if (entry.value.appId === appId) this.cache.delete(clientAppId);
    }
  }

  getDeployedConfig(clientAppId: string): Promise<DeployedApp | null> {
    const hit = this.cache.get(clientAppId);
    if (hit && this.now() - hit.checkedAt < this.maxStalenessMs) return Promise.resolve(hit.value);
    let pending = this.inflight.get(clientAppId);
    if (!pending) {
      pending = this.refresh(clientAppId, hit).finally(() => this.inflight.delete(clientAppId));
      this.inflight.set(clientAppId, pending);
    }
    return pending;
  }

  private async refresh(clientAppId: string, hit: Entry | undefined): Promise<DeployedApp | null> {
    if (hit) {
      // Revalidate: the app must still exist, and no newer version be stored.
      const { appId, version } = hit.value;
      const [clientId, newest] = await Promise.all([
        this.apps.clientAppIdOf(new mongoose.Types.ObjectId(appId)),
        this.snapshots.newest(appId),
      ]);
      if (clientId === clientAppId && (newest?.version ?? 0) === version) {
        hit.checkedAt = this.now();
        return hit.value;
      }
    }
    const record = await this.apps.byClientAppId(clientAppId);
    if (!record) {
      this.cache.delete(clientAppId);
      return null;
    }
    const newest = await this.snapshots.newestConfig(String(record._id));
    const value: DeployedApp = {
      appId: String(record._id),
      clientAppId: record.client_app_id,
      groupId: record.group_id,
      domainId: String(record.domain_id),
      location: record.location,
      deploymentModel: record.deployment_model,
      version: newest?.version ?? 0,
      config: newest?.config ?? fromStoredConfig(record.config),
    };
    this.cache.delete(clientAppId);
    this.cache.set(clientAppId, { value, checkedAt: this.now() });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return value;
  }
}
