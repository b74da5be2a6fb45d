import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalDatabaseConfig } from '../src/config/config';
import { startDatabaseServer } from '../src/db/database-server';

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
