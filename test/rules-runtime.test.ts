import { ObjectId } from 'bson';
import type * as Realm from 'realm-web';
import { clientApp } from './helpers/client';
import { createIn } from './helpers/config-resources';
import { adminLogin, type AdminSession } from './helpers/factories';
import { defaultRulePath, postRule } from './helpers/rules';
import { rulesApp, userOf, type RulesApp } from './helpers/rules-app';
import {
  listenOnLoopback,
  startTestServer,
  type ListeningServer,
  type TestServer,
} from './helpers/test-server';

// Filters, default rules, document filters, %function, %%values, %%user.custom_data, and every
// SDK method's answer shape, through realm-web.

let srv: TestServer;
let http: ListeningServer;
let admin: AdminSession;
let app: RulesApp;
let alice: Realm.User;
let bob: Realm.User;

const notes = () => srv.conn.getClient().db(app.database).collection('notes');
const notesOf = (user: Realm.User) =>
  user.mongoClient('mongodb-atlas').db(app.database).collection('notes');

beforeAll(async () => {
  srv = await startTestServer();
  http = await listenOnLoopback(srv);
  admin = await adminLogin(srv);
  app = await rulesApp(srv, http, admin, { extra: `\n    team: "red",` });
  await createIn(srv, admin, app.base, 'values', { name: 'maxPriority', value: 5, private: true });
  await createIn(srv, admin, app.base, 'functions', {
    name: 'isTeamMember',
    source: 'exports = (team, custom) => custom !== undefined && custom.team === team;',
    private: true,
  });
  // notes: everyone sees unarchived notes of their team (a filter), the author edits and
  // deletes their own, anyone may add a note they author with a priority up to %%values.
  await postRule(srv, admin, app.base, app.serviceId, {
    database: app.database,
    collection: 'notes',
    roles: [
      {
        name: 'author',
        apply_when: { author: '%%user.id' },
        read: true,
        write: true,
        insert: { '%%root.priority': { $lte: '%%values.maxPriority' } },
        delete: true,
      },
      {
        name: 'teammate',
        apply_when: {
          '%%true': {
            '%function': { name: 'isTeamMember', arguments: ['%%root.team', '%%user.custom_data'] },
          },
        },
        read: true,
        write: false,
        fields: { comments: { read: true, write: true } },
      },
    ],
    filters: [
      { name: 'unarchived', apply_when: {}, query: { archived: { $ne: true } } },
      { name: 'no internals', apply_when: { '%%true': true }, projection: { internal: 0 } },
    ],
  }).expect(201);
  alice = await userOf(app, 'alice@example.com');
  bob = await userOf(app, 'bob@example.com');
  await notes().insertMany([
    { author: alice.id, team: 'red', text: 'a1', priority: 1, internal: 'x' },
    { author: alice.id, team: 'red', text: 'a2 archived', priority: 2, archived: true },
    { author: bob.id, team: 'red', text: 'b1', priority: 3 },
    { author: bob.id, team: 'blue', text: 'b2 other team', priority: 4 },
    { author: 'someone', team: 'green', text: 'g1', priority: 5 },
  ]);
});
afterAll(async () => {
  await http.close();
  await srv.close();
});

const texts = (docs: Record<string, unknown>[]) => docs.map((d) => d.text).sort();

it('filters narrow every query and their projections hide fields', async () => {
  const seen = await notesOf(alice).find({}, { sort: { priority: 1 } });
  expect(seen.map((d) => d.text as unknown)).toEqual(['a1', 'b1']);
  expect(seen[0]).not.toHaveProperty('internal');
  expect(await notesOf(alice).count({})).toBe(2);
  expect(await notesOf(alice).find({ archived: true })).toEqual([]);
});

it('roles are chosen per document, with %function and %%user.custom_data', async () => {
  // Bob sees his own notes (author) and Alice's red note (teammate), not the green one.
  expect(texts(await notesOf(bob).find({}))).toEqual(['a1', 'b1', 'b2 other team']);
  // As a teammate Bob may comment on Alice's note but not edit its text.
  const a1 = { text: 'a1' };
  expect(await notesOf(bob).updateOne(a1, { $set: { comments: ['nice'] } })).toEqual({
    matchedCount: 1,
    modifiedCount: 1,
  });
  await expect(notesOf(bob).updateOne(a1, { $set: { text: 'mine now' } })).rejects.toMatchObject({
    statusCode: 403,
  });
  await expect(notesOf(bob).deleteOne(a1)).rejects.toMatchObject({
    statusCode: 403,
    error: 'delete not permitted',
  });
});

it('inserts are checked with %%root and %%values', async () => {
  const coll = notesOf(alice);
  const ok = await coll.insertOne({ author: alice.id, team: 'red', text: 'a3', priority: 5 });
  expect(ok.insertedId.toHexString()).toMatch(/^[0-9a-f]{24}$/);
  await expect(
    coll.insertOne({ author: alice.id, team: 'red', text: 'too high', priority: 6 }),
  ).rejects.toMatchObject({ statusCode: 403, error: 'insert not permitted' });
  await expect(
    coll.insertOne({ author: bob.id, team: 'red', text: 'as bob', priority: 1 }),
  ).rejects.toMatchObject({ statusCode: 403 });
  expect(await notes().countDocuments({ text: { $in: ['too high', 'as bob'] } })).toBe(0);
});

