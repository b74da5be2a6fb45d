import type { Request } from 'express';
import { adminPrincipal, authorizeGroup } from './access';
import type { AdminPrincipal } from '../domain/admins/admin-token.service';
import type { AppService, AppSummary } from '../domain/apps/app.service';

export interface AppScope {
  readonly principal: AdminPrincipal;
  /** The admin's id: drafts are per admin. */
  readonly adminId: string;
  readonly groupId: string;
  readonly appId: string;
  readonly app: AppSummary;
}

/**
 * For routes under /groups/{groupId}/apps/{appId}: checks the admin may use the group, then that
 * the app exists in that group (404 otherwise, whoever owns it).
 */
export async function appScope(
  req: Request,
  params: { groupId: string; appId: string },
  apps: AppService,
): Promise<AppScope> {
  const principal = adminPrincipal(req);
  const groupId = authorizeGroup(principal, params.groupId);
  const app = await apps.get(groupId, params.appId);
  return { principal, adminId: principal.keyId, groupId, appId: app._id.toHexString(), app };
}
