import { adminPrincipal } from '../access';
import { handler, type HandlerTable } from '../../http/typed-handler';
import type { AdminTokenService } from '../../domain/admins/admin-token.service';
import type { AdminGroups } from '../../domain/admins/admin-groups';
import type { AdminLoginService } from './admin-login.service';

export interface AdminAuthDeps {
  adminTokens: AdminTokenService;
  adminLogin: AdminLoginService;
  groups: AdminGroups;
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
      // An org owner's groups are listed as GROUP_OWNER roles, so that tools which discover
      // groups from the profile (the App Services CLI does) find them.
      const roles = await deps.groups.profileRoles(principal.roles);
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
