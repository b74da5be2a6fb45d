import type mongoose from 'mongoose';
import { adminKeyModel } from './admin/admin-keys/admin-key.model';
import { AdminKeyService } from './admin/admin-keys/admin-key.service';
import { adminAuthHandlers } from './admin/auth/admin-auth.routes';
import { adminSessionModel } from './admin/auth/admin-session.model';
import { AdminTokenService } from './admin/auth/admin-token.service';
import { appModel } from './admin/apps/app.model';
import { appHandlers } from './admin/apps/app.routes';
import { AppService, type AppOwnedCollection } from './admin/apps/app.service';
import type { Config } from './config/config';
import { getOrCreateServerSecret } from './db/server-secrets';
import { healthHandlers } from './http/health.routes';
import type { TokenVerifier } from './http/authenticate';
import type { SecuritySchemeName } from './http/spec';
import type { HandlerTable } from './http/typed-handler';
import type { Logger } from './logging/logger';

/** Everything the HTTP app needs, built once from a connection and the config. */
export interface Deps {
  readonly config: Config;
  readonly log: Logger;
  readonly conn: mongoose.Connection;
  readonly adminKeys: AdminKeyService;
  readonly adminTokens: AdminTokenService;
  readonly apps: AppService;
  readonly handlers: HandlerTable;
  readonly verifiers: Partial<Record<SecuritySchemeName, TokenVerifier>>;
}

/** Collections whose documents belong to an app (field holding the app's ObjectId). */
const APP_OWNED_COLLECTIONS: readonly AppOwnedCollection[] = [];

export interface DepsOptions {
  /** The clock every service reads; tests move it instead of sleeping. */
  now?: () => Date;
}

export async function buildDeps(
  conn: mongoose.Connection,
  config: Config,
  log: Logger,
  options: DepsOptions = {},
): Promise<Deps> {
  const now = options.now ?? (() => new Date());
  const keyModel = adminKeyModel(conn);
  const sessionModel = adminSessionModel(conn);
  const apps = appModel(conn);
  await Promise.all([keyModel.init(), sessionModel.init(), apps.init()]);

  const adminKeys = new AdminKeyService(keyModel);
  const adminTokens = new AdminTokenService(
    sessionModel,
    adminKeys,
    await getOrCreateServerSecret(conn, 'admin-token-hs256'),
    {
      accessTtlSeconds: config.adminAccessTokenTtlSeconds,
      refreshTtlSeconds: config.adminRefreshTokenTtlSeconds,
    },
    now,
  );
  const appService = new AppService(apps, conn, APP_OWNED_COLLECTIONS, now);

  const handlers: HandlerTable = {
    ...healthHandlers(conn),
    ...adminAuthHandlers({ adminTokens, apps: appService }),
    ...appHandlers(appService),
  };
  return {
    config,
    log,
    conn,
    adminKeys,
    adminTokens,
    apps: appService,
    handlers,
    verifiers: {
      tokenAuth: (token) => adminTokens.verifyAccessToken(token),
      refreshAuth: (token) => adminTokens.verifyRefreshToken(token),
    },
  };
}
