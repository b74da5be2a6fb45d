import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { SecurityService } from './security.service';

type SecurityOps =
  | 'adminGetRefreshTokenExpiration'
  | 'adminSetRefreshTokenExpiration'
  | 'adminListAllowedRequestOrigins'
  | 'adminSetAllowedRequestOrigins'
  | 'adminRotateSigningKey';

/** The runtime's per-app token signing keys (SigningKeyStore). */
export interface SigningKeyRotator {
  /** Makes a new key the app's active one; returns its kid. */
  rotate(appId: string): Promise<string>;
}

export function securityHandlers(
  apps: AppService,
  security: SecurityService,
  signingKeys: SigningKeyRotator,
): Pick<HandlerTable, SecurityOps> {
  return {
    adminGetRefreshTokenExpiration: handler<'adminGetRefreshTokenExpiration'>(
      async ({ req, params }) => {
        const s = await appScope(req, params, apps);
        const seconds = await security.refreshTokenExpiration(s.appId, s.adminId);
        return { status: 200, body: { expiration_time_seconds: seconds } };
      },
    ),
    adminSetRefreshTokenExpiration: handler<'adminSetRefreshTokenExpiration'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        await security.setRefreshTokenExpiration(s.appId, s.adminId, body.expiration_time_seconds);
        return { status: 204 };
      },
    ),
    adminListAllowedRequestOrigins: handler<'adminListAllowedRequestOrigins'>(
      async ({ req, params }) => {
        const s = await appScope(req, params, apps);
        return { status: 200, body: await security.allowedRequestOrigins(s.appId, s.adminId) };
      },
    ),
    adminSetAllowedRequestOrigins: handler<'adminSetAllowedRequestOrigins'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        await security.setAllowedRequestOrigins(s.appId, s.adminId, body);
        return { status: 204 };
      },
    ),
    adminRotateSigningKey: handler<'adminRotateSigningKey'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: { kid: await signingKeys.rotate(s.appId) } };
    }),
  };
}
