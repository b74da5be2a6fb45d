import mongoose, { Schema, type Model } from 'mongoose';
import { ownedBy } from '../ownership';

/**
 * A pending browser redirect login (GET …/login?redirect=…), until the provider sends the browser
 * back to the callback. `_id` is the random state sent to the provider; the document is deleted
 * when the callback claims it (single use), or expires.
 */
export interface OAuth2StateDoc {
  _id: string;
  app_id: mongoose.Types.ObjectId;
  client_app_id: string;
  provider_name: string;
  /** The app's page (one of the provider's `redirect_uris`) the result is sent to. */
  redirect: string;
  /** The client's own state (realm-web's), echoed back as `_baas_state`. */
  client_state: string;
  /** The device information realm-web sent (decoded JSON), if any. */
  device: Record<string, unknown> | null;
  /** This server's callback URL, as sent to the provider (the code exchange must repeat it). */
  callback_uri: string;
  code_verifier: string;
  nonce: string;
  /** With `link=true`: the session and user the identity is linked to. */
  link_session_id: string | null;
  link_user_id: mongoose.Types.ObjectId | null;
  expires_at: Date;
}

const oauth2StateSchema = new Schema<OAuth2StateDoc>(
  {
    _id: { type: String, required: true },
    app_id: { type: Schema.Types.ObjectId, required: true },
    client_app_id: { type: String, required: true },
    provider_name: { type: String, required: true },
    redirect: { type: String, required: true },
    client_state: { type: String, required: true },
    device: { type: Schema.Types.Mixed, default: null },
    callback_uri: { type: String, required: true },
    code_verifier: { type: String, required: true },
    nonce: { type: String, required: true },
    link_session_id: { type: String, default: null },
    link_user_id: { type: Schema.Types.ObjectId, default: null },
    expires_at: { type: Date, required: true },
  },
  { collection: 'oauth2_states', versionKey: false },
);
// No TTL index (FerretDB has none): OAuth2States.create sweeps the expired ones.
oauth2StateSchema.index({ expires_at: 1 });
ownedBy(oauth2StateSchema, { app: 'app_id', user: 'link_user_id' });

export type OAuth2StateModel = Model<OAuth2StateDoc>;

export function oauth2StateModel(conn: mongoose.Connection): OAuth2StateModel {
  return (
    (conn.models.OAuth2State as OAuth2StateModel | undefined) ??
    conn.model<OAuth2StateDoc>('OAuth2State', oauth2StateSchema)
  );
}
