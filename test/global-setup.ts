import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalDatabaseConfig } from '../src/config/config';
import { startDatabaseServer, type DatabaseServer } from '../src/db/database-server';
import { ensureConsoleBuilt } from './helpers/console-build';

declare global {
  var __OAS_TEST_DB__: { server: DatabaseServer; dataDir: string } | undefined;
}

/**
 * One database server for the whole run: MONGODB_URI when set (real MongoDB), otherwise a
 * mongod on PATH, otherwise the embedded FerretDB. Each test file then uses its own database.
 */
export default async function globalSetup(): Promise<void> {
  // The console's tests drive the built console: built here, once, if missing or stale.
  ensureConsoleBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-test-db-'));
  const server = await startDatabaseServer({
    mongodbUri: process.env.MONGODB_URI,
    dataDir,
    local: loadLocalDatabaseConfig(),
    log: (msg) => process.stderr.write(`[test db] ${msg}\n`),
  });
  process.env.OAS_TEST_MONGODB_URI = server.uri;
  globalThis.__OAS_TEST_DB__ = { server, dataDir };
}
