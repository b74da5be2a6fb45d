import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toTrigger, toTriggerInput } from './trigger.mapper';
import type { TriggerService } from './trigger.service';

type TriggerOps =
  | 'adminListTriggers'
  | 'adminCreateTrigger'
  | 'adminGetTrigger'
  | 'adminUpdateTrigger'
  | 'adminDeleteTrigger';

export function triggerHandlers(
  apps: AppService,
  triggers: TriggerService,
): Pick<HandlerTable, TriggerOps> {
  return {
    adminListTriggers: handler<'adminListTriggers'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: (await triggers.list(s.appId, s.adminId)).map(toTrigger) };
    }),
    adminCreateTrigger: handler<'adminCreateTrigger'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const trigger = await triggers.create(s.appId, s.adminId, toTriggerInput(body));
      return { status: 201, body: toTrigger(trigger) };
    }),
    adminGetTrigger: handler<'adminGetTrigger'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const trigger = await triggers.get(s.appId, s.adminId, params.triggerId);
      return { status: 200, body: toTrigger(trigger) };
    }),
    adminUpdateTrigger: handler<'adminUpdateTrigger'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await triggers.update(s.appId, s.adminId, params.triggerId, toTriggerInput(body));
      return { status: 204 };
    }),
    adminDeleteTrigger: handler<'adminDeleteTrigger'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await triggers.delete(s.appId, s.adminId, params.triggerId);
      return { status: 200, body: {} };
    }),
  };
}
