import mongoose from 'mongoose';
import type { AppConfig } from '../../app-config/app-config.types';
import type { DeploymentConfigs } from './deployment-configs';
import { fromStoredConfig } from '../../app-config/stored-config';
import { ConflictError, NotFoundError } from '../../errors/app-error';
import type { AppStore } from '../apps/app.store';
import type { DeploymentDoc } from './deployment.model';
import type { DraftStore } from './draft.store';
import { isDuplicateKey } from '../../db/duplicate-key';

/** What a config rule is told besides the config. */
export interface CheckContext {
  appId: string;
  /**
   * The app's secret names, when the caller read them during this request, before the check (an
   * import does, to name the file of a missing secret): the rule that needs them then does not
   * read them again. Either way they were read before the config is stored, never atomically
   * with it.
   */
  secretNames?: ReadonlySet<string>;
}

/** A whole-config check run before any config is stored or deployed; throws an AppError. */
export type ConfigRule = (config: AppConfig, ctx: CheckContext) => void | Promise<void>;

/**
 * Told of every deployment, whatever made it (an admin write without a draft, a draft deploy, a
 * redeploy). The listeners are listed where the store is built (the composition root).
 */
export interface DeployListener {
  /** Before the deployment is inserted; a throw fails the deployment, nothing is deployed. */
  beforeDeploy?(appId: string, config: AppConfig, when: Date): Promise<void>;
  /** After the deployment is stored. */
  afterDeploy?(appId: string, when: Date): Promise<void> | void;
}

export interface DeployedConfig {
  config: AppConfig;
  /** 0 for the config an app was created with (no deployment yet). */
  version: number;
}

export interface DeployMeta {
  origin: string;
  userId: string;
  draftId?: string;
  /** The revision that sealed the draft for this deployment (see draft.model.ts). */
  draftRev?: number;
  /** The id to store the deployment under (the one its draft's seal names). */
  deploymentId?: mongoose.Types.ObjectId;
  name?: string;
}

export interface DraftHead {
  draftId: mongoose.Types.ObjectId;
  rev: number;
  config: AppConfig;
  /** Set while the draft is sealed for a deployment not stored (yet): it takes no writes. */
  sealedFor?: mongoose.Types.ObjectId;
}

/**
 * What an admin's config change starts from: their draft's working copy (`head`), or, with no
 * draft open, the deployed config. Read by `base`, for `tryChange`.
 */
export type ChangeBase = (
  | { head: DraftHead; config: AppConfig }
  | { head?: undefined; deployed: DeployedConfig; config: AppConfig }
) &
  Pick<CheckContext, 'secretNames'>;

const MAX_WRITE_ATTEMPTS = 8;

/**
 * Reads and writes app configs. With no draft open, an admin's write deploys at once; with one
 * open, it lands in the draft. Every stored version is one inserted document whose unique key
 * (app and version, or draft and revision) admits exactly one writer: no transactions and no
 * reliance on update atomicity, so it is correct on MongoDB and on FerretDB alike.
 */
export class ConfigStore {
  constructor(
    private readonly apps: AppStore,
    private readonly snapshots: DeploymentConfigs,
    private readonly drafts: DraftStore,
    private readonly rules: readonly ConfigRule[],
    private readonly now: () => Date,
    private readonly listeners: readonly DeployListener[],
  ) {}

  /** The deployed config: the newest deployment, or the config the app was created with. */
  async deployed(appId: string): Promise<DeployedConfig> {
    const newest = await this.snapshots.newestConfig(appId);
    if (newest) return newest;
    const config = await this.apps.creationConfig(appId);
    if (!config) throw new NotFoundError('app not found', 'AppNotFound');
    return { config: fromStoredConfig(config), version: 0 };
  }

  /** The deployed config and every open draft's working copy: what may reference a secret. */
  async configsInUse(appId: string): Promise<AppConfig[]> {
    const [deployed, open] = await Promise.all([
      this.deployed(appId),
      this.drafts.workingCopies(appId),
    ]);
    return [deployed.config, ...open.map((d) => fromStoredConfig(d.config))];
  }

  /**
   * The working copy of the admin's open draft of the app, if any. A draft a deployment names is
   * closed (a crash may have left it behind): it counts as none, and is removed now. Only a sealed
   * head can belong to a deployment (a deploy seals the draft before storing the deployment, and
   * no write lands above a seal), so only then are the deployments asked.
   */
  async draftHead(appId: string, adminId: string): Promise<DraftHead | undefined> {
    const draftId = await this.drafts.idOf(appId, adminId);
    if (!draftId) return undefined;
    const head = await this.drafts.head(draftId);
    if (head?.deployment_id && (await this.closeIfDeployed(appId, draftId))) return undefined;
    if (head) {
      return {
        draftId,
        rev: head.rev,
        config: fromStoredConfig(head.config),
        ...(head.deployment_id ? { sealedFor: head.deployment_id } : {}),
      };
    }
    // A draft nothing was written to yet: its working copy is the config it started from, read
    // only now (it is as large as the whole config).
    const base = await this.drafts.baseConfig(draftId);
    if (!base) return undefined; // deleted meanwhile (deployed or discarded)
    return { draftId, rev: 0, config: fromStoredConfig(base) };
  }

  /** True if a deployment consumed the draft; it is then closed (removed) if it remained. */
  async closeIfDeployed(appId: string, draftId: mongoose.Types.ObjectId): Promise<boolean> {
    if (!(await this.snapshots.ofDraft(appId, draftId.toHexString()))) return false;
    await this.drafts.close(draftId);
    return true;
  }

