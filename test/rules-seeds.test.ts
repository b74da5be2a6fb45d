import { adminLogin, type AdminSession } from './helpers/factories';
import { createIn } from './helpers/config-resources';
import { rulesApp, userOf, usersOf } from './helpers/rules-app';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';

// The seed documents' custom user data models, through the official web SDK (realm-web): its
// MongoDB client sends each method as a service function call, answered under the rules.

let srv: TestServer;
let http: ListeningServer;
let admin: AdminSession;

beforeAll(async () => {
  srv = await startTestServer();
  http = await listenOnLoopback(srv);
  admin = await adminLogin(srv);
});
afterAll(async () => {
  await http.close();
  await srv.close();
});

/** Seed 000's rule, written exactly as the seed writes it (`%%user.id%%` included). */
const SEED_THIS_USER = {
  roles: [
    {
      name: 'ThisUser',
      apply_when: { user_id: '%%user.id%%' },
      insert: false,
      read: true,
      write: true,
      search: false,
      delete: false,
    },
  ],
  filters: [],
};

describe('seed 000: the ThisUser rule', () => {
  it('lets each user read and write their own document only; inserts and deletes are refused', async () => {
    const app = await rulesApp(srv, http, admin, { rule: SEED_THIS_USER });
    const alice = await userOf(app, 'alice@example.com');
    const bob = await userOf(app, 'bob@example.com');
    const asAlice = usersOf(app, alice);
    const asBob = usersOf(app, bob);

    // Reads: her own document, never Bob's.
    const mine = await asAlice.find({});
    expect(mine).toEqual([{ _id: expect.anything(), user_id: alice.id, favorite_color: 'blue' }]);
    expect(await asAlice.findOne({ user_id: bob.id })).toBeNull();
    expect(await asAlice.count({})).toBe(1);
    expect(await asAlice.count({ user_id: bob.id })).toBe(0);

    // Writes: her own document changes; Bob's is invisible, so nothing matches.
    expect(
      await asAlice.updateOne({ user_id: alice.id }, { $set: { favorite_color: 'green' } }),
    ).toEqual({ matchedCount: 1, modifiedCount: 1 });
    expect(
      await asAlice.updateOne({ user_id: bob.id }, { $set: { favorite_color: 'red' } }),
    ).toEqual({ matchedCount: 0, modifiedCount: 0 });
    expect(await asBob.findOne({})).toMatchObject({ user_id: bob.id, favorite_color: 'blue' });

    // insert: false, delete: false.
    await expect(asAlice.insertOne({ user_id: alice.id, extra: true })).rejects.toMatchObject({
      statusCode: 403,
      errorCode: 'NoMatchingRuleFound',
      error: 'insert not permitted',
    });
    await expect(asAlice.deleteOne({ user_id: alice.id })).rejects.toMatchObject({
      statusCode: 403,
      error: 'delete not permitted',
    });
    expect(await asAlice.count({})).toBe(1);

    // She cannot hand her document to Bob: the role must still apply after the write.
    await expect(
      asAlice.updateOne({ user_id: alice.id }, { $set: { user_id: bob.id } }),
    ).rejects.toMatchObject({ statusCode: 403, error: 'update not permitted' });
    expect(await asAlice.findOne({})).toMatchObject({ user_id: alice.id });
    expect(await asBob.count({})).toBe(1);

    // Her token carries the change after refreshCustomData().
    expect(alice.customData).toMatchObject({ favorite_color: 'blue' });
    await alice.refreshCustomData();
    expect(alice.customData).toMatchObject({ user_id: alice.id, favorite_color: 'green' });
  });
});

describe('seed 000: no user may read or write; a system function manages the data', () => {
  it('refuses the SDK client and non-system functions, and lets a system function act for the user', async () => {
    const app = await rulesApp(srv, http, admin);
    const source = (db: string) => `exports = async function(color) {
      const users = context.services.get("mongodb-atlas").db("${db}").collection("users");
      await users.updateOne({ user_id: context.user.id }, { $set: { favorite_color: color } });
      return users.findOne({ user_id: context.user.id });
    };`;
    await createIn(srv, admin, app.base, 'functions', {
      name: 'setColor',
      source: source(app.database),
      private: false,
      run_as_system: true,
    });
    await createIn(srv, admin, app.base, 'functions', {
      name: 'setColorAsUser',
      source: source(app.database),
      private: false,
    });
    const user = await userOf(app, 'carol@example.com');
    const coll = usersOf(app, user);

    await expect(coll.find({})).rejects.toMatchObject({
      statusCode: 403,
      errorCode: 'NoMatchingRuleFound',
      error: `no rule exists for namespace '${app.database}.users'`,
    });
    await expect(coll.updateOne({}, { $set: { favorite_color: 'red' } })).rejects.toMatchObject({
      statusCode: 403,
    });
    // A function that does not run as system is held to the same (absent) rules.
    await expect(user.callFunction('setColorAsUser', 'red')).rejects.toMatchObject({
      statusCode: 400,
      errorCode: 'FunctionExecutionError',
    });

    const updated = await user.callFunction<Record<string, unknown>>('setColor', 'purple');
    expect(updated).toMatchObject({ user_id: user.id, favorite_color: 'purple' });
    await user.refreshCustomData();
    expect(user.customData).toMatchObject({ favorite_color: 'purple' });
  });
});

/** Seeds 002/003: user metadata the user edits, access metadata they only read. */
export const METADATA_SPLIT = {
  roles: [
    {
      name: 'owner',
      apply_when: { user_id: '%%user.id' },
      read: true,
      write: false,
      insert: false,
      delete: false,
      fields: {
        user_metadata: { read: true, write: true },
        app_metadata: { read: true, write: false },
      },
    },
  ],
  filters: [],
};

describe('seeds 002/003: user_metadata is the user’s, app_metadata is not', () => {
  it('changes displayName, refuses plan, and the token carries the new displayName', async () => {
    const app = await rulesApp(srv, http, admin, {
      rule: METADATA_SPLIT,
      extra: `
    user_metadata: { displayName: "user" },
    app_metadata: { plan: "free", roles: ["listener"] },`,
    });
    const user = await userOf(app, 'dana@example.com');
    const coll = usersOf(app, user);

    expect(
      await coll.updateOne(
        { user_id: user.id },
        { $set: { 'user_metadata.displayName': 'J-vald3z' } },
      ),
    ).toEqual({ matchedCount: 1, modifiedCount: 1 });
    await expect(
      coll.updateOne({ user_id: user.id }, { $set: { 'app_metadata.plan': 'premium' } }),
    ).rejects.toMatchObject({ statusCode: 403, error: 'update not permitted' });
    // Neither may the user mix an allowed change with a forbidden one.
    await expect(
      coll.updateOne(
        { user_id: user.id },
        { $set: { 'user_metadata.displayName': 'x', 'app_metadata.plan': 'premium' } },
      ),
    ).rejects.toMatchObject({ statusCode: 403 });
    // Nor change a field outside both.
    await expect(
      coll.updateOne({ user_id: user.id }, { $set: { favorite_color: 'red' } }),
    ).rejects.toMatchObject({ statusCode: 403 });

    expect(await coll.findOne({ user_id: user.id })).toMatchObject({
      user_metadata: { displayName: 'J-vald3z' },
      app_metadata: { plan: 'free', roles: ['listener'] },
      favorite_color: 'blue',
    });
    await user.refreshCustomData();
    expect(user.customData).toMatchObject({
      user_metadata: { displayName: 'J-vald3z' },
      app_metadata: { plan: 'free' },
    });
  });
});
