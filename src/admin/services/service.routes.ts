import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toClusterConfig, toService, toServiceSummary } from './service.mapper';
import type { ServiceService } from './service.service';

type ServiceOps =
  | 'adminListServices'
  | 'adminCreateService'
  | 'adminGetService'
  | 'adminUpdateService'
  | 'adminDeleteService'
  | 'adminGetServiceConfig'
  | 'adminUpdateServiceConfig';

export function serviceHandlers(
  apps: AppService,
  services: ServiceService,
): Pick<HandlerTable, ServiceOps> {
  return {
    adminListServices: handler<'adminListServices'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: (await services.list(s.appId, s.adminId)).map(toServiceSummary) };
    }),
    adminCreateService: handler<'adminCreateService'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      return { status: 201, body: toService(await services.create(s.appId, s.adminId, body)) };
    }),
    adminGetService: handler<'adminGetService'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return {
        status: 200,
        body: toService(await services.get(s.appId, s.adminId, params.serviceId)),
      };
    }),
    adminUpdateService: handler<'adminUpdateService'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const service = await services.update(s.appId, s.adminId, params.serviceId, body);
      return { status: 200, body: toService(service) };
    }),
    adminDeleteService: handler<'adminDeleteService'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await services.delete(s.appId, s.adminId, params.serviceId);
      return { status: 204 };
    }),
    adminGetServiceConfig: handler<'adminGetServiceConfig'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const service = await services.get(s.appId, s.adminId, params.serviceId);
      return { status: 200, body: toClusterConfig(service) };
    }),
    adminUpdateServiceConfig: handler<'adminUpdateServiceConfig'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await services.updateConfig(s.appId, s.adminId, params.serviceId, body);
      return { status: 204 };
    }),
  };
}
