import { ownershipOf } from '../src/domain/ownership';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

/**
 * Deleting an app or a user removes what the models declare they own (domain/ownership.ts), so
 * every collection must be declared by a model, and every model must say whom it belongs to.
 */
describe('collection ownership', () => {
  const models = () => Object.values(srv.conn.models);

  it('every model declares an owner or is explicitly global', () => {
    const undeclared = models()
      .filter((m) => ownershipOf(m.schema) === undefined)
      .map((m) => m.collection.collectionName);
    expect(undeclared).toEqual([]);
  });

  it('every model with an app_id field is owned by the app through it', () => {
    const wrong = models()
      .filter((m) => m.schema.path('app_id') !== undefined)
      .filter((m) => {
        const o = ownershipOf(m.schema);
        return o === undefined || o === 'global' || o.app !== 'app_id';
      })
      .map((m) => m.collection.collectionName);
    expect(wrong).toEqual([]);
  });

  it('every declared owner field is a field of the model', () => {
    for (const m of models()) {
      const o = ownershipOf(m.schema);
      if (o === undefined || o === 'global') continue;
      for (const field of [o.app, o.user]) {
        if (field)
          expect([m.collection.collectionName, m.schema.path(field)]).not.toContain(undefined);
      }
    }
  });

  it('every collection of the server database is declared by a model', async () => {
    const declared = new Set(models().map((m) => m.collection.collectionName));
    const db = srv.conn.db;
    if (!db) throw new Error('not connected');
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    const unknown = collections.map((c) => c.name).filter((n) => !declared.has(n));
    expect(unknown).toEqual([]);
  });
});
