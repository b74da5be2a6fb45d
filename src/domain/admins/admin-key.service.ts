import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { InvalidInputError, NotFoundError, UnauthorizedError } from '../../errors/app-error';
import { decoySecretHash, hashSecret, verifySecret } from '../../security/hashing';
import type { SecretBox } from '../../security/secret-box';
import { openDigestHa1, sealDigestHa1 } from './admin-key-digest';
import type { AdminKeyDoc, AdminKeyModel, AdminRoleName } from './admin-key.model';
import { isDuplicateKey } from '../../db/duplicate-key';

export interface AdminRole {
  role_name: AdminRoleName;
  group_id: string;
}

export interface CreatedAdminKey {
  id: string;
  publicKey: string;
  /** Shown once; only its hash is stored. */
  privateKey: string;
  roles: AdminRole[];
}

const GROUP_ID = /^[0-9a-f]{24}$/;
const NOT_AUTHORIZED = 'You are not authorized for this resource.';
const LOGIN_FAILED = `failed to authenticate with MongoDB Cloud API: ${NOT_AUTHORIZED}`;

function randomPublicKey(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let key = '';
  for (let i = 0; i < 8; i++) key += letters[randomInt(letters.length)];
  return key;
}

export function rolesFor(scope: { groupId: string } | 'org'): AdminRole[] {
  if (scope === 'org') return [{ role_name: 'ORG_OWNER', group_id: '' }];
  const groupId = scope.groupId.toLowerCase();
  if (!GROUP_ID.test(groupId))
    throw new InvalidInputError(`invalid group id "${scope.groupId}": expected 24 hex characters`);
  return [{ role_name: 'GROUP_OWNER', group_id: groupId }];
}

/**
 * Admin API key pairs: creation (private key shown once), lookup, revocation, and the two ways a
 * key proves itself: the private key (login) and an HTTP Digest response (the public API).
 */
export class AdminKeyService {
  constructor(
    private readonly keys: AdminKeyModel,
    /** Seals the keys' Digest HA1 (the server's secrets key). */
    private readonly box: SecretBox,
    /** Told about each revocation, so caches of this process drop the key at once. */
    private readonly onRevoke: (keyId: string) => void = () => undefined,
  ) {}

  async create(roles: AdminRole[], desc = ''): Promise<CreatedAdminKey> {
    const privateKey = randomUUID();
    const private_key_hash = await hashSecret(privateKey);
    for (let attempt = 0; ; attempt++) {
      const publicKey = randomPublicKey();
      try {
        const doc = await this.keys.create({
          public_key: publicKey,
          private_key_hash,
          digest_ha1: sealDigestHa1(this.box, publicKey, privateKey),
          desc,
          roles,
        });
        return { id: doc._id.toHexString(), publicKey, privateKey, roles };
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 5) throw err;
      }
    }
  }

  /**
   * Makes sure the key pair from the environment exists as an org owner with that private key.
   * Idempotent across restarts and processes; a changed private key replaces the stored hash.
   */
  async ensureBootstrapKey(publicKey: string, privateKey: string): Promise<void> {
    const existing = await this.keys.findOne({ public_key: publicKey }).lean();
    if (
      existing &&
      existing.revoked_at === null &&
      (await verifySecret(existing.private_key_hash, privateKey))
    ) {
      if (!existing.roles.some((r) => r.role_name === 'ORG_OWNER')) {
        await this.keys.updateOne({ _id: existing._id }, { $push: { roles: rolesFor('org')[0] } });
      }
      await this.ensureDigestHa1(existing, privateKey);
      return;
    }
    const private_key_hash = await hashSecret(privateKey);
    await this.keys.updateOne(
      { public_key: publicKey },
      {
        $set: {
          private_key_hash,
          digest_ha1: sealDigestHa1(this.box, publicKey, privateKey),
          revoked_at: null,
          roles: rolesFor('org'),
          desc: 'bootstrap key from environment',
        },
        $setOnInsert: { public_key: publicKey, created_at: new Date() },
      },
      { upsert: true },
    );
  }

  async list(): Promise<AdminKeyDoc[]> {
    return this.keys.find().sort({ _id: 1 }).lean<AdminKeyDoc[]>();
  }

  /** Revokes the key; its sessions are revoked by the caller (see AdminSessionService). */
  async revoke(publicKey: string): Promise<AdminKeyDoc> {
    const doc = await this.keys
      .findOneAndUpdate(
        { public_key: publicKey, revoked_at: null },
        { $set: { revoked_at: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<AdminKeyDoc>();
    if (!doc)
      throw new NotFoundError(`no active API key with public key "${publicKey}"`, 'APIKeyNotFound');
    return doc;
  }

  /** Checks a key pair in constant work whether or not the public key exists. */
  async verifyPair(publicKey: string, privateKey: string): Promise<AdminKeyDoc> {
    const doc = await this.keys.findOne({ public_key: publicKey }).lean<AdminKeyDoc>();
    const ok = await verifySecret(doc?.private_key_hash ?? (await decoySecretHash()), privateKey);
    if (!doc || !ok || doc.revoked_at !== null)
      throw new UnauthorizedError(LOGIN_FAILED, 'AuthError');
    await this.ensureDigestHa1(doc, privateKey);
    return doc;
  }

  /**
   * Checks an HTTP Digest response of a key: `isValid` is given the key's HA1 and says whether the
   * response matches it. An unknown key, a revoked one, one without a stored HA1 (created before
   * Digest and not logged in since) and a wrong response are refused alike, after the same work.
   */
  async verifyDigest(publicKey: string, isValid: (ha1: string) => boolean): Promise<AdminKeyDoc> {
    const doc = await this.keys.findOne({ public_key: publicKey }).lean<AdminKeyDoc>();
    const ha1 = doc ? openDigestHa1(this.box, doc.public_key, doc.digest_ha1) : undefined;
    const ok = isValid(ha1 ?? randomBytes(16).toString('hex'));
    if (!doc || !ha1 || !ok || doc.revoked_at !== null)
      throw new UnauthorizedError(NOT_AUTHORIZED, 'AuthError');
    return doc;
  }

  async findActive(id: string): Promise<AdminKeyDoc | null> {
    return this.keys.findOne({ _id: id, revoked_at: null }).lean<AdminKeyDoc>();
  }

  /**
   * Stores the key's Digest HA1 if it has none that opens (a key created before Digest): called
   * with a private key just verified. Only while the private key is still the one verified, so a
   * concurrent change of it (the bootstrap key) is not paired with an HA1 of the old one.
   */
  private async ensureDigestHa1(doc: AdminKeyDoc, privateKey: string): Promise<void> {
    if (openDigestHa1(this.box, doc.public_key, doc.digest_ha1) !== undefined) return;
    await this.keys.updateOne(
      { _id: doc._id, private_key_hash: doc.private_key_hash },
      { $set: { digest_ha1: sealDigestHa1(this.box, doc.public_key, privateKey) } },
    );
  }
}
