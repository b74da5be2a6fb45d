/**
 * Shared pieces of `npm run bench`: the server under test (started the way src/main.ts does, on a
 * database of its own), loopback listeners, a bounded autocannon run, and the table printer.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { createApp } from '../../src/app';
import { loadConfig, loadLocalDatabaseConfig } from '../../src/config/config';
import { connectDatabase } from '../../src/db/connection';
import { startDatabaseServer, type DatabaseServer } from '../../src/db/database-server';
import { buildDeps, type Deps } from '../../src/composition/deps';
import { createLogger } from '../../src/logging/logger';

import type { BenchSettings, LoadResult } from './load';

export {
  measureAlternating,
  median,
  runLoad,
  type BenchSettings,
  type LoadResult,
  type LoadTarget,
  type RequestVariant,
} from './load';

/** What every section gets: the running server, its deps and the run settings. */
export interface BenchContext {
  readonly baseUrl: string;
  readonly deps: Deps;
  readonly settings: BenchSettings;
  /** The server's database, for sections that also measure the driver without the server. */
  readonly dbUri: string;
}

export interface BenchSection {
  readonly name: string;
  readonly description: string;
  /** False when the measurement is invalid (errors, non-2xx); a missed target is printed only. */
  run(ctx: BenchContext): Promise<boolean>;
}

export interface BenchEnvironment {
  readonly baseUrl: string;
  readonly deps: Deps;
  readonly dbKind: DatabaseServer['kind'];
  readonly dbUri: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (loopback only) on a free port; resolves to the base URL. */
export function listenLoopback(app: Express): Promise<{ server: Server; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err?: Error) => {
      if (err) return reject(err);
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * MONGODB_URI if set, else the embedded database in a temporary DATA_DIR; a fresh db name. With
 * `monitorCommands`, the connection's driver emits command events (see command-log.ts).
 */
export async function startBenchEnvironment(
  log: (msg: string) => void,
  options: { monitorCommands?: boolean } = {},
): Promise<BenchEnvironment> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-bench-'));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  let db: DatabaseServer | undefined;
  let conn: mongoose.Connection | undefined;
  try {
    db = await startDatabaseServer({
      mongodbUri: process.env.MONGODB_URI,
      dataDir,
      local: loadLocalDatabaseConfig(),
      log,
    });
    const dbName = `bench_${randomBytes(6).toString('hex')}`;
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: process.env.NODE_OPTIONS,
      MONGODB_URI: db.uri,
      MONGODB_DB_NAME: dbName,
      // Login throughput is measured from one IP: the per-IP login limit is off (0).
      LOGIN_RATE_LIMIT_PER_IP: '0',
    });
    conn = options.monitorCommands
      ? await mongoose
          .createConnection(db.uri, {
            dbName,
            autoIndex: true,
            autoCreate: true,
            monitorCommands: true,
          })
          .asPromise()
      : await connectDatabase(db.uri, dbName);
    const deps = await buildDeps(conn, config, createLogger(config.logLevel));
    const { server, baseUrl } = await listenLoopback(createApp(deps));
    const [openConn, openDb] = [conn, db];
    return {
      baseUrl,
      deps,
      dbKind: db.kind,
      dbUri: db.uri,
      close: async () => {
        await closeServer(server);
        await openConn.dropDatabase();
        await openConn.close();
        await openDb.stop();
        removeDataDir();
      },
    };
  } catch (err) {
    await conn?.close();
    await db?.stop();
    removeDataDir();
    throw err;
  }
}

/**
 * A load result as a table row: label, requests per second (to `rpsDigits` decimals), p50 and p99
 * (ms), then the request, non-2xx and error counts.
 */
export function loadRow(label: string, r: LoadResult, rpsDigits = 1): string[] {
  return [
    label,
    r.rps.toFixed(rpsDigits),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    String(r.total),
    String(r.non2xx),
    String(r.errors),
  ];
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
