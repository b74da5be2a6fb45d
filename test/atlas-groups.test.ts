import { createHash } from 'node:crypto';
import {
  challengeFor,
  digestGet,
  expectAtlasError,
  goAuthorization,
  parseChallengeLikeGo,
  type KeyPair,
} from './helpers/digest';
import { adminLogin, createAdminKey, createApp, GROUP_A, GROUP_B } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * GET /api/public/v1.0/groups with HTTP Digest over admin API keys, through real HTTP against the
 * real database. The client side is computed as the App Services CLI's Go client computes it
 * (test/helpers/digest.ts).
 */
const GROUPS = '/api/public/v1.0/groups';
const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';
const NOT_AUTHORIZED = 'You are not authorized for this resource.';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ PUBLIC_BASE_URL: 'https://apps.example.com' });
  // Groups with apps, which an org owner sees.
  const org = await adminLogin(srv, 'org');
  for (const group of [GROUP_A, GROUP_B]) await createApp(srv, org, group);
});
afterAll(() => srv.close());

const groupIds = (res: { body: { results: { id: string }[] } }) =>
  res.body.results.map((g) => g.id);

/** A Digest header for `path` answering `challenge`, as the Go client writes it. */
const authorization = (
  challenge: ReturnType<typeof parseChallengeLikeGo>,
  key: KeyPair,
  path = GROUPS,
  password = key.privateKey,
) =>
  goAuthorization(challenge, {
    username: key.publicKey,
    password,
    method: 'GET',
    uri: path,
  });

