import { ObjectId } from 'bson';
import type * as Realm from 'realm-web';
import { createIn } from './helpers/config-resources';
import { adminLogin, type AdminSession } from './helpers/factories';
import { rulesApp, userOf, usersOf, type RulesApp } from './helpers/rules-app';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';

// Attempts to read or write past the rules, through realm-web's MongoDB client. Each user owns
// one document; `secret` is readable by nobody; user_metadata is the user's to change,
// app_metadata only to read; user_id and everything else are read-only.

let srv: TestServer;
let http: ListeningServer;
let admin: AdminSession;
let app: RulesApp;
let alice: Realm.User;
let bob: Realm.User;

const RULE = {
  roles: [
    {
      name: 'owner',
      apply_when: { user_id: '%%user.id' },
      read: false,
      write: false,
      insert: true,
      delete: false,
      fields: {
        user_id: { read: true, write: false },
        favorite_color: { read: true, write: false },
        user_metadata: { read: true, write: true },
        app_metadata: { read: true, write: false },
      },
      additional_fields: { read: false, write: false },
    },
  ],
  filters: [],
};

beforeAll(async () => {
  srv = await startTestServer();
  http = await listenOnLoopback(srv);
  admin = await adminLogin(srv);
  app = await rulesApp(srv, http, admin, {
    rule: RULE,
    extra: `
    secret: "s3cr3t-" + user.id,
    user_metadata: { displayName: "user" },
    app_metadata: { plan: "free", roles: ["listener"] },`,
  });
  alice = await userOf(app, 'alice@example.com');
  bob = await userOf(app, 'bob@example.com');
});
afterAll(async () => {
  await http.close();
  await srv.close();
});

/** The stored documents, read past the server (the test's view of the truth). */
const stored = () =>
  srv.conn.getClient().db(app.database).collection('users').find({}).sort({ user_id: 1 }).toArray();

const forbidden = { statusCode: 403, errorCode: 'NoMatchingRuleFound' };
const refused = { statusCode: 400, errorCode: 'InvalidParameter' };

/** Runs `attempt`, expects it refused as `how`, and checks that no document changed. */
async function refusedWithoutChange(attempt: () => Promise<unknown>, how: object): Promise<void> {
  const before = await stored();
  await expect(attempt()).rejects.toMatchObject(how);
  expect(await stored()).toEqual(before);
}

