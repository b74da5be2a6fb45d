import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { EnvironmentOf } from '../apps/app-environment';
import { toAppInstance } from '../apps/app.mapper';
import type { EnvironmentService } from './environment.service';

export function environmentHandlers(
  apps: AppService,
  environments: EnvironmentService,
  environmentOf: EnvironmentOf,
): Pick<HandlerTable, 'adminSetEnvironment'> {
  return {
    adminSetEnvironment: handler<'adminSetEnvironment'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await environments.set(s.appId, s.adminId, body.environment);
      // Read again: a deploy moved the app's last_modified (and this process sees it at once).
      const app = await apps.get(s.groupId, s.appId);
      return { status: 200, body: toAppInstance(app, await environmentOf(app)) };
    }),
  };
}
