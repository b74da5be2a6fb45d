import type { Request } from 'express';
import { InvalidInputError } from '../../errors/app-error';
import { sendAttachment, sendJson } from '../../http/json';
import { handler, type Handler, type HandlerTable } from '../../http/typed-handler';
import type { AppService } from '../../domain/apps/app.service';
import { appScope } from '../app-scope';
import type { ConfigAsCodeService, ExportRequest, ImportBody } from './config-as-code.service';

type ConfigAsCodeOps =
  'adminExportApp' | 'adminPullAppConfiguration' | 'adminImportApp' | 'adminPushAppConfiguration';

type AppParams = { groupId: string; appId: string };

/** A zip arrives as bytes (parsed by its media type), the CLI's document as parsed JSON. */
function importBody(req: Request): ImportBody {
  const body: unknown = req.body;
  return Buffer.isBuffer(body) ? { zip: new Uint8Array(body) } : { json: body };
}

export function configAsCodeHandlers(
  apps: AppService,
  service: ConfigAsCodeService,
): Pick<HandlerTable, ConfigAsCodeOps> {
  /** `pull` answers JSON to a client that prefers it; `export` always answers the zip. */
  /** `export` takes the CLI's query; it always answers the zip. */
  const exportApp: Handler = async (req, res) => {
    const s = await appScope(req, req.params as AppParams, apps);
    const query = req.query as {
      deployment?: string;
      template?: boolean;
      source_control?: boolean;
    };
    if (query.template && query.source_control) {
      throw new InvalidInputError('source_control and template cannot be used together');
    }
    const request: ExportRequest = { deployment: query.deployment, template: query.template };
    const { filename, zip } = await service.exportZip(s.app, request);
    sendAttachment(res, 'application/zip', filename, zip);
  };
  /** `pull` (the spec's, no query) answers JSON to a client that prefers it, else the zip. */
  const pullApp: Handler = async (req, res) => {
    const s = await appScope(req, req.params as AppParams, apps);
    if (req.accepts(['application/zip', 'application/json']) === 'application/json') {
      sendJson(res, 200, await service.exportDocument(s.app, {}));
      return;
    }
    const { filename, zip } = await service.exportZip(s.app, {});
    sendAttachment(res, 'application/zip', filename, zip);
  };
  return {
    adminExportApp: exportApp,
    adminPullAppConfiguration: pullApp,
    adminImportApp: handler<'adminImportApp'>(async ({ req, params, query }) => {
      const s = await appScope(req, params, apps);
      const diff = query.diff === true;
      const changes = await service.import(s.appId, s.adminId, importBody(req), { diff });
      return diff ? { status: 200, body: changes } : { status: 204 };
    }),
    adminPushAppConfiguration: handler<'adminPushAppConfiguration'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await service.import(s.appId, s.adminId, importBody(req), { diff: false });
      return { status: 204 };
    }),
  };
}
