import mongoose from 'mongoose';
import { InvalidInputError } from '../../errors/app-error';
import { constantTimeEqualHex, randomToken, sha256Hex } from '../../security/hashing';
import { nativeCollection } from '../native-collection';
import type { RedemptionModel } from './userpass-redemption.model';
import type { TokenKind, UserpassTokenDoc, UserpassTokenModel } from './userpass.model';
import { isDuplicateKey } from '../../db/duplicate-key';

/** Confirmation and reset links are valid for 30 minutes (as in App Services). */
export const USERPASS_TOKEN_TTL_SECONDS = 30 * 60;
const OBJECT_ID = /^[0-9a-f]{24}$/;
const MAX_TOKEN_LENGTH = 256;

export interface IssuedToken {
  token: string;
  tokenId: string;
}

const invalidTokenData = () => new InvalidInputError('invalid token data', 'BadRequest');
const tokenInvalid = (why: string) => new InvalidInputError(why, 'UserpassTokenInvalid');

/**
 * Issues and redeems the single-use tokens of confirmation and reset links. A link carries a
 * random token and the id of its stored hash (`tokenId`).
 */
export class UserpassTokens {
  constructor(
    private readonly tokens: UserpassTokenModel,
    private readonly redemptions: RedemptionModel,
    private readonly now: () => Date,
  ) {}

  /** A new token for the account; earlier tokens of the same kind stop working. */
  async issue(
    appId: mongoose.Types.ObjectId,
    accountId: mongoose.Types.ObjectId,
    kind: TokenKind,
  ): Promise<IssuedToken> {
    const token = randomToken(32);
    const _id = new mongoose.Types.ObjectId();
    await this.tokens.create({
      _id,
      app_id: appId,
      account_id: accountId,
      kind,
      token_hash: sha256Hex(token),
      expires_at: new Date(this.now().getTime() + USERPASS_TOKEN_TTL_SECONDS * 1000),
      used_at: null,
    });
    await this.tokens.deleteMany({ account_id: accountId, kind, _id: { $ne: _id } });
    return { token, tokenId: _id.toHexString() };
  }

  /**
   * Uses a token once and returns its account id. A token that does not match anything is
   * "invalid token data" (400 BadRequest); one that expired or was used is 400 UserpassTokenInvalid.
   */
  async redeem(
    appId: string,
    kind: TokenKind,
    tokenId: string,
    token: string,
  ): Promise<mongoose.Types.ObjectId> {
    if (!OBJECT_ID.test(tokenId) || token.length === 0 || token.length > MAX_TOKEN_LENGTH)
      throw invalidTokenData();
    const doc = await this.tokens
      .findOne({ _id: tokenId, app_id: appId, kind })
      .lean<UserpassTokenDoc>();
    if (!doc || !constantTimeEqualHex(doc.token_hash, sha256Hex(token))) throw invalidTokenData();
    // (Tokens stored by earlier versions were marked used in place.)
    if (doc.used_at !== null) throw tokenInvalid('token has already been used');
    if (doc.expires_at <= this.now()) throw tokenInvalid('token has expired');
    // The single-use decision: of concurrent redemptions, exactly one inserts the redemption
    // (unique _id). Deleting the token and inserting it back marked as used is not safe: FerretDB
    // matches and deletes in two steps, so a concurrent delete could remove the marked copy.
    try {
      await nativeCollection(this.redemptions).insertOne({
        _id: doc._id,
        app_id: doc.app_id,
        account_id: doc.account_id,
        used_at: this.now(),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw tokenInvalid('token has already been used');
      throw err;
    }
    return doc.account_id;
  }

  /** Withdraws one token (a function flow that ended without it). */
  async discard(tokenId: string): Promise<void> {
    await this.tokens.deleteOne({ _id: tokenId });
  }

  /** Removes every token of an account (when it is deleted). */
  async forget(accountId: mongoose.Types.ObjectId): Promise<void> {
    await this.tokens.deleteMany({ account_id: accountId });
    await nativeCollection(this.redemptions).deleteMany({ account_id: accountId });
  }
}
