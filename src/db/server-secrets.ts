import { randomBytes } from 'node:crypto';
import type mongoose from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

interface ServerSecretDoc {
  _id: string;
  value: string;
  created_at: Date;
}

/**
 * A random secret shared by every server process on the same database, created by whichever
 * process asks first (a single-document upsert, so concurrent starts agree on one value).
 */
export async function getOrCreateServerSecret(
  conn: mongoose.Connection,
  name: string,
  bytes = 32,
): Promise<Buffer> {
  const coll = conn.collection<ServerSecretDoc>('server_secrets');
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