describe('reads', () => {
  it('hide unreadable fields and other users’ documents', async () => {
    const docs = await usersOf(app, alice).find({});
    expect(docs).toEqual([
      {
        _id: expect.anything(),
        user_id: alice.id,
        favorite_color: 'blue',
        user_metadata: { displayName: 'user' },
        app_metadata: { plan: 'free', roles: ['listener'] },
      },
    ]);
  });

  it('match nothing when the query or the sort names a hidden field (no probing)', async () => {
    const coll = usersOf(app, alice);
    expect(await coll.find({ secret: `s3cr3t-${alice.id}` })).toEqual([]);
    expect(await coll.find({ secret: { $regex: '^s3' } })).toEqual([]);
    expect(await coll.count({ secret: { $exists: true } })).toBe(0);
    // Not even its absence: the answer is the same whatever the document holds.
    expect(await coll.find({ secret: { $exists: false } })).toEqual([]);
    expect(await coll.find({ 'secret.length': { $exists: false } })).toEqual([]);
    expect(await coll.find({}, { sort: { secret: 1 } })).toEqual([]);
    expect(await coll.find({}, { sort: { user_id: 1 } })).toHaveLength(1);
    expect(await coll.find({ $or: [{ secret: { $gt: '' } }, { user_id: 'nobody' }] })).toEqual([]);
  });

  it('refuse operators that run code or widen the query', async () => {
    const coll = usersOf(app, alice);
    await expect(coll.find({ $where: 'true' })).rejects.toMatchObject(refused);
    await expect(coll.find({ $expr: { $eq: ['$user_id', '$user_id'] } })).rejects.toMatchObject(
      refused,
    );
    await expect(
      coll.find({
        $expr: { $function: { body: 'function() { return true; }', args: [], lang: 'js' } },
      }),
    ).rejects.toMatchObject(refused);
    await expect(coll.count({ $where: 'true' })).rejects.toMatchObject(refused);
  });

  it('cannot copy a hidden field into a readable one with a projection or a pipeline', async () => {
    const coll = usersOf(app, alice);
    const projected = await coll.find({}, { projection: { leak: '$secret', user_id: 1 } });
    expect(projected).toHaveLength(1);
    expect(projected[0]?.leak ?? null).toBeNull();
    const [found] = await coll.find({}, { projection: { secret: 1 } });
    expect(found?.secret).toBeUndefined();

    const aggregated = await coll.aggregate([
      { $match: {} },
      { $project: { leak: '$secret', both: { $concat: ['$user_id', '$secret'] } } },
    ]);
    expect(aggregated).toHaveLength(1);
    expect(aggregated[0]?.leak ?? null).toBeNull();
    expect(JSON.stringify(aggregated)).not.toContain('s3cr3t');
    // The pipeline sees only Alice's document.
    expect(await coll.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }])).toEqual([
      { _id: null, n: 1 },
    ]);
  });

  it('refuse pipeline stages that reach other collections or write', async () => {
    const coll = usersOf(app, alice);
    for (const stage of [
      { $lookup: { from: 'users', localField: 'user_id', foreignField: 'user_id', as: 'all' } },
      { $unionWith: { coll: 'users' } },
      {
        $graphLookup: {
          from: 'users',
          startWith: '$user_id',
          connectFromField: 'user_id',
          connectToField: 'user_id',
          as: 'g',
        },
      },
      { $out: 'stolen' },
      { $merge: { into: 'stolen' } },
      { $facet: { all: [{ $lookup: { from: 'users', pipeline: [], as: 'x' } }] } },
    ]) {
      await expect(coll.aggregate([stage])).rejects.toMatchObject(refused);
    }
    const collections = await srv.conn.getClient().db(app.database).listCollections().toArray();
    expect(collections.map((c) => c.name)).toEqual(['users']);
  });
});

