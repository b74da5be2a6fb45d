import { adminPrincipal, authorizeGroup } from '../access';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { toAppInstance } from './app.mapper';
import type { EnvironmentOf } from './app-environment';
import type { AppProduct, AppService, AppSummary } from '../../domain/apps/app.service';

type AppOps =
  | 'adminListApplications'
  | 'adminCreateApplication'
  | 'adminGetApplication'
  | 'adminDeleteApplication';

export function appHandlers(
  apps: AppService,
  environmentOf: EnvironmentOf,
): Pick<HandlerTable, AppOps> {
  const instance = async (app: AppSummary) => toAppInstance(app, await environmentOf(app));
  return {
    adminListApplications: handler<'adminListApplications'>(async ({ req, params, query }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      const products: AppProduct[] = query.product?.length
        ? [...new Set(query.product)]
        : ['standard'];
      const list = await apps.list(groupId, products);
      return { status: 200, body: await Promise.all(list.map(instance)) };
    }),

    adminCreateApplication: handler<'adminCreateApplication'>(
      async ({ req, params, query, body }) => {
        const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
        const app = await apps.create(groupId, { ...body, product: query.product ?? 'standard' });
        // A new app's config starts with the environment it was created with.
        return { status: 201, body: toAppInstance(app, body.environment ?? '') };
      },
    ),

    adminGetApplication: handler<'adminGetApplication'>(async ({ req, params }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      return { status: 200, body: await instance(await apps.get(groupId, params.appId)) };
    }),

    adminDeleteApplication: handler<'adminDeleteApplication'>(async ({ req, params }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      await apps.delete(groupId, params.appId);
      return { status: 204 };
    }),
  };
}
