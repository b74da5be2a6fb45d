import type { Request } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors/app-error';
import type { AdminPrincipal } from '../domain/admins/admin-token.service';

/** The admin the request was authenticated as (set by the tokenAuth/refreshAuth middleware). */
export function adminPrincipal(req: Request): AdminPrincipal {
  const user = req.user as AdminPrincipal | undefined;
  if (user?.kind !== 'admin')
    throw new UnauthorizedError('must authenticate first', 'MissingAuthReq');
  return user;
}

export function isOrgOwner(principal: AdminPrincipal): boolean {
  return principal.roles.some((r) => r.role_name === 'ORG_OWNER');
}

/**
 * Returns the normalized group id when the admin may act on it: an org owner on any group, a
 * group owner on the groups its roles name. Other groups are refused before any data is read.
 */
export function authorizeGroup(principal: AdminPrincipal, groupId: string): string {
  const id = groupId.toLowerCase();
  if (isOrgOwner(principal)) return id;
  if (principal.roles.some((r) => r.role_name === 'GROUP_OWNER' && r.group_id === id)) return id;
  throw new ForbiddenError('you do not have access to this group', 'GroupAccessDenied');
}
