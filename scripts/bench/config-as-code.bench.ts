/**
 * Config as code on the bench app (see bench-app.ts: 8 providers, 200 functions, 50 secrets, 50
 * values), over HTTP, each next to the plain database operation on the same snapshot, measured
 * interleaved in the same run:
 * - export (`GET A/export`, the zip) vs a driver findOne of the deployed config snapshot document;
 * - import (`POST A/import` of the exported document with one value changed, so that each import
 *   deploys; no draft open), as JSON (the CLI's form) and as a zip, vs a driver insertOne of a
 *   copy of the snapshot document plus one of a deployment document (what a deploy writes);
 * - a `diff=true` import of a changed document (writes nothing), vs the same insert baseline.
 * Target: each ratio at most 3.
 */
import { randomBytes } from 'node:crypto';
import { BSON, ObjectId, type Collection, type Db, type Document } from 'mongodb';
import { documentToFiles } from '../../src/admin/config-as-code/app-files';
import type { AppDocument, JsonObject } from '../../src/admin/config-as-code/app-document';
import { zipFiles } from '../../src/admin/config-as-code/zip';
import type { AdminClient } from './admin-http';
import { withBenchApp, type BenchApp } from './bench-app';
import { printTable, type BenchSection } from './harness';
import { LATENCY_HEADERS, latencyRow, p50, p99, timed } from './latency';

const WARMUP = 2;
const TARGET_RATIO = 3;
const EXPORT_QUERY = 'version=20210101&source_control=true';

async function expectStatus(res: Response, expected: number, what: string): Promise<Uint8Array> {
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status !== expected) {
    throw new Error(
      `${what}: expected ${expected}, got ${res.status} ${Buffer.from(body).toString()}`,
    );
  }
  return body;
}

/** The deployed snapshot document and deployment document of the app's newest deployment. */
async function newestDeployment(db: Db, appId: string): Promise<[Document, Document]> {
  const head = await db
    .collection('deployments')
    .findOne({ app_id: new ObjectId(appId) }, { sort: { version: -1 } });
  const snapshot = head && (await db.collection('deployment_configs').findOne({ _id: head._id }));
  if (!head || !snapshot) throw new Error('the app has no deployment');
  return [head, snapshot];
}

/** The document with the bench app's plain value set to a new content (`n` makes it unique). */
function withValue(doc: AppDocument, app: BenchApp, n: number): AppDocument {
  const values = (doc.values ?? []).map((v): JsonObject =>
    v.name === app.value.name
      ? { ...v, value: { endpoint: 'https://api.example.com/v2', retries: 3, import: n } }
      : v,
  );
  if (!values.some((v) => v.name === app.value.name)) {
    throw new Error(`the export has no value ${app.value.name}`);
  }
  return { ...doc, values };
}

interface Samples {
  exportMs: number[];
  readMs: number[];
  importMs: number[];
  importZipMs: number[];
  diffMs: number[];
  insertMs: number[];
}

function printResults(s: Samples, snapshotBytes: number, zipBytes: number, jsonBytes: number) {
  console.log(
    `\nconfig-as-code: snapshot ${snapshotBytes} B (BSON), export zip ${zipBytes} B, import ` +
      `document ${jsonBytes} B (JSON); nearest-rank percentiles\n`,
  );
  printTable(LATENCY_HEADERS, [
    latencyRow('export (GET A/export, zip)', s.exportMs),
    latencyRow('baseline findOne of the snapshot', s.readMs),
    latencyRow('import (POST A/import, JSON, deploys)', s.importMs),
    latencyRow('import (POST A/import, zip, deploys)', s.importZipMs),
    latencyRow('import diff=true (JSON, no write)', s.diffMs),
    latencyRow('baseline insertOne snapshot + deployment', s.insertMs),
  ]);
  const ratios: [string, number[], number[]][] = [
    ['export / findOne', s.exportMs, s.readMs],
    ['import JSON / insertOne x2', s.importMs, s.insertMs],
    ['import zip / insertOne x2', s.importZipMs, s.insertMs],
    ['import diff=true / insertOne x2', s.diffMs, s.insertMs],
  ];
  console.log(`\nratios (target: each at most ${TARGET_RATIO})\n`);
  const mark = (r: number) => `${r.toFixed(2)}${r <= TARGET_RATIO ? '' : ' (over target)'}`;
  printTable(
    ['ratio', 'p50', 'p99'],
    ratios.map(([label, op, base]) => [
      label,
      mark(p50(op) / p50(base)),
      mark(p99(op) / p99(base)),
    ]),
  );
}

