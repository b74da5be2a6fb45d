import mongoose from 'mongoose';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * Admin reads of an app's config (here its values) find the newest deployment by a lookup of the
 * next version's marker by _id, not by sorting the app's deployments; these tests hold them to
 * answering what the deployments say, whichever server process deployed.
 */
let a: TestServer;
let b: TestServer;
let admin: AdminSession;
/** The filter keys of each recorded operation of server a, e.g. `findOne deployments {app_id}`. */
let filters: string[] | undefined;
beforeAll(async () => {
  a = await startTestServer();
  // A second server process on the same database: caches of its own.
  b = await startTestServer({}, { dbName: a.dbName });
  admin = await adminLogin(a, 'org');
  a.conn.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    const filter = args[0];
    if (filters && typeof filter === 'object' && filter !== null && !Array.isArray(filter))
      filters.push(`${method} ${collection} {${Object.keys(filter).join(',')}}`);
  });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const valuesPath = (appId: string) => `/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/values`;

async function valueNames(srv: TestServer, appId: string): Promise<string[]> {
  const res = await srv.api.get(valuesPath(appId)).set('Authorization', admin.auth).expect(200);
  return (res.body as { name: string }[]).map((v) => v.name).sort();
}

function addValue(srv: TestServer, appId: string, name: string) {
  return srv.api
    .post(valuesPath(appId))
    .set('Authorization', admin.auth)
    .send({ name, private: false, value: name });
}

describe('admin reads of the deployed config', () => {
  it('look up the next version by _id alone while nothing newer was deployed', async () => {
    const app = await createApp(a, admin);
    await addValue(a, app._id, 'v1').expect(201);
    expect(await valueNames(a, app._id)).toEqual(['v1']);
    filters = [];
    try {
      expect(await valueNames(a, app._id)).toEqual(['v1']);
      expect(filters).toContain('findOne deployment_configs {_id}');
      expect(filters.filter((f) => f.includes(' deployments '))).toEqual([]);
    } finally {
      filters = undefined;
    }
  });

  it("each server reads the other's deploys at once", async () => {
    const app = await createApp(a, admin);
    const expected: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
      expect(await valueNames(reader, app._id)).toEqual(expected);
      await addValue(writer, app._id, `v${i}`).expect(201);
      expected.push(`v${i}`);
      expected.sort();
      expect(await valueNames(reader, app._id)).toEqual(expected);
    }
  });

  it('after deploys racing through both servers, both read every value that was created', async () => {
    const app = await createApp(a, admin);
    // Both have read (and remembered) the app's config before the race.
    expect(await valueNames(a, app._id)).toEqual([]);
    expect(await valueNames(b, app._id)).toEqual([]);
    const names = Array.from({ length: 6 }, (_, i) => `r${i}`);
    const results = await Promise.all(
      names.map((name, i) => addValue(i % 2 === 0 ? a : b, app._id, name)),
    );
    // Each write either deployed or was refused as a conflict (never half done).
    for (const res of results) expect([201, 409]).toContain(res.status);
    const created = names.filter((_, i) => results[i]?.status === 201).sort();
    expect(created.length).toBeGreaterThan(0);
    expect(await valueNames(a, app._id)).toEqual(created);
    expect(await valueNames(b, app._id)).toEqual(created);
  });

  it('a deployment stored without a version marker (by an older server) is read within 30 s', async () => {
    const app = await createApp(a, admin);
    await addValue(a, app._id, 'v1').expect(201);
    expect(await valueNames(a, app._id)).toEqual(['v1']);
    // What a server that wrote no markers stores: version 2 and its snapshot, nothing else.
    const appId = new mongoose.Types.ObjectId(app._id);
    const deployments = a.conn.collection('deployments');
    const snapshots = a.conn.collection('deployment_configs');
    const v1 = await deployments.findOne({ app_id: appId, version: 1 });
    const snapshot = await snapshots.findOne({ _id: v1?._id });
    if (!v1 || !snapshot) throw new Error('version 1 was not stored');
    const config = snapshot.config as { values: { _id: string; name: string }[] };
    const v2Id = new mongoose.Types.ObjectId();
    await snapshots.insertOne({
      _id: v2Id,
      app_id: appId,
      config: {
        ...config,
        values: [
          ...config.values,
          { ...config.values[0], _id: new mongoose.Types.ObjectId().toHexString(), name: 'v2' },
        ],
      },
    });
    await deployments.insertOne({ ...v1, _id: v2Id, version: 2, name: 'older server' });

    expect(await valueNames(a, app._id)).toEqual(['v1']);
    a.clock.advance(31);
    expect(await valueNames(a, app._id)).toEqual(['v1', 'v2']);
    // A server that never read the app reads the deployments at once.
    expect(await valueNames(b, app._id)).toEqual(['v1', 'v2']);
  });
});