describe('the challenge', () => {
  it('answers a request without credentials with 401, a Digest challenge and an Atlas error', async () => {
    const res = await srv.api.get(GROUPS).expect(401);
    const header = res.headers['www-authenticate'] as string;
    expect(header).toMatch(
      /^Digest realm="MMS Public API", nonce="[A-Za-z0-9_-]{43}", qop="auth", algorithm=MD5$/,
    );
    expect(parseChallengeLikeGo(header)).toMatchObject({
      realm: 'MMS Public API',
      qop: 'auth',
      algorithm: 'MD5',
      stale: '',
    });
    expectAtlasError(res, 401, 'MISSING_AUTH_REQ');
    expect(res.body.reason).toBe('Unauthorized');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('gives a new nonce each time', async () => {
    const a = await challengeFor(srv, GROUPS);
    const b = await challengeFor(srv, GROUPS);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it('challenges a bearer token or another scheme the same way', async () => {
    const admin = await adminLogin(srv, 'org');
    for (const header of [admin.auth, 'Basic cXE6cHc=', 'Digestive x']) {
      const res = await srv.api.get(GROUPS).set('Authorization', header).expect(401);
      expectAtlasError(res, 401, 'MISSING_AUTH_REQ');
      expect(parseChallengeLikeGo(res.headers['www-authenticate'] as string).nonce).toBeTruthy();
    }
  });
});

describe('a right response', () => {
  it("lists a group owner's group (only that one), whether or not it has apps", async () => {
    const keyA = await createAdminKey(srv, { groupId: GROUP_A });
    const res = await digestGet(srv, GROUPS, keyA, 200);
    expect(res.body).toEqual({
      results: [{ id: GROUP_A, name: GROUP_A }],
      totalCount: 1,
      links: [
        { rel: 'self', href: `https://apps.example.com${GROUPS}?pageNum=1&itemsPerPage=100` },
      ],
    });
    const lonely = '0123456789abcdef01234567';
    const keyC = await createAdminKey(srv, { groupId: lonely });
    expect(groupIds(await digestGet(srv, GROUPS, keyC, 200))).toEqual([lonely]);
  });

  it("lists an org owner's groups: those with apps, in id order", async () => {
    const org = await createAdminKey(srv, 'org');
    const res = await digestGet(srv, GROUPS, org, 200);
    expect(groupIds(res)).toEqual([GROUP_A, GROUP_B].sort());
    expect(res.body.totalCount).toBe(2);
  });

  it('keeps the argon2 hash and stores HA1 only encrypted', async () => {
    const key = await createAdminKey(srv, 'org');
    const doc = await srv.conn.collection('admin_keys').findOne({ public_key: key.publicKey });
    const ha1 = createHash('md5')
      .update(`${key.publicKey}:MMS Public API:${key.privateKey}`)
      .digest('hex');
    const stored = JSON.stringify(doc);
    expect(stored).not.toContain(ha1);
    expect(stored).not.toContain(key.privateKey);
    expect(String(doc?.private_key_hash)).toMatch(/^\$argon2id\$/);
    expect(Object.keys(doc?.digest_ha1 as object).sort()).toEqual(['data', 'iv', 'tag']);
  });
});

describe('refusals', () => {
  it('refuses a wrong private key with 401 and a fresh challenge', async () => {
    const key = await createAdminKey(srv, 'org');
    const challenge = await challengeFor(srv, GROUPS);
    const res = await srv.api
      .get(GROUPS)
      .set('Authorization', authorization(challenge, key, GROUPS, 'not-the-private-key'))
      .expect(401);
    expectAtlasError(res, 401, 'AUTH_ERROR');
    expect(res.body.detail).toBe(NOT_AUTHORIZED);
    const fresh = parseChallengeLikeGo(res.headers['www-authenticate']);
    expect(fresh.nonce).not.toBe(challenge.nonce);
    expect(fresh.stale).toBe('');
  });

  it('refuses an unknown public key, a revoked key and a deleted key alike', async () => {
    const unknown = { publicKey: 'zzzzzzzz', privateKey: '00000000-0000-0000-0000-000000000000' };
    const revoked = await createAdminKey(srv, 'org');
    await digestGet(srv, GROUPS, revoked, 200);
    await srv.deps.adminKeys.revoke(revoked.publicKey);
    const deleted = await createAdminKey(srv, 'org');
    await srv.conn.collection('admin_keys').deleteOne({ public_key: deleted.publicKey });
    for (const key of [unknown, revoked, deleted]) {
      const res = await digestGet(srv, GROUPS, key, 401);
      expectAtlasError(res, 401, 'AUTH_ERROR');
      expect(res.body.detail).toBe(NOT_AUTHORIZED);
      expect(res.headers['www-authenticate']).toMatch(/^Digest /);
    }
  });

  it('answers a right response to an expired nonce with stale=true; the new nonce works', async () => {
    const key = await createAdminKey(srv, 'org');
    const old = await challengeFor(srv, GROUPS);
    srv.clock.advance(5 * 60 + 1);
    const stale = await srv.api
      .get(GROUPS)
      .set('Authorization', authorization(old, key))
      .expect(401);
    expectAtlasError(stale, 401, 'AUTH_ERROR');
    const challenge = parseChallengeLikeGo(stale.headers['www-authenticate']);
    expect(challenge.stale).toBe('true');
    await srv.api.get(GROUPS).set('Authorization', authorization(challenge, key)).expect(200);
  });

  it('does not say stale to a wrong response, even with an expired nonce', async () => {
    const key = await createAdminKey(srv, 'org');
    const old = await challengeFor(srv, GROUPS);
    srv.clock.advance(5 * 60 + 1);
    const res = await srv.api
      .get(GROUPS)
      .set('Authorization', authorization(old, key, GROUPS, 'wrong'))
      .expect(401);
    expect(parseChallengeLikeGo(res.headers['www-authenticate'] as string).stale).toBe('');
  });

  it('refuses a tampered nonce, even with a response computed for it', async () => {
    const key = await createAdminKey(srv, 'org');
    const challenge = await challengeFor(srv, GROUPS);
    const i = 5;
    const flipped = challenge.nonce[i] === 'A' ? 'B' : 'A';
    const tampered = {
      ...challenge,
      nonce: challenge.nonce.slice(0, i) + flipped + challenge.nonce.slice(i + 1),
    };
    const res = await srv.api
      .get(GROUPS)
      .set('Authorization', authorization(tampered, key))
      .expect(401);
    expectAtlasError(res, 401, 'AUTH_ERROR');
    expect(parseChallengeLikeGo(res.headers['www-authenticate'] as string).stale).toBe('');
    // A nonce made up by the client is refused too.
    await srv.api
      .get(GROUPS)
      .set('Authorization', authorization({ ...challenge, nonce: 'client-made-nonce' }, key))
      .expect(401);
  });

  it('refuses a response computed for another URI, realm or method', async () => {
    const key = await createAdminKey(srv, 'org');
    const other = `${GROUPS}?pageNum=2`;
    let challenge = await challengeFor(srv, GROUPS);
    await srv.api
      .get(GROUPS)
      .set('Authorization', authorization(challenge, key, other))
      .expect(401);
    challenge = await challengeFor(srv, GROUPS);
    const signedOther = authorization(challenge, key, other).replace(
      `uri="${other}"`,
      `uri="${GROUPS}"`,
    );
    await srv.api.get(GROUPS).set('Authorization', signedOther).expect(401);
    challenge = await challengeFor(srv, GROUPS);
    await srv.api
      .get(GROUPS)
      .set('Authorization', authorization({ ...challenge, realm: 'another realm' }, key))
      .expect(401);
    challenge = await challengeFor(srv, GROUPS);
    const post = goAuthorization(challenge, {
      username: key.publicKey,
      password: key.privateKey,
      method: 'POST',
      uri: GROUPS,
    });
    await srv.api.get(GROUPS).set('Authorization', post).expect(401);
  });

  it('refuses malformed Digest credentials with a challenge', async () => {
    for (const header of ['Digest', 'Digest garbage', 'Digest username="x"']) {
      const res = await srv.api.get(GROUPS).set('Authorization', header).expect(401);
      expectAtlasError(res, 401, 'AUTH_ERROR');
      expect(res.headers['www-authenticate']).toMatch(/^Digest realm=/);
    }
  });
});

describe('a key created before Digest (no stored HA1)', () => {
  it('is refused until its next login, then works', async () => {
    const key = await createAdminKey(srv, 'org');
    await srv.conn
      .collection('admin_keys')
      .updateOne({ public_key: key.publicKey }, { $unset: { digest_ha1: '' } });
    expectAtlasError(await digestGet(srv, GROUPS, key, 401), 401, 'AUTH_ERROR');
    // A failed login stores nothing.
    await srv.api.post(LOGIN).send({ username: key.publicKey, apiKey: 'wrong' }).expect(401);
    const doc = await srv.conn.collection('admin_keys').findOne({ public_key: key.publicKey });
    expect(doc?.digest_ha1).toBeUndefined();
    await srv.api.post(LOGIN).send({ username: key.publicKey, apiKey: key.privateKey }).expect(200);
    await digestGet(srv, GROUPS, key, 200);
  });

  it('an HA1 sealed for another key does not open for this one', async () => {
    const a = await createAdminKey(srv, 'org');
    const b = await createAdminKey(srv, 'org');
    const keys = srv.conn.collection('admin_keys');
    const docA = await keys.findOne({ public_key: a.publicKey });
    await keys.updateOne({ public_key: b.publicKey }, { $set: { digest_ha1: docA?.digest_ha1 } });
    // Neither b's password nor a's opens the Digest realm as b.
    await digestGet(srv, GROUPS, b, 401);
    await digestGet(srv, GROUPS, { publicKey: b.publicKey, privateKey: a.privateKey }, 401);
  });
});
