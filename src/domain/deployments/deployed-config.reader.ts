import mongoose from 'mongoose';
import type { DeploymentConfigs } from './deployment-configs';
import { fromStoredConfig } from '../../app-config/stored-config';
import type { DeployedApp, DeployedConfigReader } from '../../app-config/deployed-app';
import type { AppStore } from '../apps/app.store';

interface Entry {
  value: DeployedApp;
  checkedAt: number;
  /** When the newest version was last read from the deployments themselves (see refresh). */
  fullCheckAt: number;
}

/** How often a cached config is also checked the slow way (see CachedDeployedConfigReader). */
const FULL_CHECK_MS = 30_000;

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
 * entry is revalidated with two lookups by `_id` alone (does the app still exist; is there a
 * marker of the next version, see deployment-config.model.ts), which FerretDB answers from its
 * index, so a deploy made by any process sharing the database is seen within that time without
 * change streams (which FerretDB lacks) and without scanning `apps` or `deployments`. Every
 * FULL_CHECK_MS the newest version is also read from the deployments (a scan on FerretDB): that
 * catches deploys stored by server versions that wrote no markers, or wrote them elsewhere (the
 * former `deployment_versions` collection). Concurrent misses share one load.
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
    if (hit && this.now() - hit.fullCheckAt < FULL_CHECK_MS) {
      // Revalidate: the app must still exist, and no newer version be stored or being stored.
      const { appId, version } = hit.value;
      const [clientId, newer] = await Promise.all([
        this.apps.clientAppIdOf(new mongoose.Types.ObjectId(appId)),
        this.snapshots.hasVersion(appId, version + 1),
      ]);
      if (clientId === clientAppId && !newer) {
        hit.checkedAt = this.now();
        return hit.value;
      }
    } else if (hit) {
      const [appId, head] = await Promise.all([
        this.apps.idOfClientApp(clientAppId),
        this.snapshots.latest(hit.value.appId),
      ]);
      if (
        appId &&
        String(appId) === hit.value.appId &&
        (head?.version ?? 0) === hit.value.version
      ) {
        hit.checkedAt = hit.fullCheckAt = this.now();
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
    this.cache.set(clientAppId, { value, checkedAt: this.now(), fullCheckAt: this.now() });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return value;
  }
}
