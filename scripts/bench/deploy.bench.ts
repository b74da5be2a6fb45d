/**
 * Deploy latency on a realistic app (see bench-app.ts): each deploy opens a draft, replaces one
 * value in it and deploys it, over HTTP. The deployment POST is timed alone and with the whole
 * cycle. For context, in the same run and interleaved with the deploys: a bare driver insertOne
 * of a copy of the deployed snapshot document (same BSON size) into the same database.
 */
import { randomBytes } from 'node:crypto';
import { BSON, ObjectId, type Collection, type Document } from 'mongodb';
import { withBenchApp } from './bench-app';
import { printTable, type BenchSection } from './harness';
import { LATENCY_HEADERS, latencyRow as row, p50, timed } from './latency';

const WARMUP = 2;

export const deployBench: BenchSection = {
  name: 'deploy',
  description: 'draft, one change, deploy on an app of 8 providers, 200 functions (vs insertOne)',
  async run(ctx) {
    const deploys = ctx.settings.quick ? 10 : 50;
    const db = ctx.deps.conn.db;
    if (!db) throw new Error('the database connection is not open');
    const scratch: Collection = db.collection(`bench_insert_${randomBytes(4).toString('hex')}`);
    try {
      return await withBenchApp(ctx, 'benchdeploy', async (admin, app) => {
        const appObjectId = new ObjectId(app.appId);
        // The complete config snapshot (deployment documents themselves are small).
        const head = await db
          .collection('deployments')
          .findOne({ app_id: appObjectId }, { sort: { version: -1 } });
        const snapshot =
          head && (await db.collection('deployment_configs').findOne({ _id: head._id }));
        if (!snapshot) throw new Error('the app has no deployment');
        const snapshotBytes = BSON.calculateObjectSize(snapshot);

        /** Open a draft, replace one value in it, deploy it; [deployment POST ms, cycle ms]. */
        const cycle = async (i: number): Promise<[number, number]> => {
          const start = performance.now();
          const draft = await admin.json<{ _id: string }>('POST', `${app.path}/drafts`, 201);
          await admin.call('PUT', `${app.path}/values/${app.value._id}`, 200, {
            name: app.value.name,
            private: app.value.private,
            from_secret: false,
            value: { endpoint: 'https://api.example.com/v2', retries: 3, deploy: i },
          });
          const deployMs = await timed(async () => {
            const res = await admin.json<{ status: string }>(
              'POST',
              `${app.path}/drafts/${draft._id}/deployment`,
              201,
            );
            if (res.status !== 'successful') throw new Error(`deployment status ${res.status}`);
          });
          return [deployMs, performance.now() - start];
        };
        const insert = (): Promise<number> => {
          const doc: Document = { ...snapshot, _id: new ObjectId() };
          return timed(() => scratch.insertOne(doc));
        };

        console.log(`  ${WARMUP} warm-up cycles, then ${deploys} measured (deploy, insert) pairs`);
        for (let i = 0; i < WARMUP; i++) {
          await cycle(-1 - i);
          await insert();
        }
        const deployMs: number[] = [];
        const cycleMs: number[] = [];
        const insertMs: number[] = [];
        for (let i = 0; i < deploys; i++) {
          const [d, c] = await cycle(i);
          deployMs.push(d);
          cycleMs.push(c);
          insertMs.push(await insert());
        }
        const versions = await db.collection('deployments').countDocuments({ app_id: appObjectId });
        if (versions !== 1 + WARMUP + deploys) {
          throw new Error(`expected ${1 + WARMUP + deploys} deployments, found ${versions}`);
        }

        console.log(
          `\ndeploy: snapshot ${snapshotBytes} bytes (BSON), ${deploys} deploys, ` +
            `nearest-rank percentiles\n`,
        );
        printTable(LATENCY_HEADERS, [
          row('deploy (POST …/deployment)', deployMs),
          row('cycle (draft + PUT value + deploy)', cycleMs),
          row(`baseline insertOne (${snapshotBytes} B)`, insertMs),
        ]);
        const ratio = p50(deployMs) / p50(insertMs);
        console.log(`\nratio deploy p50 / insertOne p50: ${ratio.toFixed(1)}`);
        // Each deploy adds one snapshot to the app's history: show whether latency follows it.
        const fifth = Math.max(1, Math.floor(deploys / 5));
        console.log(
          `deploy p50, first ${fifth} vs last ${fifth} deploys: ` +
            `${p50(deployMs.slice(0, fifth)).toFixed(2)} ms vs ` +
            `${p50(deployMs.slice(-fifth)).toFixed(2)} ms`,
        );
        return true;
      });
    } finally {
      await scratch.drop().catch(() => undefined);
    }
  },
};
