import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toValue, toValueInput, toValueSummary } from './value.mapper';
import type { ValueService } from './value.service';

type ValueOps =
  | 'adminListValues'
  | 'adminCreateValue'
  | 'adminGetValue'
  | 'adminUpdateValue'
  | 'adminDeleteValue';

export function valueHandlers(
  apps: AppService,
  values: ValueService,
): Pick<HandlerTable, ValueOps> {
  return {
    adminListValues: handler<'adminListValues'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: (await values.list(s.appId, s.adminId)).map(toValueSummary) };
    }),
    adminCreateValue: handler<'adminCreateValue'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      return {
        status: 201,
        body: toValue(await values.create(s.appId, s.adminId, toValueInput(body))),
      };
    }),
    adminGetValue: handler<'adminGetValue'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: toValue(await values.get(s.appId, s.adminId, params.valueId)) };
    }),
    adminUpdateValue: handler<'adminUpdateValue'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const value = await values.update(s.appId, s.adminId, params.valueId, toValueInput(body));
      return { status: 200, body: toValue(value) };
    }),
    adminDeleteValue: handler<'adminDeleteValue'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await values.delete(s.appId, s.adminId, params.valueId);
      return { status: 204 };
    }),
  };
}
