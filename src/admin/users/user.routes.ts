import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { AdminUserService } from './user.service';

type UserOps =
  | 'adminListUsers'
  | 'adminGetUser'
  | 'adminDeleteUser'
  | 'adminEnableUser'
  | 'adminDisableUser'
  | 'adminUserLogout'
  | 'adminVerifyUserAccessToken';

export function adminUserHandlers(
  apps: AppService,
  users: AdminUserService,
): Pick<HandlerTable, UserOps> {
  return {
    adminListUsers: handler<'adminListUsers'>(async ({ req, params, query }) => {
      const s = await appScope(req, params, apps);
      const body = await users.list(s.appId, {
        after: query.after,
        desc: query.desc,
        status: query.status,
        providerTypes: query.provider_types,
      });
      return { status: 200, body };
    }),
    adminGetUser: handler<'adminGetUser'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: await users.get(s.appId, params.userId) };
    }),
    adminDeleteUser: handler<'adminDeleteUser'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await users.delete(s.appId, params.userId);
      return { status: 204 };
    }),
    adminEnableUser: handler<'adminEnableUser'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await users.setDisabled(s.appId, params.userId, false);
      return { status: 204 };
    }),
    adminDisableUser: handler<'adminDisableUser'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await users.setDisabled(s.appId, params.userId, true);
      return { status: 204 };
    }),
    adminUserLogout: handler<'adminUserLogout'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await users.logout(s.appId, params.userId);
      return { status: 204 };
    }),
    adminVerifyUserAccessToken: handler<'adminVerifyUserAccessToken'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        return { status: 200, body: await users.verifyToken(s.appId, body.token) };
      },
    ),
  };
}
