import type { DbConnection } from '../db/connection';
import { adminKeyModel } from '../domain/admins/admin-key.model';
import { adminSessionModel } from '../domain/admins/admin-session.model';
import { apiKeyModel } from '../domain/api-keys/api-key.model';
import { appLogModel } from '../domain/app-logs/app-log.model';
import { appModel } from '../domain/apps/app.model';
import { dataSourceClaimModel } from '../domain/data-sources/data-source-claim.model';
import { deploymentConfigModel } from '../domain/deployments/deployment-config.model';
import { deploymentModel } from '../domain/deployments/deployment.model';
import { draftModel, draftRevisionModel } from '../domain/deployments/draft.model';
import { secretModel } from '../domain/secrets/secret.model';
import { serverSecretModel } from '../domain/server-secrets/server-secret.model';
import { signingKeyModel } from '../domain/sessions/signing-keys';
import { userSessionModel } from '../domain/sessions/user-session.model';
import { authTriggerClaimModel } from '../domain/triggers/auth-trigger-claim.model';
import { authTriggerEventModel } from '../domain/triggers/auth-trigger-event.model';
import { triggerRunModel } from '../domain/triggers/trigger-run.model';
import { triggerScheduleModel } from '../domain/triggers/trigger-schedule.model';
import { oauth2StateModel } from '../domain/oauth2-states/oauth2-state.model';
import { rateLimitSlotModel } from '../domain/rate-limits/rate-limit-slot.model';
import { redemptionModel } from '../domain/userpass/userpass-redemption.model';
import { userpassAccountModel, userpassTokenModel } from '../domain/userpass/userpass.model';
import { identityClaimModel, userModel } from '../domain/users/user.model';

/**
 * Every Mongoose model of the connection (one per collection), their indexes ensured. Each model
 * declares whose documents it holds (domain/ownership.ts); deleting an app or a user walks the
 * connection's models in this order.
 */
export async function openModels(conn: DbConnection) {
  const models = {
    adminKeys: adminKeyModel(conn),
    adminSessions: adminSessionModel(conn),
    serverSecrets: serverSecretModel(conn),
    apps: appModel(conn),
    deployments: deploymentModel(conn),
    deploymentConfigs: deploymentConfigModel(conn),
    drafts: draftModel(conn),
    draftRevisions: draftRevisionModel(conn),
    secrets: secretModel(conn),
    users: userModel(conn),
    identityClaims: identityClaimModel(conn),
    userSessions: userSessionModel(conn),
    signingKeys: signingKeyModel(conn),
    userpassAccounts: userpassAccountModel(conn),
    userpassTokens: userpassTokenModel(conn),
    userpassRedemptions: redemptionModel(conn),
    apiKeys: apiKeyModel(conn),
    dataSourceClaims: dataSourceClaimModel(conn),
    appLogs: appLogModel(conn),
    triggerSchedules: triggerScheduleModel(conn),
    triggerRuns: triggerRunModel(conn),
    authTriggerEvents: authTriggerEventModel(conn),
    authTriggerClaims: authTriggerClaimModel(conn),
    rateLimitSlots: rateLimitSlotModel(conn),
    oauth2States: oauth2StateModel(conn),
  };
  await Promise.all(Object.values(models).map((m) => (m as { init(): Promise<unknown> }).init()));
  return models;
}

export type Models = Awaited<ReturnType<typeof openModels>>;
