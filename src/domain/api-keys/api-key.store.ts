import { randomInt } from 'node:crypto';
import mongoose from 'mongoose';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import { constantTimeEqualHex, sha256Hex } from '../../security/hashing';
import type { UserSessionStore } from '../sessions/user-session.store';
import type { UserStore } from '../users/user.store';
import type { ApiKeyDoc, ApiKeyKind, ApiKeyModel } from './api-key.model';
import { isDuplicateKey } from '../../db/duplicate-key';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const API_KEY_LENGTH = 64;
const API_KEY_FORMAT = /^[A-Za-z0-9]{64}$/;
const API_KEY_NAME = /^[A-Za-z0-9_-]+$/;
const MAX_NAME_LENGTH = 64;
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** 64 characters drawn uniformly from [A-Za-z0-9]: about 381 bits of entropy. */
export function generateApiKey(): string {
  let key = '';
  for (let i = 0; i < API_KEY_LENGTH; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key;
}

/**
 * Keys are stored as a SHA-256 hash, not argon2: a key is 381 random bits, so no amount of
 * stretching is needed against guessing (there is nothing to guess from a dictionary), and an
 * unsalted, deterministic hash lets a login find its key with one indexed lookup on `key_hash`
 * instead of running a slow hash against every key of the app.
 */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/**
 * A key's `_id`, derived from the key (SHA-256 with its own prefix, so it is not a part of the
 * stored hash): a login finds its key by `_id` alone, the one lookup FerretDB answers from an
 * index. Keys made before this have random ObjectIds and are found by `key_hash` (findByKey).
 */
export function apiKeyId(key: string): mongoose.Types.ObjectId {
  return new mongoose.Types.ObjectId(sha256Hex(`api-key-id:${key}`).slice(0, 24));
}

export function isWellFormedApiKey(key: string): boolean {
  return API_KEY_FORMAT.test(key);
}

export function checkApiKeyName(name: string): void {
  if (name.length === 0) throw new InvalidInputError('API key name must not be empty');
  if (name.length > MAX_NAME_LENGTH)
    throw new InvalidInputError(`API key name must be at most ${MAX_NAME_LENGTH} characters`);
  if (!API_KEY_NAME.test(name)) {
    throw new InvalidInputError(
      `API key name "${name}" is invalid: it can only contain ASCII letters, numbers, underscores, and hyphens`,
    );
  }
}

export interface ApiKeySummary {
  _id: string;
  name: string;
  disabled: boolean;
}
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}

/** Whose keys an operation sees: one user's user keys, or the app's server keys. */
export type KeyOwner = { kind: 'user'; userId: mongoose.Types.ObjectId } | { kind: 'server' };

export interface NewApiKey {
  appId: string;
  ownerUserId: mongoose.Types.ObjectId;
  kind: ApiKeyKind;
  name: string;
  /** How many keys the scope (the user, or the app's server keys) may hold. */
  limit: number;
}

const scopeOf = (kind: ApiKeyKind, owner: mongoose.Types.ObjectId): string =>
  kind === 'server' ? 'server' : owner.toHexString();
const summary = (d: Pick<ApiKeyDoc, '_id' | 'name' | 'disabled'>): ApiKeySummary => ({
  _id: d._id.toHexString(),
  name: d.name,
  disabled: d.disabled,
});

/** Stores API keys and enforces their uniqueness and limits by unique inserts. */
export class ApiKeyStore {
  constructor(
    private readonly keys: ApiKeyModel,
    private readonly sessions: UserSessionStore,
    private readonly users: UserStore,
    private readonly now: () => Date,
  ) {}

