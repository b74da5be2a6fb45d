import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { LocalDatabaseConfig } from '../config/config';
import { DatabaseUnavailableError, ensureFerretdbBinary, findExecutable } from './ferretdb-binary';

/** A MongoDB-compatible server this process may have started, and how to reach it. */
export interface DatabaseServer {
  readonly uri: string;
  /** Which of the three sources was used: the operator's URI, a local mongod, or FerretDB. */
  readonly kind: 'external' | 'mongod' | 'ferretdb';
  stop(): Promise<void>;
}

export interface DatabaseServerOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  log: (msg: string) => void;
  /** Where `mongod` is looked for, and where FerretDB is found or built (config.localDatabase). */
  local: LocalDatabaseConfig;
}

/**
 * MONGODB_URI when set; otherwise a `mongod` found on PATH; otherwise the embedded FerretDB
 * (SQLite backend) in DATA_DIR. Local servers listen on a free 127.0.0.1 port and stop with us.
 */
export async function startDatabaseServer(opts: DatabaseServerOptions): Promise<DatabaseServer> {
  if (opts.mongodbUri) {
    return { uri: opts.mongodbUri, kind: 'external', stop: () => Promise.resolve() };
  }
  const port = await freePort();
  const mongod = findExecutable('mongod', opts.local.searchPath);
  if (mongod) {
    const dbPath = path.join(opts.dataDir, 'mongod');
    fs.mkdirSync(dbPath, { recursive: true });
    opts.log(`starting mongod on 127.0.0.1:${port} (data in ${dbPath})`);
    const child = spawn(
      mongod,
      ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    return await waitForServer(child, port, 'mongod');
  }
  const bin = await ensureFerretdbBinary(opts.log, opts.local);
  const dataPath = path.join(opts.dataDir, 'ferretdb');
  fs.mkdirSync(dataPath, { recursive: true });
  opts.log(
    `starting FerretDB on 127.0.0.1:${port} (SQLite data in ${dataPath}, synchronous=${opts.local.sqliteSynchronous})`,
  );
  const child = spawn(bin, ferretdbArgs(dataPath, port, opts.local), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return await waitForServer(child, port, 'ferretdb');
}

/**
 * FerretDB's command line. Its SQLite URL carries the `synchronous` setting as a `_pragma`, which
 * the SQLite driver applies to every connection it opens (FerretDB adds its own pragmas after it:
 * busy_timeout, journal_mode(wal), auto_vacuum).
 */
export function ferretdbArgs(dataPath: string, port: number, local: LocalDatabaseConfig): string[] {
  const pragma = `_pragma=synchronous(${local.sqliteSynchronous})`;
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataPath}/?${pragma}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    `--state-dir=${dataPath}`,
    '--telemetry=disable',
    '--log-level=error',
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function waitForServer(
  child: ChildProcess,
  port: number,
  kind: 'mongod' | 'ferretdb',
): Promise<DatabaseServer> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: number | null | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exited = code;
      resolve();
    });
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new DatabaseUnavailableError(
        `${kind} exited with code ${String(exited)} before accepting connections: ${stderr.trim()}`,
      );
    }
    if (await canConnect(port)) {
      return {
        uri: `mongodb://127.0.0.1:${port}/`,
        kind,
        stop: async () => {
          if (exited !== undefined) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exitedPromise;
          clearTimeout(timer);
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new DatabaseUnavailableError(
    `${kind} did not accept connections on 127.0.0.1:${port} within 30 s: ${stderr.trim()}`,
  );
}
