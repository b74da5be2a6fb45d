import type mongoose from 'mongoose';
import { MongoClient, type Db } from 'mongodb';
import type { ServiceConfig } from '../../app-config/app-config.types';
import type { SecretResolver } from '../../app-config/secret-resolver';

/**
 * Connections to an app's MongoDB data sources. A data source is this server's own cluster (the
 * "built-in" source) unless its `secret_config.uri` names a secret holding another MongoDB URI;
 * clients for other URIs are opened once and shared.
 */
export class DataSources {
  private readonly clients = new Map<string, Promise<MongoClient>>();
  /**
   * The databases opened, by URI (empty for the built-in source) and name: a driver `Db` is only
   * a handle, and making one (with its options) for every request is measurable.
   */
  private readonly opened = new Map<string, { db: Db; shared: boolean }>();

  constructor(
    private readonly conn: mongoose.Connection,
    private readonly resolveSecret: SecretResolver,
  ) {}

  /**
   * The named database of a data source, and whether it lives on this server's own cluster, which
   * all apps on the server share: the built-in source, or a URI naming one of the hosts the server
   * itself is connected to (so an admin cannot step around the built-in source's rules by
   * spelling its address). Hosts are compared as written (with localhost and loopback addresses
   * taken as one), so an alias in DNS or a `mongodb+srv` record that leads to the same servers is
   * not recognised.
   */
  async open(
    appId: string,
    service: ServiceConfig,
    name: string,
  ): Promise<{ db: Db; shared: boolean }> {
    const uriSecret = service.secret_config?.uri;
    const uri = uriSecret ? await this.resolveSecret(appId, uriSecret) : '';
    if (uriSecret && !uri) throw new Error(`data source secret "${uriSecret}" is missing`);
    const key = `${uri ?? ''}\0${name}`;
    let found = this.opened.get(key);
    if (!found) {
      found = uri
        ? await this.openOther(uri, name)
        : { db: this.conn.getClient().db(name), shared: true };
      if (this.opened.size >= MAX_OPENED) this.opened.clear();
      this.opened.set(key, found);
    }
    return found;
  }

  private async openOther(uri: string, name: string): Promise<{ db: Db; shared: boolean }> {
    let client = this.clients.get(uri);
    if (!client) {
      client = MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
      this.clients.set(uri, client);
      // A failed connect is not cached: the next use tries again.
      client.catch(() => this.clients.delete(uri));
    }
    const connected = await client;
    const own = new Set(hostsOf(this.conn.getClient().options.hosts));
    const shared = hostsOf(connected.options.hosts).some((h) => own.has(h));
    return { db: connected.db(name), shared };
  }

  async database(appId: string, service: ServiceConfig, name: string): Promise<Db> {
    return (await this.open(appId, service, name)).db;
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    this.opened.clear();
    await Promise.allSettled(clients.map(async (c) => (await c).close()));
  }
}

/** How many opened databases are remembered; past it they are all dropped (cheap to redo). */
const MAX_OPENED = 1000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

/** host:port keys, with every loopback spelling as one host. */
function hostsOf(
  hosts: readonly { host?: string; port?: number; socketPath?: string }[],
): string[] {
  return hosts.map((h) => {
    if (h.socketPath) return h.socketPath;
    const host = (h.host ?? '').toLowerCase();
    return `${LOOPBACK.has(host) ? 'loopback' : host}:${h.port ?? 27017}`;
  });
}