describe('writes', () => {
  it('refuse array operators on a read-only field', async () => {
    const coll = usersOf(app, alice);
    const mine = { user_id: alice.id };
    for (const update of [
      { $push: { 'app_metadata.roles': 'admin' } },
      { $addToSet: { 'app_metadata.roles': 'admin' } },
      { $set: { 'app_metadata.roles.$[]': 'admin' } },
      { $set: { 'app_metadata.roles.0': 'admin' } },
      { $pop: { 'app_metadata.roles': 1 } },
      { $pull: { 'app_metadata.roles': 'listener' } },
      { $unset: { app_metadata: '' } },
    ]) {
      await refusedWithoutChange(() => coll.updateOne(mine, update), forbidden);
    }
  });

  it('refuse $rename into (or out of) a forbidden field', async () => {
    const coll = usersOf(app, alice);
    const mine = { user_id: alice.id };
    await refusedWithoutChange(
      () => coll.updateOne(mine, { $rename: { 'user_metadata.displayName': 'app_metadata.plan' } }),
      forbidden,
    );
    await refusedWithoutChange(
      () => coll.updateOne(mine, { $rename: { 'app_metadata.plan': 'user_metadata.plan' } }),
      forbidden,
    );
    await refusedWithoutChange(
      () => coll.updateOne(mine, { $rename: { user_metadata: 'secret' } }),
      forbidden,
    );
  });

  it('refuse changing _id or the owner field', async () => {
    const coll = usersOf(app, alice);
    const mine = { user_id: alice.id };
    // _id is immutable, as MongoDB answers.
    await refusedWithoutChange(() => coll.updateOne(mine, { $set: { _id: new ObjectId() } }), {
      statusCode: 400,
      error: expect.stringContaining("immutable field '_id'"),
    });
    await refusedWithoutChange(
      () => coll.updateOne(mine, { $set: { user_id: bob.id } }),
      forbidden,
    );
  });

  it('refuse a replacement that drops or changes a read-only field', async () => {
    const coll = usersOf(app, alice);
    await refusedWithoutChange(
      () =>
        coll.findOneAndReplace(
          { user_id: alice.id },
          { user_id: alice.id, user_metadata: { displayName: 'x' } },
        ),
      forbidden,
    );
  });

  it('cannot upsert into another user’s document or id', async () => {
    const coll = usersOf(app, alice);
    const [bobDoc] = (await stored()).filter((d) => d.user_id === bob.id);
    // Bob's document is invisible: the upsert would insert a document owned by Bob.
    await refusedWithoutChange(
      () =>
        coll.updateOne(
          { user_id: bob.id },
          { $set: { user_metadata: { displayName: 'pwned' } } },
          { upsert: true },
        ),
      forbidden,
    );
    // Aimed at Bob's _id: the document it would insert is checked like any insert first.
    await refusedWithoutChange(
      () =>
        coll.updateOne(
          { _id: bobDoc?._id },
          { $set: { user_metadata: { displayName: 'pwned' } } },
          { upsert: true },
        ),
      forbidden,
    );
    await refusedWithoutChange(
      () =>
        coll.findOneAndUpdate(
          { user_id: bob.id },
          { $set: { 'user_metadata.displayName': 'pwned' } },
          { upsert: true, returnNewDocument: true },
        ),
      forbidden,
    );
  });

  it('refuse a pipeline update and unknown update operators', async () => {
    const coll = usersOf(app, alice);
    const mine = { user_id: alice.id };
    await refusedWithoutChange(
      () => coll.updateOne(mine, [{ $set: { 'app_metadata.plan': 'premium' } }] as never),
      refused,
    );
    await refusedWithoutChange(() => coll.updateOne(mine, { $where: 'true' }), refused);
  });

  it('an insertMany with one forbidden document inserts nothing', async () => {
    const coll = usersOf(app, alice);
    await refusedWithoutChange(
      () =>
        coll.insertMany([
          { user_id: alice.id, user_metadata: { displayName: 'second' } },
          { user_id: bob.id, user_metadata: { displayName: 'for bob' } },
        ]),
      forbidden,
    );
    // Inserting with a read-only field is refused too (every field must be writable).
    await refusedWithoutChange(
      () => coll.insertOne({ user_id: alice.id, app_metadata: { plan: 'premium' } }),
      forbidden,
    );
  });

  it('allows what the rule allows: user_metadata, with the new document returned', async () => {
    const coll = usersOf(app, alice);
    const after = await coll.findOneAndUpdate(
      { user_id: alice.id },
      { $set: { 'user_metadata.displayName': 'Alice' } },
      { returnNewDocument: true },
    );
    expect(after).toMatchObject({ user_metadata: { displayName: 'Alice' } });
    expect(after?.secret).toBeUndefined();
    const bobs = (await stored()).find((d) => d.user_id === bob.id);
    expect(bobs?.user_metadata).toEqual({ displayName: 'user' });
  });
});

describe('functions', () => {
  it('a function that does not run as system sees what its user may see', async () => {
    await createIn(srv, admin, app.base, 'functions', {
      name: 'readAll',
      source: `exports = () => context.services.get("mongodb-atlas").db("${app.database}").collection("users").find({}).toArray();`,
      private: false,
    });
    const docs = await alice.callFunction<Record<string, unknown>[]>('readAll');
    expect(docs.map((d) => d.user_id)).toEqual([alice.id]);
    expect(docs[0]?.secret).toBeUndefined();
  });
});

describe('races', () => {
  it('concurrent updates of one document all land, each on the version it checked', async () => {
    const coll = usersOf(app, bob);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        coll.updateOne({ user_id: bob.id }, { $push: { 'user_metadata.history': i } }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const doc = (await stored()).find((d) => d.user_id === bob.id);
    const history = (doc?.user_metadata as { history?: number[] }).history ?? [];
    expect([...history].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
