import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MongoBulkWriteError, type Collection } from 'mongodb';
import mongoose from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';
import { fromStoredConfig, toStoredConfig } from '../../app-config/stored-config';
import { nativeCollection } from '../native-collection';
import {
  deploymentConfigModel,
  versionMarkerId,
  type DeploymentConfigDoc,
  type DeploymentConfigModel,
  type VersionMarkerDoc,
} from './deployment-config.model';
import { deploymentModel, type DeploymentDoc, type DeploymentModel } from './deployment.model';
import { bsonRoundTrip } from '../../db/bson-round-trip';
import { isDuplicateKey } from '../../db/duplicate-key';

interface DeploymentHead {
  _id: mongoose.Types.ObjectId;
  version: number;
}

const MAX_CACHED = 256;
/** How many apps' newest deployments are remembered (see `newest`). */
const MAX_HEADS = 1000;
/**
 * How often `newest` reads the newest deployment from the deployments themselves even though no
 * marker of a newer version exists: the markers are how deploys are noticed, and this bounds how
 * long a deploy stored without one (by a server version that wrote none) goes unseen.
 */
const FULL_CHECK_MS = 30_000;

/**
 * The store of deployments and of their config snapshots (the one writer of both collections).
 *
 * The config snapshots are kept apart from the small deployment documents: queries
 * over `deployments` (the newest version, the history) then never touch the snapshots, which
 * FerretDB would otherwise decode in full for every document it scans. A snapshot is immutable
 * and read by `_id`, so a decoded copy can be kept in memory for as long as we like.
 */
export class DeploymentConfigs {
  private readonly cache = new Map<string, AppConfig>();
  /** Each app's newest deployment as last read or stored here, and when it was read in full. */
  private readonly heads = new Map<string, { head: DeploymentHead | null; fullAt: number }>();

  private readonly deployments: DeploymentModel;
  private readonly configs: DeploymentConfigModel;

  constructor(
    conn: mongoose.Connection,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.deployments = deploymentModel(conn);
    this.configs = deploymentConfigModel(conn);
  }

  private get snapshots() {
    return nativeCollection(this.configs);
  }

  /** The same collection, as it holds snapshots and version markers (see the model). */
  private get snapshotsAndMarkers() {
    return nativeCollection(this.configs) as unknown as Collection<
      DeploymentConfigDoc | VersionMarkerDoc
    >;
  }

  /** The newest deployment of an app (its id and version), if it has any. */
  latest(appId: string): Promise<DeploymentHead | null> {
    return nativeCollection(this.deployments).findOne(
      { app_id: new mongoose.Types.ObjectId(appId) },
      { projection: { _id: 1, version: 1 }, sort: { version: -1 } },
    );
  }

  /**
   * What `latest` answers, without its query while nothing newer was stored: the newest
   * deployment read (or stored) before is still the newest as long as no marker of the version
   * after it exists, and that is a lookup by `_id` alone, which FerretDB answers from its index
   * (`latest` sorts the app's deployments, and FerretDB scans the collection for them). A marker
   * of the next version means a deploy stored it or is storing it (or crashed or lost a race
   * doing so): the deployments are read again. So a deploy by any process sharing the database
   * is seen at once, as by `latest`; every FULL_CHECK_MS they are read again all the same.
   */
  async newest(appId: string): Promise<DeploymentHead | null> {
    const key = appId.toLowerCase();
    const known = this.heads.get(key);
    if (
      known &&
      this.now().getTime() - known.fullAt < FULL_CHECK_MS &&
      !(await this.hasVersion(appId, (known.head?.version ?? 0) + 1))
    ) {
      return known.head;
    }
    const fullAt = this.now().getTime();
    const head = await this.latest(appId);
    this.rememberHead(key, head, fullAt);
    return head;
  }

  /** The newest deployment's version and config (see `newest`), if the app has a deployment. */
  async newestConfig(appId: string): Promise<{ config: AppConfig; version: number } | null> {
    const newest = await this.newest(appId);
    if (!newest) return null;
    const config = await this.getIfStored(newest._id);
    if (config) return { config, version: newest.version };
    // Remembered, but gone since: the app was deleted (by any process). Read as `latest` does.
    this.heads.delete(appId.toLowerCase());
    const latest = await this.latest(appId);
    return latest && { config: await this.get(latest._id), version: latest.version };
  }

  /** Keeps the newer of what is known and `head` (concurrent reads may finish out of order). */
  private rememberHead(key: string, head: DeploymentHead | null, fullAt: number): void {
    const known = this.heads.get(key);
    if (known && (known.head?.version ?? 0) > (head?.version ?? 0)) return;
    this.heads.delete(key);
    this.heads.set(key, { head: head && { _id: head._id, version: head.version }, fullAt });
    if (this.heads.size > MAX_HEADS) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }

  /**
   * Whether a deployment of that version of the app exists or is being stored: a lookup of its
   * marker by `_id` alone (see deployment-config.model.ts), the cheap way to ask "is there a newer
   * version?".
   */
  async hasVersion(appId: string, version: number): Promise<boolean> {
    const _id = versionMarkerId(appId, version);
    return (await this.snapshotsAndMarkers.findOne({ _id }, { projection: { _id: 1 } })) !== null;
  }

