import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/** Which tokens were used: one document per redeemed token, under the token's id. */
export interface RedemptionDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  account_id: mongoose.Types.ObjectId;
  used_at: Date;
}

const redemptionSchema = new Schema<RedemptionDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    account_id: { type: Schema.Types.ObjectId, required: true },
    used_at: { type: Date, required: true },
  },
  { collection: 'userpass_token_redemptions', versionKey: false },
);
ownedBy(redemptionSchema, { app: 'app_id' });

export type RedemptionModel = Model<RedemptionDoc>;

export function redemptionModel(conn: mongoose.Connection): RedemptionModel {
  return (
    (conn.models.UserpassTokenRedemption as RedemptionModel | undefined) ??
    conn.model<RedemptionDoc>('UserpassTokenRedemption', redemptionSchema)
  );
}
