import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { ownedBy } from '../ownership';
import mongoose, { Schema, type Model } from 'mongoose';
import type { SealedValue, SecretBox } from '../../security/secret-box';
import { isDuplicateKey } from '../../db/duplicate-key';

/**
 * An app's RSA signing key for user tokens. Generations are numbered per app; the newest is
 * active. The unique (app_id, generation) index makes concurrent creations and rotations agree.
 * The private key is stored encrypted with the secrets key.
 */
interface SigningKeyDoc {
  _id: mongoose.Types.ObjectId;
  app_id: mongoose.Types.ObjectId;
  generation: number;
  kid: string;
  public_jwk: JWK;
  private_jwk: SealedValue;
  created_at: Date;
}

const signingKeySchema = new Schema<SigningKeyDoc>(
  {
    app_id: { type: Schema.Types.ObjectId, required: true },
    generation: { type: Number, required: true },
    kid: { type: String, required: true },
    public_jwk: { type: Schema.Types.Mixed, required: true },
    private_jwk: { iv: String, tag: String, data: String },
    created_at: { type: Date, required: true },
  },
  { collection: 'signing_keys', versionKey: false },
);
signingKeySchema.index({ app_id: 1, generation: -1 }, { unique: true });
ownedBy(signingKeySchema, { app: 'app_id' });

export type SigningKeyModel = Model<SigningKeyDoc>;

export function signingKeyModel(conn: mongoose.Connection): SigningKeyModel {
  return (
    (conn.models.SigningKey as SigningKeyModel | undefined) ??
    conn.model<SigningKeyDoc>('SigningKey', signingKeySchema)
  );
}

export const USER_TOKEN_ALG = 'RS256';

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

interface CachedActive {
  key: ActiveKey;
  generation: number;
  checkedAt: number;
}

/**
 * Per-app signing keys: the active key signs, every key verifies (refresh tokens outlive
 * rotations), and the JWKS publishes the keys that may have signed a live access token.
 */
export class SigningKeyStore {
  private readonly active = new Map<string, CachedActive>();
  private readonly publicKeys = new Map<string, CryptoKey>();

  constructor(
    private readonly keys: SigningKeyModel,
    private readonly box: SecretBox,
    private readonly accessTokenTtlSeconds: number,
    private readonly now: () => Date,
    /** How often a process looks for a rotation made by another process. */
    private readonly recheckMs = 5000,
  ) {}

  async activeKey(appId: string): Promise<ActiveKey> {
    const cached = this.active.get(appId);
    if (cached && this.now().getTime() - cached.checkedAt < this.recheckMs) return cached.key;
    let newest = await this.keys.findOne({ app_id: appId }).sort({ generation: -1 }).lean();
    if (!newest) {
      await this.insertGeneration(appId, 1);
      newest = await this.keys.findOne({ app_id: appId }).sort({ generation: -1 }).lean();
      if (!newest) throw new Error('signing key vanished');
    }
    if (cached && cached.generation === newest.generation) {
      cached.checkedAt = this.now().getTime();
      return cached.key;
    }
    const jwk = JSON.parse(this.box.open(newest.private_jwk, newest.kid)) as JWK;
    const key = {
      kid: newest.kid,
      privateKey: (await importJWK(jwk, USER_TOKEN_ALG)) as CryptoKey,
    };
    this.active.set(appId, { key, generation: newest.generation, checkedAt: this.now().getTime() });
    return key;
  }

  /** The public key with this kid, if it belongs to the app. */
  async publicKey(appId: string, kid: string): Promise<CryptoKey | undefined> {
    const cacheKey = `${appId}/${kid}`;
    const cached = this.publicKeys.get(cacheKey);
    if (cached) return cached;
    const doc = await this.keys.findOne({ app_id: appId, kid }, { public_jwk: 1 }).lean();
    if (!doc) return undefined;
    const key = (await importJWK(doc.public_jwk, USER_TOKEN_ALG)) as CryptoKey;
    this.publicKeys.set(cacheKey, key);
    return key;
  }

  /** Makes a new key the active one; the previous keys keep verifying. */
  async rotate(appId: string): Promise<string> {
    for (;;) {
      const newest = await this.keys
        .findOne({ app_id: appId }, { generation: 1 })
        .sort({ generation: -1 })
        .lean();
      const kid = await this.insertGeneration(appId, (newest?.generation ?? 0) + 1);
      if (kid) {
        this.active.delete(appId);
        return kid;
      }
    }
  }

  /** The active key and the keys retired less than an access-token lifetime (plus margin) ago. */
  async jwks(appId: string): Promise<{ keys: JWK[] }> {
    await this.activeKey(appId);
    const docs = await this.keys.find({ app_id: appId }).sort({ generation: -1 }).limit(10).lean();
    const horizon = this.now().getTime() - (this.accessTokenTtlSeconds + 300) * 1000;
    const keys: JWK[] = [];
    for (const [i, doc] of docs.entries()) {
      const successor = docs[i - 1];
      if (i === 0 || (successor && successor.created_at.getTime() > horizon))
        keys.push(doc.public_jwk);
    }
    return { keys };
  }

  private async insertGeneration(appId: string, generation: number): Promise<string | undefined> {
    const { publicKey, privateKey } = await generateKeyPair(USER_TOKEN_ALG, {
      extractable: true,
      modulusLength: 2048,
    });
    const kid = new mongoose.Types.ObjectId().toHexString();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: USER_TOKEN_ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    try {
      await this.keys.create({
        app_id: new mongoose.Types.ObjectId(appId),
        generation,
        kid,
        public_jwk: publicJwk,
        private_jwk: this.box.seal(JSON.stringify(privateJwk), kid),
        created_at: this.now(),
      });
      return kid;
    } catch (err) {
      if (isDuplicateKey(err)) return undefined; // another process won
      throw err;
    }
  }
}
