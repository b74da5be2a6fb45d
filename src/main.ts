import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, isApiRequest } from './app';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase } from './db/connection';
import { startDatabaseServer } from './db/database-server';
import { buildDeps } from './composition/deps';
import { assertNodeFlags } from './functions/node-flags';
import { createLogger } from './logging/logger';
import { trackRequests } from './http/request-drain';

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
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  const requests = trackRequests(server, isApiRequest);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  // The bound port: PORT=0 takes a free one.
  const { port } = server.address() as AddressInfo;
  log.info({ host: config.host, port, database: db.kind }, 'Open App Services is listening');
  deps.start();

  let isStopping = false;
  /**
   * No new connections; the requests in flight answered (within the drain timeout), also those
   * whose client has gone; then the background work they started (trigger runs, the app log's
   * buffer) finished or stored; then the database closed.
   */
  const stop = async (signal: string): Promise<void> => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal, drain_timeout_ms: config.shutdownDrainTimeoutMs }, 'shutting down');
    try {
      const { unfinished } = await requests.close(config.shutdownDrainTimeoutMs);
      if (unfinished > 0) {
        log.warn(
          { unfinished },
          'shutdown: requests still running after the drain timeout; their connections were cut',
        );
      }
      await stopSweeping();
      // Stops background work and stores the app log entries still buffered.
      await deps.stop();
      await conn.close();
      await db.stop();
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    log.info('stopped');
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
