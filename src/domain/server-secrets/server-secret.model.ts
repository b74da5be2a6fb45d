import type mongoose from 'mongoose';
import { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** A random secret of the server (e.g. the admin token key), shared by its processes. */
export interface ServerSecretDoc {
  _id: string;
  value: string;
  created_at: Date;
}

const serverSecretSchema = new Schema<ServerSecretDoc>(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'server_secrets', versionKey: false },
);
ownedBy(serverSecretSchema, 'global');

export type ServerSecretModel = Model<ServerSecretDoc>;

export function serverSecretModel(conn: mongoose.Connection): ServerSecretModel {
  return (
    (conn.models.ServerSecret as ServerSecretModel | undefined) ??
    conn.model<ServerSecretDoc>('ServerSecret', serverSecretSchema)
  );
}
