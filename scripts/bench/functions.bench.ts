/**
 * User function latency. Each execution runs in a new V8 isolate (src/functions/sandbox.ts):
 *
 * - a trivial function and one that does a `findOne`, run through the FunctionRunner, cold (the
 *   first execution of a new sandbox: no code cache yet) and warm, next to the same logic called
 *   directly in-process (a plain function call; a driver `findOne`);
 * - the latency a user creation function adds to a registration (an anonymous login that creates
 *   a user), over HTTP: logins on an app whose creation function inserts the custom data document
 *   (the documented example) against logins on an app without one, next to a direct driver
 *   `insertOne` of the same document.
 */
import { randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { loadConfig } from '../../src/config/config';
import { DataAccess } from '../../src/functions/data-access';
import { FunctionRunner, type ExecuteRequest } from '../../src/functions/function-runner';
import { Sandbox } from '../../src/functions/sandbox';
import { dataSourceClaimModel } from '../../src/domain/data-sources/data-source-claim.model';
import { DataSourceClaims } from '../../src/domain/data-sources/data-source-claims';
import { DataSources } from '../../src/domain/data-sources/data-sources';
import { AdminClient, BENCH_GROUP } from './admin-http';
import { printTable, type BenchContext, type BenchSection } from './harness';

const CLUSTER = { clusterName: 'Cluster0', readPreference: 'primary', wireProtocolEnabled: false };

function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

function stats(samples: readonly number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

/** n timed calls, one after another, or with `gapMs` of idle time between them. */
async function sample(n: number, f: (i: number) => Promise<unknown>, gapMs = 0): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    out.push(await timed(() => f(i)));
  }
  return out;
}

/** Idle time between "warm" calls: enough for the sandbox to prepare the next isolate. */
const GAP_MS = 20;

const ms = (n: number) => n.toFixed(2);

export const functionsBench: BenchSection = {
  name: 'functions',
  description: 'function execution cold/warm p50/p99 and user creation function cost vs direct',
  async run(ctx) {
    const quick = ctx.settings.quick;
    const admin = await AdminClient.login(ctx, 'bench functions');
    try {
      const ok1 = await executionLatency(ctx, admin, quick);
      const ok2 = await registrationLatency(ctx, admin, quick);
      return ok1 && ok2;
    } finally {
      await admin.revoke(ctx);
    }
  },
};

/** Creates an app with the built-in data source; returns its ids and admin path. */
async function benchApp(admin: AdminClient, prefix: string) {
  const name = `${prefix}${randomBytes(3).toString('hex')}`;
  const app = await admin.json<{ _id: string; client_app_id: string }>(
    'POST',
    `/groups/${BENCH_GROUP}/apps`,
    201,
    { name },
  );
  const path = `/groups/${BENCH_GROUP}/apps/${app._id}`;
  const service = await admin.json<{ _id: string }>('POST', `${path}/services`, 201, {
    name: 'mongodb-atlas',
    type: 'mongodb-atlas',
    config: CLUSTER,
  });
  return { ...app, path, serviceId: service._id };
}

async function executionLatency(
  ctx: BenchContext,
  admin: AdminClient,
  quick: boolean,
): Promise<boolean> {
  const app = await benchApp(admin, 'benchfn');
  const database = `benchfn_${randomBytes(4).toString('hex')}`;
  const docId = new ObjectId();
  const coll = ctx.deps.conn.getClient().db(database).collection('items');
  await coll.insertOne({ _id: docId, name: 'widget', price: 9.5, tags: ['a', 'b'] });
  const fns = {
    trivial: 'exports = function (a, b) { return a + b; };',
    findOne: `exports = async function (id) {
      return context.services.get("mongodb-atlas").db("${database}").collection("items").findOne({ _id: id });
    };`,
  };
  for (const [name, source] of Object.entries(fns)) {
    await admin.call('POST', `${app.path}/functions`, 201, { name, source, private: false });
  }
  const deployed = await ctx.deps.deployedConfigs.getDeployedConfig(app.client_app_id);
  if (!deployed) throw new Error('the bench app is not deployed');
  const request = (name: 'trivial' | 'findOne'): ExecuteRequest => {
    const fn = deployed.config.functions.find((f) => f.name === name);
    if (!fn) throw new Error(`function ${name} missing`);
    return { app: deployed, target: { fn }, args: name === 'trivial' ? [1, 2] : [docId] };
  };
  let failures = 0;
  const run = async (runner: FunctionRunner, name: 'trivial' | 'findOne') => {
    const execution = await runner.execute(request(name));
    if (!execution.ok) failures++;
  };

  // Cold: a new sandbox (as after a process start) whose first execution compiles everything.
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_OPTIONS: process.env.NODE_OPTIONS });
  const freshRunner = () =>
    new FunctionRunner(
      new Sandbox(config.functions),
      new DataAccess(
        new DataSources(ctx.deps.conn, () => Promise.resolve(undefined)),
        new DataSourceClaims(dataSourceClaimModel(ctx.deps.conn), () => new Date()),
      ),
      () => Promise.resolve(undefined),
      { write: () => undefined },
      () => new Date(),
    );
  const coldN = quick ? 5 : 20;
  const warmN = quick ? 50 : 300;
  const coldTrivial = await sample(coldN, () => run(freshRunner(), 'trivial'));
  const coldFind = await sample(coldN, () => run(freshRunner(), 'findOne'));
  const runner = ctx.deps.functions;
  await sample(10, () => run(runner, 'findOne')); // warm-up
  const warmTrivial = await sample(warmN, () => run(runner, 'trivial'), GAP_MS);
  const warmFind = await sample(warmN, () => run(runner, 'findOne'), GAP_MS);
  const busyTrivial = await sample(warmN, () => run(runner, 'trivial'));
  const busyFind = await sample(warmN, () => run(runner, 'findOne'));
  const add = (a: number, b: number) => a + b;
  const directTrivial = await sample(warmN, () => Promise.resolve(add(1, 2)));
  const directFind = await sample(warmN, () => coll.findOne({ _id: docId }));
  await ctx.deps.conn.getClient().db(database).dropDatabase();

  const row = (label: string, samples: number[], direct: number[]) => {
    const s = stats(samples);
    const d = stats(direct);
    return [
      label,
      String(samples.length),
      ms(s.p50),
      ms(s.p99),
      ms(d.p50),
      ms(d.p99),
      ms(s.p50 - d.p50),
    ];
  };
  printTable(
    ['execution (ms)', 'n', 'p50', 'p99', 'direct p50', 'direct p99', 'added p50'],
    [
      row('trivial, cold', coldTrivial, directTrivial),
      row('trivial, warm', warmTrivial, directTrivial),
      row('trivial, back-to-back', busyTrivial, directTrivial),
      row('findOne, cold', coldFind, directFind),
      row('findOne, warm', warmFind, directFind),
      row('findOne, back-to-back', busyFind, directFind),
    ],
  );
  console.log(
    `cold: the first execution of a new sandbox (compiles bson, no isolate prepared); warm: ` +
      `${GAP_MS} ms apart, so a prepared isolate is waiting; back-to-back: each call also ` +
      `waits for an isolate to be prepared (the throughput bound)`,
  );
  if (failures > 0) console.log(`FAILED: ${failures} executions failed`);
  return failures === 0;
}

