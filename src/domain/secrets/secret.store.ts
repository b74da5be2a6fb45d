import mongoose from 'mongoose';
import { secretReferences } from '../../app-config/secret-references';
import type { AppConfig } from '../../app-config/app-config.types';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors/app-error';
import type { SecretBox } from '../../security/secret-box';
import type { SecretModel } from './secret.model';
import { isDuplicateKey } from '../../db/duplicate-key';

const SECRET_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_VALUE_LENGTH = 32 * 1024;
/** How long a resolved value is served from memory before it is read again (see resolve). */
const RESOLVED_TTL_MS = 1000;
const MAX_RESOLVED = 1000;

interface Resolved {
  value: Promise<string | undefined>;
  at: number;
}

export interface SecretSummary {
  _id: string;
  name: string;
}

/**
 * App secrets: write-only values, encrypted at rest, referred to by name from the config. The
 * only writer of the `secrets` collection. Whether a secret may be renamed or deleted (is it in
 * use?) is the admin service's rule.
 */
export class SecretStore {
  private readonly resolved = new Map<string, Resolved>();

  constructor(
    private readonly secrets: SecretModel,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  async list(appId: string): Promise<SecretSummary[]> {
    const docs = await this.secrets.find({ app_id: appId }, { name: 1 }).sort({ _id: 1 }).lean();
    return docs.map((d) => ({ _id: d._id.toHexString(), name: d.name }));
  }

  async create(appId: string, name: string, value: string): Promise<SecretSummary> {
    checkName(name);
    checkValue(value);
    const _id = new mongoose.Types.ObjectId();
    try {
      await this.secrets.create({
        _id,
        app_id: appId,
        name,
        value: this.box.seal(value, _id.toHexString()),
        last_modified: this.now(),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw duplicateName(name);
      throw err;
    }
    this.forget(appId);
    return { _id: _id.toHexString(), name };
  }

  /** The name of the app's secret `id` (404 if there is none). */
  async nameOf(appId: string, id: string): Promise<string> {
    return (await this.find(appId, id)).name;
  }

  /**
   * Renames and/or sets the value; an empty value leaves the stored value as it is. `beforeRename`
   * runs (and may refuse) when the name changes.
   */
  async update(
    appId: string,
    id: string,
    name: string,
    value: string,
    beforeRename: (oldName: string) => Promise<void>,
  ): Promise<void> {
    checkName(name);
    if (value !== '') checkValue(value);
    const doc = await this.find(appId, id);
    if (doc.name !== name) {
      await beforeRename(doc.name);
      // Checked first because FerretDB reports a unique-index violation on update as a generic
      // InternalError rather than 11000; the index still settles a race.
      if (await this.secrets.exists({ app_id: appId, name })) throw duplicateName(name);
    }
    const set: Record<string, unknown> = { name, last_modified: this.now() };
    if (value !== '') set.value = this.box.seal(value, id);
    try {
      await this.secrets.updateOne({ _id: id, app_id: appId }, { $set: set });
    } catch (err) {
      if (isDuplicateKey(err)) throw duplicateName(name);
      throw err;
    } finally {
      this.forget(appId);
    }
  }

  async delete(appId: string, id: string): Promise<void> {
    await this.secrets.deleteOne({ _id: id, app_id: appId });
    this.forget(appId);
  }

  async existingNames(appId: string): Promise<Set<string>> {
    const docs = await this.secrets.find({ app_id: appId }, { name: 1 }).lean();
    return new Set(docs.map((d) => d.name));
  }

  /**
   * The plaintext of a secret, for the runtime; never for an API response. A login needs its
   * provider's secrets (custom-token signing keys) every time, and reading one is a query by
   * (app, name), which FerretDB answers by scanning: so a value (or its absence) is read and
   * decrypted once and served from memory for RESOLVED_TTL_MS. A change made through this process
   * is seen at once (create, update and delete forget the app's values); one made through
   * another process sharing the database within RESOLVED_TTL_MS (as deployed configs, see
   * CachedDeployedConfigReader). Concurrent reads of one value share one query.
   */
  resolve(appId: string, name: string): Promise<string | undefined> {
    const key = `${appId}\u0000${name}`;
    const now = this.now().getTime();
    const hit = this.resolved.get(key);
    if (hit && now - hit.at < RESOLVED_TTL_MS && now >= hit.at) return hit.value;
    const entry: Resolved = { value: this.read(appId, name), at: now };
    this.resolved.delete(key);
    this.resolved.set(key, entry);
    if (this.resolved.size > MAX_RESOLVED) {
      const oldest = this.resolved.keys().next().value;
      if (oldest !== undefined) this.resolved.delete(oldest);
    }
    // A failed read is not kept: the next caller tries again.
    entry.value.catch(() => {
      if (this.resolved.get(key) === entry) this.resolved.delete(key);
    });
    return entry.value;
  }

  private async read(appId: string, name: string): Promise<string | undefined> {
    const doc = await this.secrets.findOne({ app_id: appId, name }).lean();
    return doc ? this.box.open(doc.value, doc._id.toHexString()) : undefined;
  }

  /** Drops the app's resolved values (its secrets changed). */
  private forget(appId: string): void {
    const prefix = `${appId}\u0000`;
    for (const key of this.resolved.keys()) if (key.startsWith(prefix)) this.resolved.delete(key);
  }

  private async find(appId: string, id: string) {
    const doc = await this.secrets.findOne({ _id: id, app_id: appId }, { name: 1 }).lean();
    if (!doc) throw new NotFoundError(`secret not found: "${id}"`, 'SecretNotFound');
    return doc;
  }
}

function duplicateName(name: string): ConflictError {
  return new ConflictError(`a secret named "${name}" already exists`, 'SecretAlreadyExists');
}

function checkName(name: string): void {
  if (!SECRET_NAME.test(name)) {
    throw new InvalidInputError(
      `invalid secret name "${name}": use 1 to 64 letters, digits, "_" or "-"`,
    );
  }
}

function checkValue(value: string): void {
  if (value.length > MAX_VALUE_LENGTH)
    throw new InvalidInputError(`a secret value may be at most ${MAX_VALUE_LENGTH} characters`);
}

/** A config rule: every secret the config names must exist. */
export function secretsExistRule(secrets: SecretStore) {
  return async (
    config: AppConfig,
    ctx: { appId: string; secretNames?: ReadonlySet<string> },
  ): Promise<void> => {
    const refs = secretReferences(config);
    if (refs.size === 0) return;
    const existing = ctx.secretNames ?? (await secrets.existingNames(ctx.appId));
    for (const [name, users] of refs) {
      if (!existing.has(name)) {
        throw new InvalidInputError(
          `secret not found: "${name}" (used by ${users.join(', ')})`,
          'SecretNotFound',
        );
      }
    }
  };
}
