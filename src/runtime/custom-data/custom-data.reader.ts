import { EJSON } from 'bson';
import mongoose from 'mongoose';
import { MongoClient, type Collection, type Db, type Document, type Filter } from 'mongodb';
import type { DeployedApp } from '../../app-config/deployed-config.reader';
import type { SecretResolver } from '../../app-config/secret-resolver';
import type { Logger } from '../../logging/logger';

/**
 * The first inserted document matching `filter`. Sorting is paid only when several match: an
 * unsorted read of up to two documents is much cheaper on servers that cannot sort by index.
 */
async function firstInserted(coll: Collection, filter: Filter<Document>): Promise<Document | null> {
  const some = await coll.find(filter).limit(2).toArray();
  if (some.length < 2) return some[0] ?? null;
  return coll.findOne(filter, { sort: { _id: 1 } });
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
 * Reads a user's custom data document from the app's configured data source: by default the
 * server's own database; a service with `secret_config.uri` names a secret holding another URI.
 */
export class CustomUserDataReader {
  private readonly clients = new Map<string, Promise<MongoClient>>();

  constructor(
    private readonly conn: mongoose.Connection,
    private readonly resolveSecret: SecretResolver,
    private readonly log: Logger,
  ) {}

  async read(app: DeployedApp, userId: string): Promise<CustomDataResult> {
    const cud = app.config.custom_user_data;
    if (!cud.enabled) return {};
    const service = app.config.services.find((s) => s._id === cud.mongo_service_id);
    if (!service) return {};
    const db = await this.database(app, service.secret_config?.uri, cud.database_name);
    const coll = db.collection(cud.collection_name);
    // The string form wins over the ObjectId form; among several, the first inserted wins.
    let doc = await firstInserted(coll, { [cud.user_id_field]: userId });
    if (!doc && mongoose.isValidObjectId(userId)) {
      doc = await firstInserted(coll, { [cud.user_id_field]: new mongoose.Types.ObjectId(userId) });
    }
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

  async close(): Promise<void> {
    for (const client of this.clients.values()) await (await client).close();
  }

  private async database(
    app: DeployedApp,
    uriSecret: string | undefined,
    name: string,
  ): Promise<Db> {
    if (!uriSecret) return this.conn.getClient().db(name);
    const uri = await this.resolveSecret(app.appId, uriSecret);
    if (!uri) throw new Error(`data source secret "${uriSecret}" is missing`);
    let client = this.clients.get(uri);
    if (!client) {
      client = MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
      this.clients.set(uri, client);
    }
    return (await client).db(name);
  }
}
