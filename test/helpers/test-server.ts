import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type mongoose from 'mongoose';
import supertest from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { connectDatabase } from '../../src/db/connection';
import { buildDeps, type Deps, type DepsOptions } from '../../src/composition/deps';
import { createLogger } from '../../src/logging/logger';
import { assertMatchesSpec } from './spec-check';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** supertest, with every response checked against openapi.yaml before the test's own asserts. */
export type SpecAgent = Record<Method, (url: string) => supertest.Test>;

export interface TestServer {
  readonly app: Express;
  readonly deps: Deps;
  readonly conn: mongoose.Connection;
  readonly api: SpecAgent;
  readonly dbName: string;
  /** The server's clock: tests move it with `clock.advance(seconds)` instead of sleeping. */
  readonly clock: TestClock;
  close(): Promise<void>;
}

export class TestClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;
  now = (): Date => new Date((this.frozenAt ?? Date.now()) + this.offsetMs);
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
  /** Stops the clock (only `advance` moves it then): what a cache keeps holds however slow the test. */
  freeze(): void {
    this.frozenAt ??= Date.now();
  }
}

export function testDatabaseUri(): string {
  const uri = process.env.OAS_TEST_MONGODB_URI;
  if (!uri)
    throw new Error(
      'OAS_TEST_MONGODB_URI is not set: run the tests with `npm test` (jest global setup)',
    );
  return uri;
}

export function specAgent(app: Express): SpecAgent {
  const agent = supertest(app);
  const wrap = (method: Method) => (url: string) => agent[method](url).expect(assertMatchesSpec);
  return {
    get: wrap('get'),
    post: wrap('post'),
    put: wrap('put'),
    patch: wrap('patch'),
    delete: wrap('delete'),
  };
}

export interface TestServerOptions extends Omit<DepsOptions, 'now'> {
  /**
   * Joins another test server's database (a second server process sharing it) instead of
   * creating one; a joining server does not drop the database when it closes.
   */
  dbName?: string;
  /** Whether background work (the trigger scheduler's loop) runs; default true. */
  background?: boolean;
}

/** A full server (real HTTP stack, real database) on a database of its own. */
export async function startTestServer(
  env: Record<string, string> = {},
  { dbName: joined, background = true, ...options }: TestServerOptions = {},
): Promise<TestServer> {
  const uri = testDatabaseUri();
  const dbName = joined ?? `t_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    // The sandbox checks that Node runs with --no-node-snapshot (npm test sets it here).
    NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
    LOG_LEVEL: 'silent',
    MONGODB_DB_NAME: dbName,
    MONGODB_URI: uri,
    // Login rate limits stay out of the way of other suites; login-rate-limit.test.ts sets them.
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT: '100000',
    // The same for admin logins; admin-login-rate-limit.test.ts sets them.
    ADMIN_LOGIN_RATE_LIMIT_PER_IP: '100000',
    ADMIN_LOGIN_RATE_LIMIT_PER_KEY: '100000',
    ...env,
  });
  const conn = await connectDatabase(uri, dbName);
  const clock = new TestClock();
  const deps = await buildDeps(conn, config, createLogger(config.logLevel), {
    ...options,
    now: clock.now,
  });
  const app = createApp(deps);
  if (background) deps.start();
  return {
    app,
    deps,
    conn,
    api: specAgent(app),
    dbName,
    clock,
    close: async () => {
      await deps.stop();
      if (!joined) await conn.dropDatabase();
      await conn.close();
    },
  };
}

/** A test server listening on loopback, for clients that need a URL (realm-web, the CLI). */
export interface ListeningServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(srv: TestServer): Promise<ListeningServer> {
  const http = srv.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
