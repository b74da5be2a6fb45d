import type { DbConnection } from '../db/connection';
import { adminKeyModel } from '../domain/admins/admin-key.model';
import { adminSessionModel } from '../domain/admins/admin-session.model';
import { apiKeyModel } from '../domain/api-keys/api-key.model';
import { appModel } from '../domain/apps/app.model';
import { deploymentModel } from '../domain/deployments/deployment.model';
import { draftModel, draftRevisionModel } from '../domain/deployments/draft.model';
import { secretModel } from '../domain/secrets/secret.model';
import { signingKeyModel } from '../domain/sessions/signing-keys';
import { userSessionModel } from '../domain/sessions/user-session.model';
import { userpassAccountModel, userpassTokenModel } from '../domain/userpass/userpass.model';
import { identityClaimModel, userModel } from '../domain/users/user.model';

/** The Mongoose models of the connection, their indexes ensured. */
export async function openModels(conn: DbConnection) {
  const models = {
    adminKeys: adminKeyModel(conn),
    adminSessions: adminSessionModel(conn),
    apps: appModel(conn),
    deployments: deploymentModel(conn),
    drafts: draftModel(conn),
    draftRevisions: draftRevisionModel(conn),
    secrets: secretModel(conn),
    users: userModel(conn),
    identityClaims: identityClaimModel(conn),
    userSessions: userSessionModel(conn),
    signingKeys: signingKeyModel(conn),
    userpassAccounts: userpassAccountModel(conn),
    userpassTokens: userpassTokenModel(conn),
    apiKeys: apiKeyModel(conn),
  };
  await Promise.all(Object.values(models).map((m) => (m as { init(): Promise<unknown> }).init()));
  return models;
}

export type Models = Awaited<ReturnType<typeof openModels>>;