  /**
   * What a change by this admin would start from. The deployed config is read alongside the
   * draft (not after finding none), and so is wasted only when a draft is open.
   */
  async base(appId: string, adminId: string): Promise<ChangeBase> {
    const [head, deployed] = await Promise.all([
      this.draftHead(appId, adminId),
      this.deployed(appId),
    ]);
    return head ? { head, config: head.config } : { deployed, config: deployed.config };
  }

  /** The config as this admin sees it: their draft's working copy, or the deployed config. */
  async view(appId: string, adminId: string): Promise<AppConfig> {
    return (await this.draftHead(appId, adminId))?.config ?? (await this.deployed(appId)).config;
  }

  /**
   * Applies `mutate` to a copy of the config the admin sees, checks the result, and stores it:
   * as the draft's next revision, or as a new deployment. Lost races are retried on fresh data.
   */
  async change<T>(
    appId: string,
    adminId: string,
    mutate: (config: AppConfig) => T | Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.draftHead(appId, adminId);
      if (head?.sealedFor) {
        // Being deployed (or its deploy crashed before storing the deployment): no write lands in
        // it; once deployed, the next attempt writes past it.
        if (attempt >= MAX_WRITE_ATTEMPTS) {
          throw new ConflictError(
            'the draft is being deployed; try again, or deploy or discard the draft',
            'DeploymentConflict',
          );
        }
        continue;
      }
      let from: ChangeBase;
      let config: AppConfig;
      if (head) {
        from = { head, config: head.config };
        config = head.config;
      } else {
        const deployed = await this.deployed(appId);
        from = { deployed, config: deployed.config };
        config = structuredClone(deployed.config); // deployed snapshots are shared and frozen
      }
      const result = await mutate(config);
      if (await this.tryChange(appId, adminId, from, config)) return result;
      if (attempt >= MAX_WRITE_ATTEMPTS) {
        throw new ConflictError(
          'the app config is being changed concurrently; try again',
          'DeploymentConflict',
        );
      }
    }
  }

  /**
   * Checks `config` and stores it as the change of `from` (what `base` read): as the draft's next
   * revision, or deployed as the version after `from`'s. False, storing nothing, when `from` is
   * no longer current (a concurrent write won, or the draft is being deployed): the caller starts
   * over (see `change`).
   */
  async tryChange(
    appId: string,
    adminId: string,
    from: ChangeBase,
    config: AppConfig,
  ): Promise<boolean> {
    const { secretNames } = from;
    if (from.head) {
      if (from.head.sealedFor) return false;
      await this.check(config, { appId, secretNames });
      return this.tryInsertRevision(appId, from.head, config);
    }
    const meta = { origin: 'API', userId: adminId };
    return !!(await this.tryDeploy(appId, config, from.deployed.version, meta, secretNames));
  }

  /** Checks `config` and deploys it as the version after `expectedVersion`; a lost race is a 409. */
  async deploy(
    appId: string,
    config: AppConfig,
    expectedVersion: number,
    meta: DeployMeta,
  ): Promise<DeploymentDoc> {
    const deployment = await this.tryDeploy(appId, config, expectedVersion, meta);
    if (!deployment) {
      throw new ConflictError(
        'another deployment of this app finished first; review the changes and deploy again',
        'DeploymentConflict',
      );
    }
    return deployment;
  }

  async check(config: AppConfig, ctx: CheckContext): Promise<void> {
    for (const rule of this.rules) await rule(config, ctx);
  }

  private async tryDeploy(
    appId: string,
    config: AppConfig,
    expectedVersion: number,
    meta: DeployMeta,
    secretNames?: ReadonlySet<string>,
  ): Promise<DeploymentDoc | undefined> {
    await this.check(config, { appId, secretNames });
    const now = this.now();
    const id = meta.deploymentId ?? new mongoose.Types.ObjectId();
    const doc: DeploymentDoc = {
      _id: id,
      app_id: new mongoose.Types.ObjectId(appId),
      version: expectedVersion + 1,
      name: meta.name || id.toHexString(),
      status: 'successful',
      status_error_message: '',
      origin: meta.origin,
      user_id: meta.userId,
      draft_id: meta.draftId ?? '',
      ...(meta.draftRev !== undefined ? { draft_rev: meta.draftRev } : {}),
      deployed_at: now,
    };
    for (const listener of this.listeners) await listener.beforeDeploy?.(appId, config, now);
    // The snapshot first, then the deployment: the deployment's unique (app, version) decides.
    await this.snapshots.put(id, appId, doc.version, config);
    try {
      await this.snapshots.insert(doc);
    } catch (err) {
      await this.snapshots.discard(id);
      if (isDuplicateKey(err)) return undefined; // another writer took this version
      throw err;
    }
    for (const listener of this.listeners) await listener.afterDeploy?.(appId, now);
    return doc;
  }

  /**
   * Inserts the draft's next revision. A deploy seals the draft with a revision before storing its
   * deployment, so a deployment never misses a revision inserted before its seal; the check after
   * inserting is a second guard: a revision newer than the seal of a deployment of the draft is
   * not in it, so it is not acknowledged (false: the caller retries, past the closed draft).
   */
  private async tryInsertRevision(
    appId: string,
    head: DraftHead,
    config: AppConfig,
  ): Promise<boolean> {
    const rev = head.rev + 1;
    if (!(await this.drafts.insertRevision(appId, head.draftId, rev, config))) return false;
    const deployment = await this.snapshots.ofDraft(appId, head.draftId.toHexString());
    return !deployment || (deployment.draft_rev ?? 0) > rev;
  }
}
