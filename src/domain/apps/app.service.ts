import { randomInt } from 'node:crypto';
import mongoose from 'mongoose';
import { defaultAppConfig, type EnvironmentConfig } from '../../app-config/app-config.types';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors/app-error';
import { deleteOwned } from '../ownership';
import type { AppStore, AppSummary } from './app.store';
import { defaultRegionFor, GLOBAL_REGIONS, REGION_LOCATION } from './regions';
import { isDuplicateKey } from '../../db/duplicate-key';

export type AppProduct = 'standard' | 'atlas' | 'data-api' | 'device-sync';
export type { AppSummary };

export interface NewApp {
  name: string;
  provider_region?: string;
  location?: string;
  deployment_model?: string;
  /** The environment the app's config starts with (default none, `""`). */
  environment?: EnvironmentConfig['tag'];
  template_id?: string;
  product?: AppProduct;
}

const APP_READ_TTL_MS = 1000;
const APP_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function clientAppIdFor(name: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `${name.toLowerCase()}-${suffix}`;
}

/** Picks region, location and model from what the caller sent, checking they agree. */
function placement(input: NewApp): {
  provider_region: string;
  location: string;
  deployment_model: string;
} {
  let region = input.provider_region;
  let location = input.location;
  if (region && location && REGION_LOCATION[region] !== location) {
    throw new InvalidInputError(`provider_region "${region}" is not in location "${location}"`);
  }
  if (!region)
    region = location ? (defaultRegionFor(location) ?? 'aws-us-east-1') : 'aws-us-east-1';
  location ??= REGION_LOCATION[region] ?? 'US-VA';
  const model = input.deployment_model ?? (GLOBAL_REGIONS.has(region) ? 'GLOBAL' : 'LOCAL');
  if (model === 'GLOBAL' && !GLOBAL_REGIONS.has(region)) {
    throw new InvalidInputError(
      `provider_region "${region}" supports only the LOCAL deployment model`,
    );
  }
  return { provider_region: region, location, deployment_model: model };
}

/** Apps of a group: creation with App Services' naming rules, listing, lookup, deletion. */
export class AppService {
  /** Recently read apps: admin requests read their app on every call (see `get`). */
  private readonly recent = new Map<string, { app: AppSummary; at: number }>();

  constructor(
    private readonly apps: AppStore,
    /** The connection whose models declare what an app owns (see domain/ownership.ts). */
    private readonly conn: mongoose.Connection,
    private readonly now: () => Date = () => new Date(),
    /** Told once an app and what it owns are deleted (this process forgets what it cached). */
    private readonly onDeleted: (appId: string) => void = () => undefined,
  ) {}

  async create(groupId: string, input: NewApp): Promise<AppSummary> {
    const name = input.name;
    if (!APP_NAME.test(name)) {
      throw new InvalidInputError(
        `invalid app name "${name}": it must start with a letter and contain only ASCII letters, digits, underscores and hyphens`,
      );
    }
    const where = placement(input);
    const now = this.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.apps.insert({
          name,
          client_app_id: clientAppIdFor(name),
          group_id: groupId,
          domain_id: new mongoose.Types.ObjectId(),
          ...where,
          environment: input.environment ?? '',
          product: input.product ?? 'standard',
          template_id: input.template_id ?? '',
          created_at: now,
          last_modified: now,
          last_used: now,
          config: { ...defaultAppConfig(), environment: { tag: input.environment ?? '' } },
        });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Which unique index was hit? Not every server names it in the error, so look.
        if (await this.apps.nameTaken(groupId, name)) {
          throw new ConflictError(
            `an app named "${name}" already exists in this group`,
            'AppAlreadyExists',
          );
        }
        if (attempt >= 5) throw err; // client_app_id collisions: retry with a new suffix
      }
    }
  }

  list(groupId: string, products: readonly AppProduct[]): Promise<AppSummary[]> {
    return this.apps.list(groupId, products);
  }

  /** The distinct groups that own at least one app. */
  async groupsWithApps(): Promise<string[]> {
    const groups = await this.apps.groupIds();
    return groups.sort();
  }

  /**
   * An app of the group. A read is reused for up to a second (like deployed configs): changes
   * made by this process are seen at once, changes made by another process within that time.
   */
  async get(groupId: string, appId: string): Promise<AppSummary> {
    const key = appId.toLowerCase();
    const hit = this.recent.get(key);
    if (hit && hit.app.group_id === groupId && this.now().getTime() - hit.at < APP_READ_TTL_MS) {
      return hit.app;
    }
    const app = await this.apps.findInGroup(groupId, appId);
    if (!app) throw new NotFoundError('app not found', 'AppNotFound');
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, { app, at: this.now().getTime() });
    return app;
  }

  /**
   * Records a change of the app's config (its last_modified). A recently read app is kept, with
   * the new time: it is what reading it again would give (the next admin request of a deploying
   * client need not read it again).
   */
  async touch(appId: string, when: Date): Promise<void> {
    const key = appId.toLowerCase();
    try {
      await this.apps.touch(appId, when);
    } catch (err) {
      this.recent.delete(key);
      throw err;
    }
    const hit = this.recent.get(key);
    if (hit) hit.app = { ...hit.app, last_modified: when };
  }

  /**
   * Removes the app first (so it disappears at once), then everything it owns. A crash in between
   * leaves only unreachable documents, which a later delete of the same id cannot meet.
   */
  async delete(groupId: string, appId: string): Promise<void> {
    this.recent.delete(appId.toLowerCase());
    if (!(await this.apps.delete(groupId, appId)))
      throw new NotFoundError('app not found', 'AppNotFound');
    try {
      await deleteOwned(this.conn, 'app', new mongoose.Types.ObjectId(appId));
    } finally {
      this.onDeleted(appId.toLowerCase());
    }
  }
}
