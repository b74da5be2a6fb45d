import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import {
  toEnvironmentValue,
  toEnvironmentValueDescription,
  toEnvironmentValueInput,
} from './environment-value.mapper';
import type { EnvironmentValueService } from './environment-value.service';

type EnvironmentValueOps =
  | 'adminListEnvironmentValues'
  | 'adminCreateEnvironmentValue'
  | 'adminGetEnvironmentValue'
  | 'adminModifyEnvironmentValue'
  | 'adminDeleteEnvironmentValue';

export function environmentValueHandlers(
  apps: AppService,
  values: EnvironmentValueService,
): Pick<HandlerTable, EnvironmentValueOps> {
  return {
    adminListEnvironmentValues: handler<'adminListEnvironmentValues'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const list = await values.list(s.appId, s.adminId);
      return { status: 200, body: list.map(toEnvironmentValueDescription) };
    }),
    adminCreateEnvironmentValue: handler<'adminCreateEnvironmentValue'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        const created = await values.create(s.appId, s.adminId, toEnvironmentValueInput(body));
        return { status: 201, body: toEnvironmentValueDescription(created) };
      },
    ),
    adminGetEnvironmentValue: handler<'adminGetEnvironmentValue'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const value = await values.get(s.appId, s.adminId, params.environmentValueId);
      return { status: 200, body: toEnvironmentValue(value) };
    }),
    adminModifyEnvironmentValue: handler<'adminModifyEnvironmentValue'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        const value = await values.update(
          s.appId,
          s.adminId,
          params.environmentValueId,
          toEnvironmentValueInput(body),
        );
        return { status: 200, body: toEnvironmentValueDescription(value) };
      },
    ),
    adminDeleteEnvironmentValue: handler<'adminDeleteEnvironmentValue'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await values.delete(s.appId, s.adminId, params.environmentValueId);
      return { status: 204 };
    }),
  };
}
