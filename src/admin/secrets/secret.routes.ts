import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import type { SecretService } from './secret.service';

type SecretOps =
  'adminGetAllSecrets' | 'adminCreateASecret' | 'adminModifyASecret' | 'adminDeleteSecret';

export function secretHandlers(
  apps: AppService,
  secrets: SecretService,
): Pick<HandlerTable, SecretOps> {
  return {
    adminGetAllSecrets: handler<'adminGetAllSecrets'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      return { status: 200, body: await secrets.list(s.appId) };
    }),
    adminCreateASecret: handler<'adminCreateASecret'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      return { status: 201, body: await secrets.create(s.appId, body.name, body.value) };
    }),
    adminModifyASecret: handler<'adminModifyASecret'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await secrets.update(s.appId, params.secretId, body.name, body.value);
      return { status: 204 };
    }),
    adminDeleteSecret: handler<'adminDeleteSecret'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await secrets.delete(s.appId, params.secretId);
      return { status: 204 };
    }),
  };
}