  /** The app's newest deployments, newest first. */
  list(appId: string, limit: number): Promise<DeploymentDoc[]> {
    return this.deployments
      .find({ app_id: appId })
      .sort({ version: -1 })
      .limit(limit)
      .lean<DeploymentDoc[]>();
  }

  /** A deployment of the app. */
  find(appId: string, deploymentId: string): Promise<DeploymentDoc | null> {
    return this.deployments.findOne({ _id: deploymentId, app_id: appId }).lean<DeploymentDoc>();
  }

  /** The deployment of a draft, if one was stored (the draft is then closed, even if it remains). */
  ofDraft(
    appId: string,
    draftId: string,
  ): Promise<Pick<DeploymentDoc, '_id' | 'draft_rev'> | null> {
    return nativeCollection(this.deployments).findOne(
      { app_id: new mongoose.Types.ObjectId(appId), draft_id: draftId.toLowerCase() },
      { projection: { _id: 1, draft_rev: 1 } },
    );
  }

  /**
   * Inserts a deployment (its snapshot is `put` first). The unique (app_id, version) index admits
   * one writer per version: a lost race throws a duplicate-key error.
   */
  async insert(doc: DeploymentDoc): Promise<void> {
    await this.deployments.create(doc);
    const key = String(doc.app_id).toLowerCase();
    // Stored, so the newest as far as this process knows; when it was last read in full stays.
    this.rememberHead(
      key,
      { _id: doc._id, version: doc.version },
      this.heads.get(key)?.fullAt ?? 0,
    );
  }

  /** The snapshot, shared and deep-frozen: copy it (structuredClone) before changing it. */
  async get(deploymentId: mongoose.Types.ObjectId): Promise<AppConfig> {
    const config = await this.getIfStored(deploymentId);
    if (!config) {
      throw new Error(`the config snapshot of deployment ${deploymentId.toHexString()} is missing`);
    }
    return config;
  }

  /** As `get`, but null when the snapshot is gone (its app was deleted). */
  async getIfStored(deploymentId: mongoose.Types.ObjectId): Promise<AppConfig | null> {
    const key = deploymentId.toHexString();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const doc = await this.snapshots.findOne({ _id: deploymentId });
    return doc ? this.remember(key, fromStoredConfig(doc.config)) : null;
  }

  /**
   * Stores the snapshot of a deployment about to be inserted (before the deployment itself), and
   * keeps it decoded: the process that deploys a config is the one most likely to read it next
   * (its next config write starts from it), and a snapshot is large (a read-back costs as much as
   * the insert).
   */
  async put(
    deploymentId: mongoose.Types.ObjectId,
    appId: string,
    version: number,
    config: AppConfig,
  ): Promise<void> {
    // Absent, not null: undefined fields must read back as they do from drafts (via mongoose),
    // or the three-way merge would see changes that are not there.
    const stored = toStoredConfig(config);
    const app_id = new mongoose.Types.ObjectId(appId);
    // The version's marker goes in the same insert (one commit on FerretDB), before the snapshot:
    // a stored deployment always has one. It is shared by every writer racing for the version,
    // so it may exist already (unordered: the snapshot is inserted all the same). A crash or a
    // lost race leaves a marker without a deployment, which readers take as "look again" (see
    // CachedDeployedConfigReader).
    const marker: VersionMarkerDoc = { _id: versionMarkerId(appId, version), app_id };
    const inserted = this.snapshotsAndMarkers
      .insertMany([marker, { _id: deploymentId, app_id, config: stored }], {
        ordered: false,
        ignoreUndefined: true,
      })
      .catch((err: unknown) => {
        if (!isOnlyDuplicateAt(err, 0)) throw err;
      });
    // The copy kept in memory is made while the database stores the snapshot (the insert is sent
    // by the next turn of the event loop), as a read would decode it: what the insert wrote, read
    // back (bsonRoundTrip, which copies plain data without encoding it). It is kept once the
    // insert succeeded.
    const [, kept] = await Promise.all([
      inserted,
      yieldToEventLoop().then(() => {
        const copy = fromStoredConfig(bsonRoundTrip(stored as unknown as Record<string, unknown>));
        deepFreeze(copy);
        return copy;
      }),
    ]);
    this.remember(deploymentId.toHexString(), kept);
  }

  /** Drops the snapshot of a deployment that lost its race (it was never deployed). */
  async discard(deploymentId: mongoose.Types.ObjectId): Promise<void> {
    this.cache.delete(deploymentId.toHexString());
    await this.snapshots.deleteOne({ _id: deploymentId });
  }

  private remember(key: string, config: AppConfig): AppConfig {
    if (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    deepFreeze(config);
    this.cache.set(key, config);
    return config;
  }
}

/** Whether an unordered insert failed only because its document at `index` existed already. */
function isOnlyDuplicateAt(err: unknown, index: number): boolean {
  if (!(err instanceof MongoBulkWriteError)) return false;
  const errors = [err.writeErrors].flat();
  return errors.length > 0 && errors.every((e) => e.index === index && isDuplicateKey(e));
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
