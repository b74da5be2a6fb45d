import type { AdminGroups } from '../domain/admins/admin-groups';
import { requestOrigin, type OriginSettings } from '../http/request-origin';
import { handler, type HandlerTable } from '../http/typed-handler';
import { adminKeyPrincipal } from './atlas-principal';
import { toGroupsPage } from './groups.mapper';

export interface AtlasGroupsDeps {
  groups: AdminGroups;
  /** Where the paging links get their origin. */
  origin: OriginSettings;
}

const GROUPS_PATH = '/api/public/v1.0/groups';

export function atlasGroupsHandlers(d: AtlasGroupsDeps): Pick<HandlerTable, 'atlasListGroups'> {
  return {
    atlasListGroups: handler<'atlasListGroups'>(async ({ req, query }) => {
      const ids = await d.groups.visibleGroupIds(adminKeyPrincipal(req).roles);
      const page = { pageNum: query.pageNum ?? 1, itemsPerPage: query.itemsPerPage ?? 100 };
      return {
        status: 200,
        body: toGroupsPage(ids, page, `${requestOrigin(req, d.origin)}${GROUPS_PATH}`),
      };
    }),
  };
}
