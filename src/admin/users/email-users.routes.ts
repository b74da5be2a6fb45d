import { handler, type HandlerTable } from '../../http/typed-handler';
import type { UserpassAdminService } from './userpass-admin.service';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toPendingUser } from './email-users.mapper';
import { toAdminUser } from './user.mapper';

type EmailUserOps = 'adminCreateUser' | 'adminListPendingUsers' | 'adminConfirmPendingUser';

/** Email/password users in the Admin API: create one, list and confirm pending registrations. */
export function emailUserHandlers(
  apps: AppService,
  userpass: UserpassAdminService,
): Pick<HandlerTable, EmailUserOps> {
  return {
    adminCreateUser: handler<'adminCreateUser'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const user = await userpass.createUser(s.app.client_app_id, body.email, body.password);
      return { status: 201, body: toAdminUser(user) };
    }),
    adminListPendingUsers: handler<'adminListPendingUsers'>(async ({ req, params, query }) => {
      const s = await appScope(req, params, apps);
      const page = await userpass.pending(s.app.client_app_id, query.after);
      return { status: 200, body: page.accounts.map((a) => toPendingUser(a, page.domainId)) };
    }),
    adminConfirmPendingUser: handler<'adminConfirmPendingUser'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await userpass.confirm(s.app.client_app_id, params.email);
      return { status: 204 };
    }),
  };
}
