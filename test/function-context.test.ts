/**
 * The `context` a function gets (issue 5, "context"): the collection methods against the real
 * database with BSON types kept, `context.values.get` (secrets resolved), `context.functions
 * .execute` and `context.app`, each run through the Admin API's debug console.
 */
import { appPath, createDataSource, createIn } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;
let db: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: 5000 } });
  admin = await adminLogin(srv, 'org');
  app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
  db = `ctx_${srv.dbName}`;
  await createDataSource(srv, admin, base);
});
afterAll(() => srv.close());

/** Runs `source` (which exports the function) as system; the response body. */
async function run(source: string): Promise<{ result?: unknown; error?: unknown }> {
  const res = await srv.api
    .post(`${base}/debug/execute_function_source?run_as_system=true`)
    .set('Authorization', admin.auth)
    .send({ source, eval_source: 'exports()' })
    .expect(200);
  return res.body as { result?: unknown; error?: unknown };
}

describe('context.services.get(…).db(…).collection(…)', () => {
  it('writes, reads (sort, skip, limit), counts, updates, aggregates and deletes on the real database', async () => {
    const out = await run(`exports = async () => {
      const c = context.services.get("mongodb-atlas").db("${db}").collection("things");
      const one = await c.insertOne({ n: 1, tag: "a" });
      const many = await c.insertMany([{ n: 2, tag: "a" }, { n: 3, tag: "b" }, { n: 4, tag: "b" }]);
      const found = await c.findOne({ _id: one.insertedId });
      const sorted = await c.find({ tag: "b" }).sort({ n: -1 }).limit(1).toArray();
      const page = await c.find({}, { _id: 0, n: 1 }).sort({ n: 1 }).skip(1).limit(2).toArray();
      const countLimited = await c.count({}, { limit: 1 });
      const count = await c.count({ tag: "a" });
      const countDocuments = await c.countDocuments({});
      const updOne = await c.updateOne({ n: 1 }, { $set: { seen: true } });
      const updMany = await c.updateMany({ tag: "b" }, { $inc: { n: 10 } });
      const grouped = await c.aggregate([
        { $group: { _id: "$tag", total: { $sum: "$n" } } },
        { $sort: { _id: 1 } },
      ]).toArray();
      const delOne = await c.deleteOne({ n: 1 });
      const delMany = await c.deleteMany({ tag: "b" });
      const left = await c.find({}, { _id: 0, n: 1 }).toArray();
      return {
        oneIsObjectId: one.insertedId instanceof BSON.ObjectId,
        manyIds: many.insertedIds.length,
        found: found.n,
        sorted: sorted.map((d) => d.n),
        page: page.map((d) => d.n),
        countLimited,
        count, countDocuments,
        updOne: [updOne.matchedCount, updOne.modifiedCount],
        updMany: [updMany.matchedCount, updMany.modifiedCount],
        grouped,
        deleted: [delOne.deletedCount, delMany.deletedCount],
        left,
      };
    };`);
    expect(out.error).toBeUndefined();
    expect(out.result).toEqual({
      oneIsObjectId: true,
      manyIds: { $numberInt: '3' },
      found: { $numberInt: '1' },
      sorted: [{ $numberInt: '4' }],
      page: [{ $numberInt: '2' }, { $numberInt: '3' }],
      countLimited: { $numberInt: '1' },
      count: { $numberInt: '2' },
      countDocuments: { $numberInt: '4' },
      updOne: [{ $numberInt: '1' }, { $numberInt: '1' }],
      updMany: [{ $numberInt: '2' }, { $numberInt: '2' }],
      grouped: [
        { _id: 'a', total: { $numberInt: '3' } },
        { _id: 'b', total: { $numberInt: '27' } },
      ],
      deleted: [{ $numberInt: '1' }, { $numberInt: '2' }],
      left: [{ n: { $numberInt: '2' } }],
    });
  });

  it('keeps ObjectId and Date through the database and back out as Extended JSON', async () => {
    const out = await run(`exports = async () => {
      const c = context.services.get("mongodb-atlas").db("${db}").collection("typed");
      const ref = new BSON.ObjectId("0123456789abcdef01234567");
      const at = new Date("2024-05-06T07:08:09.010Z");
      await c.insertOne({ ref, at });
      const doc = await c.findOne({ ref }, { _id: 0 });
      return { doc, types: [doc.ref instanceof BSON.ObjectId, doc.at instanceof Date] };
    };`);
    expect(out.result).toEqual({
      doc: {
        ref: { $oid: '0123456789abcdef01234567' },
        at: { $date: { $numberLong: String(Date.parse('2024-05-06T07:08:09.010Z')) } },
      },
      types: [true, true],
    });
  });
});

describe('context.values, context.functions, context.app', () => {
  it('values.get answers a plain value, a secret value resolved, and undefined for no value', async () => {
    await createIn(srv, admin, base, 'values', {
      name: 'plain',
      private: false,
      from_secret: false,
      value: { color: 'blue' },
    });
    await createIn(srv, admin, base, 'secrets', { name: 'apiSecret', value: 's3cr3t' });
    await createIn(srv, admin, base, 'values', {
      name: 'fromSecret',
      private: false,
      from_secret: true,
      value: 'apiSecret',
    });
    const out = await run(
      `exports = () => [context.values.get("plain"), context.values.get("fromSecret"), typeof context.values.get("none")];`,
    );
    expect(out.result).toEqual([{ color: 'blue' }, 's3cr3t', 'undefined']);
  });

  it('functions.execute runs another function of the app (private ones too) with its arguments', async () => {
    await createIn(srv, admin, base, 'functions', {
      name: 'double',
      private: true,
      source: 'exports = async function (x) { return x * 2; };',
    });
    const out = await run(
      `exports = async () => [await context.functions.execute("double", 21), await context.functions.execute("double", 1)];`,
    );
    expect(out.result).toEqual([{ $numberInt: '42' }, { $numberInt: '2' }]);
    const missing = await run(`exports = () => context.functions.execute("nope");`);
    expect(missing.result).toBeUndefined();
    expect(JSON.stringify(missing.error)).toMatch(/function not found: 'nope'/);
  });

  it('context.app names the app', async () => {
    const out = await run(`exports = () => [context.app.id, context.app.clientAppId];`);
    expect(out.result).toEqual([app._id, app.client_app_id]);
  });
});
