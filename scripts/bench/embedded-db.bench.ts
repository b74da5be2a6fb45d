/**
 * The embedded database's write cost under its two durability settings: two FerretDB servers of
 * their own (FERRETDB_SQLITE_SYNCHRONOUS FULL and NORMAL, each in a temporary directory), and the
 * same driver load on each, alternating: inserts of small documents and updates by `_id`, 32 at a
 * time. Reported as NORMAL/FULL ratios. Skipped when the run uses MONGODB_URI or a mongod.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { loadLocalDatabaseConfig, type SqliteSynchronous } from '../../src/config/config';
import { startDatabaseServer, type DatabaseServer } from '../../src/db/database-server';
import { concurrentLoops } from './loops';
import { measureAlternating, printTable, type BenchSection, type LoadResult } from './harness';

const SEED = 1000;

interface Target {
  readonly setting: SqliteSynchronous;
  readonly server: DatabaseServer;
  readonly client: MongoClient;
  readonly docs: Collection<{ _id: ObjectId; n: number; at: Date; text: string }>;
  readonly ids: ObjectId[];
}

async function start(setting: SqliteSynchronous, dir: string): Promise<Target | undefined> {
  const local = { ...loadLocalDatabaseConfig(), sqliteSynchronous: setting };
  const server = await startDatabaseServer({
    mongodbUri: undefined,
    dataDir: path.join(dir, setting),
    local,
    log: () => undefined,
  });
  if (server.kind !== 'ferretdb') {
    await server.stop();
    return undefined;
  }
  const client = await MongoClient.connect(server.uri);
  const docs: Target['docs'] = client.db('embedded_db_bench').collection('docs');
  const ids = Array.from({ length: SEED }, () => new ObjectId());
  await docs.insertMany(ids.map((_id, n) => ({ _id, n, at: new Date(), text: 'x'.repeat(200) })));
  return { setting, server, client, docs, ids };
}

function row(label: string, r: LoadResult): string[] {
  return [label, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.errors)];
}

export const embeddedDbBench: BenchSection = {
  name: 'embedded-db',
  description: 'driver inserts and updates on FerretDB/SQLite with synchronous FULL vs NORMAL',
  async run(ctx) {
    if (process.env.MONGODB_URI) {
      console.log('  skipped: the run uses MONGODB_URI, not the embedded database');
      return true;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-embedded-db-'));
    const targets: Target[] = [];
    try {
      for (const setting of ['FULL', 'NORMAL'] as const) {
        const t = await start(setting, dir);
        if (!t) {
          console.log('  skipped: a mongod on PATH is used instead of FerretDB');
          return true;
        }
        targets.push(t);
      }
      const loads = (op: (t: Target, i: number) => Promise<unknown>) =>
        targets.map((t) => ({
          label: `${op.name} synchronous=${t.setting}`,
          url: '',
          run: (sec: number, conns: number) =>
            concurrentLoops(async (i) => void (await op(t, i)), sec, conns),
        }));
      const insert = (t: Target, i: number) =>
        t.docs.insertOne({ _id: new ObjectId(), n: i, at: new Date(), text: 'y'.repeat(200) });
      const update = (t: Target, i: number) =>
        t.docs.updateOne({ _id: t.ids[i % t.ids.length] }, { $set: { n: i, at: new Date() } });
      const inserts = await measureAlternating(loads(insert), ctx.settings);
      const updates = await measureAlternating(loads(update), ctx.settings);
      const [fullIns, normalIns] = inserts;
      const [fullUpd, normalUpd] = updates;
      if (!fullIns || !normalIns || !fullUpd || !normalUpd) throw new Error('missing results');
      console.log(
        `\nembedded-db: ${ctx.settings.connections} concurrent operations, medians of ${ctx.settings.rounds} run(s)\n`,
      );
      printTable(
        ['operation', 'ops/s', 'p50 ms', 'p99 ms', 'errors'],
        [
          row('insertOne, synchronous=FULL', fullIns),
          row('insertOne, synchronous=NORMAL', normalIns),
          row('updateOne by _id, synchronous=FULL', fullUpd),
          row('updateOne by _id, synchronous=NORMAL', normalUpd),
        ],
      );
      console.log(
        `\nratio NORMAL/FULL: inserts ${(normalIns.rps / fullIns.rps).toFixed(2)}, ` +
          `updates ${(normalUpd.rps / fullUpd.rps).toFixed(2)} ` +
          `(this run's server uses synchronous=${loadLocalDatabaseConfig().sqliteSynchronous})`,
      );
      return [fullIns, normalIns, fullUpd, normalUpd].every((r) => r.errors === 0);
    } finally {
      for (const t of targets) {
        await t.client.close();
        await t.server.stop();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
