import { adminPrincipal, authorizeGroup } from '../access';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { toAppInstance } from './app.mapper';
import type { AppProduct, AppService } from '../../domain/apps/app.service';

type AppOps =
  | 'adminListApplications'
  | 'adminCreateApplication'
  | 'adminGetApplication'
  | 'adminDeleteApplication';

export function appHandlers(apps: AppService): Pick<HandlerTable, AppOps> {
  return {
    adminListApplications: handler<'adminListApplications'>(async ({ req, params, query }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      const products: AppProduct[] = query.product?.length
        ? [...new Set(query.product)]
        : ['standard'];
      const list = await apps.list(groupId, products);
      return { status: 200, body: list.map(toAppInstance) };
    }),

    adminCreateApplication: handler<'adminCreateApplication'>(
      async ({ req, params, query, body }) => {
        const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
        const app = await apps.create(groupId, { ...body, product: query.product ?? 'standard' });
        return { status: 201, body: toAppInstance(app) };
      },
    ),

    adminGetApplication: handler<'adminGetApplication'>(async ({ req, params }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      return { status: 200, body: toAppInstance(await apps.get(groupId, params.appId)) };
    }),

    adminDeleteApplication: handler<'adminDeleteApplication'>(async ({ req, params }) => {
      const groupId = authorizeGroup(adminPrincipal(req), params.groupId);
      await apps.delete(groupId, params.appId);
      return { status: 204 };
    }),
  };
}
