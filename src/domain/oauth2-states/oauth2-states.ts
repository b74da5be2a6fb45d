import mongoose from 'mongoose';
import { nativeCollection } from '../native-collection';
import type { OAuth2StateDoc, OAuth2StateModel } from './oauth2-state.model';

/** A pending redirect login is valid for 10 minutes. */
export const OAUTH2_STATE_TTL_SECONDS = 10 * 60;
const MAX_STATE_LENGTH = 128;

/** A pending browser redirect login, as the Client API sees it (see OAuth2StateDoc). */
export interface PendingOAuth2Login {
  state: string;
  appId: string;
  clientAppId: string;
  providerName: string;
  redirect: string;
  clientState: string;
  device: Record<string, unknown> | null;
  callbackUri: string;
  codeVerifier: string;
  nonce: string;
  link: { sessionId: string; userId: string } | null;
}

export interface ClaimedOAuth2Login extends PendingOAuth2Login {
  isExpired: boolean;
}

/** The store of pending redirect logins. */
export class OAuth2States {
  constructor(
    private readonly states: OAuth2StateModel,
    private readonly now: () => Date,
  ) {}

  /** Also removes the pending logins that expired (abandoned ones: nothing else would). */
  async create(p: PendingOAuth2Login): Promise<void> {
    const coll = nativeCollection(this.states);
    await coll.deleteMany({ expires_at: { $lt: new Date(this.now().getTime() - 60_000) } });
    await coll.insertOne({
      _id: p.state,
      app_id: new mongoose.Types.ObjectId(p.appId),
      client_app_id: p.clientAppId,
      provider_name: p.providerName,
      redirect: p.redirect,
      client_state: p.clientState,
      device: p.device,
      callback_uri: p.callbackUri,
      code_verifier: p.codeVerifier,
      nonce: p.nonce,
      link_session_id: p.link?.sessionId ?? null,
      link_user_id: p.link ? new mongoose.Types.ObjectId(p.link.userId) : null,
      expires_at: new Date(this.now().getTime() + OAUTH2_STATE_TTL_SECONDS * 1000),
    });
  }

  /**
   * Takes the pending login of that state, once: the document is read, then deleted by `_id`, and
   * only the caller whose delete removed it gets it (of concurrent callbacks exactly one delete
   * counts 1; no read-modify-write, which FerretDB does not make atomic). Null when the state is
   * unknown or was already taken. An expired one is taken too (so it cannot be retried) and says
   * so.
   */
  async claim(state: string): Promise<ClaimedOAuth2Login | null> {
    if (state.length === 0 || state.length > MAX_STATE_LENGTH) return null;
    const coll = nativeCollection(this.states);
    const doc = await coll.findOne({ _id: state });
    if (!doc) return null;
    const { deletedCount } = await coll.deleteOne({ _id: state });
    if (deletedCount !== 1) return null;
    return toPending(doc, doc.expires_at <= this.now());
  }
}

function toPending(d: OAuth2StateDoc, isExpired: boolean): ClaimedOAuth2Login {
  return {
    state: d._id,
    appId: d.app_id.toHexString(),
    clientAppId: d.client_app_id,
    providerName: d.provider_name,
    redirect: d.redirect,
    clientState: d.client_state,
    device: d.device,
    callbackUri: d.callback_uri,
    codeVerifier: d.code_verifier,
    nonce: d.nonce,
    link:
      d.link_session_id && d.link_user_id
        ? { sessionId: d.link_session_id, userId: d.link_user_id.toHexString() }
        : null,
    isExpired,
  };
}
