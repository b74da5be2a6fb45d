import type { ConfigStore } from '../../domain/deployments/config-store';
import type { AppService } from '../../domain/apps/app.service';
import { requestOrigin, type OriginSettings } from '../../http/request-origin';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import { toAppDescription } from './app-description.mapper';

export interface AppDescriptionDeps {
  apps: AppService;
  configStore: ConfigStore;
  /** Where the app's URL (`realm_url`) gets its origin. */
  origin: OriginSettings;
}

export function appDescriptionHandlers(
  d: AppDescriptionDeps,
): Pick<HandlerTable, 'adminGetAppDescription'> {
  return {
    adminGetAppDescription: handler<'adminGetAppDescription'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const config = await d.configStore.view(s.appId, s.adminId);
      const appUrl = `${requestOrigin(req, d.origin)}/api/admin/v3.0/groups/${s.groupId}/apps/${s.appId}`;
      return { status: 200, body: toAppDescription(s.app, config, appUrl) };
    }),
  };
}
