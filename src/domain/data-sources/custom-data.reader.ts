import { EJSON } from 'bson';
import mongoose from 'mongoose';
import type { Collection, Document } from 'mongodb';
import type { DeployedApp } from '../../app-config/deployed-app';
import type { Logger } from '../../logging/logger';
import type { DataSources } from './data-sources';

/**
 * The user's document: the one matching the user id as a string, else as an ObjectId; among
 * several, the first in the collection's natural order (the first inserted: SQLite row order on
 * FerretDB, record order on MongoDB). One read of either form that stops at the first match
 * (a user has none or one; FerretDB scans for it, and stops there rather than reading the whole
 * collection to rule out a second); only when that match is the ObjectId form is the string form
 * looked for too.
 */
async function userDocument(
  coll: Collection,
  field: string,
  userId: string,
): Promise<Document | null> {
  if (!mongoose.isValidObjectId(userId)) return coll.findOne({ [field]: userId });
  const first = await coll.findOne({
    [field]: { $in: [userId, new mongoose.Types.ObjectId(userId)] },
  });
  if (!first || typeof first[field] === 'string') return first;
  return (await coll.findOne({ [field]: userId })) ?? first;
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
