import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { loadSpec, type SpecOperation } from '../../src/http/spec';
import { anonLogin, enableProvider, type LoginTokens } from './client';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './factories';
import type { TestServer } from './test-server';

/** Every operation of openapi.yaml, in the spec's order. */
export const OPERATIONS: readonly SpecOperation[] = loadSpec().operations;

/** A fresh world for one operation: an admin of every group, an app of group A, a user of it. */
export interface OperationWorld {
  admin: AdminSession;
  app: { _id: string; client_app_id: string };
  user: LoginTokens;
}

/**
 * A new admin session, app (anonymous logins on) and anonymous user, so that an operation that
 * revokes a session or deletes the app cannot disturb the next one.
 */
export async function newWorld(srv: TestServer): Promise<OperationWorld> {
  const admin = await adminLogin(srv, 'org');
  const app = await createApp(srv, admin);
  await enableProvider(srv, admin, app._id, 'anon-user');
  const user = await anonLogin(srv, app.client_app_id);
  return { admin, app, user };
}

export const randomObjectId = (): string => randomBytes(12).toString('hex');

/** The operation's path with its parameters filled from the world (unknown ids are random). */
export function concretePath(
  op: SpecOperation,
  world: OperationWorld,
  override: Record<string, string> = {},
): string {
  return op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    if (override[name] !== undefined) return override[name];
    switch (name) {
      case 'groupId':
        return GROUP_A;
      case 'appId':
        return world.app._id;
      case 'client_app_id':
        return world.app.client_app_id;
      case 'email':
        return 'someone@example.com';
      case 'provider':
        return 'anon-user';
      default:
        return randomObjectId();
    }
  });
}

/** The bearer token the operation's security scheme asks for, from the world. */
export function rightToken(op: SpecOperation, world: OperationWorld): string | undefined {
  switch (op.security) {
    case 'tokenAuth':
      return world.admin.accessToken;
    case 'refreshAuth':
      return world.admin.refreshToken;
    case 'userAccessAuth':
      return world.user.access_token;
    case 'userRefreshAuth':
      return world.user.refresh_token;
    default:
      return undefined;
  }
}

/** A raw request (no spec assertion: the suites check the error shape themselves). */
export function request(srv: TestServer, op: SpecOperation, path: string): supertest.Test {
  return supertest(srv.app)[op.method](path);
}

/** Asserts a response is not a server error and, if an error, has the App Services shape. */
export function expectClientErrorOrSuccess(res: supertest.Response, what: string): void {
  if (res.status >= 500) {
    throw new Error(`${what} → ${res.status} ${res.text.slice(0, 300)}`);
  }
  if (res.status >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    const body = res.body as { error?: unknown; error_code?: unknown };
    if (
      !type.startsWith('application/json') ||
      typeof body.error !== 'string' ||
      typeof body.error_code !== 'string'
    ) {
      throw new Error(`${what} → ${res.status} without the error shape: ${res.text.slice(0, 300)}`);
    }
  }
}

/** Runs `task` over `items` with at most `width` in flight. */
export async function inBatches<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(workers);
}
