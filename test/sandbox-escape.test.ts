/**
 * Classic ways out of a JavaScript sandbox, each tried by a function run through the Admin API's
 * debug console on a real server and database. Every attempt must be contained: the function
 * sees nothing of the host, fails alone within its limits, and the server keeps serving.
 */
import {
  appPath,
  ATLAS_CONFIG,
  createDataSource,
  createFunction,
  createIn,
} from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, testDatabaseUri, type TestServer } from './helpers/test-server';

const TIMEOUT_MS = 1500;

let srv: TestServer;
let admin: AdminSession;
let base: string;

beforeAll(async () => {
  srv = await startTestServer({}, { functionLimits: { timeoutMs: TIMEOUT_MS, memoryLimitMb: 32 } });
  admin = await adminLogin(srv, 'org');
  const app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
  await createDataSource(srv, admin, base);
});
afterAll(() => srv.close());

interface Outcome {
  result?: unknown;
  error?: { message?: string } | string;
  error_logs?: string[] | null;
  logs?: string[] | null;
}

/** Runs `exports = <body>` as system through the debug console; the response body. */
async function run(source: string, under = base): Promise<Outcome> {
  const res = await srv.api
    .post(`${under}/debug/execute_function_source?run_as_system=true`)
    .set('Authorization', admin.auth)
    .send({ source, eval_source: 'exports()' });
  expect(res.status).toBe(200);
  return res.body as Outcome;
}

const errorText = (o: Outcome): string =>
  typeof o.error === 'string' ? o.error : (o.error?.message ?? '');

/** The server still answers, and quickly. */
async function stillServing(): Promise<void> {
  const start = Date.now();
  await srv.api.get('/healthz').expect(200);
  expect(Date.now() - start).toBeLessThan(1000);
}

