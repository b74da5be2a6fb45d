import type { ConfigStore } from '../../domain/deployments/config-store';
import type { AppService } from '../../domain/apps/app.service';
import { requestOrigin, type OriginSettings } from '../../http/request-origin';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import { toAppDescription } from './app-description.mapper';

export interface AppDescriptionDeps {
  apps: AppService;
  configStore: ConfigStore;
  /** Where the app's console page (`realm_url`) gets its origin. */
  origin: OriginSettings;
}

export function appDescriptionHandlers(
  d: AppDescriptionDeps,
): Pick<HandlerTable, 'adminGetAppDescription'> {
  return {
    adminGetAppDescription: handler<'adminGetAppDescription'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const config = await d.configStore.view(s.appId, s.adminId);
      // The app's page in the admin console (its routes are in the fragment), as App Services
      // gives its UI's dashboard of the app.
      const consoleUrl = `${requestOrigin(req, d.origin)}/console/#/g/${s.groupId}/a/${s.appId}`;
      return { status: 200, body: toAppDescription(s.app, config, consoleUrl) };
    }),
  };
}
