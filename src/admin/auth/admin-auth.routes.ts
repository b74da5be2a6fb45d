import { adminPrincipal, isOrgOwner } from '../access';
import { handler, type HandlerTable } from '../../http/typed-handler';
import type { AdminTokenService } from '../../domain/admins/admin-token.service';
import type { AppService } from '../../domain/apps/app.service';
import type { AdminLoginService } from './admin-login.service';

export interface AdminAuthDeps {
  adminTokens: AdminTokenService;
  adminLogin: AdminLoginService;
  apps: AppService;
}

type AdminAuthOps =
  | 'adminLogin'
  | 'adminCreateSession'
  | 'adminDeleteSession'
  | 'getAdminProfile'
  | 'getAdminAuthProviders';

export function adminAuthHandlers(deps: AdminAuthDeps): Pick<HandlerTable, AdminAuthOps> {
  return {
    adminLogin: handler<'adminLogin'>(async ({ body, req }) => ({
      status: 200,
      body: await deps.adminLogin.login(body.username, body.apiKey, req.ip),
    })),

    adminCreateSession: handler<'adminCreateSession'>(async ({ req }) => {
      const accessToken = await deps.adminTokens.accessTokenFor(adminPrincipal(req));
      return { status: 201, body: { access_token: accessToken } };
    }),

    adminDeleteSession: handler<'adminDeleteSession'>(async ({ req }) => {
      await deps.adminTokens.revoke(adminPrincipal(req));
      return { status: 204 };
    }),

    getAdminProfile: handler<'getAdminProfile'>(async ({ req }) => {
      const principal = adminPrincipal(req);
      const roles = principal.roles.map((r) => ({ role_name: r.role_name, group_id: r.group_id }));
      // An org owner may use every group; list those that have apps so that tools which
      // discover groups from the profile (the App Services CLI does) find them.
      if (isOrgOwner(principal)) {
        for (const groupId of await deps.apps.groupsWithApps()) {
          if (!roles.some((r) => r.group_id === groupId))
            roles.push({ role_name: 'GROUP_OWNER', group_id: groupId });
        }
      }
      return {
        status: 200,
        body: {
          user_id: principal.keyId,
          domain_id: principal.keyId,
          identities: [
            {
              id: principal.publicKey,
              provider_type: 'mongodb-cloud',
              provider_id: principal.keyId,
            },
          ],
          data: { name: principal.publicKey },
          type: 'normal',
          roles,
        },
      };
    }),

    getAdminAuthProviders: handler<'getAdminAuthProviders'>(() =>
      Promise.resolve({
        status: 200,
        body: [{ name: 'mongodb-cloud', type: 'mongodb-cloud', disabled: false }],
      }),
    ),
  };
}
