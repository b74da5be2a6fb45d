import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { LogsService } from './logs.service';

export function logsHandlers(
  apps: AppService,
  logs: LogsService,
): Pick<HandlerTable, 'adminGetLogs'> {
  return {
    adminGetLogs: handler<'adminGetLogs'>(async ({ req, params, query }) => {
      const s = await appScope(req, params, apps);
      const body = await logs.page(s.appId, {
        coId: query.co_id,
        userId: query.user_id,
        types: query.type,
        // The flag's presence is what counts, whatever its value (as in App Services).
        errorsOnly: query.errors_only !== undefined,
        startDate: query.start_date,
        endDate: query.end_date,
        skip: query.skip ?? 0,
        limit: query.limit ?? 100,
      });
      return { status: 200, body };
    }),
  };
}