  async create(input: NewApiKey): Promise<CreatedApiKey> {
    checkApiKeyName(input.name);
    const key = generateApiKey();
    const scope = scopeOf(input.kind, input.ownerUserId);
    const doc = {
      _id: apiKeyId(key),
      app_id: new mongoose.Types.ObjectId(input.appId),
      owner_user_id: input.ownerUserId,
      kind: input.kind,
      name: input.name,
      key_hash: hashApiKey(key),
      disabled: false,
      scope,
      created_at: this.now(),
    };
    const taken = () =>
      new ConflictError(`an API key named "${input.name}" already exists`, 'APIKeyAlreadyExists');
    // Every lost race means another key took a slot, so this ends within `limit` rounds.
    for (let round = 0; round <= input.limit; round++) {
      const used = await this.keys
        .find({ app_id: input.appId, scope }, { slot: 1, name: 1 })
        .lean();
      if (used.some((u) => u.name === input.name)) throw taken();
      const usedSlots = new Set(used.map((u) => u.slot));
      const free = [...Array(input.limit).keys()].filter((s) => !usedSlots.has(s));
      const slot = free[randomInt(Math.max(free.length, 1))];
      if (slot === undefined) break;
      try {
        await this.keys.create({ ...doc, slot });
        return { _id: doc._id.toHexString(), key, name: input.name, disabled: false };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new ConflictError(
      input.kind === 'server'
        ? `an app can have at most ${input.limit} server API keys`
        : `a user can have at most ${input.limit} API keys`,
      'APIKeyLimitReached',
    );
  }

  async list(appId: string, owner: KeyOwner): Promise<ApiKeySummary[]> {
    const docs = await this.keys
      .find(this.filter(appId, owner), { name: 1, disabled: 1, created_at: 1 })
      .sort({ created_at: 1, _id: 1 })
      .lean();
    return docs.map(summary);
  }

  async find(appId: string, owner: KeyOwner, id: string): Promise<ApiKeyDoc | null> {
    if (!OBJECT_ID.test(id)) return null;
    return this.keys.findOne({ ...this.filter(appId, owner), _id: id }).lean<ApiKeyDoc>();
  }

  async get(appId: string, owner: KeyOwner, id: string): Promise<ApiKeySummary | null> {
    const doc = await this.find(appId, owner, id);
    return doc && summary(doc);
  }

  /**
   * The key a login presents, if it exists in this app (disabled or not): by its derived `_id`,
   * else (a key made before `_id`s were derived) by its hash.
   */
  async findByKey(appId: string, key: string): Promise<ApiKeyDoc | null> {
    const keyHash = hashApiKey(key);
    const doc = await this.keys.findById(apiKeyId(key)).lean<ApiKeyDoc>();
    if (doc && String(doc.app_id) === appId && constantTimeEqualHex(doc.key_hash, keyHash))
      return doc;
    return this.keys.findOne({ app_id: appId, key_hash: keyHash }).lean<ApiKeyDoc>();
  }

  /** Deletes the key, its identity claim, and ends the sessions it opened. */
  async delete(appId: string, owner: KeyOwner, id: string): Promise<boolean> {
    if (!OBJECT_ID.test(id)) return false;
    const { deletedCount } = await this.keys.deleteOne({ ...this.filter(appId, owner), _id: id });
    if (deletedCount !== 1) return false;
    await this.users.deleteClaimOfIdentity(appId, 'api-key', id.toLowerCase());
    await this.endSessionsOf(appId, id);
    return true;
  }

  /** Disabling a key also ends the sessions it opened: a disabled key grants nothing. */
  async setDisabled(
    appId: string,
    owner: KeyOwner,
    id: string,
    disabled: boolean,
  ): Promise<boolean> {
    if (!OBJECT_ID.test(id)) return false;
    const { matchedCount } = await this.keys.updateOne(
      { ...this.filter(appId, owner), _id: id },
      { $set: { disabled } },
    );
    if (matchedCount === 1 && disabled) await this.endSessionsOf(appId, id);
    return matchedCount === 1;
  }

  private async endSessionsOf(appId: string, keyId: string): Promise<void> {
    await this.sessions.revokeOpenedByKey(appId, keyId);
  }

  private filter(appId: string, owner: KeyOwner): Record<string, unknown> {
    return owner.kind === 'server'
      ? { app_id: appId, kind: 'server' }
      : { app_id: appId, kind: 'user', owner_user_id: owner.userId };
  }
}
