import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase } from './db/connection';
import { startDatabaseServer } from './db/database-server';
import { buildDeps } from './composition/deps';
import { assertNodeFlags } from './functions/node-flags';
import { createLogger } from './logging/logger';

const MAX_HEADER_BYTES = 64 * 1024;

/** load config → start or reach the database → build deps → create the app → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  assertNodeFlags(process.execArgv, config.nodeOptions);
  const log = createLogger(config.logLevel);
  const db = await startDatabaseServer({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    local: config.localDatabase,
    log: (msg) => log.info(msg),
  });
  const conn = await connectDatabase(db.uri, config.mongodbDbName);
  const deps = await buildDeps(conn, config, log);
  if (config.bootstrapAdminKey) {
    await deps.adminKeys.ensureBootstrapKey(
      config.bootstrapAdminKey.publicKey,
      config.bootstrapAdminKey.privateKey,
    );
    log.info(
      { public_key: config.bootstrapAdminKey.publicKey },
      'bootstrap admin API key is active',
    );
  }
  const stopSweeping = deps.appLogs.startSweeping();
  const app = createApp(deps);
  // Access tokens carry up to 16 KB of custom user data; Node's default 16 KB header limit would
  // refuse them (431) before our code runs.
  const server: Server = await new Promise((resolve) => {
    const s = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
    s.listen(config.port, config.host, () => resolve(s));
  });
  // The bound port: PORT=0 takes a free one.
  const { port } = server.address() as AddressInfo;
  log.info(
    { host: config.host, port, database: db.kind },
    'Open App Services is listening',
  );
  deps.start();

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopSweeping();
    // Stops background work and stores the app log entries still buffered.
    await deps.stop();
    await conn.close();
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
