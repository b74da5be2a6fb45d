import type { AppService } from '../apps/app.service';
import type { AdminRole } from './admin-key.service';

/**
 * The groups (Atlas projects) an admin key sees. A group owner sees the groups its roles name. An
 * org owner may use every group; this server keeps no list of groups, so it is shown those that
 * have apps. Both the Admin API profile and the public API's group list answer from here.
 */
export class AdminGroups {
  constructor(private readonly apps: AppService) {}

  /** The key's roles, plus a GROUP_OWNER role for each group an org owner sees. */
  async profileRoles(roles: readonly AdminRole[]): Promise<AdminRole[]> {
    const out = roles.map((r) => ({ role_name: r.role_name, group_id: r.group_id }));
    if (!roles.some((r) => r.role_name === 'ORG_OWNER')) return out;
    for (const groupId of await this.apps.groupsWithApps()) {
      if (!out.some((r) => r.group_id === groupId))
        out.push({ role_name: 'GROUP_OWNER', group_id: groupId });
    }
    return out;
  }

  /** The ids of the groups the key sees, each once, in ascending order. */
  async visibleGroupIds(roles: readonly AdminRole[]): Promise<string[]> {
    const ids = (await this.profileRoles(roles))
      .filter((r) => r.role_name === 'GROUP_OWNER')
      .map((r) => r.group_id);
    return [...new Set(ids)].sort();
  }
}
