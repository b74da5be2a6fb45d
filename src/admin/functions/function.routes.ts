import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toFunction, toFunctionInput, toFunctionSummary } from './function.mapper';
import type { FunctionService } from './function.service';

type FunctionOps =
  | 'adminListFunctions'
  | 'adminCreateFunction'
  | 'adminGetFunction'
  | 'adminUpdateFunction'
  | 'adminDeleteFunction';

export function functionHandlers(
  apps: AppService,
  functions: FunctionService,
): Pick<HandlerTable, FunctionOps> {
  return {
    adminListFunctions: handler<'adminListFunctions'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const list = await functions.list(s.appId, s.adminId);
      return { status: 200, body: list.map(toFunctionSummary) };
    }),
    adminCreateFunction: handler<'adminCreateFunction'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const fn = await functions.create(s.appId, s.adminId, toFunctionInput(body));
      return { status: 201, body: { _id: fn._id, name: fn.name } };
    }),
    adminGetFunction: handler<'adminGetFunction'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const fn = await functions.get(s.appId, s.adminId, params.functionId);
      return { status: 200, body: toFunction(fn) };
    }),
    adminUpdateFunction: handler<'adminUpdateFunction'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const fn = await functions.update(
        s.appId,
        s.adminId,
        params.functionId,
        toFunctionInput(body),
      );
      return { status: 200, body: toFunction(fn) };
    }),
    adminDeleteFunction: handler<'adminDeleteFunction'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await functions.delete(s.appId, s.adminId, params.functionId);
      return { status: 204 };
    }),
  };
}
