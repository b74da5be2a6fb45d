import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { loadSpec, type SpecOperation } from '../../src/http/spec';
import { anonLogin, enableProvider, type LoginTokens } from './client';
import { challengeFor, goAuthorization } from './digest';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './factories';
import { isAtlasError, isPublicApiPath } from './spec-check';
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

/**
 * The right `Authorization` for the operation at `path` (its exact path and query): a bearer
 * token from the world, or for HTTP Digest (the public API) the response to a fresh challenge
 * with the world's admin key, computed as the App Services CLI's Go client does.
 */
export async function rightAuthorization(
  srv: TestServer,
  op: SpecOperation,
  world: OperationWorld,
  path: string,
): Promise<string | undefined> {
  if (op.security === 'digestAuth') {
    return goAuthorization(await challengeFor(srv, path), {
      username: world.admin.key.publicKey,
      password: world.admin.key.privateKey,
      method: op.method.toUpperCase(),
      uri: path,
    });
  }
  const token = rightToken(op, world);
  return token ? `Bearer ${token}` : undefined;
}

/** A raw request (no spec assertion: the suites check the error shape themselves). */
export function request(srv: TestServer, op: SpecOperation, path: string): supertest.Test {
  return supertest(srv.app)[op.method](path);
}

/**
 * Asserts a response is not a server error and, if an error, has the App Services shape (Atlas'
 * shape under /api/public, the public API, with the status in `error`).
 */
export function expectClientErrorOrSuccess(res: supertest.Response, what: string): void {
  if (res.status >= 500) {
    throw new Error(`${what} → ${res.status} ${res.text.slice(0, 300)}`);
  }
  if (res.status >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    const body = res.body as { error?: unknown; error_code?: unknown };
    const path = (res as unknown as { req: { path: string } }).req.path.split('?')[0] ?? '';
    const shaped = isPublicApiPath(path)
      ? isAtlasError(res.body as Record<string, unknown>, res.status)
      : typeof body.error === 'string' && typeof body.error_code === 'string';
    if (!type.startsWith('application/json') || !shaped) {
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