describe('sandbox escapes', () => {
  it('1. the Function constructor reached from an object gives the isolate, not the host', async () => {
    const out = await run(`exports = () => {
      const g = ({}).constructor.constructor('return this')();
      return [typeof g.process, typeof g.require, typeof g.Buffer, typeof g.global];
    };`);
    expect(out.result).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('2. constructor chains through context objects and host errors stay in the isolate', async () => {
    const out = await run(`exports = async () => {
      const coll = context.services.get("mongodb-atlas").db("escape2").collection("c");
      const viaContext = coll.findOne.constructor('return typeof process')();
      let viaError;
      try { await coll.insertMany("not an array"); } catch (e) {
        viaError = e.constructor.constructor('return typeof process')();
      }
      return [viaContext, viaError];
    };`);
    expect(out.result).toEqual(['undefined', 'undefined']);
  });

  it('3. require is not defined', async () => {
    const out = await run(`exports = () => require('fs').readFileSync('/etc/passwd', 'utf8');`);
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/require is not defined/);
  });

  it('4. dynamic import() is refused', async () => {
    const out = await run(
      `exports = async () => (await import('node:fs')).readFileSync('/etc/passwd', 'utf8');`,
    );
    expect(out.result).toBeUndefined();
    // isolated-vm has no module loader: import() rejects before anything is read.
    expect(errorText(out)).toBe('Not supported');
  });

  it('5. prototype pollution stays in its own isolate: not on the host, not in the next run', async () => {
    const first = await run(`exports = () => {
      Object.prototype.polluted = 'yes';
      Array.prototype.map = () => 'hijacked';
      JSON.parse = () => ({ hijacked: true });
      return ({}).polluted;
    };`);
    expect(first.result).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].map((x) => x + 1)).toEqual([2]);
    const second = await run(
      `exports = () => [({}).polluted === undefined, [1].map((x) => x + 1).join()];`,
    );
    expect(second.result).toEqual([true, '2']);
  });

  it('6. no SharedArrayBuffer, Atomics or WebAssembly: Atomics.wait cannot hang the host', async () => {
    const out = await run(
      `exports = () => [typeof SharedArrayBuffer, typeof Atomics, typeof WebAssembly];`,
    );
    expect(out.result).toEqual(['undefined', 'undefined', 'undefined']);
    const hang = await run(`exports = () => {
      const sab = new (Object.getPrototypeOf(new Uint8Array(0).buffer).constructor)(8);
      return Atomics.wait(new Int32Array(sab), 0, 0);
    };`);
    expect(hang.result).toBeUndefined();
    expect(errorText(hang)).toMatch(/Atomics is not defined/);
    await stillServing();
  });

  it('7. a huge string allocation fails alone', async () => {
    const out = await run(`exports = () => { let s = 'x'; for (;;) s += s; };`);
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/Invalid string length|memory limit/);
    await stillServing();
  });

  it('8. a huge array allocation is stopped by the memory limit', async () => {
    const out = await run(
      `exports = () => { const a = []; for (;;) a.push(new Array(1e6).fill(7)); };`,
    );
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/memory limit/);
    await stillServing();
  });

  it('9. a synchronous infinite loop is stopped by the time limit, and the server serves meanwhile', async () => {
    const started = Date.now();
    const [out] = await Promise.all([run(`exports = () => { for (;;) {} };`), stillServing()]);
    expect(errorText(out)).toMatch(/time limit/);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it('10. an infinite async loop, and a loop after an awaited database call, are stopped too', async () => {
    const microtasks = await run(`exports = async () => { for (;;) await null; };`);
    expect(errorText(microtasks)).toMatch(/time limit/);
    const afterAwait = await run(`exports = async () => {
      await context.services.get("mongodb-atlas").db("escape10").collection("c").findOne({});
      for (;;) {}
    };`);
    expect(errorText(afterAwait)).toMatch(/time limit/);
    await stillServing();
  });

  it("11. another app's collections are out of reach through context", async () => {
    // App B keeps a document in its database (it claims it by using it first).
    const other = await createApp(srv, admin);
    const otherBase = appPath(GROUP_A, other._id);
    await createDataSource(srv, admin, otherBase);
    const privateDb = `secret_${srv.dbName}`;
    const wrote = await run(
      `exports = async () => (await context.services.get("mongodb-atlas").db("${privateDb}")
        .collection("notes").insertOne({ text: "B's secret" })).insertedId;`,
      otherBase,
    );
    expect(errorText(wrote)).toBe('');
    const out = await run(`exports = async () =>
      context.services.get("mongodb-atlas").db("${privateDb}").collection("notes").find({}).toArray();`);
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/belongs to another app/);
  });

  it("12. the server's own database and the admin database are out of reach", async () => {
    for (const db of [srv.dbName, 'admin', 'local', 'config']) {
      const out = await run(`exports = async () =>
        context.services.get("mongodb-atlas").db("${db}").collection("admin_keys").find({}).toArray();`);
      expect(out.result).toBeUndefined();
      expect(errorText(out)).toMatch(/reserved/);
    }
  });

  it("12b. naming the server's own cluster by URI does not step around those rules", async () => {
    const other = await createApp(srv, admin);
    const otherBase = appPath(GROUP_A, other._id);
    const uri = testDatabaseUri().replace('127.0.0.1', 'localhost');
    await createIn(srv, admin, otherBase, 'secrets', { name: 'ownCluster', value: uri });
    await createIn(srv, admin, otherBase, 'services', {
      name: 'mongodb-atlas',
      type: 'mongodb-atlas',
      config: ATLAS_CONFIG,
      secret_config: { uri: 'ownCluster' },
    });
    const out = await run(
      `exports = async () =>
        context.services.get("mongodb-atlas").db("${srv.dbName}").collection("admin_keys").find({}).toArray();`,
      otherBase,
    );
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/reserved/);
  });

  it('13. Error.prepareStackTrace and stack frames expose nothing of the host', async () => {
    const out = await run(`exports = async () => {
      Error.prepareStackTrace = (e, frames) => frames.map((f) => typeof f.getThis());
      let frames;
      try { await context.services.get("mongodb-atlas").db("escape13").collection("c").insertMany(1); }
      catch (e) { frames = e.stack; }
      const g = (function () { return this; })();
      return [typeof g.process, String(frames).includes('/work/') || String(frames).includes('node_modules')];
    };`);
    expect(out.result).toEqual(['undefined', false]);
  });

  it('14. unbounded recursion fails alone', async () => {
    const out = await run(`exports = () => { const f = () => f() + 1; return f(); };`);
    expect(out.result).toBeUndefined();
    expect(errorText(out)).toMatch(/call stack/i);
    await stillServing();
  });

  it('15. a flood of console output is capped', async () => {
    const out = await run(
      `exports = () => { for (let i = 0; i < 100000; i++) console.log('line ' + i); return 'done'; };`,
    );
    expect(out.result).toBe('done');
    expect((out.logs ?? []).length + (out.error_logs ?? []).length).toBeLessThanOrEqual(1001);
  });

  it('a configured function cannot name a host module either, and the server is healthy after all of this', async () => {
    await createFunction(srv, admin, base, 'sneaky', `exports = () => typeof process;`);
    const res = await srv.api
      .post(`${base}/debug/execute_function?run_as_system=true`)
      .set('Authorization', admin.auth)
      .send({ name: 'sneaky', arguments: [] })
      .expect(200);
    expect(res.body.result).toBe('undefined');
    await stillServing();
  });
});
