import { decodeArguments, requestInfo } from '../../functions/function-request';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toDebugResult } from './function-debug.mapper';
import type { FunctionDebugService } from './function-debug.service';

type DebugOps = 'adminExecuteFunction' | 'adminExecuteFunctionSource';

export function functionDebugHandlers(
  apps: AppService,
  debug: FunctionDebugService,
): Pick<HandlerTable, DebugOps> {
  return {
    adminExecuteFunction: handler<'adminExecuteFunction'>(async ({ req, params, query, body }) => {
      const s = await appScope(req, params, apps);
      const execution = await debug.executeFunction(
        s,
        { userId: query.user_id, runAsSystem: query.run_as_system },
        { name: body.name, args: decodeArguments(body.arguments), service: body.service },
        requestInfo(req),
      );
      return { status: 200, body: toDebugResult(execution) };
    }),
    adminExecuteFunctionSource: handler<'adminExecuteFunctionSource'>(
      async ({ req, params, query, body }) => {
        const s = await appScope(req, params, apps);
        const execution = await debug.executeSource(
          s,
          { userId: query.user_id, runAsSystem: query.run_as_system },
          { source: body.source, evalSource: body.eval_source },
          requestInfo(req),
        );
        return { status: 200, body: toDebugResult(execution) };
      },
    ),
  };
}
