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
 * in-process cache. After `maxStalenessMs`, a cached entry is revalidated with two indexed,
 * projected reads (does the app exist; what is its newest version), so a deploy made by any
 * process sharing the database is seen within that time without change streams (which FerretDB
 * lacks). Concurrent misses share one load.
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
      // Revalidate: the app must still exist and its newest version must be the one we hold.
      const [appId, head] = await Promise.all([
        this.apps.idOfClientApp(clientAppId),
        this.snapshots.latest(hit.value.appId),
      ]);
      if (
        appId &&
        String(appId) === hit.value.appId &&
        (head?.version ?? 0) === hit.value.version
      ) {
        hit.checkedAt = this.now();
        return hit.value;
      }
    }
    const record = await this.apps.byClientAppId(clientAppId);
    if (!record) {
      this.cache.delete(clientAppId);
      return null;
    }
    const latest = await this.snapshots.latest(String(record._id));
    const value: DeployedApp = {
      appId: String(record._id),
      clientAppId: record.client_app_id,
      groupId: record.group_id,
      domainId: String(record.domain_id),
      location: record.location,
      deploymentModel: record.deployment_model,
      version: latest?.version ?? 0,
      config: latest ? await this.snapshots.get(latest._id) : fromStoredConfig(record.config),
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
