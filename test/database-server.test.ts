import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalDatabaseConfig } from '../src/config/config';
import { MongoClient } from 'mongodb';
import { ferretdbArgs, startDatabaseServer } from '../src/db/database-server';

describe('startDatabaseServer', () => {
  it('uses MONGODB_URI as given and starts nothing', async () => {
    const server = await startDatabaseServer({
      mongodbUri: 'mongodb://db.example:27017/',
      dataDir: '/nonexistent',
      local: loadLocalDatabaseConfig({}),
      log: () => undefined,
    });
    expect(server).toMatchObject({ kind: 'external', uri: 'mongodb://db.example:27017/' });
    await server.stop();
  });

  it('says what to install or set when no database can be had', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-nodb-'));
    try {
      await expect(
        startDatabaseServer({
          mongodbUri: undefined,
          dataDir: empty,
          log: () => undefined,
          // no mongod, no go, no cached build
          local: loadLocalDatabaseConfig({ PATH: empty, FERRETDB_CACHE_DIR: empty, HOME: empty }),
        }),
      ).rejects.toThrow(/Install Go .*mongod on PATH, or set MONGODB_URI/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('gives FerretDB the SQLite synchronous setting as a pragma of its URL', () => {
    const url = (env: Record<string, string>) =>
      ferretdbArgs('/data/ferretdb', 1234, loadLocalDatabaseConfig(env)).find((a) =>
        a.startsWith('--sqlite-url='),
      );
    expect(url({})).toBe('--sqlite-url=file:/data/ferretdb/?_pragma=synchronous(FULL)');
    expect(url({ FERRETDB_SQLITE_SYNCHRONOUS: 'NORMAL' })).toBe(
      '--sqlite-url=file:/data/ferretdb/?_pragma=synchronous(NORMAL)',
    );
  });

  it('runs FerretDB with synchronous NORMAL: it starts and stores', async () => {
    if (process.env.MONGODB_URI) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-normal-'));
    const local = loadLocalDatabaseConfig({
      ...process.env,
      FERRETDB_SQLITE_SYNCHRONOUS: 'NORMAL',
    });
    const server = await startDatabaseServer({
      mongodbUri: undefined,
      dataDir: dir,
      local: { ...local, searchPath: '' },
      log: () => undefined,
    });
    const client = await MongoClient.connect(server.uri);
    try {
      const coll = client.db('normal').collection('docs');
      await coll.insertOne({ _id: 'a' as never, n: 1 });
      expect(await coll.findOne({ _id: 'a' as never })).toEqual({ _id: 'a', n: 1 });
      expect(server.kind).toBe('ferretdb');
    } finally {
      await client.close();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the embedded database on a free loopback port and stops it', async () => {
    if (process.env.MONGODB_URI) return; // the run uses an external database; nothing local to start
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-embedded-'));
    const server = await startDatabaseServer({
      mongodbUri: undefined,
      dataDir: dir,
      local: loadLocalDatabaseConfig(),
      log: () => undefined,
    });
    try {
      expect(server.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(['ferretdb', 'mongod']).toContain(server.kind);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
