/**
 * The floor for client logins and refreshes: the same database operations and JWT work as the
 * server, done directly with the mongodb driver and jose in concurrent async loops, with no HTTP,
 * no framework and no validation. It signs with the app's own RS256 key (2048-bit, taken from the
 * server's key store) so that it verifies the server's refresh tokens. Each read is the plainest
 * form: claims, users and sessions by `_id` alone (as the server reads them, the one lookup
 * FerretDB answers from an index), the custom data document by user id alone (the server may
 * also sort by _id). Email/password logins verify the password with the server's own argon2id
 * function (the same cost), so the ratio measures everything but the hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { jwtVerify, SignJWT } from 'jose';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import { userpassAccountId } from '../../src/domain/userpass/userpass.model';
import { identityClaimId } from '../../src/domain/users/user.model';
import { verifySecret } from '../../src/security/hashing';
import { CUSTOM_DATA_COLLECTION, type ClientFixture } from './client-fixture';
import type { BenchContext } from './harness';

export interface Floor {
  login(token: string): Promise<void>;
  /**
   * An email/password login: the account by its derived `_id`, the same argon2id verification as
   * the server (the stored hash), a rate-limit slot taken and cleared (the per-account limit's
   * insert and delete), then what every login does.
   */
  passwordLogin(email: string, password: string): Promise<void>;
  refresh(refreshToken: string): Promise<void>;
  close(): Promise<void>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function startFloor(ctx: BenchContext, f: ClientFixture): Promise<Floor> {
  const client = await MongoClient.connect(ctx.dbUri, { socketTimeoutMS: 30_000 });
  const db = client.db(ctx.deps.conn.name);
  const [claims, users, sessions, custom] = [
    db.collection<{ _id: string; user_id: ObjectId }>('identity_claims'),
    db.collection('users'),
    db.collection('user_sessions'),
    db.collection(CUSTOM_DATA_COLLECTION),
  ];
  const accounts = db.collection<{ _id: ObjectId; password_hash: string }>('userpass_accounts');
  const slots = db.collection<{ _id: string; expires_at: Date }>('rate_limit_slots');
  const appId = new ObjectId(f.appId);
  const { kid, privateKey } = await ctx.deps.signingKeys.activeKey(f.appId);
  const publicKey = await ctx.deps.signingKeys.publicKey(f.appId, kid);
  if (!publicKey) throw new Error('the app has no public signing key');
  const refreshTtl = 60 * 24 * 60 * 60;

  const sign = (claims: Record<string, unknown>, typ: string, ttl: number) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, typ })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setAudience(f.clientAppId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(privateKey);
  };
  const accessToken = (userId: string, sid: string, deviceId: string, data: Document | null) =>
    sign(
      {
        baas_device_id: deviceId,
        baas_domain_id: f.appId,
        iss: sid,
        stitch_devId: deviceId,
        stitch_domainId: f.appId,
        sub: userId,
        ...(data ? { user_data: EJSON.serialize(data, { relaxed: true }) } : {}),
      },
      'access',
      30 * 60,
    );

  /** What every login does once its identity is known: the user, its data, a session. */
  const startSession = async (providerType: string, providerId: string, sub: string) => {
    const claim = await claims.findOne({ _id: identityClaimId(f.appId, providerType, sub) });
    if (!claim) throw new Error('no identity claim');
    const user = await users.findOne({ _id: claim.user_id });
    if (!user || String(user.app_id) !== f.appId) throw new Error('no user');
    await users.updateOne(
      { _id: user._id },
      {
        $set: {
          identities: user.identities as unknown,
          data: user.data as unknown,
          last_authentication_date: new Date(),
        },
      },
    );
    const userId = user._id.toHexString();
    const data = await custom.findOne({ user_id: userId });
    const sid = new ObjectId();
    const deviceId = new ObjectId().toHexString();
    const identity = { id: sub, provider_type: providerType, provider_id: providerId };
    const refreshToken = await sign(
      {
        baas_data: null,
        baas_device_id: deviceId,
        baas_domain_id: f.appId,
        baas_id: sid.toHexString(),
        baas_identity: identity,
        stitch_data: null,
        stitch_devId: deviceId,
        stitch_domainId: f.appId,
        stitch_id: sid.toHexString(),
        stitch_ident: identity,
        jti: randomBytes(16).toString('hex'),
        sub: userId,
      },
      'refresh',
      refreshTtl,
    );
    const now = new Date();
    await sessions.insertOne({
      _id: sid,
      app_id: appId,
      user_id: user._id,
      identity,
      device_id: deviceId,
      refresh_hash: sha256(refreshToken),
      created_at: now,
      expires_at: new Date(now.getTime() + refreshTtl * 1000),
      revoked_at: null,
    });
    const access = await accessToken(userId, sid.toHexString(), deviceId, data);
    JSON.stringify({
      access_token: access,
      refresh_token: refreshToken,
      user_id: userId,
      device_id: deviceId,
    });
  };

  return {
    async login(token) {
      const { payload } = await jwtVerify(token, f.hsSecret, {
        algorithms: ['HS256'],
        audience: f.clientAppId,
      });
      await startSession('custom-token', f.providerId, String(payload.sub));
    },

    async passwordLogin(email, password) {
      const slot = `floor|${randomBytes(8).toString('hex')}`;
      await slots.insertOne({ _id: slot, expires_at: new Date(Date.now() + 60_000) });
      const account = await accounts.findOne({ _id: userpassAccountId(f.appId, email) });
      if (!account || !(await verifySecret(String(account.password_hash), password)))
        throw new Error('wrong password');
      await startSession('local-userpass', f.userpassProviderId ?? '', account._id.toHexString());
      await slots.deleteOne({ _id: slot });
    },

    async refresh(refreshToken) {
      const { payload } = await jwtVerify(refreshToken, publicKey, {
        algorithms: ['RS256'],
        audience: f.clientAppId,
      });
      const [sid, sub] = [new ObjectId(String(payload.baas_id)), new ObjectId(String(payload.sub))];
      const [session, user] = await Promise.all([
        sessions.findOne({ _id: sid }),
        users.findOne({ _id: sub }),
      ]);
      const belongs =
        String(session?.user_id) === String(sub) &&
        String(session?.app_id) === f.appId &&
        String(user?.app_id) === f.appId;
      if (!session || !belongs || session.revoked_at !== null) throw new Error('no session');
      if (session.refresh_hash !== sha256(refreshToken)) throw new Error('wrong refresh token');
      const userId = sub.toHexString();
      const data = await custom.findOne({ user_id: userId });
      JSON.stringify({
        access_token: await accessToken(
          userId,
          sid.toHexString(),
          session.device_id as string,
          data,
        ),
      });
    },

    close: () => client.close(),
  };
}
