import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { CustomUserDataService } from './custom-user-data.service';

type CustomUserDataOps = 'adminGetCustomUserDataConfig' | 'adminSetCustomUserDataConfig';

export function customUserDataHandlers(
  apps: AppService,
  customUserData: CustomUserDataService,
): Pick<HandlerTable, CustomUserDataOps> {
  return {
    adminGetCustomUserDataConfig: handler<'adminGetCustomUserDataConfig'>(
      async ({ req, params }) => {
        const s = await appScope(req, params, apps);
        const c = await customUserData.get(s.appId, s.adminId);
        return {
          status: 200,
          body: {
            enabled: c.enabled,
            mongo_service_id: c.mongo_service_id,
            database_name: c.database_name,
            collection_name: c.collection_name,
            user_id_field: c.user_id_field,
            on_user_creation_function_id: c.on_user_creation_function_id,
          },
        };
      },
    ),
    adminSetCustomUserDataConfig: handler<'adminSetCustomUserDataConfig'>(
      async ({ req, params, body }) => {
        const s = await appScope(req, params, apps);
        await customUserData.update(s.appId, s.adminId, body);
        return { status: 204 };
      },
    ),
  };
}