it('answers every SDK method in the shapes realm-web expects', async () => {
  const coll = notesOf(alice);
  const many = await coll.insertMany([
    { author: alice.id, team: 'red', text: 'm1', priority: 1 },
    { author: alice.id, team: 'red', text: 'm2', priority: 1 },
  ]);
  expect(many.insertedIds).toHaveLength(2);
  expect(await coll.findOne({ text: 'm1' }, { projection: { text: 1, _id: 0 } })).toEqual({
    text: 'm1',
  });
  expect(await coll.updateMany({ text: { $in: ['m1', 'm2'] } }, { $inc: { priority: 1 } })).toEqual(
    { matchedCount: 2, modifiedCount: 2 },
  );
  const before = await coll.findOneAndUpdate({ text: 'm1' }, { $set: { text: 'm1!' } });
  expect(before).toMatchObject({ text: 'm1', priority: 2 });
  const replaced = await coll.findOneAndReplace(
    { text: 'm1!' },
    { author: alice.id, team: 'red', text: 'm1 replaced', priority: 1 },
    { returnNewDocument: true },
  );
  expect(replaced).toMatchObject({ text: 'm1 replaced', priority: 1 });
  const agg = await coll.aggregate([
    { $match: { text: { $in: ['m1 replaced', 'm2'] } } },
    { $group: { _id: '$author', total: { $sum: '$priority' } } },
  ]);
  expect(agg).toEqual([{ _id: alice.id, total: 3 }]);
  // realm-web's findOneAndDelete sends findOneAndReplace without a replacement.
  const deleted = await coll.findOneAndDelete({ text: 'm2' });
  expect(deleted).toMatchObject({ text: 'm2' });
  expect(await coll.deleteMany({ text: { $in: ['m1 replaced', 'a3'] } })).toEqual({
    deletedCount: 2,
  });
  const upserted = await coll.updateOne(
    { author: alice.id, text: 'upserted' },
    { $set: { team: 'red', priority: 1 } },
    { upsert: true },
  );
  expect(upserted).toMatchObject({ matchedCount: 0, modifiedCount: 0 });
  expect(String(upserted.upsertedId)).toMatch(/^[0-9a-f]{24}$/);
  expect(await notes().findOne({ _id: new ObjectId(String(upserted.upsertedId)) })).toMatchObject({
    author: alice.id,
    text: 'upserted',
  });
});

it('a collection without a rule follows the default rule; errors have the App Services shape', async () => {
  const other = () => alice.mongoClient('mongodb-atlas').db(app.database).collection('other');
  await expect(other().find({})).rejects.toMatchObject({ statusCode: 403 });
  await srv.api
    .post(defaultRulePath(app.base, app.serviceId))
    .set('Authorization', admin.auth)
    .send({
      roles: [{ name: 'everyone', apply_when: {}, read: true, write: true, insert: true }],
    })
    .expect(201);
  // An insert needs `insert` and every field of the new document writable.
  await other().insertOne({ hello: 'world' });
  expect(await other().find({})).toEqual([{ _id: expect.anything(), hello: 'world' }]);
  await expect(other().deleteOne({})).rejects.toMatchObject({ statusCode: 403 });

  // Raw: the error body and status as any HTTP client sees them.
  const res = await fetch(`${http.baseUrl}${clientApp(app.realm.id)}/functions/call`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${alice.accessToken ?? ''}`,
    },
    body: JSON.stringify({
      name: 'deleteOne',
      service: 'mongodb-atlas',
      arguments: [{ database: app.database, collection: 'other', query: {} }],
    }),
  });
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toEqual({
    error: 'delete not permitted',
    error_code: 'NoMatchingRuleFound',
  });
  const unknown = await fetch(`${http.baseUrl}${clientApp(app.realm.id)}/functions/call`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${alice.accessToken ?? ''}`,
    },
    body: JSON.stringify({
      name: 'find',
      service: 'no-such-service',
      arguments: [{ database: app.database, collection: 'other', query: {} }],
    }),
  });
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({ error_code: 'ServiceNotFound' });
});

it('field-level write on insert: every field must be writable, %%this is the field', async () => {
  await postRule(srv, admin, app.base, app.serviceId, {
    database: app.database,
    collection: 'profiles',
    roles: [
      {
        name: 'owner',
        apply_when: { owner: '%%user.id' },
        read: true,
        write: false,
        insert: true,
        fields: {
          owner: { read: true, write: { '%%this': '%%user.id' } },
          bio: { read: true, write: true },
        },
      },
    ],
  }).expect(201);
  const profiles = (user: Realm.User) =>
    user.mongoClient('mongodb-atlas').db(app.database).collection('profiles');
  const inserted = await profiles(alice).insertOne({ owner: alice.id, bio: 'hi' });
  expect(inserted.insertedId.toHexString()).toMatch(/^[0-9a-f]{24}$/);
  await expect(profiles(alice).insertOne({ owner: bob.id, bio: 'as bob' })).rejects.toMatchObject({
    statusCode: 403,
    error: 'insert not permitted',
  });
  await expect(
    profiles(alice).insertOne({ owner: alice.id, bio: 'hi', verified: true }),
  ).rejects.toMatchObject({ statusCode: 403 });
  expect(await profiles(alice).updateOne({ owner: alice.id }, { $set: { bio: 'hello' } })).toEqual({
    matchedCount: 1,
    modifiedCount: 1,
  });
  await expect(
    profiles(alice).updateOne({ owner: alice.id }, { $set: { owner: bob.id } }),
  ).rejects.toMatchObject({ statusCode: 403 });
  expect(await profiles(bob).find({})).toEqual([]);
  expect(await profiles(alice).find({}, { projection: { _id: 0 } })).toEqual([
    { owner: alice.id, bio: 'hello' },
  ]);
});
