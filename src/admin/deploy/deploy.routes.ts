import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { EnvironmentOf } from '../apps/app-environment';
import { toAppInstance } from '../apps/app.mapper';
import type { AppService } from '../../domain/apps/app.service';
import type { DeployConfigService } from './deploy-config.service';
import { toDeployment, toDiff } from './deploy.mapper';
import type { DeploymentService } from '../../domain/deployments/deployment.service';
import type { DraftService } from '../../domain/deployments/draft.service';

export interface DeployDeps {
  apps: AppService;
  drafts: DraftService;
  deployments: DeploymentService;
  deployConfig: DeployConfigService;
  environmentOf: EnvironmentOf;
}

type DeployOps =
  | 'adminListDeploymentDrafts'
  | 'adminCreateDeploymentDraft'
  | 'adminDiscardDraft'
  | 'adminDeployDraft'
  | 'adminDeployDraftDiff'
  | 'adminListDeployments'
  | 'adminGetDeployment'
  | 'adminRedeployDeployment'
  | 'adminGetDeploymentConfig'
  | 'adminConfigureDeployment';

export function deployHandlers(d: DeployDeps): Pick<HandlerTable, DeployOps> {
  return {
    adminListDeploymentDrafts: handler<'adminListDeploymentDrafts'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const drafts = await d.drafts.list(s.appId, s.adminId);
      const app = toAppInstance(s.app, await d.environmentOf(s.app));
      return {
        status: 200,
        body: drafts.map((x) => ({ _id: x._id.toHexString(), user_id: x.user_id, app })),
      };
    }),

    adminCreateDeploymentDraft: handler<'adminCreateDeploymentDraft'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const draft = await d.drafts.open(s.appId, s.adminId);
      return {
        status: 201,
        body: {
          _id: draft._id.toHexString(),
          user_id: draft.user_id,
          app: toAppInstance(s.app, await d.environmentOf(s.app)),
        },
      };
    }),

    adminDiscardDraft: handler<'adminDiscardDraft'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      await d.drafts.discard(s.appId, s.adminId, params.draftId);
      return { status: 204 };
    }),

    adminDeployDraft: handler<'adminDeployDraft'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, d.apps);
      const deployment = await d.drafts.deploy(s.appId, s.adminId, params.draftId, body?.name);
      return { status: 201, body: toDeployment(deployment, s.app.location) };
    }),

    adminDeployDraftDiff: handler<'adminDeployDraftDiff'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const plan = await d.drafts.plan(s.appId, s.adminId, params.draftId);
      return {
        status: 200,
        body: toDiff([...plan.diffs, ...plan.conflicts.map((c) => `conflict: ${c}`)]),
      };
    }),

    adminListDeployments: handler<'adminListDeployments'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      const list = await d.deployments.list(s.appId);
      return { status: 200, body: list.map((x) => toDeployment(x, s.app.location)) };
    }),

    adminGetDeployment: handler<'adminGetDeployment'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      return {
        status: 200,
        body: toDeployment(await d.deployments.get(s.appId, params.deploymentId), s.app.location),
      };
    }),

    adminRedeployDeployment: handler<'adminRedeployDeployment'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      await d.deployments.redeploy(s.appId, s.adminId, params.deploymentId);
      return { status: 204 };
    }),

    adminGetDeploymentConfig: handler<'adminGetDeploymentConfig'>(async ({ req, params }) => {
      const s = await appScope(req, params, d.apps);
      return { status: 200, body: await d.deployConfig.get(s.appId) };
    }),

    adminConfigureDeployment: handler<'adminConfigureDeployment'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, d.apps);
      await d.deployConfig.update(s.appId, body);
      return { status: 204 };
    }),
  };
}
