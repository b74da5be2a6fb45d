import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { ServerApiKeyService } from './server-api-key.service';

type ApiKeyOps =
  | 'adminListApiKeys'
  | 'adminCreateApiKey'
  | 'adminGetApiKey'
  | 'adminDeleteApiKey'
  | 'adminEnableApiKey'
  | 'adminDisableApiKey';

export function serverApiKeyHandlers(
  apps: AppService,
  keys: ServerApiKeyService,
): Pick<HandlerTable, ApiKeyOps> {
  return {
    adminListApiKeys: handler<'adminListApiKeys'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: await keys.list(s.appId) };
    }),
    adminCreateApiKey: handler<'adminCreateApiKey'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      return { status: 201, body: await keys.create(s.appId, body.name) };
    }),
    adminGetApiKey: handler<'adminGetApiKey'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: await keys.get(s.appId, params.apiKeyId) };
    }),
    adminDeleteApiKey: handler<'adminDeleteApiKey'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await keys.delete(s.appId, params.apiKeyId);
      return { status: 204 };
    }),
    adminEnableApiKey: handler<'adminEnableApiKey'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await keys.setDisabled(s.appId, params.apiKeyId, false);
      return { status: 204 };
    }),
    adminDisableApiKey: handler<'adminDisableApiKey'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await keys.setDisabled(s.appId, params.apiKeyId, true);
      return { status: 204 };
    }),
  };
}
