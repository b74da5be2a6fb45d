import { EJSON } from 'bson';
import mongoose from 'mongoose';
import type { Collection, Document } from 'mongodb';
import type { DeployedApp } from '../../app-config/deployed-app';
import type { Logger } from '../../logging/logger';
import type { DataSources } from './data-sources';

/**
 * The user's document: the one matching the user id as a string, else as an ObjectId; among
 * several, the first inserted. Both forms are asked for in one unsorted read of up to two
 * documents (a user has none or one); sorting reads are paid only when several match, as servers
 * that cannot sort by index scan for them.
 */
async function userDocument(
  coll: Collection,
  field: string,
  userId: string,
): Promise<Document | null> {
  const forms: unknown[] = [userId];
  if (mongoose.isValidObjectId(userId)) forms.push(new mongoose.Types.ObjectId(userId));
  const some = await coll
    .find({ [field]: forms.length === 1 ? userId : { $in: forms } })
    .limit(2)
    .toArray();
  if (some.length < 2) return some[0] ?? null;
  for (const form of forms) {
    const first = await coll.findOne({ [field]: form }, { sort: { _id: 1 } });
    if (first) return first;
  }
  return null;
}

/** Larger documents are left out of the access token (see README: custom user data). */
export const MAX_CUSTOM_DATA_BYTES = 16 * 1024;

export interface CustomDataResult {
  /** The document as relaxed Extended JSON, for the `user_data` claim. */
  data?: Record<string, unknown>;
  /** Why a document that exists is not in the token. */
  omitted?: 'too_large';
}

/**
 * Reads a user's custom data document from the app's configured data source (see DataSources).
 */
export class CustomUserDataReader {
  constructor(
    private readonly sources: DataSources,
    private readonly log: Logger,
  ) {}

  async read(app: DeployedApp, userId: string): Promise<CustomDataResult> {
    const cud = app.config.custom_user_data;
    if (!cud.enabled) return {};
    const service = app.config.services.find((s) => s._id === cud.mongo_service_id);
    if (!service) return {};
    const db = await this.sources.database(app.appId, service, cud.database_name);
    const doc = await userDocument(db.collection(cud.collection_name), cud.user_id_field, userId);
    if (!doc) return {};
    const data = EJSON.serialize(doc, { relaxed: true }) as Record<string, unknown>;
    const size = Buffer.byteLength(JSON.stringify(data));
    if (size > MAX_CUSTOM_DATA_BYTES) {
      this.log.warn(
        { app: app.clientAppId, user_id: userId, bytes: size, limit: MAX_CUSTOM_DATA_BYTES },
        'custom user data document is too large for the access token; it was left out',
      );
      return { omitted: 'too_large' };
    }
    return { data };
  }
}
