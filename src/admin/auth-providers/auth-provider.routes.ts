import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { fromConstructor, toAuthProvider, toAuthProviderSummary } from './auth-provider.mapper';
import type { AuthProviderService } from './auth-provider.service';

type AuthProviderOps =
  | 'adminListAuthProviders'
  | 'adminCreateAuthProvider'
  | 'adminGetAuthProvider'
  | 'adminUpdateAuthProvider'
  | 'adminDeleteAuthProvider'
  | 'adminEnableAuthProvider'
  | 'adminDisableAuthProvider';

export function authProviderHandlers(
  apps: AppService,
  providers: AuthProviderService,
): Pick<HandlerTable, AuthProviderOps> {
  return {
    adminListAuthProviders: handler<'adminListAuthProviders'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const list = await providers.list(s.appId, s.adminId);
      return { status: 200, body: list.map(toAuthProviderSummary) };
    }),

    adminCreateAuthProvider: handler<'adminCreateAuthProvider'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const created = await providers.create(s.appId, s.adminId, fromConstructor(body));
      return { status: 201, body: toAuthProvider(created) };
    }),

    adminGetAuthProvider: handler<'adminGetAuthProvider'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const provider = await providers.get(s.appId, s.adminId, params.providerId);
      return { status: 200, body: toAuthProvider(provider) };
    }),

    adminUpdateAuthProvider: handler<'adminUpdateAuthProvider'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await providers.update(s.appId, s.adminId, params.providerId, fromConstructor(body));
      return { status: 204 };
    }),

    adminDeleteAuthProvider: handler<'adminDeleteAuthProvider'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await providers.delete(s.appId, s.adminId, params.providerId);
      return { status: 204 };
    }),

    adminEnableAuthProvider: handler<'adminEnableAuthProvider'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await providers.setDisabled(s.appId, s.adminId, params.providerId, false);
      return { status: 204 };
    }),

    adminDisableAuthProvider: handler<'adminDisableAuthProvider'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await providers.setDisabled(s.appId, s.adminId, params.providerId, true);
      return { status: 204 };
    }),
  };
}