async function measure(
  ctx: { db: Db; admin: AdminClient; app: BenchApp; iterations: number; scratch: Scratch },
  s: Samples,
): Promise<{ snapshotBytes: number; zipBytes: number; jsonBytes: number }> {
  const { db, admin, app, scratch } = ctx;
  const auth = { Authorization: admin.auth };
  const [head, snapshot] = await newestDeployment(db, app.appId);
  const snapshotBytes = BSON.calculateObjectSize(snapshot);
  const pulled = await fetch(admin.url(`${app.path}/pull`), {
    headers: { ...auth, Accept: 'application/json' },
  });
  const doc = JSON.parse(
    Buffer.from(await expectStatus(pulled, 200, 'GET pull')).toString(),
  ) as AppDocument;
  const configs = db.collection('deployment_configs');
  const snapshotId = head._id as ObjectId;
  let version = 0;

  const exportOnce = () =>
    timed(async () => {
      const res = await fetch(admin.url(`${app.path}/export?${EXPORT_QUERY}`), { headers: auth });
      await expectStatus(res, 200, 'GET export');
      if (!/filename=\S+_v\d+\.zip/.test(res.headers.get('content-disposition') ?? '')) {
        throw new Error('the export has no file name');
      }
    });
  const readOnce = () =>
    timed(async () => {
      if (!(await configs.findOne({ _id: snapshotId }))) throw new Error('snapshot missing');
    });
  // Every body is made before the measured rounds: the client shares the server's process, and
  // building a body (a 140 KB JSON text, a zip) would add its time and garbage to the request's.
  const rounds = WARMUP + ctx.iterations;
  const jsonBodies = Array.from({ length: 2 * rounds }, (_, i) =>
    JSON.stringify(withValue(doc, app, i)),
  );
  const zipBodies = Array.from({ length: rounds }, (_, i) =>
    zipFiles(documentToFiles(withValue(doc, app, 2 * rounds + i))),
  );
  const importOnce = (diff: boolean) => {
    const body = jsonBodies.pop() ?? '';
    const query = `strategy=replace-by-name${diff ? '&diff=true' : ''}`;
    return timed(async () => {
      const res = await fetch(admin.url(`${app.path}/import?${query}`), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body,
      });
      const out = await expectStatus(res, diff ? 200 : 204, 'POST import');
      if (diff && (JSON.parse(Buffer.from(out).toString()) as string[]).length !== 1) {
        throw new Error(`diff=true: expected one change, got ${Buffer.from(out).toString()}`);
      }
    });
  };
  const importZipOnce = () => {
    const zip = zipBodies.pop() ?? new Uint8Array();
    return timed(async () => {
      const res = await fetch(admin.url(`${app.path}/import?strategy=replace-by-name`), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/zip' },
        body: zip,
      });
      await expectStatus(res, 204, 'POST import (zip)');
    });
  };
  const insertOnce = () => {
    const id = new ObjectId();
    const config: Document = { ...snapshot, _id: id };
    const deployment: Document = { ...head, _id: id, version: (version += 1), name: String(id) };
    return timed(async () => {
      await scratch.configs.insertOne(config);
      await scratch.deployments.insertOne(deployment);
    });
  };

  const round = async (record: boolean) => {
    const samples: [number[], () => Promise<number>][] = [
      [s.exportMs, exportOnce],
      [s.readMs, readOnce],
      [s.importMs, () => importOnce(false)],
      [s.insertMs, insertOnce],
      [s.diffMs, () => importOnce(true)],
      [s.importZipMs, importZipOnce],
    ];
    for (const [into, once] of samples) {
      const ms = await once();
      if (record) into.push(ms);
    }
  };
  console.log(`  ${WARMUP} warm-up rounds, then ${ctx.iterations} measured rounds`);
  for (let i = 0; i < WARMUP; i++) await round(false);
  for (let i = 0; i < ctx.iterations; i++) await round(true);

  // Each import (JSON and zip) must have deployed once, and nothing else.
  const expected = 1 + 2 * (WARMUP + ctx.iterations);
  const versions = await db
    .collection('deployments')
    .countDocuments({ app_id: new ObjectId(app.appId) });
  if (versions !== expected) throw new Error(`expected ${expected} deployments, found ${versions}`);
  const zipRes = await fetch(admin.url(`${app.path}/export?${EXPORT_QUERY}`), { headers: auth });
  const zipBytes = (await expectStatus(zipRes, 200, 'GET export')).byteLength;
  return { snapshotBytes, zipBytes, jsonBytes: Buffer.byteLength(JSON.stringify(doc)) };
}

interface Scratch {
  configs: Collection;
  deployments: Collection;
}

export const configAsCodeBench: BenchSection = {
  name: 'config-as-code',
  description: 'export and import of the bench app (vs findOne / insertOne of its snapshot)',
  async run(ctx) {
    const iterations = ctx.settings.quick ? 10 : 50;
    const db = ctx.deps.conn.db;
    if (!db) throw new Error('the database connection is not open');
    const suffix = randomBytes(4).toString('hex');
    const scratch: Scratch = {
      configs: db.collection(`bench_configs_${suffix}`),
      deployments: db.collection(`bench_deployments_${suffix}`),
    };
    // As the deployments collection: a deploy's insert passes its unique (app, version) index.
    await scratch.deployments.createIndex({ app_id: 1, version: -1 }, { unique: true });
    try {
      return await withBenchApp(ctx, 'benchcac', async (admin, app) => {
        const s: Samples = {
          exportMs: [],
          readMs: [],
          importMs: [],
          importZipMs: [],
          diffMs: [],
          insertMs: [],
        };
        const sizes = await measure({ db, admin, app, iterations, scratch }, s);
        printResults(s, sizes.snapshotBytes, sizes.zipBytes, sizes.jsonBytes);
        return true;
      });
    } finally {
      await scratch.configs.drop().catch(() => undefined);
      await scratch.deployments.drop().catch(() => undefined);
    }
  },
};
