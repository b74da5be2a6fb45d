import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../../db/duplicate-key';
import { SecretBox } from '../../security/secret-box';
import { nativeCollection } from '../native-collection';
import type { ServerSecretModel } from './server-secret.model';

/**
 * A random secret shared by every server process on the same database, created by whichever
 * process asks first (a single-document upsert, so concurrent starts agree on one value).
 */
export async function getOrCreateServerSecret(
  secrets: ServerSecretModel,
  name: string,
  bytes = 32,
): Promise<Buffer> {
  const coll = nativeCollection(secrets);
  const candidate = randomBytes(bytes).toString('base64');
  try {
    await coll.updateOne(
      { _id: name },
      { $setOnInsert: { value: candidate, created_at: new Date() } },
      { upsert: true },
    );
  } catch (err) {
    // Two concurrent upserts of the same _id: one wins, the other gets a duplicate key error.
    if (!isDuplicateKey(err)) throw err;
  }
  const doc = await coll.findOne({ _id: name });
  if (!doc) throw new Error(`server secret ${name} vanished`);
  return Buffer.from(doc.value, 'base64');
}

/**
 * The box that encrypts secrets at rest (app secrets, signing keys, admin keys' Digest HA1):
 * keyed by SECRETS_ENCRYPTION_KEY when set, otherwise by a random key kept in the database.
 */
export async function secretsBox(
  secrets: ServerSecretModel,
  configuredKey: Buffer | undefined,
): Promise<SecretBox> {
  return new SecretBox(
    configuredKey ?? (await getOrCreateServerSecret(secrets, 'secrets-aes256gcm')),
  );
}