async function registrationLatency(
  ctx: BenchContext,
  admin: AdminClient,
  quick: boolean,
): Promise<boolean> {
  const database = `benchucf_${randomBytes(4).toString('hex')}`;
  const source = `exports = async function onUserCreation(user) {
    await context.services.get("mongodb-atlas").db("${database}").collection("users")
      .insertOne({ user_account_id: user.id, favorite_color: "blue" });
  };`;
  const plain = await benchApp(admin, 'benchreg');
  const withFn = await benchApp(admin, 'benchucf');
  for (const app of [plain, withFn]) {
    const providers = await admin.json<{ _id: string; type: string }[]>(
      'GET',
      `${app.path}/auth_providers`,
      200,
    );
    const anon =
      providers.find((p) => p.type === 'anon-user') ??
      (await admin.json<{ _id: string }>('POST', `${app.path}/auth_providers`, 201, {
        name: 'anon-user',
        type: 'anon-user',
        disabled: false,
      }));
    await admin.call('PUT', `${app.path}/auth_providers/${anon._id}/enable`, 204);
    const cud: Record<string, string | boolean> = {
      enabled: true,
      mongo_service_id: app.serviceId,
      database_name: database,
      collection_name: 'users',
      user_id_field: 'user_account_id',
    };
    if (app === withFn) {
      const fn = await admin.json<{ _id: string }>('POST', `${app.path}/functions`, 201, {
        name: 'onUserCreation',
        source,
        private: true,
      });
      cud.on_user_creation_function_id = fn._id;
    }
    await admin.call('PATCH', `${app.path}/custom_user_data`, 204, cud);
  }
  const register = async (clientAppId: string) => {
    const res = await fetch(
      `${ctx.baseUrl}/api/client/v2.0/app/${clientAppId}/auth/providers/anon-user/login`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const n = quick ? 30 : 150;
  const plainMs: number[] = [];
  const fnMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await register(plain.client_app_id);
    await register(withFn.client_app_id);
  }
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < n; i++) {
    plainMs.push(await timed(() => register(plain.client_app_id)));
    fnMs.push(await timed(() => register(withFn.client_app_id)));
  }
  const users = ctx.deps.conn.getClient().db(database).collection('users');
  const direct = await sample(n, () =>
    users.insertOne({ user_account_id: new ObjectId().toHexString(), favorite_color: 'blue' }),
  );
  await ctx.deps.conn.getClient().db(database).dropDatabase();
  const p = stats(plainMs);
  const f = stats(fnMs);
  const d = stats(direct);
  printTable(
    ['registration (ms)', 'n', 'p50', 'p99'],
    [
      ['anonymous login, no creation function', String(n), ms(p.p50), ms(p.p99)],
      ['anonymous login, creation function', String(n), ms(f.p50), ms(f.p99)],
      ['added by the function', '', ms(f.p50 - p.p50), ms(f.p99 - p.p99)],
      ['direct insertOne of the same document', String(n), ms(d.p50), ms(d.p99)],
    ],
  );
  console.log(
    `the user creation function adds ${ms(f.p50 - p.p50)} ms (p50) to a registration; ` +
      `the same insert done directly takes ${ms(d.p50)} ms: ` +
      `${((f.p50 - p.p50) / d.p50).toFixed(1)}× the direct call`,
  );
  return true;
}
