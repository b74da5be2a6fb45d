import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../apps/app.service';
import type { SecurityService } from './security.service';

type SecurityOps = 'adminGetRefreshTokenExpiration' | 'adminSetRefreshTokenExpiration';

export function securityHandlers(
  apps: AppService,
  security: SecurityService,
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
  };
}
