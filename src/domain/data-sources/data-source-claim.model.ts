import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * Which app a database of this server's own cluster belongs to: the first app whose function
 * used it. The `_id` is the database name, so inserting the claim is the one-winner decision.
 */
export interface DataSourceClaimDoc {
  _id: string;
  app_id: mongoose.Types.ObjectId;
  created_at: Date;
}

const dataSourceClaimSchema = new Schema<DataSourceClaimDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'data_source_claims', versionKey: false },
);
ownedBy(dataSourceClaimSchema, { app: 'app_id' });

export type DataSourceClaimModel = Model<DataSourceClaimDoc>;

export function dataSourceClaimModel(conn: mongoose.Connection): DataSourceClaimModel {
  return (
    (conn.models.DataSourceClaim as DataSourceClaimModel | undefined) ??
    conn.model<DataSourceClaimDoc>('DataSourceClaim', dataSourceClaimSchema)
  );
}
